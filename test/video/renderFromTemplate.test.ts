/**
 * Video → Render from Template: the template list, its variables as the mapper's fields, each
 * item's variables checked against the template before any order, the exact orders, the wait.
 */
import nock from 'nock';

import {
	jobAnswer,
	JOBS_PATH,
	PREVIEW_PATH,
	previewJobAnswer,
	RENDER_PATH,
	serveGeneration,
	VIDEO_HOST,
	videoBytes,
} from '../fakePictory';
import {
	API_KEY,
	BASE_URL,
	loadDropdown,
	loadResourceMapperFields,
	runPictoryNode,
} from '../harness';
import { templateDetails, templatePath, TEMPLATES, TEMPLATES_PATH } from '../templateFixtures';

const JOB_ID = 'c0ffee00-0000-4000-8000-000000000019';

/** The three rows of a sheet. */
const ROWS = [
	{ name: 'Ana', company: 'Acme', offer: '10% off' },
	{ name: 'Bo', company: 'Globex', offer: 'free shipping' },
	{ name: 'Chen', company: 'Initech', offer: 'a demo' },
];

const schema = ['Name', 'Company', 'Offer'].map((id) => ({
	id,
	displayName: id,
	required: false,
	defaultMatch: false,
	display: true,
	type: 'string',
	canBeUsedToMatch: false,
}));

const mapped = (value: Record<string, string>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema,
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

const FROM_ROW = mapped({
	Name: '={{ $json.name }}',
	Company: '={{ $json.company }}',
	Offer: '={{ $json.offer }}',
});

const renderFromTemplate = (
	parameters: Record<string, unknown> = {},
	options: Parameters<typeof runPictoryNode>[1] = { input: ROWS },
) =>
	runPictoryNode(
		{
			resource: 'video',
			operation: 'renderFromTemplate',
			template: { __rl: true, mode: 'list', value: 'tpl-welcome' },
			videoName: '=Welcome {{ $json.name }}',
			variables: FROM_ROW,
			waitForCompletion: false,
			...parameters,
		},
		options,
	);

/** GET /v1/templates/{id} as Pictory answers it, the paths asked for recorded. */
function serveTemplates() {
	const asked: string[] = [];
	nock(BASE_URL)
		.persist()
		.get(/\/v1\/templates\/[^/]+$/)
		.reply(function (uri) {
			asked.push(uri);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			const template = templateDetails(decodeURIComponent(uri.split('/').pop()!));
			return template ? [200, template] : [404, { message: 'Template not found' }];
		});
	return asked;
}

const orderBodies = (requests: Array<{ method: string; body?: unknown }>) =>
	requests.filter((request) => request.method === 'POST').map((request) => request.body);

describe('Video → Render from Template', () => {
	test('three rows: three orders, each with its own variables, after one template read', async () => {
		const asked = serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { items, error } = await renderFromTemplate();

		expect(error).toBeUndefined();
		expect(asked).toEqual([templatePath('tpl-welcome')]);
		expect(requests.map((request) => [request.method, request.path])).toEqual([
			['POST', RENDER_PATH],
			['POST', RENDER_PATH],
			['POST', RENDER_PATH],
		]);
		expect(orderBodies(requests)).toEqual(
			ROWS.map((row) => ({
				videoName: `Welcome ${row.name}`,
				templateId: 'tpl-welcome',
				variables: { Name: row.name, Company: row.company, Offer: row.offer },
			})),
		);
		expect(items).toEqual(
			ROWS.map((_, item) => ({ json: { jobId: JOB_ID }, pairedItem: { item } })),
		);
	});

	test('name/value pairs, for expressions: the same order', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(
			{
				variablesInput: 'pairs',
				variablePairs: {
					variable: [
						{ name: 'Name', value: '={{ $json.name }}' },
						{ name: ' Company ', value: '={{ $json.company.toUpperCase() }}' },
						{ name: 'Offer', value: '  {{ $json.offer }}' },
					],
				},
				additionalFields: { passThroughData: '={{ { row: $json.name } }}' },
			},
			{ input: [ROWS[0]] },
		);

		expect(error).toBeUndefined();
		expect(orderBodies(requests)).toEqual([
			{
				videoName: 'Welcome Ana',
				templateId: 'tpl-welcome',
				variables: { Name: 'Ana', Company: 'ACME', Offer: '{{ $json.offer }}' },
				webhookInput: { row: 'Ana' },
			},
		]);
	});

	test("auto-mapping takes the item's fields named like the variables", async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(
			{ variables: { ...FROM_ROW, mappingMode: 'autoMapInputData', value: null } },
			{ input: [{ Name: 'Dee', Company: 'Umbrella', Offer: 42, other: 'not sent' }] },
		);

		expect(error).toBeUndefined();
		expect(orderBodies(requests)).toEqual([
			{
				videoName: 'Welcome',
				templateId: 'tpl-welcome',
				variables: { Name: 'Dee', Company: 'Umbrella', Offer: '42' },
			},
		]);
	});

	test('a row with an empty variable fails the run before any request: no row is ordered', async () => {
		const asked = serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(
			{},
			{
				input: [ROWS[0], { ...ROWS[1], company: '  ' }, ROWS[2]],
			},
		);

		expect(error?.message).toBe('The variable "Company" is empty');
		expect(error?.description).toContain('turn on Allow Empty Variables');
		expect(requests).toHaveLength(0);
		expect(asked.length).toBeLessThanOrEqual(1);
	});

	test('a variable the item leaves out is refused once the template is known, nothing ordered', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(
			{
				variablesInput: 'pairs',
				variablePairs: { variable: [{ name: 'Name', value: 'Ana' }] },
			},
			{ input: [ROWS[0], ROWS[1]] },
		);

		expect(error?.message).toBe('The variables "Company", "Offer" are empty');
		expect(requests).toHaveLength(0);
	});

	test('Allow Empty Variables sends them empty', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(
			{ allowEmptyVariables: true, variables: mapped({ Name: 'Ana', Company: '' }) },
			{ input: [{}] },
		);

		expect(error).toBeUndefined();
		expect(orderBodies(requests)).toEqual([
			{
				videoName: 'Welcome',
				templateId: 'tpl-welcome',
				variables: { Name: 'Ana', Company: '', Offer: '' },
			},
		]);
	});

	test.each([
		[
			{ variablesInput: 'pairs', variablePairs: { variable: [{ name: 'Nmae', value: 'Ana' }] } },
			'The template has no variable "Nmae"',
			1,
		],
		[
			{ variables: mapped({ Name: 'Ana', Company: 'Acme', Offer: ['a'] as never }) },
			'The variable "Offer" must be text, not a list',
			0,
		],
		[{ template: { __rl: true, mode: 'id', value: ' ' } }, 'Template is empty', 0],
		[{ videoName: ' ' }, 'Video Name is empty', 0],
		[{ additionalFields: { webhook: 'ftp://x' } }, 'Webhook URL is not a web address: ftp://x', 0],
		[
			{ waitForCompletion: true, checkIntervalSeconds: 3 },
			'Check Every must be at least 10 seconds, not 3',
			0,
		],
	])('%j is refused before any order', async (parameters, message, templateReads) => {
		const asked = serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(parameters, { input: [ROWS[0]] });

		expect(error).toBeDefined();
		if (message) expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
		expect(asked).toHaveLength(templateReads);
	});

	test('an unknown template: Pictory’s 404, nothing ordered', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await renderFromTemplate(
			{ template: { __rl: true, mode: 'id', value: 'tpl-gone' } },
			{ input: [ROWS[0]] },
		);

		expect(error?.message).toContain('404');
		expect(requests).toHaveLength(0);
	});

	test('Continue On Fail: the row with an empty variable is its own error, the others are ordered', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { items } = await renderFromTemplate(
			{},
			{ input: [ROWS[0], { ...ROWS[1], offer: '' }, ROWS[2]], settings: { continueOnFail: true } },
		);

		expect(items.map((item) => [item.pairedItem, item.json.jobId ?? item.json.error])).toEqual([
			[{ item: 0 }, JOB_ID],
			[{ item: 1 }, 'The variable "Offer" is empty'],
			[{ item: 2 }, JOB_ID],
		]);
		expect(orderBodies(requests)).toHaveLength(2);
	});

	test('a render waits like Create from Text and downloads the MP4', async () => {
		serveTemplates();
		const { requests } = serveGeneration(
			JOB_ID,
			[jobAnswer.inProgress(JOB_ID, 50), jobAnswer.videoCompleted(JOB_ID)],
			{ orderPath: RENDER_PATH },
		);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, videoBytes(), { 'Content-Type': 'video/mp4' });

		const { items, error } = await renderFromTemplate(
			{ waitForCompletion: true, downloadVideo: true },
			{ input: [ROWS[0]] },
		);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			jobId: JOB_ID,
			status: 'completed',
			videoURL: `${VIDEO_HOST}/videos/${JOB_ID}.mp4`,
		});
		expect(items[0].binary?.data).toMatchObject({ fileName: `${JOB_ID}.mp4` });
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 30_000],
			[`${JOBS_PATH}/${JOB_ID}`, 60_000],
		]);
	});

	test('Preview Only: the same body to the preview endpoint, waited for as a preview', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [previewJobAnswer.completed(JOB_ID)], {
			orderPath: PREVIEW_PATH,
		});

		const { items, error } = await renderFromTemplate(
			{ templateOutput: 'preview', waitForCompletion: true },
			{ input: [ROWS[0]] },
		);

		expect(error).toBeUndefined();
		expect(requests.map((request) => [request.method, request.path])).toEqual([
			['POST', PREVIEW_PATH],
			['GET', `${JOBS_PATH}/${JOB_ID}`],
		]);
		expect(requests[1].at - requests[0].at).toBe(10_000);
		expect(orderBodies(requests)[0]).toMatchObject({ templateId: 'tpl-welcome' });
		expect(items[0].json).toMatchObject({
			jobId: JOB_ID,
			previewUrl: `${VIDEO_HOST}/preview/${JOB_ID}`,
		});
	});

	test('a 5xx on the order is not sent again, and says where to look', async () => {
		serveTemplates();
		const { requests } = serveGeneration(JOB_ID, [], {
			orderPath: RENDER_PATH,
			generateAnswer: [503, { message: 'Busy' }],
		});

		const { error } = await renderFromTemplate({}, { input: [ROWS[0]] });

		expect(error?.description).toContain('look for the video with Job → Get Many');
		expect(requests).toHaveLength(1);
	});
});

describe('the template list and its variables, in the editor', () => {
	test('names with their language, deprecated ones marked and last, searchable', async () => {
		nock(BASE_URL).persist().get(TEMPLATES_PATH).reply(200, { items: TEMPLATES });

		const all = await loadDropdown({ listSearch: 'searchTemplates' });
		const found = await loadDropdown({ listSearch: 'searchTemplates', filter: 'SPANISH' });

		expect(all.results).toEqual([
			{ name: 'Customer welcome (English)', value: 'tpl-welcome' },
			{ name: 'Oferta de primavera (Spanish)', value: 'tpl-oferta' },
			{ name: 'Old promo (English, deprecated)', value: 'tpl-old-promo' },
		]);
		expect(found.results).toEqual([{ name: 'Oferta de primavera (Spanish)', value: 'tpl-oferta' }]);
	});

	test("the chosen template's variables are the mapper's fields", async () => {
		const asked = serveTemplates();

		const fields = await loadResourceMapperFields('getTemplateVariables', {
			resource: 'video',
			operation: 'renderFromTemplate',
			template: { __rl: true, mode: 'list', value: 'tpl-welcome' },
		});

		expect(asked).toEqual([templatePath('tpl-welcome')]);
		expect(fields.fields.map((field) => [field.id, field.type, field.required])).toEqual([
			['Name', 'string', false],
			['Company', 'string', false],
			['Offer', 'string', false],
		]);
	});

	test('no template chosen: no request, a notice', async () => {
		const fields = await loadResourceMapperFields('getTemplateVariables', {
			resource: 'video',
			operation: 'renderFromTemplate',
		});

		expect(fields).toEqual({ fields: [], emptyFieldsNotice: 'Pick a template first.' });
	});
});
