/**
 * Pass Through Data: every order sends it as Pictory's `webhookInput`, read by one reader, and
 * refuses what Pictory could not hand back before any request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	IMAGES_PATH,
	PREVIEW_PATH,
	RENDER_PATH,
	renderPreviewPath,
	serveGeneration,
} from '../fakePictory';
import { jobHighlightsPath, TRANSCRIPTION_PATH } from '../mediaFixtures';
import { AI_VIDEOS_PATH } from '../templateFixtures';
import { runPictoryNode } from '../harness';

const JOB_ID = 'e1d2c3b4-0000-4000-8000-00000000000a';
const PREVIEW_JOB_ID = 'b7a6c5d4-0000-4000-8000-00000000000b';
const STORY = 'Our new app plans your week in seconds.';
const WEBHOOK = 'https://n8n.example.com/webhook/pictory-callback';

/** Each order: its parameters (without Additional Fields) and where it is sent. */
const ORDERS: Array<
	[name: string, parameters: Record<string, unknown>, path: string, method: string]
> = [
	[
		'Video → Create from Text',
		{ resource: 'video', operation: 'createFromText', videoName: 'Teaser', story: STORY },
		RENDER_PATH,
		'POST',
	],
	[
		'Video → Create Preview',
		{ resource: 'video', operation: 'createPreview', videoName: 'Teaser', story: STORY },
		PREVIEW_PATH,
		'POST',
	],
	[
		'Video → Render Preview',
		{ resource: 'video', operation: 'renderPreview', previewJobId: PREVIEW_JOB_ID },
		renderPreviewPath(PREVIEW_JOB_ID),
		'PUT',
	],
	[
		'Image → Generate',
		{ resource: 'image', operation: 'generate', prompt: 'A lighthouse at dawn' },
		IMAGES_PATH,
		'POST',
	],
	[
		'AI Video → Generate',
		{ resource: 'aiVideo', operation: 'generate', prompt: 'A lighthouse at dawn, waves rolling' },
		AI_VIDEOS_PATH,
		'POST',
	],
	[
		'Transcription → Transcribe',
		{
			resource: 'transcription',
			operation: 'transcribe',
			fileUrl: 'https://cdn.example.com/recordings/review.mp4',
		},
		TRANSCRIPTION_PATH,
		'POST',
	],
	[
		'Transcription → Create Highlights',
		{
			resource: 'transcription',
			operation: 'createHighlights',
			transcriptionJobId: PREVIEW_JOB_ID,
		},
		jobHighlightsPath(PREVIEW_JOB_ID),
		'POST',
	],
];

describe.each(ORDERS)('%s: Pass Through Data', (_, parameters, orderPath, orderMethod) => {
	const order = (additionalFields: Record<string, unknown>, input?: IDataObject[]) => {
		const served = serveGeneration(JOB_ID, [], { orderPath, orderMethod });
		const run = runPictoryNode(
			{ ...parameters, additionalFields, waitForCompletion: false } as INodeParameters,
			{ input },
		);
		return { ...served, run };
	};
	const bodyOf = (requests: Array<{ body?: unknown }>) =>
		requests[0]?.body as Record<string, unknown>;

	test('JSON text is sent as webhookInput, beside the Webhook URL', async () => {
		const { requests, run } = order({
			webhook: WEBHOOK,
			passThroughData: '{ "rowId": 7, "sheet": "Scripts" }',
		});

		const { error } = await run;

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: orderMethod, path: orderPath });
		expect(bodyOf(requests)).toMatchObject({
			webhook: WEBHOOK,
			webhookInput: { rowId: 7, sheet: 'Scripts' },
		});
	});

	test('an object from an expression, per item', async () => {
		const { requests, run } = order({ passThroughData: '={{ { rowId: $json.row_number } }}' }, [
			{ row_number: 2 },
			{ row_number: 3 },
		]);

		const { error } = await run;

		expect(error).toBeUndefined();
		expect(requests.map((request) => bodyOf([request]).webhookInput)).toEqual([
			{ rowId: 2 },
			{ rowId: 3 },
		]);
	});

	test.each([
		['not added', {}],
		['empty', { passThroughData: ' ' }],
		['an empty object', { passThroughData: '{}' }],
	])('%s: no webhookInput is sent', async (__, additionalFields) => {
		const { requests, run } = order(additionalFields);

		const { error } = await run;

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(bodyOf(requests) ?? {}).not.toHaveProperty('webhookInput');
	});

	test.each([
		['{ rowId: 7 ', 'Pass Through Data is not valid JSON'],
		['[1, 2]', 'Pass Through Data must be a JSON object, not a list'],
		['7', 'Pass Through Data must be a JSON object, not 7'],
		['={{ "row 7" }}', 'Pass Through Data is not valid JSON'],
	])('%j is refused before any request', async (passThroughData, message) => {
		const { requests, run } = order({ passThroughData });

		const { error } = await run;

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});
});
