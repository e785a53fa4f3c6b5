/**
 * Uploads, transcripts and highlights in a real n8n against the Pictory stand-in: a file made in
 * the workflow (as Google Drive → Download would give it) is uploaded through a signed URL,
 * transcribed, and comes back as text and SRT and VTT files; its highlights follow from the job.
 * Media → Upload alone returns the file's URL, and Create Preview takes the file as its Video URL.
 */
import { createHash } from 'node:crypto';

import type { INode } from 'n8n-workflow';

import { SRT, TRANSCRIPT_TEXT, VTT } from '../test/mediaFixtures';
import type { PictoryStandIn } from '../test/pictoryStandIn';
import { exampleWorkflow, outputOf, type N8nClient } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_transcription_0123456789';

/** A short "recording": an M4A's first bytes, then bytes of every value. */
const RECORDING = Buffer.concat([
	Buffer.from('0000001c66747970 4d344120'.replace(/ /g, ''), 'hex'),
	Buffer.from(Array.from({ length: 4096 }, (_, index) => index % 256)),
]);

let session: E2eSession;
let client: N8nClient;
let pictory: PictoryStandIn;
let credential: { id: string; name: string };

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, renderChecks: 1 });
	({ client, pictory, credential } = session);
});

afterAll(async () => await session?.stop());

/** A Manual Trigger, the recording as a file (Convert to File), then `steps`, in a row. */
async function workflowWithFile(name: string, steps: Array<Pick<INode, 'name' | 'parameters'>>) {
	const [trigger] = exampleWorkflow('list-newest-images.json').nodes;
	const nodes: INode[] = [
		trigger,
		{
			id: 'recording',
			name: 'Recording',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				assignments: {
					assignments: [
						{ id: 'data', name: 'data', value: RECORDING.toString('base64'), type: 'string' },
					],
				},
				options: {},
			},
		},
		{
			id: 'file',
			name: 'To File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [400, 0],
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'data',
				options: { fileName: 'standup.m4a', mimeType: 'audio/mp4' },
			},
		},
		...steps.map((step, index): INode => ({
			id: `step-${index}`,
			type: 'CUSTOM.pictory',
			typeVersion: 1,
			position: [600 + 200 * index, 0],
			credentials: { pictoryApi: credential },
			...step,
		})),
	];
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main' as const, index: 0 }]] },
			]),
	);
	const id = await client.createWorkflow({ name, nodes, connections, settings: {} });
	return { id, trigger: trigger.name };
}

test('a file in the workflow → Transcribe → text, SRT and VTT files, then its highlights', async () => {
	const { id, trigger } = await workflowWithFile('Transcribe a file', [
		{
			name: 'Transcribe',
			parameters: {
				resource: 'transcription',
				operation: 'transcribe',
				fileUrlFrom: 'binary',
				fileUrlBinaryField: 'data',
				mediaType: 'audio',
				checkIntervalSeconds: 10,
				transcriptFiles: ['txt', 'srt', 'vtt'],
			},
		},
		{
			name: 'Highlights',
			parameters: {
				resource: 'transcription',
				operation: 'createHighlights',
				transcriptionJobId: '={{ $json.jobId }}',
				highlightDuration: 20,
				checkIntervalSeconds: 10,
			},
		},
	]);

	const execution = await client.run(id, trigger, 120_000);

	expect(execution.status).toBe('success');
	// The bytes reached the signed URL as they were, with their type and without the key.
	expect(pictory.media.signed).toEqual([{ fileName: 'standup.m4a', contentType: 'audio/mp4' }]);
	expect(pictory.media.uploads).toEqual([
		{
			key: '1/standup.m4a',
			contentType: 'audio/mp4',
			bytes: RECORDING.length,
			sha256: createHash('sha256').update(RECORDING).digest('hex'),
			authorization: undefined,
		},
	]);
	const fileUrl = `${new URL(pictory.baseUrl).origin}/media/1/standup.m4a`;
	expect(pictory.media.transcriptions).toEqual([
		{ mediaType: 'audio', language: 'en-US', fileUrl },
	]);

	const [transcribed] = outputOf(execution, 'Transcribe');
	expect(transcribed.json).toMatchObject({
		jobId: 'transcription-1',
		status: 'completed',
		text: TRANSCRIPT_TEXT,
		srt: SRT,
		vtt: VTT,
		fileUrl,
	});
	const files = transcribed.binary!;
	expect(
		['txt', 'srt', 'vtt'].map((field) => [files[field].fileName, files[field].mimeType]),
	).toEqual([
		['standup.txt', 'text/plain'],
		['standup.srt', 'application/x-subrip'],
		['standup.vtt', 'text/vtt'],
	]);

	expect(pictory.media.highlights).toEqual([
		{
			path: '/pictoryapis/v2/transcription/transcription-1/highlights',
			body: { highlight_duration: 20 },
		},
	]);
	const [highlights] = outputOf(execution, 'Highlights');
	expect(highlights.json).toMatchObject({
		jobId: 'highlights-1',
		highlightSegments: [
			{
				start: 2.46,
				end: 6.76,
				text: 'Revenue grew twelve percent this quarter. Our new planner app',
			},
			{ start: 7.96, end: 9.16, text: 'Thanks for watching.' },
		],
	});
});

test('Media → Upload returns the URL Pictory reads the file from', async () => {
	const { id, trigger } = await workflowWithFile('Upload a file', [
		{
			name: 'Upload',
			parameters: { resource: 'media', operation: 'upload', inputBinaryField: 'data' },
		},
	]);

	const execution = await client.run(id, trigger);

	expect(execution.status).toBe('success');
	const [uploaded] = outputOf(execution, 'Upload');
	expect(uploaded.json).toEqual({
		url: `${new URL(pictory.baseUrl).origin}/media/2/standup.m4a`,
		fileName: 'standup.m4a',
		mimeType: 'audio/mp4',
		fileSize: RECORDING.length,
		key: '2/standup.m4a',
	});
	expect(pictory.media.uploads.at(-1)).toMatchObject({
		bytes: RECORDING.length,
		authorization: undefined,
	});
});

test('Create Preview with the file as its video: uploaded, then its URL is the scene’s source', async () => {
	const { id, trigger } = await workflowWithFile('Preview of a file', [
		{
			name: 'Preview',
			parameters: {
				resource: 'video',
				operation: 'createPreview',
				videoName: 'Stand-up short',
				source: 'videoUrl',
				videoUrlFrom: 'binary',
				videoUrlBinaryField: 'data',
				waitForCompletion: false,
			},
		},
	]);

	const execution = await client.run(id, trigger);

	expect(execution.status).toBe('success');
	const upload = pictory.media.uploads.at(-1)!;
	expect(upload).toMatchObject({ bytes: RECORDING.length, authorization: undefined });
	expect((pictory.previews.at(-1) as { scenes: unknown }).scenes).toEqual([
		{ videoUrl: `${new URL(pictory.baseUrl).origin}/media/${upload.key}`, audioLanguage: 'en-US' },
	]);
});
