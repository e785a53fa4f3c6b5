/**
 * Previews, sources, voice and look in a real n8n 2.41.1 against the Pictory stand-in: the example
 * "preview, approve, render" with n8n's Wait node resumed by the approval the test sends; a video
 * rendered from an article; every source, your recording, an avatar and a logo sent as Pictory
 * takes them; and Avatar → Get Many over the stand-in's pages.
 */
import type { INode } from 'n8n-workflow';

import type { PictoryStandIn } from '../test/pictoryStandIn';
import { exampleWorkflow, outputOf, type Execution, type N8nClient } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_sources_0123456789';

let session: E2eSession;
let client: N8nClient;
let pictory: PictoryStandIn;
let credential: { id: string; name: string };

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, renderChecks: 1 });
	({ client, pictory, credential } = session);
});

afterAll(async () => await session?.stop());

/** Starts a saved workflow from its trigger, as "Execute workflow" does, without waiting for it. */
async function start(workflowId: string, triggerName: string): Promise<string> {
	const { executionId } = await client.rest<{ executionId: string }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ triggerToStartFrom: { name: triggerName } },
	);
	return executionId;
}

/** Checks an execution every 100 ms until `done` says so (at most `timeoutMs`). */
async function executionWhen(
	executionId: string,
	done: (status: string) => boolean,
	timeoutMs = 90_000,
): Promise<Execution & { status: string }> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await client.execution(executionId);
		if (done(execution.status)) return execution;
		if (Date.now() > deadline) {
			throw new Error(`execution ${executionId} still ${execution.status}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A Manual Trigger and one Pictory node with these parameters, saved. */
async function pictoryWorkflow(name: string, parameters: INode['parameters']) {
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
	return { id, trigger: trigger.name };
}

test('the example: a preview, its link, the approval through the Wait node, then the render', async () => {
	const example = exampleWorkflow('preview-approve-render.json');
	for (const node of example.nodes.filter(({ type }) => type === 'CUSTOM.pictory')) {
		node.credentials = { pictoryApi: credential };
	}
	// The e-mail step, left to the user to configure, becomes a Set node giving the same links.
	const message = example.nodes.find(({ name }) => name === 'Ask for approval')!;
	Object.assign(message, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		credentials: undefined,
		parameters: {
			assignments: {
				assignments: [
					{ id: 'preview', name: 'previewUrl', value: '={{ $json.previewUrl }}', type: 'string' },
					{
						id: 'approve',
						name: 'approveUrl',
						value: '={{ $execution.resumeUrl }}',
						type: 'string',
					},
				],
			},
			options: {},
		},
	});
	example.nodes.find(({ name }) => name === 'Render Preview')!.parameters.checkIntervalSeconds = 10;
	const id = await client.createWorkflow(example);

	const executionId = await start(id, example.nodes[0].name);
	const waiting = await executionWhen(
		executionId,
		(status) => status !== 'running' && status !== 'new',
	);

	expect(waiting.status).toBe('waiting');
	const [preview] = outputOf(waiting, 'Create Preview');
	const origin = new URL(pictory.baseUrl).origin;
	expect(preview.json).toMatchObject({
		jobId: 'preview-1',
		status: 'completed',
		previewUrl: `${origin}/preview/preview-1`,
		renderParams: { elements: expect.any(Array) },
		storyboard: {
			videoName: 'Our new planner',
			scenes: [{ blogUrl: 'https://example.com/blog/our-new-planner' }],
			saveProject: true,
		},
	});
	expect(pictory.previewRenders).toEqual([]);
	const [links] = outputOf(waiting, 'Ask for approval');
	expect((await fetch(String(links.json.previewUrl))).status).toBe(200);

	const approval = await fetch(String(links.json.approveUrl));
	expect(approval.status).toBe(200);
	const finished = await executionWhen(
		executionId,
		(status) => !['new', 'running', 'waiting'].includes(status),
	);

	expect(finished.status).toBe('success');
	expect(pictory.previewRenders).toEqual([{ previewJobId: 'preview-1', body: {} }]);
	expect(outputOf(finished, 'Render Preview')[0].json).toMatchObject({
		jobId: 'preview-render-1',
		status: 'completed',
		videoURL: `${origin}/videos/preview-render-1.mp4`,
	});
}, 180_000);

test('Create from Text renders a video from an article URL', async () => {
	const workflow = await pictoryWorkflow('Render an article', {
		resource: 'video',
		operation: 'createFromText',
		videoName: 'Our new planner',
		source: 'blogUrl',
		blogUrl: 'https://example.com/blog/our-new-planner',
		voice: { __rl: true, mode: 'name', value: 'Brian' },
		checkIntervalSeconds: 10,
	});

	const execution = await client.run(workflow.id, workflow.trigger);

	expect(execution.status).toBe('success');
	const jobId = `render-${pictory.renders.length}`;
	expect(outputOf(execution, 'Pictory')[0].json).toMatchObject({ jobId, status: 'completed' });
	expect(pictory.renders.at(-1)).toMatchObject({
		scenes: [
			{
				blogUrl: 'https://example.com/blog/our-new-planner',
				createSceneOnNewLine: true,
				createSceneOnEndOfSentence: true,
			},
		],
	});
}, 60_000);

test.each([
	[
		'a PowerPoint, narrated from its speaker notes',
		{ source: 'pptUrl', pptUrl: 'https://example.com/q3.pptx', pptNarration: 'speakerNotes' },
		{ pptUrl: 'https://example.com/q3.pptx', useSpeakerNotes: true },
	],
	[
		'an AI-written script',
		{ source: 'storyCoPilot', scriptPrompt: 'Three tips for focus', scriptPlatform: 'TikTok' },
		{
			storyCoPilot: {
				prompt: 'Three tips for focus',
				videoType: 'Explainer',
				duration: 60,
				platform: 'TikTok',
				tone: 'informative',
			},
		},
	],
	[
		'a podcast',
		{ source: 'audioUrl', audioUrl: 'https://example.com/ep12.mp3', audioLanguage: 'en-GB' },
		{ audioUrl: 'https://example.com/ep12.mp3', audioLanguage: 'en-GB' },
	],
	[
		'a webinar to make a short of',
		{ source: 'videoUrl', videoUrl: 'https://example.com/webinar.mp4' },
		{ videoUrl: 'https://example.com/webinar.mp4', audioLanguage: 'en-US' },
	],
])('Create Preview from %s: the scene Pictory takes', async (what, parameters, scene) => {
	const workflow = await pictoryWorkflow(`Preview from ${what}`, {
		resource: 'video',
		operation: 'createPreview',
		videoName: 'Sources',
		waitForCompletion: false,
		...parameters,
	});

	const execution = await client.run(workflow.id, workflow.trigger);

	expect(execution.status).toBe('success');
	expect(outputOf(execution, 'Pictory')[0].json).toEqual({
		jobId: `preview-${pictory.previews.length}`,
	});
	expect(pictory.previews.at(-1)).toMatchObject({ scenes: [scene] });
});

test('your recording, an avatar picked by id and a logo go into the storyboard', async () => {
	const workflow = await pictoryWorkflow('Recording, avatar and logo', {
		resource: 'video',
		operation: 'createFromText',
		videoName: 'Presented',
		story: 'Hello from our team.',
		narration: 'voiceFile',
		voiceUrl: 'https://example.com/voice.mp3',
		additionalFields: {
			avatar: { __rl: true, mode: 'id', value: 'Annie_expressive12_public' },
			logoUrl: 'https://example.com/logo.png',
		},
		waitForCompletion: false,
	});

	const execution = await client.run(workflow.id, workflow.trigger);

	expect(execution.status).toBe('success');
	expect(pictory.renders.at(-1)).toMatchObject({
		voiceOver: {
			enabled: true,
			externalVoice: { voiceUrl: 'https://example.com/voice.mp3', syncVoice: true },
		},
		avatar: { avatarId: 'Annie_expressive12_public', position: 'bottom-right', width: '25%' },
		logo: { url: 'https://example.com/logo.png', position: 'top-right', width: '10%' },
	});
});

test('Avatar → Get Many pages through every avatar', async () => {
	const workflow = await pictoryWorkflow('Avatars', {
		resource: 'avatar',
		operation: 'getMany',
		returnAll: true,
	});
	const before = pictory.requests.length;

	const execution = await client.run(workflow.id, workflow.trigger);

	expect(execution.status).toBe('success');
	expect(outputOf(execution, 'Pictory').map((item) => item.json.id)).toEqual([
		'annie',
		'marcus',
		'kai',
	]);
	expect(pictory.requests.slice(before).map((request) => request.path)).toEqual([
		'/pictoryapis/v1/avatars',
		'/pictoryapis/v1/avatars',
	]);
});

test('the Avatar list loads as the editor loads it: one entry per look, page by page', async () => {
	const load = async (paginationToken?: string) =>
		await client.rest<{
			results: Array<{ name: string; value: string }>;
			paginationToken?: string;
		}>('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.additionalFields.avatar',
			methodName: 'searchAvatars',
			nodeTypeAndVersion: { name: 'CUSTOM.pictory', version: 1 },
			currentNodeParameters: { resource: 'video', operation: 'createFromText' },
			credentials: { pictoryApi: credential },
			...(paginationToken && { paginationToken }),
		});

	const first = await load();
	const next = await load(first.paginationToken);

	expect(first.results.map(({ name, value }) => [name, value])).toEqual([
		['Annie: Expressive', 'Annie_expressive12_public'],
		['Annie: Office', 'Annie_office3_public'],
		['Marcus: Casual', 'Marcus_casual1_public'],
	]);
	expect(first.paginationToken).toEqual(expect.any(String));
	expect(next.results.map(({ value }) => value)).toEqual(['Kai_studio2_public']);
	expect(next.paginationToken).toBeUndefined();
});
