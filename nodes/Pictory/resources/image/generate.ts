import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { downloadImageFields } from '../../shared/descriptions';
import { withImageFiles } from '../../shared/download';
import { unexpectedAnswer } from '../../shared/images';
import { mentioningJob, waitForJob } from '../../shared/jobs';
import {
	describeFailure,
	isNotARequestFailure,
	pictoryMessage,
	pictoryRequestError,
	throwIfPictoryFailed,
} from '../../shared/transport';

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

function isWebUrl(value: unknown): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(String(value)).protocol);
	} catch {
		return false;
	}
}

function readWaitOptions(context: IExecuteSingleFunctions) {
	const intervalSeconds = context.getNodeParameter('checkIntervalSeconds', 10) as number;
	const maxWaitMinutes = context.getNodeParameter('maxWaitMinutes', 5) as number;
	if (!(intervalSeconds >= MIN_CHECK_INTERVAL_SECONDS)) {
		throw new NodeOperationError(
			context.getNode(),
			`Check Every must be at least ${MIN_CHECK_INTERVAL_SECONDS} seconds`,
			{
				description:
					'Pictory may rate-limit clients that check more often. It recommends 10 to 30 seconds.',
			},
		);
	}
	if (!(maxWaitMinutes > 0)) {
		throw new NodeOperationError(context.getNode(), 'Maximum Wait must be more than 0 minutes', {
			description: 'Set how many minutes to wait for the image, or turn off Wait for Completion.',
		});
	}
	return { intervalSeconds, maxWaitMinutes };
}

/** Checks what would be sent, and how to wait, so that a mistake costs no request and no credits. */
export async function validateGenerateRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const body = (requestOptions.body ?? {}) as IDataObject;
	const prompt = typeof body.prompt === 'string' ? body.prompt.trim() : '';
	const length = [...prompt].length;
	if (length < PROMPT_LENGTH.min || length > PROMPT_LENGTH.max) {
		throw new NodeOperationError(
			node,
			`The prompt must be ${PROMPT_LENGTH.min} to 5,000 characters long, not ${length.toLocaleString('en-US')}`,
			{
				description:
					length < PROMPT_LENGTH.min
						? 'Describe the image you want in a few words or more.'
						: 'Shorten the prompt: Pictory accepts up to 5,000 characters.',
				itemIndex: this.getItemIndex(),
			},
		);
	}
	for (const [field, label] of [
		['referenceImageUrl', 'Reference Image URL'],
		['webhook', 'Webhook URL'],
	] as const) {
		if (body[field] === '') delete body[field];
		else if (body[field] !== undefined && !isWebUrl(body[field])) {
			throw new NodeOperationError(node, `${label} is not a web address: ${String(body[field])}`, {
				description: 'Give a full URL starting with https:// (or http://).',
				itemIndex: this.getItemIndex(),
			});
		}
	}
	if (this.getNodeParameter('waitForCompletion', true) as boolean) readWaitOptions(this);
	return requestOptions;
}

/** Failures before a connection exists: the image request cannot have reached Pictory. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/**
 * A Generate request that failed. When the connection broke after it was sent, Pictory may be
 * making the image (and have spent the credits): say so, rather than invite a paid retry.
 */
function generateRequestError(context: IExecutePaginationFunctions, error: unknown): unknown {
	if (isNotARequestFailure(context, error)) return error;
	const { status, code } = describeFailure(error);
	if (status || !code || NOT_SENT_CODES.has(code))
		return pictoryRequestError(context.getNode(), error);
	// Not under `code`: n8n would swap the message for its generic text about that code.
	return new NodeApiError(context.getNode(), { connectionError: code } as JsonObject, {
		message: 'The connection to Pictory broke during the image request',
		description: `Pictory may have received it and be making the image (${code}). Look for it with Get Generated Images before generating again.`,
	});
}

/**
 * Drives Generate's routed request (n8n hands it to the routing's `pagination` function). The POST
 * is sent once and never repeated, since it spends AI credits; then it reads Pictory's
 * `{ success, data: { jobId } }` and, with Wait for Completion, waits for the job and returns the
 * finished image (and its file, with Download Image).
 */
export async function generateImage(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const [answer] = await this.makeRoutingRequest(requestData).catch((error: unknown) => {
		throw generateRequestError(this, error);
	});
	const response = answer.json as unknown as IN8nHttpFullResponse;
	throwIfPictoryFailed(node, response);
	const body = response.body as IDataObject | undefined;
	if (body?.success === false) {
		const said = pictoryMessage(body);
		throw new NodeApiError(node, { message: said ?? 'success: false' } as JsonObject, {
			message: 'Pictory did not accept the image request',
			description: `${said ? `Pictory said: ${said}. ` : ''}No image was ordered.`,
		});
	}
	const jobId = (body?.data as IDataObject | undefined)?.jobId;
	if (typeof jobId !== 'string' || jobId === '') {
		throw unexpectedAnswer(node, 'The answer to Generate has no "data.jobId".');
	}

	if (!(this.getNodeParameter('waitForCompletion', true) as boolean)) return [{ json: { jobId } }];

	const job = await waitForJob(this, jobId, readWaitOptions(this));
	if (!(this.getNodeParameter('downloadImage', false) as boolean)) return [{ json: job }];
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 'data') as string;
	return await withImageFiles(this, [job], binaryPropertyName, {
		idOf: (finished) => finished.jobId,
	}).catch((error: unknown) => {
		throw mentioningJob(this, jobId, error);
	});
}
