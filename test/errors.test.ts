import nock from 'nock';

import { API_KEY, runPictoryNode } from './harness';
import { answerInOrder, makeImages, networkError, pageKeyFor } from './fakePictory';

const getAll = { resource: 'image', operation: 'getGeneratedImages', returnAll: true };
const page = (items: unknown[], nextPageKey?: string) => ({
	items,
	...(nextPageKey && { nextPageKey }),
});

describe('a rejected API key (401)', () => {
	// n8n-core sends a request again once after a 401 (to refresh expirable credentials), hence two answers.
	const unauthorized = [401, { message: `Invalid API key ${API_KEY}` }] as [number, unknown];

	test('says Pictory rejected the key and where to fix it', async () => {
		const { requests } = answerInOrder(unauthorized, unauthorized);

		const { error, items } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(error?.description).toContain('Pictory API credential');
		expect(items).toEqual([]);
		expect(requests).toHaveLength(2);
	});

	test('never shows the key: not in the error, the run data or anything n8n logs', async () => {
		answerInOrder(unauthorized, unauthorized, unauthorized, unauthorized);
		const printed: string[] = [];
		const capture = (chunk: unknown) => {
			printed.push(String(chunk));
			return true;
		};
		const spies = [
			jest.spyOn(process.stdout, 'write').mockImplementation(capture),
			jest.spyOn(process.stderr, 'write').mockImplementation(capture),
			...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
				jest.spyOn(console, method).mockImplementation((...args) => void capture(args.join(' '))),
			),
		];
		try {
			const failed = await runPictoryNode(getAll);
			const continued = await runPictoryNode(getAll, {
				settings: { onError: 'continueRegularOutput' },
			});

			expect(failed.error?.message).toBe('Pictory rejected the API key');
			expect(continued.items[0].json.error).toBe('Pictory rejected the API key');
			for (const run of [failed, continued]) {
				expect(JSON.stringify(run.run)).not.toContain(API_KEY);
				expect(
					JSON.stringify(run.error ?? {}, Object.getOwnPropertyNames(run.error ?? {})),
				).not.toContain(API_KEY);
			}
			expect(printed.join('\n')).toContain('Pictory rejected the API key');
			expect(printed.join('\n')).not.toContain(API_KEY);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
	});
});

describe('429 and 5xx answers', () => {
	test('are retried with Retry-After honoured, and the list comes back whole', async () => {
		const { requests } = answerInOrder(
			[200, page(makeImages(100), pageKeyFor(100))],
			[429, { message: 'Too many requests' }, { 'Retry-After': '1' }],
			[200, page(makeImages(37, { newest: 0 }))],
		);

		const started = Date.now();
		const { items, error } = await runPictoryNode(getAll);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(137);
		expect(Date.now() - started).toBe(1000);
		expect(requests.map((request) => request.nextPageKey)).toEqual([
			null,
			pageKeyFor(100),
			pageKeyFor(100),
		]);
	});

	test('a 5xx without Retry-After is retried after the default backoff', async () => {
		const { requests } = answerInOrder([503, 'Service Unavailable'], [200, page(makeImages(3))]);

		const started = Date.now();
		const { items } = await runPictoryNode(getAll);

		expect(items).toHaveLength(3);
		expect(Date.now() - started).toBe(1000);
		expect(requests).toHaveLength(2);
	});

	test('a 500 that persists fails after 4 attempts with an error naming the status', async () => {
		const failure = [500, { message: 'Internal error' }, { 'Retry-After': '0' }] as [
			number,
			unknown,
			Record<string, string>,
		];
		const { requests } = answerInOrder(failure, failure, failure, failure);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory had a server error (HTTP 500) after 4 attempts');
		expect(error?.description).toContain('Internal error');
		expect(requests).toHaveLength(4);
	});

	test('a 429 that persists fails after 4 attempts with an error naming the status', async () => {
		const limited = [429, { message: 'Slow down' }, { 'Retry-After': '0' }] as [
			number,
			unknown,
			Record<string, string>,
		];
		const { requests } = answerInOrder(limited, limited, limited, limited);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory is rate-limiting requests (HTTP 429) after 4 attempts');
		expect(requests).toHaveLength(4);
	});

	test('a page failing mid-way fails the node rather than returning a shortened list', async () => {
		const failure = [502, 'Bad Gateway', { 'Retry-After': '0' }] as [
			number,
			unknown,
			Record<string, string>,
		];
		answerInOrder(
			[200, page(makeImages(100), pageKeyFor(100))],
			failure,
			failure,
			failure,
			failure,
		);

		const { error, items, taskData } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory had a server error (HTTP 502) after 4 attempts');
		expect(items).toEqual([]);
		expect(taskData[0].executionStatus).toBe('error');
	});

	test('a Retry-After longer than a minute fails at once instead of holding the execution', async () => {
		const { requests } = answerInOrder([
			429,
			{ message: 'Quota exceeded' },
			{ 'Retry-After': '3600' },
		]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory is rate-limiting requests (HTTP 429)');
		expect(requests).toHaveLength(1);
	});

	test('a Retry-After given as an HTTP date is honoured too', async () => {
		const { requests } = answerInOrder(
			[429, { message: 'Slow down' }, { 'Retry-After': new Date(Date.now() - 1000).toUTCString() }],
			[200, page(makeImages(2))],
		);

		const started = Date.now();
		const { items } = await runPictoryNode(getAll);

		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(2);
		expect(Date.now() - started).toBe(0); // the date has passed: no default backoff
	});

	test('a dropped connection is retried', async () => {
		nock('https://api.pictory.ai')
			.get('/pictoryapis/v1/aistudio/images')
			.replyWithError(networkError('ECONNRESET', 'socket hang up'))
			.get('/pictoryapis/v1/aistudio/images')
			.reply(200, page(makeImages(2)));

		const { items, error } = await runPictoryNode(getAll);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});

	test('an unreachable server is a clear error, not retried', async () => {
		const scope = nock('https://api.pictory.ai')
			.get('/pictoryapis/v1/aistudio/images')
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Could not reach Pictory');
		expect(error?.description).toBe(
			'The connection failed (ECONNREFUSED). Check the Base URL in the Pictory API credential and that this n8n instance can reach it.',
		);
		expect(scope.isDone()).toBe(true);
	});

	test('a key without access (403) says so', async () => {
		answerInOrder([403, { message: 'Forbidden' }]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory refused access (HTTP 403)');
	});

	test('other 4xx answers are not retried and show what Pictory said', async () => {
		const { requests } = answerInOrder([400, { message: 'Invalid nextPageKey' }]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory refused the request (HTTP 400)');
		expect(error?.description).toBe('Pictory said: Invalid nextPageKey');
		expect(requests).toHaveLength(1);
	});
});

describe('answers the node cannot read', () => {
	test.each([
		['no "items" list', { images: [] }, 'The answer has no "items" list.'],
		['"items" that is not a list', { items: 'none' }, 'The answer has no "items" list.'],
		[
			'items that are not images',
			{ items: [1, 2] },
			'The "items" list holds something other than images.',
		],
		['a list instead of an object', [{ items: [] }], 'Expected a JSON object with an "items" list'],
		[
			'a nextPageKey that is not a string',
			{ items: [], nextPageKey: 42 },
			'The "nextPageKey" is not a string.',
		],
	])('a 200 with %s is a clear error', async (_, body, description) => {
		answerInOrder([200, body]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(description);
	});

	test('a 200 that is not JSON is a clear error', async () => {
		answerInOrder([200, '<html>Gateway login</html>', { 'Content-Type': 'text/html' }]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain('text that is not JSON');
	});

	test('invalid JSON labelled as JSON is a clear error', async () => {
		answerInOrder([200, '{"items": [', { 'Content-Type': 'application/json' }]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
	});

	test('a nextPageKey that repeats stops paging with an error instead of looping', async () => {
		const { requests } = answerInOrder(
			[200, page(makeImages(100), 'same-key')],
			[200, page(makeImages(100), 'same-key')],
		);

		const { error, items } = await runPictoryNode(getAll);

		expect(error?.description).toContain(
			'Pictory sent the same "nextPageKey" twice (after page 2)',
		);
		expect(items).toEqual([]);
		expect(requests).toHaveLength(2);
	});
});

describe("n8n's error settings", () => {
	test('Continue On Fail turns the failure into an error item', async () => {
		answerInOrder([400, { message: 'Bad request' }]);

		const { items, error, taskData } = await runPictoryNode(getAll, {
			settings: { onError: 'continueRegularOutput' },
		});

		expect(error).toBeUndefined();
		expect(taskData[0].executionStatus).toBe('success');
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBe('Pictory refused the request (HTTP 400)');
	});

	test('Retry On Fail runs the node again after a failure', async () => {
		const { requests } = answerInOrder(
			[400, { message: 'Bad request' }],
			[200, page(makeImages(2))],
		);

		const { items, error } = await runPictoryNode(getAll, {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(2);
	});
});

describe('the page ceiling', () => {
	test('a list that never ends stops after 2,000 pages with an error', async () => {
		let requests = 0;
		nock('https://api.pictory.ai')
			.persist()
			.get('/pictoryapis/v1/aistudio/images')
			.query(true)
			.reply(() => [200, { items: [], nextPageKey: `key-${++requests}` }]);

		const { error, items } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Stopped after 2,000 pages (200,000 images)');
		expect(items).toEqual([]);
		expect(requests).toBe(2_000);
	}, 60_000);
});
