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

/** The job's current state from Pictory; an unknown job id is a clear error rather than a bare 404. */
export async function fetchJob(
	context: IExecuteSingleFunctions,
	jobId: string,
): Promise<JobResult> {
	const node = context.getNode();
	const body = await pictoryApiRequest
		.call(context, 'GET', `/v1/jobs/${encodeURIComponent(jobId)}`)
		.catch((error) => {
			throw (error as NodeApiError).httpCode === '404' ? unknownJobError(node, jobId) : error;
		});
	return readJob(node, jobId, body);
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

/**
 * Checks the job every `intervalSeconds` until it completes, fails, or `maxWaitMinutes` of
 * waiting have passed. Sleeping, not spinning; a stopped execution ends the wait at once.
 */
export async function waitForJob(
	context: IExecuteSingleFunctions,
	jobId: string,
	{ intervalSeconds, maxWaitMinutes }: WaitOptions,
): Promise<JobResult> {
	const checks = Math.max(1, Math.floor((maxWaitMinutes * 60) / intervalSeconds));
	for (let check = 1; check <= checks; check++) {
		await sleep(intervalSeconds * 1000, context.getExecutionCancelSignal());
		const job = await fetchJob(context, jobId);
		if (job.status === 'completed') return job;
		if (job.status === 'failed') throw jobFailedError(context.getNode(), job);
	}
	throw new NodeOperationError(
		context.getNode(),
		`The image was not ready after ${maxWaitMinutes} minute${maxWaitMinutes === 1 ? '' : 's'} (job ${jobId})`,
		{
			description: `Pictory may still be generating it. Fetch it later with the Get Job operation and Job ID ${jobId}, or raise Maximum Wait.`,
		},
	);
}
