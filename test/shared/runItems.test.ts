/**
 * Which items a run of the node has: what n8n hands it in this run (Execute Once, an AI Agent's
 * tool call), never what the execute data holds. A run never waits on an item that is not coming.
 */
import { IMAGES_PATH, RENDER_PATH, serveGeneration, type RecordedRequest } from '../fakePictory';
import { runAsAgentTool, runPictoryNode } from '../harness';

const JOB_ID = '7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60';
const PROMPT = 'A man playing guitar on a beach during sunset';

const orders = (requests: RecordedRequest[]) =>
	requests.filter((request) => request.method === 'POST');

describe('Execute Once', () => {
	test.each([
		[
			'Image → Generate',
			IMAGES_PATH,
			{ resource: 'image', operation: 'generate', prompt: PROMPT, waitForCompletion: false },
		],
		[
			'Video → Create from Text',
			RENDER_PATH,
			{
				resource: 'video',
				operation: 'createFromText',
				videoName: 'Launch teaser',
				story: 'Our new app plans your week in seconds.',
				waitForCompletion: false,
			},
		],
	])('%s with 3 input items orders once, for the first item', async (_, orderPath, parameters) => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });

		const { items, error } = await runPictoryNode(parameters, {
			inputItems: 3,
			settings: { executeOnce: true },
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
		expect(orders(requests)).toHaveLength(1);
	});
});

describe('as an AI Agent tool', () => {
	const generateTool = {
		resource: 'image',
		operation: 'generate',
		prompt: "={{ $fromAI('prompt', 'What the image shows', 'string') }}",
		waitForCompletion: false,
	};

	test.each([1, 2, 3])(
		'Generate answers each of %i agent items’ tool calls with the job',
		async (agentItems) => {
			const { requests } = serveGeneration(JOB_ID, []);

			const { items, error } = await runAsAgentTool(generateTool, {
				agentItems,
				toolArgs: { prompt: PROMPT },
			});

			expect(error).toBeUndefined();
			expect(items.map((item) => JSON.parse(item.json.answer as string))).toEqual(
				Array.from({ length: agentItems }, () => [{ jobId: JOB_ID }]),
			);
			expect(orders(requests).map((request) => request.body)).toEqual(
				Array.from({ length: agentItems }, () => expect.objectContaining({ prompt: PROMPT })),
			);
		},
	);
});
