/**
 * Publish to Vimeo, on Create from Text and Render from Template: the connection from Pictory's
 * list, the destination sent, checked before any order, and the Vimeo link in the output.
 */
import nock from 'nock';

import { jobAnswer, RENDER_PATH, serveGeneration } from '../fakePictory';
import { BASE_URL, loadDropdown, runPictoryNode } from '../harness';
import {
	templateDetails,
	VIMEO_CONNECTIONS,
	VIMEO_CONNECTIONS_PATH,
	vimeoJobFields,
} from '../templateFixtures';

const JOB_ID = 'v1meo000-0000-4000-8000-000000000001';

const VIMEO = {
	publishToVimeo: true,
	vimeoConnection: { __rl: true, mode: 'list', value: 'vimeo-marketing' },
	vimeoFolderUri: ' /users/1/projects/2 ',
	vimeoPrivacy: 'unlisted',
};

const DESTINATION = {
	vimeoConnectionId: 'vimeo-marketing',
	destinations: [
		{ type: 'vimeo', folder_uri: '/users/1/projects/2', privacy: { view: 'unlisted' } },
	],
};

const createVideo = (parameters: Record<string, unknown>) =>
	runPictoryNode({
		resource: 'video',
		operation: 'createFromText',
		videoName: 'Launch',
		story: 'A story.',
		waitForCompletion: false,
		...parameters,
	});

const completedOnVimeo = (jobId: string) => {
	const answer = jobAnswer.videoCompleted(jobId);
	return { ...answer, data: { ...answer.data, ...vimeoJobFields(jobId) } };
};

describe('Publish to Vimeo', () => {
	test('Create from Text sends the connection and the destination', async () => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await createVideo(VIMEO);

		expect(error).toBeUndefined();
		expect(requests[0].body).toMatchObject(DESTINATION);
	});

	test('only the connection: no folder, the account’s privacy', async () => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		await createVideo({ publishToVimeo: true, vimeoConnection: VIMEO.vimeoConnection });

		expect(requests[0].body).toMatchObject({
			vimeoConnectionId: 'vimeo-marketing',
			destinations: [{ type: 'vimeo' }],
		});
	});

	test('off (the default): nothing about Vimeo is sent', async () => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		await createVideo({ vimeoConnection: VIMEO.vimeoConnection });

		expect(requests[0].body).not.toHaveProperty('destinations');
		expect(requests[0].body).not.toHaveProperty('vimeoConnectionId');
	});

	test.each([
		[{ vimeoConnection: { __rl: true, mode: 'id', value: ' ' } }, 'Vimeo Connection is empty'],
		[{ vimeoFolderUri: 'projects/2' }, 'Vimeo Folder URI must start with "/", not "projects/2"'],
		[
			{ vimeoPrivacy: 'everyone' },
			'Vimeo Privacy must be one of anybody, unlisted, nobody, disable, or empty for Pictory’s default, not "everyone"',
		],
	])('%j is refused before any request', async (parameters, message) => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await createVideo({ ...VIMEO, ...parameters });

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('the finished video carries its Vimeo link', async () => {
		serveGeneration(JOB_ID, [completedOnVimeo(JOB_ID)], { orderPath: RENDER_PATH });

		const { items } = await createVideo({ ...VIMEO, waitForCompletion: true });

		expect(items[0].json).toMatchObject({
			jobId: JOB_ID,
			vimeoUrl: vimeoJobFields(JOB_ID).destinations[0].url,
			destinations: vimeoJobFields(JOB_ID).destinations,
		});
	});

	test('a Vimeo link Pictory names itself is given as vimeoUrl too', async () => {
		const answer = jobAnswer.videoCompleted(JOB_ID);
		serveGeneration(
			JOB_ID,
			[{ ...answer, data: { ...answer.data, vimeoURL: 'https://vimeo.com/42' } }],
			{ orderPath: RENDER_PATH },
		);

		const { items } = await createVideo({ ...VIMEO, waitForCompletion: true });

		expect(items[0].json).toMatchObject({
			vimeoUrl: 'https://vimeo.com/42',
			vimeoURL: 'https://vimeo.com/42',
		});
	});

	test('Render from Template sends it too', async () => {
		nock(BASE_URL)
			.get(/\/v1\/templates\//)
			.reply(200, templateDetails('tpl-old-promo'));
		const { requests } = serveGeneration(JOB_ID, [], { orderPath: RENDER_PATH });

		const { error } = await runPictoryNode({
			resource: 'video',
			operation: 'renderFromTemplate',
			template: { __rl: true, mode: 'id', value: 'tpl-old-promo' },
			videoName: 'Promo',
			variablesInput: 'pairs',
			variablePairs: { variable: [{ name: 'Product', value: 'Widget' }] },
			waitForCompletion: false,
			...VIMEO,
		});

		expect(error).toBeUndefined();
		expect(requests[0].body).toEqual({
			videoName: 'Promo',
			templateId: 'tpl-old-promo',
			variables: { Product: 'Widget' },
			...DESTINATION,
		});
	});
});

describe('the Vimeo connections, in the editor', () => {
	test('Pictory’s list ("Items"), page by page, disabled ones marked', async () => {
		const pageKeys: Array<string | null> = [];
		nock(BASE_URL)
			.persist()
			.get(VIMEO_CONNECTIONS_PATH)
			.query(true)
			.reply((uri) => {
				const key = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
				pageKeys.push(key);
				return [
					200,
					key
						? { Items: VIMEO_CONNECTIONS.slice(1) }
						: { Items: VIMEO_CONNECTIONS.slice(0, 1), nextPageKey: 'k2' },
				];
			});

		const first = await loadDropdown({ listSearch: 'searchVimeoConnections' });
		const second = await loadDropdown({
			listSearch: 'searchVimeoConnections',
			paginationToken: 'k2',
		});

		expect(first).toEqual({
			results: [{ name: 'Marketing channel', value: 'vimeo-marketing' }],
			paginationToken: 'k2',
		});
		expect(second).toEqual({ results: [{ name: 'Old account (disabled)', value: 'vimeo-old' }] });
		expect(pageKeys).toEqual([null, 'k2']);
	});
});
