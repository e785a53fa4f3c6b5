/**
 * Searches, lists and the account in a real n8n against the Pictory stand-in: Voice → Get Many,
 * Account → Get Usage and Get AI Credit Usage, Media → Search Stock and Music → Search each run
 * once in a saved workflow, and a music filter list loads as the editor loads it.
 */
import type { INode } from 'n8n-workflow';

import { dropdownLists } from '../test/fixtures';
import { QUOTA, type PictoryStandIn } from '../test/pictoryStandIn';
import {
	creditTransactions,
	musicLists,
	musicTracks,
	searchRecordOf,
	stockSearchAnswer,
} from '../test/standIn/search';
import { exampleWorkflow, outputOf, type N8nClient } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_search_0123456789';

let session: E2eSession;
let client: N8nClient;
let pictory: PictoryStandIn;
let credential: { id: string; name: string };

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY });
	({ client, pictory, credential } = session);
});

afterAll(async () => await session?.stop());

/** Runs a Manual Trigger → Pictory workflow with these parameters; gives the Pictory node's items. */
async function runPictory(name: string, parameters: INode['parameters']) {
	const example = exampleWorkflow('list-newest-images.json');
	const [trigger, pictoryNode] = example.nodes;
	pictoryNode.name = 'Pictory';
	pictoryNode.parameters = parameters;
	pictoryNode.credentials = { pictoryApi: credential };
	const id = await client.createWorkflow({
		...example,
		name,
		nodes: [trigger, pictoryNode],
		connections: {
			[trigger.name]: { main: [[{ node: pictoryNode.name, type: 'main', index: 0 }]] },
		},
	});
	const before = pictory.requests.length;
	const execution = await client.run(id, trigger.name);
	expect(execution.status).toBe('success');
	return {
		json: outputOf(execution, 'Pictory').map((item) => item.json),
		paths: pictory.requests.slice(before).map((request) => `${request.method} ${request.path}`),
	};
}

test('Voice → Get Many, of one language', async () => {
	const { json, paths } = await runPictory('Voices', {
		resource: 'voice',
		operation: 'getMany',
		language: 'english',
		returnAll: true,
	});

	expect(json).toEqual(dropdownLists.voices.filter((voice) => voice.language === 'English'));
	expect(paths).toEqual(['GET /pictoryapis/v1/voiceovers/tracks']);
});

test('Account → Get Usage: the quota as one item', async () => {
	const { json, paths } = await runPictory('Usage', { resource: 'account', operation: 'getUsage' });

	expect(json).toEqual([QUOTA]);
	expect(paths).toEqual(['GET /pictoryapis/v1/quota']);
});

test('Account → Get AI Credit Usage: the current month, one item per transaction', async () => {
	const record = searchRecordOf(pictory);
	const { json } = await runPictory('Credits', {
		resource: 'account',
		operation: 'getAiCreditUsage',
	});

	expect(json).toEqual(creditTransactions);
	expect(record.creditUsageQueries.at(-1)).toEqual({});
});

test('Media → Search Stock: one item per result', async () => {
	const record = searchRecordOf(pictory);
	const { json, paths } = await runPictory('Stock', {
		resource: 'media',
		operation: 'searchStock',
		keyword: 'sunrise',
		category: 'Nature/Landscapes',
	});

	expect(json).toEqual(stockSearchAnswer('sunrise').data.searchResults);
	expect(paths).toEqual(['GET /pictoryapis/v1/media/search']);
	expect(record.stockSearches.at(-1)).toEqual({
		keyword: 'sunrise',
		category: 'Nature/Landscapes',
		language: 'en',
	});
});

test('Music → Search: a mood picked, Return All', async () => {
	const record = searchRecordOf(pictory);
	const calm = musicTracks().filter((track) => track.moods.includes('Calm / Serene'));
	const { json, paths } = await runPictory('Music', {
		resource: 'music',
		operation: 'search',
		filters: { mood: ['Calm / Serene'] },
		returnAll: true,
	});

	expect(json).toEqual(calm);
	expect(paths).toEqual(['POST /pictoryapis/v1/music/search']);
	expect(record.musicSearches.at(-1)).toEqual({ mood: ['Calm / Serene'], page: 1, pageSize: 100 });
});

test('Music → Search: a Limit of 25 is one page of 25', async () => {
	const record = searchRecordOf(pictory);
	const before = record.musicSearches.length;
	const { json } = await runPictory('Music limit', {
		resource: 'music',
		operation: 'search',
		limit: 25,
	});

	expect(json.map((track) => track.id)).toEqual(
		musicTracks()
			.slice(0, 25)
			.map((track) => track.id),
	);
	expect(record.musicSearches.slice(before)).toEqual([{ page: 1, pageSize: 25 }]);
});

/** A music filter list, as the editor asks n8n for it when the filter is opened. */
const loadMoods = async (pictoryApi: { id: string; name: string }) =>
	await client.rest<Array<{ name: string; value: string }>>(
		'POST',
		'/rest/dynamic-node-parameters/options',
		{
			path: 'parameters.filters.mood',
			methodName: 'getMusicMoods',
			nodeTypeAndVersion: { name: 'CUSTOM.pictory', version: 1 },
			currentNodeParameters: { resource: 'music', operation: 'search', filters: { mood: [] } },
			credentials: { pictoryApi },
		},
	);

test('a music filter list loads as the editor loads it', async () => {
	const options = await loadMoods(credential);

	expect(options).toEqual(
		[...musicLists.moods].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name })),
	);
});

test('with a wrong key, n8n hands the editor Pictory’s "rejected the API key", not the key', async () => {
	const wrong = await client.createCredential('Pictory wrong key', {
		apiKey: 'pictai_wrong_0123456789',
		baseUrl: pictory.baseUrl,
	});

	const error = await loadMoods(wrong).catch((thrown: Error) => thrown);

	expect(String(error)).toContain('Pictory rejected the API key');
	expect(String(error)).not.toContain('pictai_wrong_0123456789');
});

test('the example: the weekly usage report, its Slack message made from the quota', async () => {
	const example = exampleWorkflow('weekly-usage-to-slack.json');
	example.nodes.find(({ type }) => type === 'CUSTOM.pictory')!.credentials = {
		pictoryApi: credential,
	};
	// The Slack step, left to the user's Slack credential, becomes a Set node with the same text.
	const slack = example.nodes.find(({ name }) => name === 'Post to Slack')!;
	const text = slack.parameters.text as string;
	Object.assign(slack, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			assignments: { assignments: [{ id: 'text', name: 'text', type: 'string', value: text }] },
		},
	});
	const id = await client.createWorkflow(example);

	const execution = await client.run(id, 'Every Monday at 9');

	expect(execution.status).toBe('success');
	expect(outputOf(execution, 'Post to Slack').map((item) => item.json.text)).toEqual([
		[
			'Pictory this billing term:',
			'• Video: 12 of 600 minutes',
			'• Transcription: 0 of 600 minutes',
			'• ElevenLabs voice-over: 3 of 120 minutes',
			'• AI credits: 40 of 1000 (960 left)',
		].join('\n'),
	]);
});
