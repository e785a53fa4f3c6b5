/**
 * The node as an AI Agent's or an MCP Server Trigger's tool, through n8n-core's tool conversion
 * (getInputConnectionData → createNodeAsTool): what the model is told, what it may fill with
 * $fromAI, and what it gets back, errors included.
 */
import { Pictory } from '../../nodes/Pictory/Pictory.node';
import { toolDescriptionOf } from '../../nodes/Pictory/shared/tool';
import { runAsAgentTool } from '../harness';
import {
	jobAnswer,
	makeImages,
	serveAccount,
	serveGeneration,
	type RecordedRequest,
} from '../fakePictory';
import type { INodePropertyOptions } from 'n8n-workflow';

const JOB_ID = '7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60';
const PROMPT = 'A man playing guitar on a beach during sunset';

const toolDescription = (resource: string, operation: string) => {
	const field = new Pictory().description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === resource,
	)!;
	const option = (field.options as INodePropertyOptions[]).find(
		({ value }) => value === operation,
	)!;
	return toolDescriptionOf(option);
};

const generateTool = {
	resource: 'image',
	operation: 'generate',
	prompt: "={{ $fromAI('prompt', 'What the image shows, 5 to 5000 characters', 'string') }}",
	waitForCompletion: false,
};

const orders = (requests: RecordedRequest[]) =>
	requests.filter((request) => request.method === 'POST');

describe('what the model is told', () => {
	test.each([
		[
			'Image → Generate',
			'Generate_an_image',
			generateTool,
			{ prompt: { type: 'ZodString', description: 'What the image shows, 5 to 5000 characters' } },
		],
		[
			'Image → Get Generated Images',
			'List_images',
			{
				resource: 'image',
				operation: 'getGeneratedImages',
				limit: "={{ $fromAI('limit', 'How many of the newest images', 'number') }}",
			},
			{ limit: { type: 'ZodNumber', description: 'How many of the newest images' } },
		],
		[
			'Video → Create from Text',
			'Create_a_video',
			{
				resource: 'video',
				operation: 'createFromText',
				videoName: "={{ $fromAI('videoName', 'A title', 'string') }}",
				story: "={{ $fromAI('story', 'The narration', 'string') }}",
				waitForCompletion: false,
			},
			{
				videoName: { type: 'ZodString', description: 'A title' },
				story: { type: 'ZodString', description: 'The narration' },
			},
		],
		[
			'Job → Get',
			'Get_a_job',
			{
				resource: 'job',
				operation: 'get',
				jobId: "={{ $fromAI('jobId', 'The job ID an order returned', 'string') }}",
			},
			{ jobId: { type: 'ZodString', description: 'The job ID an order returned' } },
		],
	])(
		'%s: its name, what it does, costs and returns, and its parameters',
		async (_, name, parameters, schema) => {
			const { items } = await runAsAgentTool(parameters, {
				toolName: name.replace(/_/g, ' '),
				toolArgs: { nothing: true },
			});

			const { resource, operation } = parameters;
			expect(items[0].json.tool).toEqual({
				name,
				description: toolDescription(resource, operation),
				schema,
			});
		},
	);

	test('each description says what the operation costs and returns', () => {
		expect(toolDescription('image', 'generate')).toBe(
			'Generate an image in Pictory. Make an image from a prompt in AI Studio. Costs 0.6 to 14 AI credits by model. Returns the image’s URL once done, or its job ID.',
		);
		expect(toolDescription('job', 'get')).toMatch(/No credits\. Returns the status/);
	});

	test('a description the user wrote is what the model reads', async () => {
		const { items } = await runAsAgentTool(
			{ ...generateTool, toolDescription: 'Draw a picture for the blog post' },
			{ toolArgs: { nothing: true } },
		);

		expect((items[0].json.tool as { description: string }).description).toBe(
			'Draw a picture for the blog post',
		);
	});
});

describe('what the model gets back', () => {
	test('List images answers with the images as JSON text', async () => {
		const images = makeImages(3);
		serveAccount(images);

		const { items, error } = await runAsAgentTool(
			{
				resource: 'image',
				operation: 'getGeneratedImages',
				limit: "={{ $fromAI('limit', 'How many', 'number') }}",
			},
			{ toolArgs: { limit: 2 } },
		);

		expect(error).toBeUndefined();
		expect(JSON.parse(items[0].json.answer as string)).toEqual(images.slice(0, 2));
	});

	test('a prompt the model made too short comes back saying what is allowed, before any order', async () => {
		const { requests } = serveGeneration(JOB_ID, []);

		const { items, error } = await runAsAgentTool(generateTool, { toolArgs: { prompt: 'cat' } });

		expect(error).toBeUndefined();
		expect(items[0].json.toolError).toBe(
			'The prompt must be 5 to 5,000 characters long, not 3\n\nDetails: Describe the image you want in a few words or more.',
		);
		expect(requests).toEqual([]);
	});

	test('an empty job ID comes back naming the field and what to give', async () => {
		const { items } = await runAsAgentTool(
			{
				resource: 'job',
				operation: 'get',
				jobId: "={{ $fromAI('jobId', 'The job ID', 'string') }}",
			},
			{ toolArgs: { jobId: '  ' } },
		);

		expect(items[0].json.toolError).toMatch(/^Job ID is empty\n\nDetails: Give the "jobId"/);
	});

	test('a value of the wrong type is refused by the schema, before the node runs', async () => {
		const { requests } = serveAccount(makeImages(1));

		const { items } = await runAsAgentTool(
			{
				resource: 'image',
				operation: 'getGeneratedImages',
				limit: "={{ $fromAI('limit', 'How many', 'number') }}",
			},
			{ toolArgs: { limit: 'all of them' } },
		);

		expect(items[0].json.toolError).toMatch(/did not match expected schema/);
		expect(requests).toEqual([]);
	});

	test('several agent items, one of them wrong: each gets its own answer, and none waits', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);

		const { items, error } = await runAsAgentTool(generateTool, {
			agentInput: [{ prompt: PROMPT }, { prompt: 'no' }, { prompt: PROMPT }],
			toolArgs: '={{ JSON.stringify({ prompt: $json.prompt }) }}',
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.answer ?? item.json.toolError)).toEqual([
			JSON.stringify([{ jobId: JOB_ID }]),
			expect.stringMatching(/^The prompt must be 5 to 5,000 characters long, not 2/),
			JSON.stringify([{ jobId: JOB_ID }]),
		]);
		expect(orders(requests)).toHaveLength(2);
	});
});

describe('long waits in a tool call', () => {
	const waitingGenerate = {
		...generateTool,
		waitForCompletion: true,
		checkIntervalSeconds: 10,
		maxWaitMinutes: 30,
	};

	test('after 5 minutes, the tool answers with the job ID and a note to call Job → Get', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID)]);
		const started = Date.now();

		const { items, error } = await runAsAgentTool(waitingGenerate, {
			toolArgs: { prompt: PROMPT },
		});

		expect(error).toBeUndefined();
		expect(JSON.parse(items[0].json.answer as string)).toEqual([
			expect.objectContaining({
				jobId: JOB_ID,
				status: 'in-progress',
				note: `The image is still being made after 5 minutes. Call Job → Get with jobId ${JOB_ID} later, every 30 seconds or more, until its status is "completed".`,
			}),
		]);
		expect(Date.now() - started).toBe(5 * 60_000);
		expect(orders(requests)).toHaveLength(1);
		expect(requests.filter((request) => request.method === 'GET')).toHaveLength(30);
	});

	test('a longer wait the user set is waited, up to Maximum Wait and its error', async () => {
		serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID)]);
		const started = Date.now();

		const { items } = await runAsAgentTool(
			{ ...waitingGenerate, maxWaitMinutes: 8, toolWaitMinutes: 10 },
			{ toolArgs: { prompt: PROMPT } },
		);

		expect(items[0].json.toolError).toMatch(
			new RegExp(`^The image was not ready after 8 minutes \\(job ${JOB_ID}\\)`),
		);
		expect(Date.now() - started).toBe(8 * 60_000);
	});

	test('a job done in time is answered as ever', async () => {
		serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID), jobAnswer.imageCompleted(JOB_ID)]);

		const { items } = await runAsAgentTool(waitingGenerate, { toolArgs: { prompt: PROMPT } });

		expect(JSON.parse(items[0].json.answer as string)).toEqual([
			expect.objectContaining({ jobId: JOB_ID, status: 'completed' }),
		]);
	});
});
