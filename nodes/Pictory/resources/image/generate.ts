import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { DOWNLOAD_IMAGE, downloadImageFields } from '../../shared/descriptions';
import { IMAGE_FILE, itemsWithFiles, readDownload } from '../../shared/download';
import { invalidParameter } from '../../shared/errors';
import { IMAGE_ORDER, waitForJob, type WaitOptions } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { readBoolean, readNumber, readText } from '../../shared/values';

const showOnlyForGenerate = {
	resource: ['image'],
	operation: ['generate'],
};

const showWhileWaiting = { ...showOnlyForGenerate, waitForCompletion: [true] };

export const PROMPT_LENGTH = { min: 5, max: 5000 };
export const MIN_CHECK_INTERVAL_SECONDS = 5;

export const generateDescription: INodeProperties[] = [
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		displayOptions: { show: showOnlyForGenerate },
		required: true,
		default: '',
		placeholder: 'e.g. A modern workspace with an open laptop, lit by warm daylight',
		description: 'What the image should show, in 5 to 5,000 characters',
		routing: { send: { type: 'body', property: 'prompt' } },
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		displayOptions: { show: showOnlyForGenerate },
		options: [
			{
				name: 'Flux Schnell',
				value: 'flux-schnell',
				description: 'Fast drafts. 0.6 AI credits per image.',
			},
			{ name: 'Nano Banana', value: 'nanobanana', description: '4 AI credits per image' },
			{
				name: 'Nano Banana Pro',
				value: 'nanobanana-pro',
				description: 'Highest quality. 14 AI credits per image.',
			},
			{
				name: 'Seedream 3.0',
				value: 'seedream3.0',
				description: "Pictory's default. 2 AI credits per image.",
			},
		],
		default: 'seedream3.0',
		routing: { send: { type: 'body', property: 'model' } },
	},
	{
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		displayOptions: { show: showOnlyForGenerate },
		options: [
			{ name: 'Landscape (16:9)', value: '16:9' },
			{ name: 'Portrait (9:16)', value: '9:16' },
			{ name: 'Square (1:1)', value: '1:1' },
		],
		default: '1:1',
		routing: { send: { type: 'body', property: 'aspectRatio' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: showOnlyForGenerate },
		default: {},
		options: [
			{
				displayName: 'Reference Image URL',
				name: 'referenceImageUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/reference.png',
				description: 'A public image for the model to take its cue from',
				routing: { send: { type: 'body', property: 'referenceImageUrl' } },
			},
			{
				displayName: 'Style',
				name: 'style',
				type: 'options',
				options: [
					{ name: 'Artistic', value: 'artistic' },
					{ name: 'Cartoon', value: 'cartoon' },
					{ name: 'Futuristic', value: 'futuristic' },
					{ name: 'Minimalist', value: 'minimalist' },
					{ name: 'Photorealistic', value: 'photorealistic' },
					{ name: 'Vintage', value: 'vintage' },
				],
				default: 'photorealistic',
				routing: { send: { type: 'body', property: 'style' } },
			},
			{
				displayName: 'Webhook URL',
				name: 'webhook',
				type: 'string',
				default: '',
				placeholder: 'https://your-n8n.example.com/webhook/pictory',
				description:
					'Pictory calls this URL when the image is ready, for example an n8n Webhook node',
				routing: { send: { type: 'body', property: 'webhook' } },
			},
		],
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		displayOptions: { show: showOnlyForGenerate },
		default: true,
		description:
			'Whether to wait until the image is ready and return it. When off, the node returns the job ID at once: get the image later with Get Job, or use a Webhook URL.',
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'checkIntervalSeconds',
		type: 'number',
		displayOptions: { show: showWhileWaiting },
		typeOptions: { minValue: MIN_CHECK_INTERVAL_SECONDS },
		default: 10,
		description:
			'How often to ask Pictory whether the image is ready. Pictory asks for 10 to 30 seconds.',
	},
	{
		displayName: 'Maximum Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		displayOptions: { show: showWhileWaiting },
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'How long to wait for the image before failing with its job ID',
	},
	...downloadImageFields(showWhileWaiting),
];

/** Check Every and Maximum Wait, read as numbers (also from text) and checked. */
export function readWaitOptions(
	context: IExecuteSingleFunctions,
	{ minIntervalSeconds }: { minIntervalSeconds: number },
): WaitOptions {
	return {
		intervalSeconds: readNumber(context, 'checkIntervalSeconds', {
			label: 'Check Every',
			fallback: 10,
			requirement: `at least ${minIntervalSeconds} seconds`,
			isGood: (seconds) => seconds >= minIntervalSeconds,
			hint: 'Pictory may rate-limit clients that check more often. It recommends 10 to 30 seconds.',
		}),
		maxWaitMinutes: readNumber(context, 'maxWaitMinutes', {
			label: 'Maximum Wait',
			fallback: 5,
			requirement: 'more than 0 minutes',
			isGood: (minutes) => minutes > 0,
			hint: 'Set how many minutes to wait, or turn off Wait for Completion.',
		}),
	};
}

function readPrompt(context: IExecuteSingleFunctions): string {
	const prompt = readText(context, 'prompt', 'Prompt');
	const length = [...prompt].length;
	if (length < PROMPT_LENGTH.min || length > PROMPT_LENGTH.max) {
		throw invalidParameter(
			context.getNode(),
			`The prompt must be ${PROMPT_LENGTH.min} to 5,000 characters long, not ${length.toLocaleString('en-US')}`,
			length < PROMPT_LENGTH.min
				? 'Describe the image you want in a few words or more.'
				: 'Shorten the prompt: Pictory accepts up to 5,000 characters.',
			context.getItemIndex(),
		);
	}
	return prompt;
}

/** Checks that a URL field holds a web address; an empty one is left out of the request. */
export function checkWebUrls(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	fields: Array<[field: string, label: string]>,
) {
	for (const [field, label] of fields) {
		const value = typeof body[field] === 'string' ? (body[field] as string).trim() : body[field];
		if (value === '' || value === undefined || value === null) {
			delete body[field];
			continue;
		}
		let url: URL | undefined;
		try {
			url = new URL(String(value));
		} catch {
			url = undefined;
		}
		if (!url || !['http:', 'https:'].includes(url.protocol)) {
			throw invalidParameter(
				context.getNode(),
				`${label} is not a web address: ${String(value)}`,
				'Give a full URL starting with https:// (or http://).',
				context.getItemIndex(),
			);
		}
		body[field] = value;
	}
}

/**
 * Orders an image from the prompt (never twice: it spends AI credits) and, with Wait for
 * Completion, waits for the job and returns the finished image, with its file on Download Image.
 */
export async function generateImage(
	this: IExecuteSingleFunctions,
	{ request, api, run, order }: OperationCall,
) {
	const body = { ...(request.body as IDataObject), prompt: readPrompt(this) };
	checkWebUrls(this, body, [
		['referenceImageUrl', 'Reference Image URL'],
		['webhook', 'Webhook URL'],
	]);
	const wait = readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
		? readWaitOptions(this, { minIntervalSeconds: MIN_CHECK_INTERVAL_SECONDS })
		: undefined;
	const download = wait ? readDownload(this, DOWNLOAD_IMAGE, 'fail') : undefined;

	const jobId = await order({ ...request, body }, IMAGE_ORDER);
	if (!wait) return [{ json: { jobId } }];

	const job = await waitForJob(api, jobId, wait, IMAGE_ORDER);
	return await itemsWithFiles(
		this,
		run,
		[job],
		download,
		() => ({ id: jobId, url: job.url }),
		IMAGE_FILE,
	);
}
