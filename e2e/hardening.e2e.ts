/**
 * Fixes the unit tests prove on n8n-core's engine, checked again in a real n8n 2.41.1 against the
 * built package: Execute Once orders once and finishes; a redirect to another host is refused, by
 * the nodes and by the credential's Test button, and that host receives nothing; a download that is
 * an HTML page is an error, not a stored file; a job answered flat keeps its fields.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INode, IWorkflowBase } from 'n8n-workflow';

import { IMAGES_PATH, PROJECTS_PATH, RENDER_PATH } from '../test/fixtures';
import type { PictoryStandIn } from '../test/pictoryStandIn';
import { type N8nClient, outputOf } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_hardening_0123456789';

/** Another origin (same address, another port): records what it receives, answers like Pictory. */
interface OtherHost {
	origin: string;
	requests: Array<{ method: string; path: string; authorization: string | undefined }>;
	server: Server;
}

async function startOtherHost(): Promise<OtherHost> {
	const requests: OtherHost['requests'] = [];
	const server = createServer((request, response) => {
		requests.push({
			method: request.method ?? 'GET',
			path: request.url ?? '/',
			authorization: request.headers.authorization,
		});
		request.resume();
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ items: [] }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		server,
	};
}

let session: E2eSession;
let client: N8nClient;
let pictory: PictoryStandIn;
let otherHost: OtherHost;
let credential: { id: string; name: string };

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, imageCount: 3 });
	({ client, pictory, credential } = session);
	otherHost = await startOtherHost();
});

afterEach(() => {
	pictory.overrides.clear();
	otherHost.requests.length = 0;
});

afterAll(async () => {
	await session?.stop();
	otherHost?.server.closeAllConnections();
	await new Promise((resolve) => otherHost?.server.close(resolve));
});

const START = 'Start';
const THREE_ITEMS = 'Three items';
const SPLIT = 'One item each';
const PICTORY = 'Pictory';

const connect = (from: string, to: string) => ({
	[from]: { main: [[{ node: to, type: 'main' as const, index: 0 }]] },
});

/**
 * Saves a workflow: a Manual Trigger, then (with `threeItems`) a Set and a Split Out that make 3
 * items, then the Pictory node with `parameters` and the node settings in `settings`.
 */
async function saveWorkflow(
	name: string,
	parameters: INode['parameters'],
	{ threeItems = false, settings = {} }: { threeItems?: boolean; settings?: Partial<INode> } = {},
) {
	const node = (
		nodeName: string,
		type: string,
		typeVersion: number,
		nodeParameters: INode['parameters'],
		index: number,
	): INode => ({
		id: `00000000-0000-4000-8000-00000000000${index}`,
		name: nodeName,
		type,
		typeVersion,
		position: [index * 220, 0],
		parameters: nodeParameters,
	});
	const start = node(START, 'n8n-nodes-base.manualTrigger', 1, {}, 0);
	const pictoryNode: INode = {
		...node(PICTORY, 'CUSTOM.pictory', 1, parameters, 3),
		credentials: { pictoryApi: credential },
		...settings,
	};
	const workflow: Pick<IWorkflowBase, 'name' | 'nodes' | 'connections' | 'settings'> = threeItems
		? {
				name,
				nodes: [
					start,
					node(
						THREE_ITEMS,
						'n8n-nodes-base.set',
						3.4,
						{ mode: 'raw', jsonOutput: '{ "n": [1, 2, 3] }' },
						1,
					),
					node(SPLIT, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'n' }, 2),
					pictoryNode,
				],
				connections: {
					...connect(START, THREE_ITEMS),
					...connect(THREE_ITEMS, SPLIT),
					...connect(SPLIT, PICTORY),
				},
				settings: { executionOrder: 'v1' },
			}
		: {
				name,
				nodes: [start, pictoryNode],
				connections: connect(START, PICTORY),
				settings: { executionOrder: 'v1' },
			};
	return await client.createWorkflow(workflow);
}

/** Runs a saved workflow; gives the execution and the stand-in requests made meanwhile. */
async function run(workflowId: string) {
	const before = pictory.requests.length;
	const execution = await client.run(workflowId, START);
	const ms = Date.parse(execution.stoppedAt ?? '') - Date.parse(execution.startedAt ?? '');
	return { execution, requests: pictory.requests.slice(before), ms };
}

describe('Execute Once', () => {
	test.each([
		[
			'Image → Generate',
			IMAGES_PATH,
			/^job-\d+$/,
			{
				resource: 'image',
				operation: 'generate',
				prompt: 'A man playing guitar on a beach during sunset',
				waitForCompletion: false,
			},
		],
		[
			'Video → Create from Text',
			RENDER_PATH,
			/^render-\d+$/,
			{
				resource: 'video',
				operation: 'createFromText',
				videoName: 'Launch teaser',
				story: 'Our new app plans your week in seconds.',
				waitForCompletion: false,
			},
		],
	])(
		'%s with 3 input items orders once and finishes',
		async (operation, orderPath, jobIdPattern, parameters) => {
			const id = await saveWorkflow(`Execute Once: ${operation}`, parameters, {
				threeItems: true,
				settings: { executeOnce: true },
			});

			// The defect was a hang (the run waited for items Execute Once never hands it): run()
			// fails if the execution has not finished within its generous 60 s bound.
			const { execution, requests, ms } = await run(id);
			console.log(`Execute Once, ${operation}: the execution took ${ms} ms`);

			expect(execution.status).toBe('success');
			expect(outputOf(execution, SPLIT)).toHaveLength(3);
			expect(outputOf(execution, PICTORY).map((item) => item.json)).toEqual([
				{ jobId: expect.stringMatching(jobIdPattern) },
			]);
			expect(
				requests.filter((request) => request.method === 'POST' && request.path === orderPath),
			).toHaveLength(1);
		},
	);
});

describe('a redirect from the Base URL’s host to another origin', () => {
	test.each([
		['Get Generated Images', IMAGES_PATH, { resource: 'image', operation: 'getGeneratedImages' }],
		['Project → Get Many', PROJECTS_PATH, { resource: 'project', operation: 'getMany' }],
	])(
		'%s: fails naming it, and the other host receives nothing',
		async (operation, path, parameters) => {
			pictory.overrides.redirects.set(path, `${otherHost.origin}/collect`);
			const id = await saveWorkflow(`Redirected: ${operation}`, parameters);

			const { execution, requests } = await run(id);

			expect(execution.status).toBe('error');
			expect(execution.data.resultData.error?.message).toBe(
				"Pictory's address redirected to another host (HTTP 302)",
			);
			expect(execution.data.resultData.error?.description).toContain(
				`points to ${otherHost.origin}/collect`,
			);
			expect(requests.map((request) => request.path)).toEqual([path]);
			expect(otherHost.requests).toEqual([]);
			expect(JSON.stringify(execution.data)).not.toContain(API_KEY);
		},
	);

	test('the credential’s Test button does not send the key to the other host', async () => {
		pictory.overrides.redirects.set(IMAGES_PATH, `${otherHost.origin}/collect`);

		const result = await client.testCredential({ apiKey: API_KEY, baseUrl: pictory.baseUrl });

		// One assertion, so that a failure shows both what the other host got (with the
		// Authorization, which must never be the key) and what the Test button said.
		expect({ otherHostReceived: otherHost.requests, testStatus: result.status }).toEqual({
			otherHostReceived: [],
			testStatus: 'Error',
		});
	});
});

test('Download Image: an HTML page labelled image/png is an error naming the image, not a file', async () => {
	const [newest] = pictory.images;
	pictory.overrides.imageFiles.set(newest.id, {
		contentType: 'image/png',
		body: '<!DOCTYPE html><html><h1>403 Forbidden</h1></html>',
	});
	const id = await saveWorkflow('HTML as an image', {
		resource: 'image',
		operation: 'getGeneratedImages',
		limit: 1,
		downloadImage: true,
	});

	const { execution, requests } = await run(id);

	expect(execution.status).toBe('error');
	expect(execution.data.resultData.error?.message).toBe(
		`The download of image ${newest.id} is not an image file`,
	);
	expect(execution.data.resultData.error?.description).toContain(
		'answered with image/png, starting "<!DOCTYPE html>',
	);
	expect(outputOf(execution, PICTORY)).toEqual([]);
	expect(requests.map((request) => request.path)).toEqual([
		IMAGES_PATH,
		new URL(newest.url).pathname,
	]);
});

test('Job → Get answered flat keeps videoURL in the output', async () => {
	const jobId = 'flat-job-1';
	const videoURL = `${new URL(pictory.baseUrl).origin}/videos/${jobId}.mp4`;
	pictory.overrides.jobs.set(jobId, {
		job_id: jobId,
		status: 'completed',
		videoURL,
		videoDuration: 42.5,
	});
	const id = await saveWorkflow('Flat job', { resource: 'job', operation: 'get', jobId });

	const { execution } = await run(id);

	expect(execution.status).toBe('success');
	expect(outputOf(execution, PICTORY).map((item) => item.json)).toEqual([
		{ jobId, status: 'completed', videoURL, videoDuration: 42.5 },
	]);
});
