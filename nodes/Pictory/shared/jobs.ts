/**
 * Pictory's jobs (GET /v1/jobs/{id}): one way to read a job, used by Job → Get and by every wait
 * for an order, and the wait itself.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { apiError, pathNotFoundError, redactApiKeys, unreadableAnswer } from './failures';
import type { OrderKind } from './orders';
import { asObject, pause, type PictoryClient, type PictoryRequest } from './transport';
import { readNumber } from './values';

export const jobPath = (jobId: string) => `/v1/jobs/${encodeURIComponent(jobId)}`;

/**
 * A job as the node outputs it: `jobId`, `status` (in-progress, completed, failed, cleaned…), and
 * every other field Pictory sent with it: `url`, `width`, `height` for an image; `renderProgress`
 * while a video renders, then `videoURL`, `videoShareURL`, `thumbnail`, `videoDuration`, subtitle
 * files; `aiCreditsUsed`, `videoName`, `createdAt`… A failed job has Pictory's `errorCode` and
 * `errorMessage`.
 */
export interface JobResult extends IDataObject {
	jobId: string;
	status: string;
}

const firstString = (...values: unknown[]) =>
	values.find((value): value is string => typeof value === 'string' && value !== '');

/** Pictory's way of saying a job id is unknown: error_code 5000 / JOB_NOT_FOUND, or "Job not found". */
function saysUnknownJob(body: unknown): boolean {
	const answer = asObject(body);
	if (!answer) return false;
	const data = asObject(answer.data) ?? {};
	const error = asObject(answer.error) ?? {};
	const said = [
		answer.error_code,
		answer.error_message,
		answer.message,
		data.error_code,
		data.error_message,
		error.code,
		error.message,
	].map((value) => String(value ?? ''));
	return said.some((text) => text === '5000' || /job[ _]?not[ _]?found|no such job/i.test(text));
}

/**
 * Pictory's envelope (`success`, `data`), the id and status (given as `jobId` and `status`), and
 * its failure fields (given as `errorCode` and `errorMessage`): every other field is the job's.
 */
const READ_FIELDS = new Set([
	'success',
	'data',
	'job_id',
	'jobId',
	'status',
	'error',
	'error_code',
	'error_message',
]);

/**
 * Reads a job answer: `{ success, data: { status, … } }` with maybe more fields at the top, or
 * all of them at the top. Every field is kept, from `data` when it is in both places.
 */
export function readJob(node: INode, jobId: string, body: unknown): JobResult {
	const answer = asObject(body);
	if (!answer) throw unreadableAnswer(node, `Expected a JSON object describing job ${jobId}.`);
	const data = asObject(answer.data) ?? {};
	const fields: IDataObject = Object.fromEntries(
		[...Object.entries(answer), ...Object.entries(data)].filter(([key]) => !READ_FIELDS.has(key)),
	);
	const status = firstString(data.status, answer.status);

	if (answer.success === false || status === 'failed') {
		const error = asObject(answer.error) ?? asObject(data.error) ?? {};
		const errorCode = firstString(
			answer.error_code,
			data.error_code,
			error.error_code,
			error.code,
			fields.errorCode,
		);
		const errorMessage = firstString(
			answer.error_message,
			data.error_message,
			error.error_message,
			error.message,
			fields.errorMessage,
			answer.error,
		);
		return {
			jobId,
			status: 'failed',
			...fields,
			...(errorCode && { errorCode }),
			...(errorMessage && { errorMessage: redactApiKeys(errorMessage) }),
		};
	}
	if (!status) throw unreadableAnswer(node, `The answer for job ${jobId} has no "status".`);

	const job: JobResult = { jobId, status, ...fields };
	// Pictory's pages name the share link both ways; give it under one name, keeping Pictory's.
	if (typeof job.shareVideoURL === 'string' && job.videoShareURL === undefined) {
		job.videoShareURL = job.shareVideoURL;
	}
	if (status === 'cleaned') {
		job.errorMessage =
			'The results have expired: Pictory removes a job’s files after a while. Keep the links you get when a job completes.';
	}
	return job;
}

/**
 * Reads a job once. `request` is the GET of its path. A job Pictory says it does not know goes to
 * `onUnknownJob`, whose answer stands for the job (or which throws); a 404 that does not come
 * from Pictory's job API (a wrong Base URL) is an error naming the address.
 */
export async function readJobOnce(
	api: PictoryClient,
	jobId: string,
	request: PictoryRequest,
	{ onUnknownJob, deadline }: { onUnknownJob: () => JobResult; deadline?: number },
): Promise<JobResult> {
	const { statusCode, body } = await api.exchange(request, {
		deadline,
		keep: (status) => status === 404,
	});
	if (statusCode === 404 && !saysUnknownJob(body)) {
		throw pathNotFoundError(api.run.node, api.address(request));
	}
	if (statusCode === 404 || (asObject(body)?.success === false && saysUnknownJob(body))) {
		return onUnknownJob();
	}
	return readJob(api.run.node, jobId, body);
}

export interface WaitOptions {
	intervalSeconds: number;
	maxWaitMinutes: number;
}

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

/** How long after an order a 404 for its job is taken for a job Pictory has not registered yet. */
const UNREGISTERED_JOB_GRACE_MS = 60_000;

/**
 * Checks an ordered job every `intervalSeconds` until it completes, fails, or `maxWaitMinutes`
 * have passed: a deadline, which no check or retry goes past by more than one request's time
 * limit. Sleeping, not spinning; a stopped execution ends the wait at once.
 */
export async function waitForJob(
	api: PictoryClient,
	jobId: string,
	{ intervalSeconds, maxWaitMinutes }: WaitOptions,
	kind: OrderKind,
): Promise<JobResult> {
	const node = api.run.node;
	const ordered = Date.now();
	const deadline = ordered + maxWaitMinutes * 60_000;
	for (let remaining = deadline - Date.now(); remaining > 0; remaining = deadline - Date.now()) {
		await pause(Math.min(intervalSeconds * 1000, remaining), api.run.signal);
		const job = await readJobOnce(
			api,
			jobId,
			{ method: 'GET', url: jobPath(jobId) },
			{
				deadline,
				onUnknownJob: () => {
					if (Date.now() - ordered < UNREGISTERED_JOB_GRACE_MS) {
						return { jobId, status: 'in-progress' };
					}
					throw jobNotRegisteredError(node, jobId);
				},
			},
		);
		if (job.status === 'completed') return job;
		if (job.status === 'failed') throw jobFailedError(node, job, kind);
		if (job.status === 'cleaned') throw jobResultsExpiredError(node, jobId);
	}
	throw jobNotReadyError(node, jobId, maxWaitMinutes, kind);
}

/**
 * A job that ended for good (it failed, or its results expired): there is nothing to fetch later,
 * so its error never points to Job → Get.
 */
export class JobEndedError extends NodeApiError {}

export function jobFailedError(
	node: INode,
	{ jobId, errorCode, errorMessage }: { jobId: string; errorCode?: string; errorMessage?: string },
	kind: OrderKind,
): NodeApiError {
	return new JobEndedError(
		node,
		{ jobId, errorCode: errorCode ?? null, errorMessage: errorMessage ?? null } as JsonObject,
		{
			message: `Pictory could not ${kind.make}${errorCode ? ` (${errorCode})` : ''}`,
			description: `${errorMessage ? `Pictory said: ${errorMessage}. ` : ''}Job ID: ${jobId}. ${kind.afterFailure}`,
		},
	);
}

export function jobResultsExpiredError(node: INode, jobId: string): NodeApiError {
	const message = `The results of job ${jobId} have expired`;
	return new JobEndedError(node, { message, jobId } as JsonObject, {
		message,
		description:
			'Pictory removes a job’s files after a while (status "cleaned"). Keep the links you get when a job completes.',
	});
}

export function unknownJobError(node: INode, jobId: string): NodeApiError {
	return apiError(
		node,
		`Pictory has no job with ID ${jobId}`,
		'Use the "jobId" that Generate or Create from Text returned, from the same Pictory account.',
		{ jobId },
		404,
	);
}

export function jobNotRegisteredError(node: INode, jobId: string): NodeApiError {
	return apiError(
		node,
		`Pictory does not know job ${jobId}`,
		'Pictory accepted the order but still answers 404 for its job a minute later.',
		{ jobId },
		404,
	);
}

export function jobNotReadyError(
	node: INode,
	jobId: string,
	maxWaitMinutes: number,
	kind: OrderKind,
): NodeOperationError {
	const minutes = `${maxWaitMinutes} minute${maxWaitMinutes === 1 ? '' : 's'}`;
	return new NodeOperationError(
		node,
		`The ${kind.what} was not ready after ${minutes} (job ${jobId})`,
		{
			description: `Pictory may still be making it. Fetch it later with Job → Get and Job ID ${jobId}, or raise Maximum Wait.`,
		},
	);
}
