import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteSingleFunctions,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { unexpectedAnswer } from './images';
import { pictoryApiRequest, redactApiKeys } from './transport';

/** What the node outputs for an image generation job. */
export interface JobResult extends IDataObject {
	jobId: string;
	status: string;
	url?: string;
	width?: number;
	height?: number;
	aiCreditsUsed?: number;
	/** Only for a failed job: Pictory's error_code and error_message. */
	errorCode?: string;
	errorMessage?: string;
}

const firstString = (...values: unknown[]) =>
	values.find((value): value is string => typeof value === 'string' && value !== '');

/**
 * Reads GET /v1/jobs/{id}: `{ success, data: { status, url, width, height, aiCreditsUsed } }`.
 * A failed job (`success: false` or status "failed") gets status "failed" with Pictory's
 * error_code and error_message.
 */
export function readJob(node: INode, jobId: string, body: unknown): JobResult {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw unexpectedAnswer(node, `Expected a JSON object describing job ${jobId}.`);
	}
	const answer = body as IDataObject;
	const data = (
		typeof answer.data === 'object' && answer.data !== null ? answer.data : {}
	) as IDataObject;
	const error = (
		typeof answer.error === 'object' && answer.error !== null ? answer.error : {}
	) as IDataObject;
	const status = firstString(data.status, answer.status);

	if (answer.success === false || status === 'failed') {
		const errorCode = firstString(answer.error_code, data.error_code, error.code);
		const errorMessage = firstString(answer.error_message, data.error_message, error.message);
		return {
			jobId,
			status: 'failed',
			...(errorCode && { errorCode }),
			...(errorMessage && { errorMessage: redactApiKeys(errorMessage) }),
		};
	}
	if (!status) throw unexpectedAnswer(node, `The answer for job ${jobId} has no "status".`);

	const result: JobResult = { jobId, status };
	for (const key of ['url', 'width', 'height', 'aiCreditsUsed'] as const) {
		if (data[key] !== undefined) result[key] = data[key] as never;
	}
	return result;
}

function jobFailedError(node: INode, { jobId, errorCode, errorMessage }: JobResult): NodeApiError {
	return new NodeApiError(
		node,
		{ jobId, errorCode: errorCode ?? null, errorMessage: errorMessage ?? null } as JsonObject,
		{
			message: `Pictory could not generate the image${errorCode ? ` (${errorCode})` : ''}`,
			description: `${errorMessage ? `Pictory said: ${errorMessage}. ` : ''}Job ID: ${jobId}. Change the prompt or settings and generate again.`,
		},
	);
}

export function unknownJobError(node: INode, jobId: string): NodeOperationError {
	return new NodeOperationError(node, `Pictory has no image generation job with ID ${jobId}`, {
		description: 'Use the "jobId" that Generate returned, from the same Pictory account.',
	});
}

export interface WaitOptions {
	intervalSeconds: number;
	maxWaitMinutes: number;
}

/** How long after Generate a 404 for its job is taken for a job Pictory has not registered yet. */
const UNREGISTERED_JOB_GRACE_MS = 60_000;

/** One check of a job that Generate ordered `sinceOrderMs` ago. */
async function checkOrderedJob(
	context: IExecuteSingleFunctions,
	jobId: string,
	sinceOrderMs: number,
): Promise<JobResult> {
	const node = context.getNode();
	const body = await pictoryApiRequest
		.call(context, 'GET', `/v1/jobs/${encodeURIComponent(jobId)}`)
		.catch((error: NodeApiError) => {
			if (error.httpCode !== '404') throw error;
			if (sinceOrderMs < UNREGISTERED_JOB_GRACE_MS) return { data: { status: 'in-progress' } };
			throw new NodeOperationError(node, `Pictory does not know job ${jobId}`, {
				description:
					'Pictory accepted the image request but still answers 404 for its job a minute later.',
			});
		});
	return readJob(node, jobId, body);
}

/**
 * Checks the job every `intervalSeconds` until it completes, fails, or `maxWaitMinutes` have
 * passed. Sleeping, not spinning; a stopped execution ends the wait at once.
 */
export async function waitForJob(
	context: IExecuteSingleFunctions,
	jobId: string,
	{ intervalSeconds, maxWaitMinutes }: WaitOptions,
): Promise<JobResult> {
	const node = context.getNode();
	const ordered = Date.now();
	const deadline = ordered + maxWaitMinutes * 60_000;
	for (let remaining = deadline - Date.now(); remaining > 0; remaining = deadline - Date.now()) {
		await sleep(Math.min(intervalSeconds * 1000, remaining), context.getExecutionCancelSignal());
		const sinceOrderMs = Date.now() - ordered;
		const job = await checkOrderedJob(context, jobId, sinceOrderMs).catch((error: unknown) => {
			throw mentioningJob(context, jobId, error);
		});
		if (job.status === 'completed') return job;
		if (job.status === 'failed') throw jobFailedError(node, job);
	}
	throw new NodeOperationError(
		node,
		`The image was not ready after ${maxWaitMinutes} minute${maxWaitMinutes === 1 ? '' : 's'} (job ${jobId})`,
		{
			description: `Pictory may still be generating it. Fetch it later with the Get Job operation and Job ID ${jobId}, or raise Maximum Wait.`,
		},
	);
}

/**
 * After Generate was accepted, an error in checking or downloading must still say which job holds
 * the (paid-for) image, so the user fetches it with Get Job instead of generating it again.
 */
export function mentioningJob(
	context: IExecuteSingleFunctions,
	jobId: string,
	error: unknown,
): unknown {
	// A stopped execution passes through unchanged for n8n to handle.
	if (context.getExecutionCancelSignal()?.aborted) return error;
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	return new NodeApiError(context.getNode(), { jobId } as JsonObject, {
		message: error.message,
		description: `${error.description ? `${error.description} ` : ''}The image was ordered as job ${jobId}: get it with the Get Job operation rather than generating it again.`,
		httpCode: error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined,
	});
}
