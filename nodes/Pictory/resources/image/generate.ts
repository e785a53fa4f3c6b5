import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	DOWNLOAD_IMAGE,
	downloadImageFields,
	passThroughDataField,
	waitFields,
} from '../../shared/descriptions';
import { IMAGE_FILE, itemsWithFiles, readDownload } from '../../shared/download';
import { readWaitOptions, waitForJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { IMAGE_ORDER } from '../../shared/orders';
import { binaryAlternativeOption, readCollectionFile, withUploads } from '../../shared/upload';
import {
	readBoolean,
	readPassThroughData,
	readText,
	readWebUrl,
	refuse,
	withoutEmpty,
} from '../../shared/values';

const showOnlyForGenerate = {
	resource: ['image'],
	operation: ['generate'],
};

const showWhileWaiting = { ...showOnlyForGenerate, waitForCompletion: [true] };

/** The reference image: by URL, or from the item's binary data, uploaded just before the order. */
const REFERENCE_FILE = {
	name: 'referenceImageUrl',
	label: 'Reference Image URL',
	what: 'an image for the model to take its cue from',
};

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
			passThroughDataField,
			binaryAlternativeOption(REFERENCE_FILE),
			{
				displayName: 'Reference Image URL',
				name: 'referenceImageUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/reference.png',
				description: 'A public image for the model to take its cue from',
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
			},
		],
	},
	...waitFields(showOnlyForGenerate, {
		what: 'image',
		getLater: 'Job → Get',
		checkEvery: {
			default: 10,
			min: MIN_CHECK_INTERVAL_SECONDS,
			hint: 'Pictory asks for every 10 to 30 seconds',
		},
		maxWaitMinutes: 5,
	}),
	...downloadImageFields(showWhileWaiting),
];

/** A prompt of 5 to 5,000 characters: an image's, or an AI video's (`what`). */
export function readPrompt(context: IExecuteSingleFunctions, what = 'image'): string {
	const prompt = readText(context, 'prompt', 'Prompt');
	const length = [...prompt].length;
	if (length < PROMPT_LENGTH.min || length > PROMPT_LENGTH.max) {
		refuse(
			context,
			`The prompt must be ${PROMPT_LENGTH.min} to 5,000 characters long, not ${length.toLocaleString('en-US')}`,
			length < PROMPT_LENGTH.min
				? `Describe the ${what} you want in a few words or more.`
				: 'Shorten the prompt: Pictory accepts up to 5,000 characters.',
		);
	}
	return prompt;
}

/** The order's fields that are checked or trimmed, so not routed: read here from the parameters. */
function imageFields(context: IExecuteSingleFunctions): IDataObject {
	return withoutEmpty({
		prompt: readPrompt(context),
		referenceImageUrl:
			readCollectionFile(context, 'additionalFields', REFERENCE_FILE) ??
			readWebUrl(context, 'additionalFields.referenceImageUrl', 'Reference Image URL'),
		webhook: readWebUrl(context, 'additionalFields.webhook', 'Webhook URL'),
		webhookInput: readPassThroughData(context),
	});
}

/**
 * Orders an image from the prompt (never twice: it spends AI credits) and, with Wait for
 * Completion, waits for the job and returns the finished image, with its file on Download Image.
 */
export async function generateImage(
	this: IExecuteSingleFunctions,
	{ request, api, run, order }: OperationCall,
) {
	const fields = imageFields(this);
	const wait = readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
		? readWaitOptions(this, { minIntervalSeconds: MIN_CHECK_INTERVAL_SECONDS })
		: undefined;
	const download = wait ? readDownload(this, DOWNLOAD_IMAGE, 'fail') : undefined;

	// The routed request with the fields built here: each field is sent by one of the two.
	// A file from the item is uploaded for its URL, once every field has been checked.
	const body = await withUploads(this, api, { ...(request.body as IDataObject), ...fields });
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
