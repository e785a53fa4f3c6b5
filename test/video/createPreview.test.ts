/** Video → Create Preview: the storyboard sent for a preview, its wait, and what a preview holds. */
import {
	HttpAnswer,
	jobAnswer,
	JOBS_PATH,
	PREVIEW_PATH,
	previewJobAnswer,
	previewRenderParams,
	serveGeneration,
	VIDEO_HOST,
} from '../fakePictory';
import { API_KEY, runPictoryNode } from '../harness';

const JOB_ID = 'b7a6c5d4-0000-4000-8000-000000000002';
const STORY = 'Our new app plans your week in seconds.\nTry it free today.';

const createPreview = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{
			resource: 'video',
			operation: 'createPreview',
			videoName: 'Launch teaser',
			story: STORY,
			...parameters,
		},
		options,
	);

const servePreview = (
	jobAnswers: unknown[],
	options: { generateAnswer?: [number, unknown] } = {},
) => serveGeneration(JOB_ID, jobAnswers, { ...options, orderPath: PREVIEW_PATH });

const STORYBOARD = {
	videoName: 'Launch teaser',
	aspectRatio: '16:9',
	scenes: [{ story: STORY, createSceneOnNewLine: true, createSceneOnEndOfSentence: true }],
	backgroundMusic: { enabled: true, autoMusic: true, volume: 0.1 },
};

describe('Video → Create Preview', () => {
	test('sends the same storyboard as Create from Text, to the preview endpoint', async () => {
		const { requests } = servePreview([]);

		const { items, error } = await createPreview({
			voice: { __rl: true, mode: 'list', value: 'Brian' },
			additionalFields: { saveProject: true, webhook: 'https://n8n.example.com/webhook/1' },
			waitForCompletion: false,
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: PREVIEW_PATH,
				authorization: API_KEY,
				body: {
					...STORYBOARD,
					saveProject: true,
					webhook: 'https://n8n.example.com/webhook/1',
					voiceOver: {
						enabled: true,
						aiVoices: [{ speaker: 'Brian', speed: 100, amplificationLevel: 0 }],
					},
				},
			}),
		]);
	});

	test('waits every 10 s and returns the preview link, its job, renderParams and storyboard', async () => {
		const { requests } = servePreview([
			jobAnswer.inProgress(JOB_ID),
			previewJobAnswer.completed(JOB_ID, STORYBOARD),
		]);

		const { items, error } = await createPreview();

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					jobId: JOB_ID,
					status: 'completed',
					previewUrl: `${VIDEO_HOST}/preview/${JOB_ID}`,
					renderParams: previewRenderParams(JOB_ID),
					storyboard: { ...STORYBOARD, storyboardVersion: 'v3' },
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 10_000],
			[`${JOBS_PATH}/${JOB_ID}`, 20_000],
		]);
	});

	test('a legacy preview’s "preview" link is also given as previewUrl, and kept', async () => {
		servePreview([previewJobAnswer.legacy(JOB_ID)]);

		const { items } = await createPreview();

		expect(items[0].json).toMatchObject({
			previewUrl: `${VIDEO_HOST}/preview/${JOB_ID}`,
			preview: `${VIDEO_HOST}/preview/${JOB_ID}`,
			renderParams: previewRenderParams(JOB_ID),
		});
	});

	test.each([
		[
			'projectId and projectUrl',
			{ projectId: 'project-9', projectUrl: 'https://app.pictory.ai/story/project-9' },
		],
		[
			'project_id and projectURL',
			{ project_id: 'project-9', projectURL: 'https://app.pictory.ai/story/project-9' },
		],
	])(
		'Save as Project: the project given as %s comes as projectId and projectUrl',
		async (_, project) => {
			const completed = previewJobAnswer.completed(JOB_ID);
			servePreview([{ ...completed, data: { ...completed.data, ...project } }]);

			const { items } = await createPreview({ additionalFields: { saveProject: true } });

			expect(items[0].json).toMatchObject({
				projectId: 'project-9',
				projectUrl: 'https://app.pictory.ai/story/project-9',
			});
		},
	);

	test('a failed preview is Pictory’s error, with the job id', async () => {
		servePreview([previewJobAnswer.failed(JOB_ID)]);

		const { error } = await createPreview();

		expect(error?.message).toBe(
			'Pictory could not create the preview (SCENE_BACKGROUND_VISUAL_NOT_FOUND)',
		);
		expect(error?.description).toBe(
			`Pictory said: No visual was found for scene 2. Job ID: ${JOB_ID}. Change the source or settings and create the preview again.`,
		);
	});

	test('a preview whose results expired ("cleaned") says so', async () => {
		servePreview([jobAnswer.cleaned(JOB_ID)]);

		const { error } = await createPreview();

		expect(error?.message).toBe(`The results of job ${JOB_ID} have expired`);
	});

	test('Maximum Wait (15 minutes by default) ends with the job id, to fetch later', async () => {
		servePreview([jobAnswer.inProgress(JOB_ID)]);

		const { error } = await createPreview();

		expect(error?.message).toBe(`The preview was not ready after 15 minutes (job ${JOB_ID})`);
	});

	test('an error after the preview was accepted names the job; the order is never sent again', async () => {
		const { requests } = servePreview([new HttpAnswer(500, { message: 'Internal error' })]);

		const { error } = await createPreview();

		expect(error?.description).toContain(
			`The preview was ordered as job ${JOB_ID}: get it with Job → Get rather than creating it again.`,
		);
		expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	test('a 5xx on the preview POST is not sent again and says where to look', async () => {
		const { requests } = servePreview([], { generateAnswer: [502, 'Bad Gateway'] });

		const { error } = await createPreview();

		expect(error?.description).toContain(
			'look for the preview with Job → Get Many before creating again',
		);
		expect(requests).toHaveLength(1);
	});

	test('400 field errors are shown', async () => {
		servePreview([], {
			generateAnswer: [
				400,
				{
					code: 'INVALID_REQUEST_BODY',
					message: 'Request body is invalid',
					fields: [{ name: 'scenes[0].blogUrl', errors: 'must be a valid URL' }],
				},
			],
		});

		const { error } = await createPreview();

		expect(error?.message).toBe('Pictory refused the request (HTTP 400)');
		expect(error?.description).toBe(
			'Pictory said: Request body is invalid; scenes[0].blogUrl: must be a valid URL',
		);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = servePreview([]);

		const { error } = await createPreview(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});

	test('a stopped execution stops waiting at once', async () => {
		const { requests } = servePreview([jobAnswer.inProgress(JOB_ID)]);

		const { run } = await createPreview({}, { stopWhen: () => requests.length === 2 });

		expect(run.status).toBe('canceled');
		expect(requests).toHaveLength(2);
	});

	test('Continue On Fail: each item stands alone, paired with its input', async () => {
		const { requests } = servePreview([previewJobAnswer.completed(JOB_ID)]);

		const { items } = await createPreview(
			{ videoName: '={{ $json.name }}' },
			{ input: [{ name: 'First' }, { name: ' ' }], settings: { continueOnFail: true } },
		);

		expect(items.map((item) => [item.pairedItem, item.json.jobId ?? item.json.error])).toEqual([
			[{ item: 0 }, JOB_ID],
			[{ item: 1 }, 'Video Name is empty'],
		]);
		expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});
});
