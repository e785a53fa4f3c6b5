import nock from 'nock';

import { API_KEY, runPictoryNode } from './harness';
import { makeImages, pageKeyFor, serveAccount } from './fakePictory';

const getGeneratedImages = (parameters: Record<string, unknown> = {}) =>
	runPictoryNode({ resource: 'image', operation: 'getGeneratedImages', ...parameters });

describe('Get Generated Images', () => {
	const account = makeImages(237);

	test('Return All pages over nextPageKey: 100 + 100 + 37 images in 3 requests, in API order', async () => {
		const { requests } = serveAccount(account);

		const { items, error } = await getGeneratedImages({ returnAll: true });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(account);
		expect(requests).toEqual([
			{ nextPageKey: null, authorization: API_KEY },
			{ nextPageKey: pageKeyFor(100), authorization: API_KEY },
			{ nextPageKey: pageKeyFor(200), authorization: API_KEY },
		]);
	});

	test('sends the key raw in Authorization, with no "Bearer"', async () => {
		const { requests } = serveAccount(account);

		await getGeneratedImages({ limit: 1 });

		expect(requests[0].authorization).toBe(API_KEY);
	});

	test('gives back every field the API sent, and style/referenceImageUrl only where it sent them', async () => {
		serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 2 });

		expect(items[0].json).toEqual(account[0]);
		expect(items[0].json).toHaveProperty('style', 'photorealistic');
		expect(items[1].json).not.toHaveProperty('style');
		expect(items[1].json).not.toHaveProperty('referenceImageUrl');
	});

	test('Limit 5 makes one request and gives the 5 newest images', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 5 });

		expect(items.map((item) => item.json)).toEqual(account.slice(0, 5));
		expect(requests).toHaveLength(1);
	});

	test('Limit 150 stops after the second page: 2 requests, 150 images', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 150 });

		expect(items.map((item) => item.json)).toEqual(account.slice(0, 150));
		expect(requests.map((request) => request.nextPageKey)).toEqual([null, pageKeyFor(100)]);
	});

	test('Limit 100 needs exactly one page', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 100 });

		expect(items).toHaveLength(100);
		expect(requests).toHaveLength(1);
	});

	test('the default Limit is 50', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages();

		expect(items).toHaveLength(50);
		expect(requests).toHaveLength(1);
	});

	test('a Limit larger than the account gives the whole account and stops at the last page', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 1000 });

		expect(items).toHaveLength(237);
		expect(requests).toHaveLength(3);
	});

	test('an empty account gives zero items, not an error, in one request', async () => {
		const { requests } = serveAccount([]);

		const { items, error, taskData } = await getGeneratedImages({ returnAll: true });

		expect(error).toBeUndefined();
		expect(taskData[0].executionStatus).toBe('success');
		expect(items).toEqual([]);
		expect(requests).toHaveLength(1);
	});

	test('page keys with "+", "/" and "=" go back byte-exact, URL-encoded', async () => {
		const paths: string[] = [];
		const key = 'eyJwYXJ0aXRpb25LZXkiOiJ1c2VyI+/a=b==';
		nock('https://api.pictory.ai')
			.get('/pictoryapis/v1/aistudio/images')
			.reply(200, { items: makeImages(1), nextPageKey: key })
			.get(/\/pictoryapis\/v1\/aistudio\/images\?nextPageKey=/)
			.reply(function (uri) {
				paths.push(uri);
				return [200, { items: makeImages(1, { newest: 0 }) }];
			});

		const { items } = await getGeneratedImages({ returnAll: true });

		expect(items).toHaveLength(2);
		expect(paths).toEqual([
			'/pictoryapis/v1/aistudio/images?nextPageKey=eyJwYXJ0aXRpb25LZXkiOiJ1c2VyI%2B%2Fa%3Db%3D%3D',
		]);
	});

	test('a Limit below 1 is refused before any request', async () => {
		const { requests } = serveAccount(account);

		const { error } = await getGeneratedImages({ limit: '={{ 0 }}' });

		expect(error?.message).toBe('Limit must be a whole number of 1 or more, not 0');
		expect(requests).toHaveLength(0);
	});

	test('the credential Base URL, when set, replaces Pictory’s', async () => {
		const scope = nock('https://pictory-gateway.example.com')
			.get('/api/v1/aistudio/images')
			.matchHeader('authorization', API_KEY)
			.reply(200, { items: makeImages(2) });

		const { items } = await runPictoryNode(
			{ resource: 'image', operation: 'getGeneratedImages', returnAll: true },
			{
				credentials: {
					pictoryApi: { apiKey: API_KEY, baseUrl: 'https://pictory-gateway.example.com/api' },
				},
			},
		);

		expect(items).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});
});
