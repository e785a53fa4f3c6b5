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

import { apiError, pathNotFoundError, readErrorBody } from './failures';
import type { OrderKind } from './orders';
import { pause, type PictoryClient, type PictoryRequest } from './transport';
import { readJobAnswer, saysUnknownJob, type JobResult } from './types';
import { readNumber } from './values';

export const jobPath = (jobId: string) => `/v1/jobs/${encodeURIComponent(jobId)}`;

/**
 * Reads a job answer (see readJobAnswer); a job whose results expired says so in `errorMessage`.
 */
export function readJob(node: INode, jobId: string, body: unknown): JobResult {
	const job = readJobAnswer(node, jobId, body);
	if (job.status === 'cleaned') {
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
	if (statusCode === 404 || (readErrorBody(body)?.success === false && saysUnknownJob(body))) {
		return onUnknownJob();
	}
	return readJob(api.run.node, jobId, body);
}

export interface WaitOptions {
	intervalSeconds: number;
	maxWaitMinutes: number;
	/** As a tool: after these minutes the job is handed back unfinished (0: never). */
	handOverMinutes?: number;
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
		// Only the tool has the field: as a plain node, nothing is handed back.
		handOverMinutes: readNumber(context, 'toolWaitMinutes', {
			label: 'Longest Wait as a Tool',
			fallback: 0,
			requirement: '0 minutes or more',
			isGood: (minutes) => minutes >= 0,
			hint: 'Set how many minutes a tool call may wait, or 0 to wait up to Maximum Wait.',
		}),
	};
}

/**
 * A tool call that waited as long as it may for a job still being made: not an error, but the
 * tool's answer, the job as last seen and a note on how to get the result later.
 */
export class JobHandedOver extends Error {
	constructor(readonly answer: IDataObject) {
		super(String(answer.note));
	}
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
	{ intervalSeconds, maxWaitMinutes, handOverMinutes = 0 }: WaitOptions,
	kind: OrderKind,
): Promise<JobResult> {
	const node = api.run.node;
	const ordered = Date.now();
	const handOver = handOverMinutes > 0 && handOverMinutes < maxWaitMinutes;
	const deadline = ordered + (handOver ? handOverMinutes : maxWaitMinutes) * 60_000;
	let lastSeen: JobResult = { jobId, status: 'in-progress' };
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
		lastSeen = job;
		if (job.status === 'completed') return job;
		if (job.status === 'failed') throw jobFailedError(node, job, kind);
		if (job.status === 'cleaned') throw jobResultsExpiredError(node, jobId);
	}
	if (handOver) {
		const minutes = `${handOverMinutes} minute${handOverMinutes === 1 ? '' : 's'}`;
		throw new JobHandedOver({
			...lastSeen,
			jobId,
			note: `The ${kind.what} is still being made after ${minutes}. Call Job → Get with jobId ${jobId} later, every 30 seconds or more, until its status is "completed".`,
		});
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

/** What a job made. Pictory's jobs say no kind: each is told apart by what it holds [inferred]. */
export const JOB_KINDS = [
	{ name: 'Video Render', value: 'videoRender' },
	{ name: 'Preview', value: 'preview' },
	{ name: 'Transcription', value: 'transcription' },
	{ name: 'Highlights', value: 'highlights' },
	{ name: 'Image', value: 'image' },
	{ name: 'AI Studio Video', value: 'aiStudioVideo' },
	{ name: 'Other (Cannot Tell)', value: 'other' },
] as const;

export type JobKind = (typeof JOB_KINDS)[number]['value'];

const has = (job: IDataObject, ...fields: string[]) =>
	fields.some((field) => job[field] !== undefined && job[field] !== null && job[field] !== '');

/**
 * A job's kind, from the fields of a job as readJob gives it: a render's `videoURL`; a preview's
 * link or `renderParams`; a transcript, whose words a highlights job marks with `highlight`; an
 * AI Studio file's `url`, a video's with its duration or frames. A failed job often holds only
 * its error: "other".
 */
export function jobKind(job: IDataObject): JobKind {
	if (has(job, 'videoURL', 'videoShareURL', 'shareVideoURL', 'renderProgress')) {
		return 'videoRender';
	}
	if (has(job, 'previewUrl', 'preview', 'renderParams', 'storyboard')) return 'preview';
	if (Array.isArray(job.transcript)) {
		const marked = job.transcript.some((sentence) =>
			((sentence as IDataObject)?.words as IDataObject[] | undefined)?.some?.(
				(word) => typeof word?.highlight === 'boolean',
			),
		);
		return marked ? 'highlights' : 'transcription';
	}
	if (has(job, 'txt', 'srt', 'vtt')) return 'transcription';
	if (typeof job.url === 'string') {
		const video =
			has(job, 'duration', 'thumbnailImageUrl', 'previewImageUrl', 'lastFrameImageUrl') ||
			/\.(mp4|mov|webm)(\?|$)/i.test(job.url);
		return video ? 'aiStudioVideo' : 'image';
	}
	return 'other';
}
