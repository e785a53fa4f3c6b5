/**
 * Templates, projects and AI Studio videos in a real n8n against the Pictory stand-in: the example
 * "sheet rows → a personalised video each" with three rows, each row's columns mapped onto the
 * template's variables and each video's link paired back to its row; an AI video generated,
 * waited for and downloaded, then listed, and the example that sends new ones to Google Drive; and a
 * saved project got, rendered and deleted.
 */
import type { INode } from 'n8n-workflow';

import type { PictoryStandIn } from '../test/pictoryStandIn';
import { setChecksToComplete, templateRecords } from '../test/standIn/templates';
import { exampleWorkflow, outputOf, type N8nClient } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_templates_0123456789';

let session: E2eSession;
let client: N8nClient;
let pictory: PictoryStandIn;
let credential: { id: string; name: string };

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY });
	({ client, pictory, credential } = session);
	setChecksToComplete(pictory, 1);
});

afterAll(async () => await session?.stop());

const ROWS = [
	{ row_number: 2, Name: 'Ana', Company: 'Acme', Offer: '10% off' },
	{ row_number: 3, Name: 'Bo', Company: 'Globex', Offer: 'free shipping' },
	{ row_number: 4, Name: 'Chen', Company: 'Initech', Offer: 'a demo' },
];

/** A Manual Trigger and one Pictory node with these parameters, saved. */
async function pictoryWorkflow(name: string, parameters: INode['parameters']) {
	const id = await client.createWorkflow({
		name,
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
				id: 'pictory',
				name: 'Pictory',
				type: 'CUSTOM.pictory',
				typeVersion: 1,
				position: [240, 0],
				parameters,
				credentials: { pictoryApi: credential },
			},
		],
		connections: { Start: { main: [[{ node: 'Pictory', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	return await client.run(id, 'Start', 90_000);
}

test('the example: three sheet rows, a video each from the template, each link back in its row', async () => {
	const example = exampleWorkflow('sheet-rows-to-template-videos.json');
	const render = example.nodes.find(({ name }) => name === 'A video from the template')!;
	render.credentials = { pictoryApi: credential };
	Object.assign(render.parameters, {
		template: {
			__rl: true,
			mode: 'list',
			value: 'tpl-welcome',
			cachedResultName: 'Customer welcome (English)',
		},
		checkIntervalSeconds: 10,
	});
	// The sheet's nodes, which need a Google account, become a manual start giving three rows
	// (under the trigger's name, which the last node refers to) and a Set node with the update.
	const update = example.nodes.find(({ name }) => name === 'Put the link in the row')!;
	const row = (update.parameters.columns as { value: Record<string, string> }).value;
	Object.assign(update, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		credentials: undefined,
		parameters: {
			assignments: {
				assignments: Object.entries(row).map(([name, value]) => ({
					id: name,
					name,
					value,
					type: 'string',
				})),
			},
			options: {},
		},
	});
	const rows = example.nodes.find(({ name }) => name === 'New rows')!;
	Object.assign(rows, {
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		credentials: undefined,
		parameters: { fieldToSplitOut: 'rows', options: {} },
	});
	example.nodes.push(
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [-480, 0],
			parameters: {},
		},
		{
			id: 'sheet',
			name: 'Sheet',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [-240, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows: ROWS }), options: {} },
		},
	);
	example.connections.Start = { main: [[{ node: 'Sheet', type: 'main', index: 0 }]] };
	example.connections.Sheet = { main: [[{ node: 'New rows', type: 'main', index: 0 }]] };
	const id = await client.createWorkflow(example);

	const execution = await client.run(id, 'Start', 120_000);

	expect(execution.status).toBe('success');
	const { templateOrders } = templateRecords(pictory);
	expect(templateOrders).toEqual(
		ROWS.map((sheetRow) => ({
			preview: false,
			body: {
				videoName: `Welcome ${sheetRow.Name}`,
				templateId: 'tpl-welcome',
				variables: { Name: sheetRow.Name, Company: sheetRow.Company, Offer: sheetRow.Offer },
			},
		})),
	);
	const origin = new URL(pictory.baseUrl).origin;
	const videos = outputOf(execution, 'A video from the template');
	expect(videos.map((video) => video.json.status)).toEqual(['completed', 'completed', 'completed']);
	// Each row gets the link of its own video, whatever order the renders finished in.
	const jobOfRow = new Map(
		templateOrders.map((order, index) => [
			order.body.variables!.Name,
			`template-render-${index + 1}`,
		]),
	);
	expect(outputOf(execution, 'Put the link in the row').map((item) => item.json)).toEqual(
		ROWS.map((sheetRow, index) => {
			const jobId = String(videos[index].json.jobId);
			expect(jobId).toBe(jobOfRow.get(sheetRow.Name));
			return {
				row_number: String(sheetRow.row_number),
				'Video URL': `${origin}/videos/${jobId}.mp4`,
				'Share URL': `https://video.pictory.ai/share/${jobId}`,
			};
		}),
	);
}, 180_000);

test('a row with an empty variable stops the run before any video is ordered', async () => {
	const before = templateRecords(pictory).templateOrders.length;

	const execution = await pictoryWorkflow('An empty variable', {
		resource: 'video',
		operation: 'renderFromTemplate',
		template: { __rl: true, mode: 'id', value: 'tpl-welcome' },
		videoName: 'Welcome',
		variablesInput: 'pairs',
		variablePairs: {
			variable: [
				{ name: 'Name', value: 'Ana' },
				{ name: 'Company', value: ' ' },
			],
		},
	});

	expect(execution.status).toBe('error');
	expect(execution.data.resultData.error?.message).toBe('The variable "Company" is empty');
	expect(templateRecords(pictory).templateOrders).toHaveLength(before);
}, 60_000);

test('AI Video → Generate with Veo 3.1 Fast, waited for and downloaded; then listed', async () => {
	const generated = await pictoryWorkflow('An AI video', {
		resource: 'aiVideo',
		operation: 'generate',
		prompt: 'A slow drone shot over a misty pine forest',
		model: 'veo3.1_fast',
		veoAspectRatio: '9:16',
		veoDuration: '6s',
		checkIntervalSeconds: 10,
		downloadVideo: true,
	});

	expect(generated.status).toBe('success');
	expect(templateRecords(pictory).aiVideoOrders).toEqual([
		{
			prompt: 'A slow drone shot over a misty pine forest',
			model: 'veo3.1_fast',
			aspectRatio: '9:16',
			duration: '6s',
		},
	]);
	const [video] = outputOf(generated, 'Pictory');
	expect(video.json).toMatchObject({ jobId: 'ai-video-1', status: 'completed' });
	expect(video.binary?.data).toMatchObject({ fileName: 'ai-video-1.mp4', mimeType: 'video/mp4' });

	const listed = await pictoryWorkflow('My AI videos', {
		resource: 'aiVideo',
		operation: 'getGeneratedVideos',
		limit: 5,
	});
	expect(outputOf(listed, 'Pictory').map((item) => item.json.id)).toEqual(['ai-video-1']);
}, 120_000);

test('the example: the newest AI Studio videos to Google Drive, each MP4 downloaded', async () => {
	const example = exampleWorkflow('new-ai-video-to-google-drive.json');
	example.nodes.find(({ name }) => name === 'My newest AI videos')!.credentials = {
		pictoryApi: credential,
	};
	// Google Drive needs a Google account: a Set node gives the file name it would upload under.
	const upload = example.nodes.find(({ name }) => name === 'Upload to Google Drive')!;
	Object.assign(upload, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			assignments: {
				assignments: [{ id: 'name', name: 'name', value: upload.parameters.name, type: 'string' }],
			},
			includeOtherFields: true,
			options: {},
		},
	});
	const id = await client.createWorkflow(example);

	const first = await client.run(id, 'Every 15 minutes', 60_000);

	expect(first.status).toBe('success');
	const downloaded = outputOf(first, 'Download the MP4');
	expect(downloaded.map((item) => item.binary?.data?.mimeType)).toEqual(['video/mp4']);
	expect(outputOf(first, 'Upload to Google Drive').map((item) => item.json.name)).toEqual([
		'ai-video-1.mp4',
	]);
}, 120_000);

test('Project → Get, Render and Delete', async () => {
	const got = await pictoryWorkflow('Get a project', {
		resource: 'project',
		operation: 'get',
		project: { __rl: true, mode: 'list', value: 'project-1' },
	});
	expect(outputOf(got, 'Pictory')[0].json).toMatchObject({
		projectId: 'project-1',
		videoURL: expect.stringContaining('/videos/project-1.mp4'),
		scenes: expect.any(Array),
	});

	const rendered = await pictoryWorkflow('Render a project', {
		resource: 'project',
		operation: 'render',
		project: { __rl: true, mode: 'id', value: 'project-1' },
		checkIntervalSeconds: 10,
	});
	expect(outputOf(rendered, 'Pictory')[0].json).toMatchObject({
		jobId: 'project-render-1',
		status: 'completed',
	});

	const deleted = await pictoryWorkflow('Delete a project', {
		resource: 'project',
		operation: 'delete',
		project: { __rl: true, mode: 'id', value: 'project-2' },
	});
	expect(outputOf(deleted, 'Pictory')[0].json).toMatchObject({
		projectId: 'project-2',
		deleted: true,
	});
	expect(templateRecords(pictory).projectDeletes).toEqual(['project-2']);
	expect(pictory.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
}, 120_000);
