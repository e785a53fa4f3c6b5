/** Failed requests and unreadable answers, on Get Generated Images (the other reads share the code). */
import nock from 'nock';

import { answerInOrder, IMAGES_PATH, makeImages, networkError, pageKeyFor } from '../fakePictory';
import { API_KEY, BASE_URL, n8nLog, runPictoryNode } from '../harness';

const getAll = { resource: 'image', operation: 'getGeneratedImages', returnAll: true };
const page = (items: unknown[], nextPageKey?: string) => ({
	items,
	...(nextPageKey && { nextPageKey }),
});
type Answer = Parameters<typeof answerInOrder>[0];

describe('a rejected API key (401)', () => {
	const unauthorized: Answer = [401, { message: `Invalid API key ${API_KEY}` }];

	test('says Pictory rejected the key and where to fix it, after one request', async () => {
		const { requests } = answerInOrder(unauthorized);

		const { error, items } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(error?.description).toContain('Pictory API credential');
		expect(items).toEqual([]);
		expect(requests).toHaveLength(1);
	});

	test('never shows the key: not in the error, the run data or anything n8n logs', async () => {
		answerInOrder(unauthorized, unauthorized);
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
		const logged = n8nLog.length;
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
			printed.push(...n8nLog.slice(logged));
			expect(printed.join('\n')).toContain('Pictory rejected the API key');
			expect(printed.join('\n')).not.toContain(API_KEY);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
	});
});

describe('429 and 5xx answers', () => {
	test.each([
		['a 429 with Retry-After: 1', [429, { message: 'Slow down' }, { 'Retry-After': '1' }], 1000],
		['a 503 without Retry-After (the first backoff)', [503, 'Service Unavailable'], 1000],
		[
			'a 429 whose Retry-After date has passed',
			[429, {}, { 'Retry-After': 'Sat, 04 Apr 2026 11:59:59 GMT' }],
			0,
		],
	] as Array<[string, Answer, number]>)(
		'%s is retried after its wait, plus up to half of it, and the list comes back whole',
		async (_, failure, wait) => {
			const { requests } = answerInOrder([200, page(makeImages(100), pageKeyFor(100))], failure, [
				200,
				page(makeImages(37, { idPrefix: 'older', newest: 0 })),
			]);

			const { items, error } = await runPictoryNode(getAll);

			expect(error).toBeUndefined();
			expect(items).toHaveLength(137);
			expect(requests.map((request) => request.nextPageKey)).toEqual([
				null,
				pageKeyFor(100),
				pageKeyFor(100),
			]);
			const waited = requests[2].at - requests[1].at;
			expect(waited).toBeGreaterThanOrEqual(wait);
			expect(waited).toBeLessThanOrEqual(Math.max(wait * 1.5, 250));
		},
	);

	test.each([
		[500, 'Pictory had a server error (HTTP 500) after 4 attempts'],
		[502, 'Pictory had a server error (HTTP 502) after 4 attempts'],
		[429, 'Pictory is rate-limiting requests (HTTP 429) after 4 attempts'],
	])('a %i that persists fails after 4 attempts, naming the status', async (status, message) => {
		const failure: Answer = [status, { message: 'Internal error' }, { 'Retry-After': '0' }];
		const { requests } = answerInOrder(failure, failure, failure, failure);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(4);
	});

	test('a 5xx error shows what Pictory said', async () => {
		const failure: Answer = [500, { message: 'Internal error' }, { 'Retry-After': '0' }];
		answerInOrder(failure, failure, failure, failure);

		const { error } = await runPictoryNode(getAll);

		expect(error?.description).toContain('Pictory said: Internal error');
	});

	test('a page failing mid-way fails the node rather than returning a shortened list', async () => {
		const failure: Answer = [502, 'Bad Gateway', { 'Retry-After': '0' }];
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

	test('a Retry-After the node refuses to wait for pauses no other row', async () => {
		const started = Date.now();
		const [newest, ...older] = makeImages(101);
		const { requests } = answerInOrder(
			[429, { message: 'Quota exceeded' }, { 'Retry-After': '3600' }],
			[200, page([newest], pageKeyFor(1))],
			[200, page(older)],
		);

		const { items, error } = await runPictoryNode(getAll, {
			inputItems: 2,
			settings: { onError: 'continueRegularOutput' },
		});

		expect(error).toBeUndefined();
		expect(items[0].json.error).toBe('Pictory is rate-limiting requests (HTTP 429)');
		expect(items.slice(1)).toHaveLength(101);
		expect(requests.map((request) => request.at - started)).toEqual([0, 0, 0]);
	});
});

describe('no answer', () => {
	test('a dropped connection is retried', async () => {
		nock(BASE_URL)
			.get(IMAGES_PATH)
			.replyWithError(networkError('ECONNRESET', 'socket hang up'))
			.get(IMAGES_PATH)
			.reply(200, page(makeImages(2)));

		const { items, error } = await runPictoryNode(getAll);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});

	test('an unreachable server is a clear error, not retried', async () => {
		const scope = nock(BASE_URL)
			.get(IMAGES_PATH)
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Could not reach Pictory');
		expect(error?.description).toBe(
			'The connection failed (ECONNREFUSED). Check the Base URL in the Pictory API credential and that this n8n instance can reach it.',
		);
		expect(scope.isDone()).toBe(true);
	});

	test.each([
		['30 s per attempt', {}, 127_000, 130_500],
		[
			'Request Options → Timeout of 5 s per attempt',
			{ requestOptions: { timeout: 5_000 } },
			27_000,
			30_500,
		],
	])(
		'a server that never answers: %s, 4 attempts, then a clear error',
		async (_, options, atLeastMs, atMostMs) => {
			const asked: number[] = [];
			nock(BASE_URL)
				.get(IMAGES_PATH)
				.times(4)
				.delay(10 * 60_000)
				.reply(() => {
					asked.push(Date.now());
					return [200, page(makeImages(3))];
				});
			const started = Date.now();

			const { error } = await runPictoryNode({ ...getAll, ...options });

			expect(error?.message).toBe('Pictory did not answer in time after 4 attempts');
			expect(asked).toHaveLength(4);
			// 4 attempts' time limits, and the backoffs between them (1 s, 2 s, 4 s, each with up to half more).
			expect(Date.now() - started).toBeGreaterThanOrEqual(atLeastMs);
			expect(Date.now() - started).toBeLessThanOrEqual(atMostMs);
		},
	);
});

describe('other refusals', () => {
	test.each([
		[
			403,
			{ message: 'Forbidden' },
			'Pictory refused access (HTTP 403)',
			'Pictory said: Forbidden.',
		],
		[
			400,
			{ message: 'Invalid nextPageKey' },
			'Pictory refused the request (HTTP 400)',
			'Pictory said: Invalid nextPageKey',
		],
	])('a %i is not retried and shows what Pictory said', async (status, body, message, said) => {
		const { requests } = answerInOrder([status, body]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe(message);
		expect(error?.description).toContain(said);
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

	test.each([
		['that is not JSON', '<html>Gateway login</html>', 'text/html', 'text that is not JSON'],
		['of invalid JSON labelled as JSON', '{"items": [', 'application/json', ''],
	])('a 200 %s is a clear error', async (_, body, contentType, description) => {
		answerInOrder([200, body, { 'Content-Type': contentType }]);

		const { error } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(description);
	});

	test.each([
		[
			'with items',
			{ success: false, items: [], message: 'Account suspended' },
			'Pictory said: Account suspended',
		],
		[
			'without items',
			{ success: false, message: 'Account suspended' },
			'Pictory said: Account suspended',
		],
		[
			'without a reason',
			{ success: false },
			'Pictory answered "success: false" without saying why.',
		],
	])(
		'"success: false" %s is an error with what Pictory said, not an empty list',
		async (_, body, said) => {
			answerInOrder([200, body]);

			const { error, items } = await runPictoryNode(getAll);

			expect(error?.message).toBe('Pictory refused the request');
			expect(error?.description).toBe(said);
			expect(items).toEqual([]);
		},
	);

	test('a nextPageKey that repeats stops paging with an error instead of looping', async () => {
		const { requests } = answerInOrder(
			[200, page(makeImages(100), 'same-key')],
			[200, page(makeImages(100, { idPrefix: 'next' }), 'same-key')],
		);

		const { error, items } = await runPictoryNode(getAll);

		expect(error?.description).toContain(
			'Pictory sent the same "nextPageKey" twice (after page 2)',
		);
		expect(items).toEqual([]);
		expect(requests).toHaveLength(2);
	});

	test('a list that never ends stops after 2,000 pages with an error', async () => {
		let requests = 0;
		nock(BASE_URL)
			.persist()
			.get(IMAGES_PATH)
			.query(true)
			.reply(() => [200, { items: [], nextPageKey: `key-${++requests}` }]);

		const { error, items } = await runPictoryNode(getAll);

		expect(error?.message).toBe('Stopped after 2,000 pages (200,000 images)');
		expect(items).toEqual([]);
		expect(requests).toBe(2_000);
	});
});

describe("n8n's error settings", () => {
	test('Continue On Fail turns the failure into an error item linked to its input item', async () => {
		answerInOrder([400, { message: 'Bad request' }]);

		const { items, error, taskData } = await runPictoryNode(getAll, {
			settings: { onError: 'continueRegularOutput' },
		});

		expect(error).toBeUndefined();
		expect(taskData[0].executionStatus).toBe('success');
		expect(items).toEqual([
			{
				json: {
					error: 'Pictory refused the request (HTTP 400)',
					details: { description: 'Pictory said: Bad request' },
				},
				pairedItem: { item: 0 },
			},
		]);
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
