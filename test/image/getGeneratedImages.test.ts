import nock from 'nock';

import { IMAGES_PATH, makeImages, pageKeyFor, serveAccount } from '../fakePictory';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';

const getGeneratedImages = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) => runPictoryNode({ resource: 'image', operation: 'getGeneratedImages', ...parameters }, options);

describe('Get Generated Images', () => {
	const account = makeImages(237);

	test('Return All pages over nextPageKey: 100 + 100 + 37 images in 3 requests, in API order', async () => {
		const { requests } = serveAccount(account);

		const { items, error } = await getGeneratedImages({ returnAll: true });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(account);
		expect(
			requests.map(({ nextPageKey, authorization }) => ({ nextPageKey, authorization })),
		).toEqual([
			{ nextPageKey: null, authorization: API_KEY },
			{ nextPageKey: pageKeyFor(100), authorization: API_KEY },
			{ nextPageKey: pageKeyFor(200), authorization: API_KEY },
		]);
	});

	test.each([
		[5, 5, 1],
		[100, 100, 1],
		[150, 150, 2],
		[1000, 237, 3],
		['5', 5, 1],
	])(
		'Limit %p gives the %i newest images in %i request(s), stopping as soon as it has them',
		async (limit, count, requestCount) => {
			const { requests } = serveAccount(account);

			const { items } = await getGeneratedImages({ limit });

			expect(items.map((item) => item.json)).toEqual(account.slice(0, count));
			expect(requests).toHaveLength(requestCount);
		},
	);

	test.each([
		['Return All "false" keeps the Limit', { returnAll: '={{ "false" }}', limit: 2 }, 2],
		['Return All "true" gives all', { returnAll: '={{ "true" }}', limit: 2 }, 237],
		['Download Image "false" downloads nothing', { limit: 2, downloadImage: '={{ "false" }}' }, 2],
	])('switches given as text from an expression: %s', async (_, parameters, count) => {
		serveAccount(account);

		const { items, error } = await getGeneratedImages(parameters);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(count);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
	});

	test.each([
		[{ returnAll: '={{ "yes" }}' }, 'Return All must be true or false, not "yes"'],
		[{ limit: '={{ 0 }}' }, 'Limit must be a whole number of 1 or more, not 0'],
		[{ limit: '={{ "five" }}' }, 'Limit must be a whole number of 1 or more, not "five"'],
		[{ limit: 2.5 }, 'Limit must be a whole number of 1 or more, not 2.5'],
		[
			{ limit: 2, downloadImage: true, binaryPropertyName: ' ' },
			'Put Output File in Field is empty',
		],
	])('%j is refused before any request', async (parameters, message) => {
		const { requests } = serveAccount(account);

		const { error } = await getGeneratedImages(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('the default Limit is 50, in one request', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages();

		expect(items).toHaveLength(50);
		expect(requests).toHaveLength(1);
	});

	test('gives back every field the API sent, and style/referenceImageUrl only where it sent them', async () => {
		serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 2 });

		expect(items[0].json).toEqual(account[0]);
		expect(items[0].json).toHaveProperty('style', 'photorealistic');
		expect(items[1].json).not.toHaveProperty('style');
		expect(items[1].json).not.toHaveProperty('referenceImageUrl');
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
		const { requests } = serveAccount(account);

		await getGeneratedImages({ limit: 101 });

		expect(requests[1].path).toBe(
			`${IMAGES_PATH}?nextPageKey=${encodeURIComponent(pageKeyFor(100))}`,
		);
		expect(pageKeyFor(100)).toMatch(/[+/=]/);
	});

	test('an image listed on two pages comes back once', async () => {
		const [first, ...rest] = makeImages(150);
		nock(BASE_URL)
			.get(IMAGES_PATH)
			.reply(200, { items: [first, ...rest.slice(0, 99)], nextPageKey: 'page-2' })
			.get(IMAGES_PATH)
			.query({ nextPageKey: 'page-2' })
			.reply(200, { items: [rest[98], ...rest.slice(99)] });

		const { items } = await getGeneratedImages({ returnAll: true });

		expect(items.map((item) => item.json.id)).toEqual([first, ...rest].map((image) => image.id));
	});

	test('every image links to the input item it was listed for', async () => {
		serveAccount(account);

		const { items } = await getGeneratedImages({ limit: 2 }, { inputItems: 2 });

		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[account[0].id, { item: 0 }],
			[account[1].id, { item: 0 }],
			[account[0].id, { item: 1 }],
			[account[1].id, { item: 1 }],
		]);
	});

	test('the credential Base URL, when set, replaces Pictory’s; a pasted space is ignored', async () => {
		const scope = nock('https://pictory-gateway.example.com')
			.get('/api/v1/aistudio/images')
			.matchHeader('authorization', API_KEY)
			.reply(200, { items: makeImages(2) });

		const { items } = await getGeneratedImages(
			{ returnAll: true },
			{
				credentials: {
					pictoryApi: { apiKey: API_KEY, baseUrl: ' https://pictory-gateway.example.com/api ' },
				},
			},
		);

		expect(items).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});
});
