/** Music → Search and its filter lists: Pictory's tracks, paged by `page` and `pageSize`. */
import { NodeApiError } from 'n8n-workflow';
import nock from 'nock';

import { API_KEY, BASE_URL, loadOptions, runAsAgentTool, runPictoryNode } from '../harness';
import {
	musicLists,
	musicSearchAnswer,
	musicTracks,
	type MusicSearchBody,
} from '../standIn/search';

const SEARCH = '/pictoryapis/v1/music/search';

/** Pictory's music search over `tracks`, as the stand-in answers it, recording each body. */
function serveMusic(tracks = musicTracks()) {
	const bodies: MusicSearchBody[] = [];
	nock(BASE_URL)
		.persist()
		.post(SEARCH)
		.matchHeader('authorization', API_KEY)
		.reply((_, body) => {
			bodies.push(body as MusicSearchBody);
			return musicSearchAnswer(tracks, body as MusicSearchBody) as nock.ReplyFnResult;
		});
	return bodies;
}

const search = { resource: 'music', operation: 'search' };

describe('Music → Search', () => {
	test('the default Limit (50): one page of 50, one item per track as Pictory sends it', async () => {
		const tracks = musicTracks(120);
		const bodies = serveMusic(tracks);

		const { items, error } = await runPictoryNode(search);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(tracks.slice(0, 50));
		expect(bodies).toEqual([{ page: 1, pageSize: 50 }]);
	});

	test.each([
		[5, 1, [{ page: 1, pageSize: 20 }]],
		[100, 1, [{ page: 1, pageSize: 100 }]],
		[
			150,
			2,
			[
				{ page: 1, pageSize: 100 },
				{ page: 2, pageSize: 100 },
			],
		],
	])('Limit %i asks for %i page(s), of sizes Pictory takes', async (limit, _, pages) => {
		const bodies = serveMusic(musicTracks(250));

		const { items } = await runPictoryNode({ ...search, limit });

		expect(items).toHaveLength(limit);
		expect(bodies).toEqual(pages);
	});

	test('Return All: pages of 100 until a shorter one', async () => {
		const tracks = musicTracks(230);
		const bodies = serveMusic(tracks);

		const { items } = await runPictoryNode({ ...search, returnAll: true });

		expect(items.map((item) => item.json.id)).toEqual(tracks.map((track) => track.id));
		expect(bodies.map((body) => body.page)).toEqual([1, 2, 3]);
	});

	test('Return All over exactly 100 tracks: the empty second page ends it', async () => {
		const bodies = serveMusic(musicTracks(100));

		const { items } = await runPictoryNode({ ...search, returnAll: true });

		expect(items).toHaveLength(100);
		expect(bodies.map((body) => body.page)).toEqual([1, 2]);
	});

	test('the query, each filter and its exclusion, durations and sort, as Pictory takes them', async () => {
		const bodies = serveMusic();

		const { error } = await runPictoryNode({
			...search,
			query: '  track ',
			filters: {
				genreGroup: ['Electronic'],
				genre: ['Downtempo', 'Techno'],
				mood: ['Calm / Serene'],
				notMood: ['Dark / Ominous'],
				instrument: ['Piano'],
				notInstrument: ['Drum Kit'],
				purpose: ['Corporate / Business'],
				notGenre: [],
				minDuration: 30,
				maxDuration: 200,
			},
			sort: 'latest',
			limit: 10,
		});

		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{
				query: 'track',
				genreGroup: ['Electronic'],
				genre: ['Downtempo', 'Techno'],
				mood: ['Calm / Serene'],
				notMood: ['Dark / Ominous'],
				instrument: ['Piano'],
				notInstrument: ['Drum Kit'],
				purpose: ['Corporate / Business'],
				minDuration: 30,
				maxDuration: 200,
				sort: 'latest',
				page: 1,
				pageSize: 20,
			},
		]);
	});

	test('filters from an expression: names separated by commas, trimmed, each once', async () => {
		const bodies = serveMusic();

		await runPictoryNode({
			...search,
			filters: { mood: '={{ "Calm / Serene, Happy / Bright ,Calm / Serene" }}' },
		});

		expect(bodies[0].mood).toEqual(['Calm / Serene', 'Happy / Bright']);
	});

	test('no match: no items, after one request', async () => {
		const bodies = serveMusic();

		const { items, error } = await runPictoryNode({ ...search, query: 'nothing like it' });

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(bodies).toHaveLength(1);
	});

	test.each([
		[
			{ filters: { minDuration: 200, maxDuration: 100 } },
			'Min Duration (200 s) is more than Max Duration (100 s)',
		],
		[{ filters: { minDuration: -5 } }, 'Min Duration (Seconds) must be a number of seconds'],
		[{ filters: { mood: '={{ { a: 1 } }}' } }, 'Moods must be a list of names'],
		[{ sort: 'loudest' }, 'Sort must be one of'],
		[{ limit: 0 }, 'Limit must be a whole number of 1 or more'],
	])('%j is refused before any request', async (parameters, message) => {
		const { error } = await runPictoryNode({ ...search, ...parameters });

		expect(error?.message).toContain(message);
		expect(nock.pendingMocks()).toEqual([]);
	});

	test.each([
		[{ data: { items: [{ id: 1 }] } }],
		[{ searchResults: [{ id: 1 }] }],
		[{ tracks: [{ id: 1 }] }],
	])('tracks answered as %j are read too', async (body) => {
		nock(BASE_URL).post(SEARCH).reply(200, body);

		const { items } = await runPictoryNode(search);

		expect(items.map((item) => item.json)).toEqual([{ id: 1 }]);
	});

	test('an answer without tracks is a clear error', async () => {
		nock(BASE_URL).post(SEARCH).reply(200, { results: 'none' });

		const { error } = await runPictoryNode(search);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
	});

	test('Pictory’s 400 shows the field it refused', async () => {
		nock(BASE_URL)
			.post(SEARCH)
			.reply(400, {
				code: 'INVALID_REQUEST_BODY',
				message: 'Request body is invalid',
				fields: [{ name: 'mood', errors: 'unknown mood "calm"' }],
			});

		const { error } = await runPictoryNode(search);

		expect(`${error?.message} ${error?.description}`).toContain('unknown mood "calm"');
	});

	test('a page failing for good fails the node rather than returning fewer tracks', async () => {
		nock(BASE_URL)
			.post(SEARCH)
			.reply(200, { items: musicTracks(100) })
			.post(SEARCH)
			.times(4)
			.reply(500, { message: 'Internal error' }, { 'Retry-After': '0' });

		const { error, items } = await runPictoryNode({ ...search, returnAll: true });

		expect(error?.message).toBe('Pictory had a server error (HTTP 500) after 4 attempts');
		expect(items).toEqual([]);
	});

	test('a wrong key: Pictory rejected the API key', async () => {
		nock(BASE_URL).post(SEARCH).reply(401, { message: 'Unauthorized' });

		const { error } = await runPictoryNode(search);

		expect(error?.message).toBe('Pictory rejected the API key');
	});

	test('a 429 is waited out and the same page asked for again', async () => {
		nock(BASE_URL).post(SEARCH).reply(429, {}, { 'Retry-After': '1' });
		const bodies = serveMusic();

		const { items } = await runPictoryNode({ ...search, limit: 5 });

		expect(items).toHaveLength(5);
		expect(bodies).toEqual([{ page: 1, pageSize: 20 }]);
	});

	test('as an AI Agent’s tool: the model’s query and mood', async () => {
		const bodies = serveMusic();

		const { items, error } = await runAsAgentTool(
			{
				...search,
				query: "={{ $fromAI('query', 'Words in the title', 'string') }}",
				filters: { mood: "={{ $fromAI('mood', 'One of Pictory’s moods', 'string') }}" },
				limit: 3,
			},
			{ toolArgs: { query: 'Track', mood: 'Calm / Serene' } },
		);

		expect(error).toBeUndefined();
		const tracks = JSON.parse(items[0].json.answer as string) as Array<{ moods: string[] }>;
		expect(tracks).toHaveLength(3);
		expect(tracks.every((track) => track.moods.includes('Calm / Serene'))).toBe(true);
		expect(bodies).toEqual([{ query: 'Track', mood: ['Calm / Serene'], page: 1, pageSize: 20 }]);
	});
});

describe('the music filter lists', () => {
	const LISTS = [
		['getMusicMoods', 'moods'],
		['getMusicGenres', 'genres'],
		['getMusicGenreGroups', 'genres/groups'],
		['getMusicInstruments', 'instruments'],
		['getMusicPurposes', 'purposes'],
	] as const;

	test.each(LISTS)('%s: every name of /v1/music/%s, sorted, each once', async (method, list) => {
		nock(BASE_URL)
			.get(`/pictoryapis/v1/music/${list}`)
			.matchHeader('authorization', API_KEY)
			.reply(200, [...musicLists[list], musicLists[list][0], '']);

		const options = await loadOptions(method);

		expect(options).toEqual(
			[...musicLists[list]]
				.sort((a, b) => a.localeCompare(b))
				.map((name) => ({ name, value: name })),
		);
	});

	test('an empty list is an empty dropdown', async () => {
		nock(BASE_URL).get('/pictoryapis/v1/music/moods').reply(200, []);

		expect(await loadOptions('getMusicMoods')).toEqual([]);
	});

	test('a wrong key: Pictory’s "rejected the API key", the key not shown', async () => {
		nock(BASE_URL).get('/pictoryapis/v1/music/purposes').reply(401, { message: 'Unauthorized' });

		const error = await loadOptions('getMusicPurposes', {
			credentials: { pictoryApi: { apiKey: 'pictai_wrong' } },
		}).catch((thrown: Error) => thrown);

		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Pictory rejected the API key');
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('pictai_wrong');
	});

	test('an answer that is not a list is a clear error', async () => {
		nock(BASE_URL).get('/pictoryapis/v1/music/genres').reply(200, { message: 'maintenance' });

		await expect(loadOptions('getMusicGenres')).rejects.toThrow(
			'Pictory sent an answer the node cannot read',
		);
	});
});
