/**
 * The package inside a real n8n 2.41.1: the nodes load, the credential test n8n runs on Save
 * works, the example workflows run against a local Pictory stand-in, a video renders, waited for
 * by the node or by n8n's Wait node when Pictory calls back, and n8n's HTTP Request node calls
 * other Pictory endpoints with the Pictory API credential.
 */
import { NodeConnectionTypes, type INode, type IWorkflowBase } from 'n8n-workflow';

import { QUOTA, type PictoryStandIn } from '../test/pictoryStandIn';
import { exampleWorkflow, type N8nClient, outputOf } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_0123456789abcdef';

let session: E2eSession;
let client: N8nClient;
let pictory: PictoryStandIn;
let credential: { id: string; name: string };

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, imageCount: 237, renderChecks: 1 });
	({ client, pictory, credential } = session);
});

afterAll(async () => await session?.stop());

/** "list my newest images" from examples/, with its Pictory node's parameters and credential set. */
async function listImagesWorkflow(parameters: INode['parameters'], withCredential = credential) {
	const workflow = exampleWorkflow('list-newest-images.json');
	const pictoryNode = workflow.nodes.find((node) => node.type === 'CUSTOM.pictory')!;
	pictoryNode.parameters = { resource: 'image', operation: 'getGeneratedImages', ...parameters };
	pictoryNode.credentials = { pictoryApi: withCredential };
	workflow.name = `${workflow.name} ${JSON.stringify(parameters)}`;
	return {
		id: await client.createWorkflow(workflow),
		trigger: workflow.nodes[0].name,
		node: pictoryNode.name,
	};
}

async function requestsDuring(work: () => Promise<unknown>) {
	const before = pictory.requests.length;
	await work();
	return pictory.requests.slice(before);
}

test('n8n lists the Pictory node, the trigger and the credential type', async () => {
	const nodeTypes = await client.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
	const credentialTypes = await client.rest<Array<{ name: string }>>(
		'GET',
		'/types/credentials.json',
	);

	expect(nodeTypes.map((type) => type.name)).toEqual(
		expect.arrayContaining(['CUSTOM.pictory', 'CUSTOM.pictoryTrigger']),
	);
	expect(credentialTypes.map((type) => type.name)).toContain('pictoryApi');
});

test('the credential test n8n runs on Save: a good key passes, a wrong one is named as such', async () => {
	const good = await client.testCredential({ apiKey: API_KEY, baseUrl: pictory.baseUrl });
	const wrong = await client.testCredential({ apiKey: 'pictai_wrong', baseUrl: pictory.baseUrl });

	expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(wrong.status).toBe('Error');
	expect(wrong.message).toContain('Pictory rejected the API key');
});

test('the example workflow with Return All gives all 237 images, in order, in 3 requests', async () => {
	const workflow = await listImagesWorkflow({ returnAll: true });

	let execution!: Awaited<ReturnType<N8nClient['run']>>;
	const requests = await requestsDuring(
		async () => (execution = await client.run(workflow.id, workflow.trigger)),
	);

	expect(execution.status).toBe('success');
	expect(outputOf(execution, workflow.node).map((item) => item.json)).toEqual(pictory.images);
	expect(requests.map((request) => request.authorization)).toEqual([API_KEY, API_KEY, API_KEY]);
});

test('with Limit 5 it gives the 5 newest images in one request', async () => {
	const workflow = await listImagesWorkflow({ limit: 5 });

	let execution!: Awaited<ReturnType<N8nClient['run']>>;
	const requests = await requestsDuring(
		async () => (execution = await client.run(workflow.id, workflow.trigger)),
	);

	expect(outputOf(execution, workflow.node).map((item) => item.json)).toEqual(
		pictory.images.slice(0, 5),
	);
	expect(requests).toHaveLength(1);
});

test('with Download Image each item carries its PNG', async () => {
	const workflow = await listImagesWorkflow({ limit: 2, downloadImage: true });

	const execution = await client.run(workflow.id, workflow.trigger);

	const binaries = outputOf(execution, workflow.node).map((item) => item.binary?.data);
	expect(binaries.map((binary) => [binary?.fileName, binary?.mimeType])).toEqual(
		pictory.images.slice(0, 2).map((image) => [`${image.id}.png`, 'image/png']),
	);
});

test('with a wrong key the run fails with a clear error that does not show the key', async () => {
	const wrongKey = await client.createCredential('Pictory wrong key', {
		apiKey: 'pictai_wrong_key_123',
		baseUrl: pictory.baseUrl,
	});
	const workflow = await listImagesWorkflow({ limit: 5 }, wrongKey);

	const execution = await client.run(workflow.id, workflow.trigger);

	expect(execution.status).toBe('error');
	expect(execution.data.resultData.error?.message).toBe('Pictory rejected the API key');
	expect(execution.data.resultData.error).toMatchObject({ httpCode: '401' });
	expect(JSON.stringify(execution.data)).not.toContain('pictai_wrong_key_123');
});

test('the trigger’s Fetch Test Event gives the newest image', async () => {
	const example = exampleWorkflow('new-image-to-slack.json');
	const trigger = example.nodes.find((node) => node.type === 'CUSTOM.pictoryTrigger')!;
	trigger.credentials = { pictoryApi: credential };
	const id = await client.createWorkflow({
		...example,
		name: 'Trigger test',
		nodes: [trigger],
		connections: {},
	});

	const execution = await client.run(id, trigger.name);

	expect(outputOf(execution, trigger.name).map((item) => item.json)).toEqual([pictory.images[0]]);
});

test('Create from Text renders a video and downloads its MP4 into binary data', async () => {
	const example = exampleWorkflow('list-newest-images.json');
	const [start, pictoryNode] = example.nodes;
	pictoryNode.name = 'Render the video';
	pictoryNode.parameters = {
		resource: 'video',
		operation: 'createFromText',
		videoName: 'Launch teaser',
		story: 'Our new app plans your week.\nTry it today.',
		voice: { __rl: true, mode: 'list', value: 'Brian', cachedResultName: 'Brian' },
		checkIntervalSeconds: 10,
		downloadVideo: true,
	};
	pictoryNode.credentials = { pictoryApi: credential };
	const id = await client.createWorkflow({
		...example,
		name: 'Render a video',
		nodes: [start, pictoryNode],
		connections: { [start.name]: { main: [[{ node: pictoryNode.name, type: 'main', index: 0 }]] } },
	});

	const execution = await client.run(id, start.name);

	expect(execution.status).toBe('success');
	const [video] = outputOf(execution, pictoryNode.name);
	const jobId = `render-${pictory.renders.length}`;
	expect(video.json).toMatchObject({
		jobId,
		status: 'completed',
		videoURL: `${new URL(pictory.baseUrl).origin}/videos/${jobId}.mp4`,
		videoShareURL: `https://video.pictory.ai/share/${jobId}`,
	});
	expect(video.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${jobId}.mp4` });
	expect(pictory.renders.at(-1)).toMatchObject({
		videoName: 'Launch teaser',
		voiceOver: { enabled: true, aiVoices: [{ speaker: 'Brian' }] },
	});
});

test('a render that holds no worker: the Wait node resumes when Pictory calls back', async () => {
	const example = exampleWorkflow('render-video-without-waiting.json');
	const render = example.nodes.find((node) => node.type === 'CUSTOM.pictory')!;
	render.credentials = { pictoryApi: credential };
	const id = await client.createWorkflow(example);
	const callsBefore = pictory.webhookCalls.length;

	const execution = await client.run(id, example.nodes[0].name);

	expect(execution.status).toBe('success');
	const { jobId } = outputOf(execution, 'Render the video')[0].json;
	expect(outputOf(execution, 'Video link')[0].json).toEqual({
		videoURL: `${new URL(pictory.baseUrl).origin}/videos/${String(jobId)}.mp4`,
		jobId,
	});
	expect(pictory.webhookCalls.slice(callsBefore)).toEqual([
		{ url: expect.stringContaining('/webhook-waiting/'), status: 200 },
	]);
});

describe('the HTTP Request node with the Pictory API credential', () => {
	test('n8n offers it under Predefined Credential Type', async () => {
		const nodeTypes = await client.rest<
			Array<{
				name: string;
				properties: Array<{ name: string; credentialTypes?: string[] }>;
			}>
		>('GET', '/types/nodes.json');
		const credentialTypes = await client.rest<
			Array<{ name: string; displayName: string; authenticate?: unknown }>
		>('GET', '/types/credentials.json');
		const httpRequest = nodeTypes.find((type) => type.name === 'n8n-nodes-base.httpRequest')!;
		const pictoryApi = credentialTypes.find((type) => type.name === 'pictoryApi')!;

		// The editor lists there the credential types that meet one of these conditions.
		expect(
			httpRequest.properties.find((property) => property.name === 'nodeCredentialType')
				?.credentialTypes,
		).toContain('has:authenticate');
		expect(pictoryApi.displayName).toBe('Pictory API');
		expect(pictoryApi.authenticate).toBeDefined();
	});

	test('it calls an endpoint the node does not cover, with the raw key in Authorization', async () => {
		const workflow: Pick<IWorkflowBase, 'name' | 'nodes' | 'connections' | 'settings'> = {
			name: 'HTTP Request: Pictory quota',
			nodes: [
				{
					id: 'trigger',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'quota',
					name: 'Get quota',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [220, 0],
					parameters: {
						url: `${pictory.baseUrl}/v1/quota`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'pictoryApi',
						options: {},
					},
					credentials: { pictoryApi: credential },
				},
			],
			connections: {
				Start: { main: [[{ node: 'Get quota', type: NodeConnectionTypes.Main, index: 0 }]] },
			},
			settings: {},
		};
		const id = await client.createWorkflow(workflow);

		let execution!: Awaited<ReturnType<N8nClient['run']>>;
		const requests = await requestsDuring(async () => (execution = await client.run(id, 'Start')));

		expect(execution.status).toBe('success');
		expect(outputOf(execution, 'Get quota').map((item) => item.json)).toEqual([QUOTA]);
		expect(requests).toMatchObject([
			{ method: 'GET', path: '/pictoryapis/v1/quota', authorization: API_KEY },
		]);
		expect(JSON.stringify(execution.data)).not.toContain(API_KEY);
	});
});
