/**
 * AI Video → Generate: a video from a prompt with one of AI Studio's video models, each offering
 * only the aspect ratios and durations it allows [stated]; from a first-frame image, or extending a
 * video, if given. Waited for and downloaded like a render.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	binaryFieldFor,
	passThroughDataField,
	waitFields,
	webhookField,
} from '../../shared/descriptions';
import { itemsWithFiles, readDownload, VIDEO_FILE } from '../../shared/download';
import { readWaitOptions, waitForJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { AI_VIDEO_ORDER } from '../../shared/orders';
import { binaryAlternativeFields, readUrlOrFile, withUploads } from '../../shared/upload';
import {
	readBoolean,
	readChoice,
	readPassThroughData,
	readWebUrl,
	refuse,
	withoutEmpty,
} from '../../shared/values';
import { readPrompt } from '../image/generate';
import { DOWNLOAD_VIDEO } from '../video/renderWait';

export const AI_VIDEOS_PATH = '/v1/aistudio/videos';
export const MIN_AI_VIDEO_CHECK_SECONDS = 10;

/** Each model, what it allows and what it costs [stated]. */
export const AI_VIDEO_MODELS = {
	'pixverse5.5': {
		name: 'Pixverse 5.5',
		creditsPerSecond: 1.6,
		aspectRatios: ['16:9', '9:16', '1:1', '3:4', '4:3'],
		durations: ['5s', '8s', '10s'],
	},
	'veo3.1': {
		name: 'Veo 3.1',
		creditsPerSecond: 20,
		aspectRatios: ['16:9', '9:16'],
		durations: ['4s', '6s', '8s'],
	},
	'veo3.1_fast': {
		name: 'Veo 3.1 Fast',
		creditsPerSecond: 10,
		aspectRatios: ['16:9', '9:16'],
		durations: ['4s', '6s', '8s'],
	},
} as const;

type Model = keyof typeof AI_VIDEO_MODELS;
const MODEL_CHOICES = Object.entries(AI_VIDEO_MODELS).map(([value, model]) => ({
	name: model.name,
	value: value as Model,
}));

const RATIO_NAMES: Record<string, string> = {
	'16:9': 'Landscape (16:9)',
	'9:16': 'Portrait (9:16)',
	'1:1': 'Square (1:1)',
	'3:4': 'Portrait (3:4)',
	'4:3': 'Landscape (4:3)',
};

const show = { resource: ['aiVideo'], operation: ['generate'] };
const showWhileWaiting = { ...show, waitForCompletion: [true] };

const START_CHOICES = [
	{ name: 'Prompt Only', value: 'prompt', description: 'The model makes every frame' },
	{
		name: 'First-Frame Image',
		value: 'firstFrameImage',
		description: 'The video starts from your image',
	},
	{ name: 'Extend a Video', value: 'extendVideo', description: 'The video continues yours' },
	{
		name: 'Reference Image',
		value: 'referenceImage',
		description: 'An image for the model to take its cue from',
	},
] as const;

/** Each start's file: by URL, or from the item's binary data, uploaded just before the order. */
const START_FILES = {
	firstFrameImage: {
		name: 'firstFrameImageUrl',
		label: 'First-Frame Image URL',
		what: 'the image the video starts from',
	},
	extendVideo: {
		name: 'extendVideoUrl',
		label: 'Video to Extend URL',
		what: 'the video to extend',
	},
	referenceImage: {
		name: 'referenceImageUrl',
		label: 'Reference Image URL',
		what: 'the reference image',
	},
};

/** A start's URL field between its choice (URL or input binary field) and the binary field. */
function startFileFields(start: keyof typeof START_FILES, url: INodeProperties): INodeProperties[] {
	const { from, binaryField, showUrl } = binaryAlternativeFields(
		{ ...show, startFrom: [start] },
		START_FILES[start],
	);
	return [from, { ...url, displayOptions: showUrl }, binaryField];
}

/**
 * Aspect Ratio and Duration of the models that share them (Veo 3.1 and Veo 3.1 Fast); the
 * shortest, cheapest duration by default.
 */
function modelFields(prefix: string, models: Model[], shortest: string): INodeProperties[] {
	const { aspectRatios, durations } = AI_VIDEO_MODELS[models[0]];
	const shownFor = { show: { ...show, model: models } };
	return [
		{
			displayName: 'Aspect Ratio',
			name: `${prefix}AspectRatio`,
			type: 'options',
			displayOptions: shownFor,
			options: aspectRatios.map((ratio) => ({ name: RATIO_NAMES[ratio], value: ratio })),
			default: '16:9',
			routing: { send: { type: 'body', property: 'aspectRatio' } },
		},
		{
			displayName: 'Duration',
			name: `${prefix}Duration`,
			type: 'options',
			displayOptions: shownFor,
			options: durations.map((duration) => ({
				name: `${duration.replace('s', '')} Seconds`,
				value: duration,
			})),
			default: shortest,
			description: `The length of the video: the credits are per second (${models
				.map(
					(model) => `${AI_VIDEO_MODELS[model].name}: ${AI_VIDEO_MODELS[model].creditsPerSecond}`,
				)
				.join(', ')})`,
			routing: { send: { type: 'body', property: 'duration' } },
		},
	];
}

export const generateVideoDescription: INodeProperties[] = [
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		displayOptions: { show },
		required: true,
		default: '',
		placeholder: 'e.g. A slow drone shot over a misty pine forest at sunrise',
		description: 'What the video should show, in 5 to 5,000 characters',
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		displayOptions: { show },
		options: Object.entries(AI_VIDEO_MODELS).map(([value, model]) => ({
			name: model.name,
			value,
			description: `${model.creditsPerSecond} AI credits per second (${model.durations.join(', ')}: ${model.durations
				.map((duration) => Math.round(parseInt(duration) * model.creditsPerSecond * 10) / 10)
				.join(', ')} credits)`,
		})),
		default: 'pixverse5.5',
		routing: { send: { type: 'body', property: 'model' } },
	},
	...modelFields('pixverse', ['pixverse5.5'], '5s'),
	...modelFields('veo', ['veo3.1', 'veo3.1_fast'], '4s'),
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		displayOptions: { show },
		options: [...START_CHOICES],
		default: 'prompt',
	},
	...startFileFields('firstFrameImage', {
		displayName: 'First-Frame Image URL',
		name: 'firstFrameImageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/first-frame.png',
		description: 'A public image the video starts from',
	}),
	...startFileFields('extendVideo', {
		displayName: 'Video to Extend URL',
		name: 'extendVideoUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.url }}',
		description: 'The URL of a public video (an AI Studio video, say) that the new one continues',
	}),
	...startFileFields('referenceImage', {
		displayName: 'Reference Image URL',
		name: 'referenceImageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/product.png',
		description: 'A public image for the model to take its cue from',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [passThroughDataField, webhookField],
	},
	...waitFields(show, {
		what: 'video',
		getLater: 'Job → Get or Get Generated Videos',
		checkEvery: {
			default: 20,
			min: MIN_AI_VIDEO_CHECK_SECONDS,
			hint: 'AI videos take a few minutes',
		},
		maxWaitMinutes: 20,
	}),
	{
		displayName: DOWNLOAD_VIDEO.label,
		name: DOWNLOAD_VIDEO.name,
		type: 'boolean',
		displayOptions: { show: showWhileWaiting },
		default: false,
		description:
			"Whether to also download the MP4 into the item's binary data, ready for nodes such as YouTube or Google Drive",
	},
	binaryFieldFor({ ...showWhileWaiting, [DOWNLOAD_VIDEO.name]: [true] }),
];

/**
 * The routed model, aspect ratio and duration, checked together: an expression may give any
 * model, and a ratio or duration the model does not allow would be refused only by Pictory.
 */
function checkModelChoices(context: IExecuteSingleFunctions, routed: IDataObject) {
	const model = readChoice(context, 'model', 'Model', MODEL_CHOICES, 'pixverse5.5');
	const allowed = AI_VIDEO_MODELS[model];
	const { aspectRatio, duration } = routed;
	if (
		aspectRatio !== undefined &&
		!(allowed.aspectRatios as readonly unknown[]).includes(aspectRatio)
	) {
		refuse(
			context,
			`${allowed.name} does not make ${String(aspectRatio)} videos`,
			`Pick one of its aspect ratios: ${allowed.aspectRatios.join(', ')}.`,
		);
	}
	if (duration !== undefined && !(allowed.durations as readonly unknown[]).includes(duration)) {
		refuse(
			context,
			`${allowed.name} does not make ${String(duration)} videos`,
			`Pick one of its durations: ${allowed.durations.join(', ')}.`,
		);
	}
}

/** The video's start: a first-frame image, a video to extend or a reference image, or none. */
function readStart(context: IExecuteSingleFunctions): IDataObject {
	const start = readChoice(context, 'startFrom', 'Start From', START_CHOICES, 'prompt');
	if (start === 'firstFrameImage') {
		return {
			firstFrameImageUrl: readUrlOrFile(context, START_FILES.firstFrameImage),
		};
	}
	if (start === 'extendVideo') {
		return {
			extendVideoUrl: readUrlOrFile(context, START_FILES.extendVideo),
		};
	}
	if (start === 'referenceImage') {
		const url = readUrlOrFile(context, START_FILES.referenceImage);
		// A list [stated], of one: more than one is refused by Pictory.
		return { referenceImageUrls: [url] };
	}
	return {};
}

/**
 * Orders an AI video (never twice: it spends AI credits) and, with Wait for Completion, returns
 * the finished video's job, its MP4 in binary data on Download Video.
 */
export async function generateVideo(
	this: IExecuteSingleFunctions,
	{ request, api, run, order }: OperationCall,
) {
	const routed = (request.body ?? {}) as IDataObject;
	checkModelChoices(this, routed);
	const fields = withoutEmpty({
		prompt: readPrompt(this, 'video'),
		...readStart(this),
		webhook: readWebUrl(this, 'additionalFields.webhook', 'Webhook URL'),
		webhookInput: readPassThroughData(this),
	});
	const wait = readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
		? readWaitOptions(this, { minIntervalSeconds: MIN_AI_VIDEO_CHECK_SECONDS })
		: undefined;
	const download = wait ? readDownload(this, DOWNLOAD_VIDEO, 'fail') : undefined;

	// The routed request with the fields built here: each field is sent by one of the two.
	// A file from the item is uploaded for its URL, once every field has been checked.
	const body = await withUploads(this, api, { ...routed, ...fields });
	const jobId = await order({ ...request, body }, AI_VIDEO_ORDER);
	if (!wait) return [{ json: { jobId } }];
	const job = await waitForJob(api, jobId, wait, AI_VIDEO_ORDER);
	// A finished AI video's file is its `url`, as an image's [inferred]; `videoURL` as a render's.
	return await itemsWithFiles(
		this,
		run,
		[job],
		download,
		() => ({ id: jobId, url: job.url ?? job.videoURL }),
		VIDEO_FILE,
	);
}
