/** Account → Get Usage (the quota) and Get AI Credit Usage (the month's transactions). */
import nock from 'nock';

import { QUOTA } from '../pictoryStandIn';
import { API_KEY, BASE_URL, runAsAgentTool, runPictoryNode } from '../harness';

const QUOTA_PATH = '/pictoryapis/v1/quota';
const USAGE_PATH = '/pictoryapis/v1/aicredits/usage';

/** Answers `path` with `body`, recording each request's path and query. */
function serve(path: string, body: unknown, times = 1) {
	const requests: string[] = [];
	nock(BASE_URL)
		.get(path)
		.query(true)
		.times(times)
		.matchHeader('authorization', API_KEY)
		.reply((uri) => {
			requests.push(uri);
			return [200, body as nock.Body];
		});
	return requests;
}

const TRANSACTIONS = [
	{
		transactionId: 't3',
		type: 'debit',
		amount: 12,
		source: 'AI Avatar',
		description: 'Avatar video',
		plan: 'Teams',
		transactionDate: '2026-04-03T10:00:00.000Z',
	},
	{
		transactionId: 't2',
		type: 'debit',
		amount: 0.6,
		source: 'Text-to-Image',
		transactionDate: '2026-04-02T09:00:00.000Z',
	},
	{ transactionId: 't1', type: 'credit', amount: 1000, source: 'Monthly Reset' },
];

describe('Account → Get Usage', () => {
	test('the quota as one item, every field kept, in one request', async () => {
		const quota = { ...QUOTA, term: { start: '2026-04-01' } };
		const requests = serve(QUOTA_PATH, quota);

		const { items, error } = await runPictoryNode({ resource: 'account', operation: 'getUsage' });

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: quota, pairedItem: { item: 0 } }]);
		expect(requests).toEqual([QUOTA_PATH]);
	});

	test('a quota wrapped in "data" is read too', async () => {
		serve(QUOTA_PATH, { success: true, data: QUOTA });

		const { items } = await runPictoryNode({ resource: 'account', operation: 'getUsage' });

		expect(items.map((item) => item.json)).toEqual([QUOTA]);
	});

	test('one item per input item, each paired', async () => {
		serve(QUOTA_PATH, QUOTA, 2);

		const { items } = await runPictoryNode(
			{ resource: 'account', operation: 'getUsage' },
			{ inputItems: 2 },
		);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test.each([
		[{ success: false, message: 'Quota unavailable' }, 'Pictory refused the request'],
		[{ hello: 'world' }, 'Pictory sent an answer the node cannot read'],
		[[1, 2], 'Pictory sent an answer the node cannot read'],
	])('an answer %j is a clear error', async (body, message) => {
		serve(QUOTA_PATH, body);

		const { error } = await runPictoryNode({ resource: 'account', operation: 'getUsage' });

		expect(error?.message).toBe(message);
	});

	test('a wrong key: Pictory rejected the API key, and the key is not shown', async () => {
		nock(BASE_URL).get(QUOTA_PATH).reply(401, { message: 'Unauthorized' });

		const { error } = await runPictoryNode(
			{ resource: 'account', operation: 'getUsage' },
			{ credentials: { pictoryApi: { apiKey: 'pictai_wrong' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('pictai_wrong');
	});

	test('a 429 is waited out and retried; a 503 too', async () => {
		nock(BASE_URL)
			.get(QUOTA_PATH)
			.reply(429, {}, { 'Retry-After': '1' })
			.get(QUOTA_PATH)
			.reply(503, 'Service Unavailable');
		const requests = serve(QUOTA_PATH, QUOTA);

		const { items, error } = await runPictoryNode({ resource: 'account', operation: 'getUsage' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([QUOTA]);
		expect(requests).toHaveLength(1);
	});
});

describe('Account → Get AI Credit Usage', () => {
	const usage = { resource: 'account', operation: 'getAiCreditUsage' };

	test('the current month: no query, one item per transaction, newest first', async () => {
		const requests = serve(USAGE_PATH, TRANSACTIONS);

		const { items, error } = await runPictoryNode(usage);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(TRANSACTIONS);
		expect(requests).toEqual([USAGE_PATH]);
	});

	test.each([
		// The clock says 4 April 2026.
		[{ month: '2', year: '2026' }, 'year=2026&month=2'],
		[{ month: '4' }, 'year=2026&month=4'],
		[{ month: '11' }, 'year=2025&month=11'],
		[{ month: 'november', year: ' 2025 ' }, 'year=2025&month=11'],
		[{ month: '05' }, 'year=2025&month=5'],
		[{ month: '4', year: '2025' }, 'year=2025&month=4'],
	])('%j asks for %s', async (period, query) => {
		const requests = serve(USAGE_PATH, []);

		const { items, error } = await runPictoryNode({ ...usage, ...period });

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(requests).toEqual([`${USAGE_PATH}?${query}`]);
	});

	test('“now” is the workflow’s time zone’s: at 02:00 UTC on 1 May, Los Angeles is still in April', async () => {
		const start = Date.now();
		jest.setSystemTime(Date.parse('2026-05-01T02:00:00Z'));
		try {
			const requests = serve(USAGE_PATH, [], 2);

			await runPictoryNode({ ...usage, month: '5' }, { timezone: 'America/Los_Angeles' });
			await runPictoryNode({ ...usage, month: '5' }, { timezone: 'UTC' });
			const thisMay = await runPictoryNode(
				{ ...usage, month: '5', year: '2026' },
				{ timezone: 'America/Los_Angeles' },
			);

			// The latest May: last year's in Los Angeles, this one in UTC.
			expect(requests).toEqual([
				`${USAGE_PATH}?year=2025&month=5`,
				`${USAGE_PATH}?year=2026&month=5`,
			]);
			expect(thisMay.error?.message).toBe('May 2026 has not come yet');
		} finally {
			jest.setSystemTime(start);
		}
	});

	test.each([
		[{ year: '2026' }, 'Year needs a Month', 'pick a Month too'],
		[{ month: '5', year: '2026' }, 'May 2026 has not come yet', 'this month or an earlier one'],
		[{ month: '3', year: '2025' }, 'March 2025 is more than 12 months ago', 'last 12 months'],
		[{ month: '3', year: '26' }, 'Year must be a year such as 2026, not "26"', 'four digits'],
		[{ month: 'Smarch' }, 'Month must be one of', 'Pick one in the list'],
	])('%j is refused before any request: %s', async (period, message, hint) => {
		const { error } = await runPictoryNode({ ...usage, ...period });

		expect(error?.message).toContain(message);
		expect(error?.description).toContain(hint);
		expect(nock.pendingMocks()).toEqual([]);
	});

	test('a month without transactions gives no items', async () => {
		serve(USAGE_PATH, []);

		const { items, error } = await runPictoryNode(usage);

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test.each([[{ items: TRANSACTIONS }], [{ success: true, data: TRANSACTIONS }]])(
		'the transactions in another envelope (%j) are read too',
		async (body) => {
			serve(USAGE_PATH, body);

			const { items } = await runPictoryNode(usage);

			expect(items.map((item) => item.json)).toEqual(TRANSACTIONS);
		},
	);

	test('Pictory’s 400 for a month it does not keep shows what it said', async () => {
		nock(BASE_URL)
			.get(USAGE_PATH)
			.query(true)
			.reply(400, { code: 'INVALID_REQUEST', message: 'Only the last 12 months are available' });

		const { error } = await runPictoryNode({ ...usage, month: '4', year: '2025' });

		expect(`${error?.message} ${error?.description}`).toContain(
			'Only the last 12 months are available',
		);
	});

	test('a wrong key: Pictory rejected the API key', async () => {
		nock(BASE_URL).get(USAGE_PATH).reply(401, { message: 'Unauthorized' });

		const { error } = await runPictoryNode(usage);

		expect(error?.message).toBe('Pictory rejected the API key');
	});

	test('a 429 is waited out and retried', async () => {
		nock(BASE_URL).get(USAGE_PATH).reply(429, {}, { 'Retry-After': '1' });
		const requests = serve(USAGE_PATH, TRANSACTIONS);

		const { items } = await runPictoryNode(usage);

		expect(items).toHaveLength(3);
		expect(requests).toHaveLength(1);
	});
});

describe('as an AI Agent’s tool', () => {
	test('Get Usage answers with the quota', async () => {
		serve(QUOTA_PATH, QUOTA);

		const { items, error } = await runAsAgentTool({ resource: 'account', operation: 'getUsage' });

		expect(error).toBeUndefined();
		expect(JSON.parse(items[0].json.answer as string)).toEqual([QUOTA]);
	});

	test('Get AI Credit Usage takes the month the model names', async () => {
		const requests = serve(USAGE_PATH, TRANSACTIONS);

		const { items } = await runAsAgentTool(
			{
				resource: 'account',
				operation: 'getAiCreditUsage',
				month: "={{ $fromAI('month', 'The month, by name', 'string') }}",
			},
			{ toolArgs: { month: 'February' } },
		);

		expect(JSON.parse(items[0].json.answer as string)).toEqual(TRANSACTIONS);
		expect(requests).toEqual([`${USAGE_PATH}?year=2026&month=2`]);
	});
});
