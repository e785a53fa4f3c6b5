/** Media → Search Stock: Pictory's stock videos and images for a keyword, one item each. */
import nock from 'nock';

import { API_KEY, BASE_URL, runAsAgentTool, runPictoryNode } from '../harness';
import { stockSearchAnswer } from '../standIn/search';

const SEARCH = '/pictoryapis/v1/media/search';

/** Answers the search with `body`, recording each request's query. */
function serveSearch(body: unknown = stockSearchAnswer('sunrise'), times = 1) {
	const queries: Array<Record<string, string>> = [];
	nock(BASE_URL)
		.get(SEARCH)
		.query(true)
		.times(times)
		.matchHeader('authorization', API_KEY)
		.reply((uri) => {
			queries.push(Object.fromEntries(new URL(uri, BASE_URL).searchParams));
			return [200, body as nock.Body];
		});
	return queries;
}

const search = { resource: 'media', operation: 'searchStock' };

describe('Media → Search Stock', () => {
	test('one item per result, every field as Pictory sends it, in one request', async () => {
		const answer = stockSearchAnswer('sunrise');
		const queries = serveSearch(answer);

		const { items, error } = await runPictoryNode({ ...search, keyword: 'sunrise' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(answer.data.searchResults);
		expect(queries).toEqual([{ keyword: 'sunrise', language: 'en' }]);
	});

	test('the keyword and category trimmed, the language as given', async () => {
		const queries = serveSearch();

		await runPictoryNode({
			...search,
			keyword: '  sunrise over mountains ',
			category: ' Nature/Landscapes ',
			language: 'es',
		});

		expect(queries).toEqual([
			{ keyword: 'sunrise over mountains', category: 'Nature/Landscapes', language: 'es' },
		]);
	});

	test('an empty language is left out, for Pictory’s own', async () => {
		const queries = serveSearch();

		await runPictoryNode({ ...search, keyword: 'sunrise', language: '' });

		expect(queries).toEqual([{ keyword: 'sunrise' }]);
	});

	test('each input item searches its own keyword, its results paired with it', async () => {
		const queries: string[] = [];
		nock(BASE_URL)
			.get(SEARCH)
			.query(true)
			.times(2)
			.reply((uri) => {
				const keyword = new URL(uri, BASE_URL).searchParams.get('keyword')!;
				queries.push(keyword);
				return [200, stockSearchAnswer(keyword, keyword === 'cats' ? 1 : 2)];
			});

		const { items } = await runPictoryNode(
			{ ...search, keyword: '={{ $json.topic }}' },
			{ input: [{ topic: 'cats' }, { topic: 'dogs' }] },
		);

		expect(queries.sort()).toEqual(['cats', 'dogs']);
		expect(items.map((item) => [item.json.keyword, item.pairedItem])).toEqual([
			['cats', { item: 0 }],
			['dogs', { item: 1 }],
			['dogs', { item: 1 }],
		]);
	});

	test.each([['   '], ['={{ $json.missing }}']])(
		'an empty Keyword (%j) is refused before any request',
		async (keyword) => {
			const { error } = await runPictoryNode({ ...search, keyword });

			expect(error?.message).toBe('Keyword is empty');
			expect(nock.pendingMocks()).toEqual([]);
		},
	);

	test('a bad row is refused before any other row is searched… and with Continue On Fail, stands alone', async () => {
		const queries = serveSearch(stockSearchAnswer('dogs', 1));

		const { items } = await runPictoryNode(
			{ ...search, keyword: '={{ $json.topic }}' },
			{
				input: [{ topic: '' }, { topic: 'dogs' }],
				settings: { onError: 'continueRegularOutput' },
			},
		);

		expect(items.map((item) => [item.json.error ?? item.json.keyword, item.pairedItem])).toEqual([
			['Keyword is empty', { item: 0 }],
			['dogs', { item: 1 }],
		]);
		expect(queries).toHaveLength(1);
	});

	test.each([
		[{ searchResults: [{ id: 1 }] }, [{ id: 1 }]],
		[{ data: { page: 1, searchResults: [] } }, []],
	])('an answer %j is read', async (body, results) => {
		serveSearch(body);

		const { items, error } = await runPictoryNode({ ...search, keyword: 'x' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(results);
	});

	test.each([
		[{ data: { page: 1 } }, 'Pictory sent an answer the node cannot read'],
		[{ success: false, message: 'Search unavailable' }, 'Pictory refused the request'],
	])('an answer %j is a clear error', async (body, message) => {
		serveSearch(body);

		const { error } = await runPictoryNode({ ...search, keyword: 'x' });

		expect(error?.message).toBe(message);
	});

	test('a wrong key: Pictory rejected the API key', async () => {
		nock(BASE_URL).get(SEARCH).query(true).reply(401, { message: 'Unauthorized' });

		const { error } = await runPictoryNode({ ...search, keyword: 'x' });

		expect(error?.message).toBe('Pictory rejected the API key');
	});

	test('a 429 is waited out and retried', async () => {
		nock(BASE_URL).get(SEARCH).query(true).reply(429, {}, { 'Retry-After': '1' });
		const queries = serveSearch();

		const { items, error } = await runPictoryNode({ ...search, keyword: 'sunrise' });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(queries).toHaveLength(1);
	});

	test('as an AI Agent’s tool: the keyword the model gives, the results as the tool’s answer', async () => {
		const queries = serveSearch(stockSearchAnswer('solar panels', 2));

		const { items, error } = await runAsAgentTool(
			{
				...search,
				keyword: "={{ $fromAI('keyword', 'What the stock media should show', 'string') }}",
			},
			{ toolArgs: { keyword: 'solar panels' } },
		);

		expect(error).toBeUndefined();
		expect(JSON.parse(items[0].json.answer as string)).toEqual(
			stockSearchAnswer('solar panels', 2).data.searchResults,
		);
		expect(queries).toEqual([{ keyword: 'solar panels', language: 'en' }]);
	});
});
