/** Voice → Get Many: the list behind Create from Text's Voice dropdown, as operation items. */
import nock from 'nock';

import { dropdownLists } from '../fakePictory';
import { API_KEY, BASE_URL, loadDropdown, runAsAgentTool, runPictoryNode } from '../harness';

const VOICES = '/pictoryapis/v1/voiceovers/tracks';

const moreVoices = [
	...dropdownLists.voices,
	{ id: 4, name: 'Aditi', language: 'English (India)', gender: 'female', service: 'aws' },
	{ id: 5, name: 'Pierre', language: 'French', sample: 'https://example.com/pierre.mp3' },
	{ id: 6, name: 'Jenny', language: 'en-US', service: 'elevenlabs' },
	{ id: 7, name: 'Nobody' },
];

/** The voice list, answered `times` times, recording each request. */
function serveVoices(body: unknown = moreVoices, times = 1) {
	const requests: string[] = [];
	nock(BASE_URL)
		.get(VOICES)
		.times(times)
		.matchHeader('authorization', API_KEY)
		.reply((uri) => {
			requests.push(uri);
			return [200, body as nock.Body];
		});
	return requests;
}

const getMany = { resource: 'voice', operation: 'getMany', returnAll: true };

describe('Voice → Get Many', () => {
	test('every voice, one item each with every field Pictory sends, in one request', async () => {
		const requests = serveVoices();

		const { items, error } = await runPictoryNode(getMany);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(moreVoices);
		expect(items.map((item) => item.pairedItem)).toEqual(moreVoices.map(() => ({ item: 0 })));
		expect(requests).toEqual([VOICES]);
	});

	test.each([
		['Spanish', ['Lucia']],
		['  english ', ['Brian', 'Amy', 'Aditi']],
		['en', ['Brian', 'Amy', 'Aditi', 'Jenny']],
		['fr', ['Pierre']],
		['Klingon', []],
	])(
		'Language %j: the voices of that language, a name or a code, from the start of a word',
		async (language, names) => {
			serveVoices();

			const { items } = await runPictoryNode({ ...getMany, language });

			expect(items.map((item) => item.json.name)).toEqual(names);
		},
	);

	test('Limit 2: the first two, from the one answer', async () => {
		const requests = serveVoices();

		const { items } = await runPictoryNode({ resource: 'voice', operation: 'getMany', limit: 2 });

		expect(items.map((item) => item.json.name)).toEqual(['Brian', 'Amy']);
		expect(requests).toHaveLength(1);
	});

	test('the same list as the Voice dropdown, read by the same reader', async () => {
		serveVoices({ items: moreVoices }, 2);

		const { items } = await runPictoryNode(getMany);
		const dropdown = await loadDropdown({ listSearch: 'searchVoices' });

		const named = items.map((item) => String(item.json.name)).sort();
		expect(dropdown.results.map((entry) => entry.value)).toEqual(['none', ...named]);
	});

	test('a bad Limit is refused before any request', async () => {
		const { error } = await runPictoryNode({ resource: 'voice', operation: 'getMany', limit: 0 });

		expect(error?.message).toBe('Limit must be a whole number of 1 or more, not 0');
		expect(nock.pendingMocks()).toEqual([]);
	});

	test('an answer that is not a list is a clear error', async () => {
		serveVoices({ message: 'maintenance' });

		const { error } = await runPictoryNode(getMany);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
	});

	test('a wrong key: Pictory rejected the API key, after one request', async () => {
		const scope = nock(BASE_URL).get(VOICES).reply(401, { message: 'Unauthorized' });

		const { error, items } = await runPictoryNode(getMany, {
			credentials: { pictoryApi: { apiKey: 'pictai_wrong' } },
		});

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(items).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	test('a 429 is waited out and retried', async () => {
		nock(BASE_URL).get(VOICES).reply(429, { message: 'Slow down' }, { 'Retry-After': '2' });
		const requests = serveVoices();

		const { items, error } = await runPictoryNode(getMany);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(moreVoices.length);
		expect(requests).toHaveLength(1);
	});

	test('as an AI Agent’s tool: the voices of the language the model asks for', async () => {
		serveVoices();

		const { items, error } = await runAsAgentTool(
			{
				...getMany,
				language: "={{ $fromAI('language', 'The language of the voices', 'string') }}",
			},
			{ toolArgs: { language: 'Spanish' } },
		);

		expect(error).toBeUndefined();
		expect(JSON.parse(items[0].json.answer as string)).toEqual([dropdownLists.voices[2]]);
	});
});
