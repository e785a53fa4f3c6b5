/**
 * nock stand-ins for Pictory in the unit tests: the image list (an account served newest first,
 * 100 a page, 401 to any other API key), the image files, and Generate with its jobs. Each records
 * the requests it gets.
 */
import nock from 'nock';

import type { PictoryImage } from '../nodes/Pictory/shared/images';
import { imageBytes, imageListAnswer, IMAGE_HOST } from './fixtures';
import { API_KEY, BASE_URL, IMAGES_PATH } from './harness';

export { imageBytes, IMAGE_HOST, makeImages, pageKeyFor } from './fixtures';

export interface RecordedRequest {
	nextPageKey: string | null;
	authorization: string | undefined;
}

export function serveAccount(images: PictoryImage[], { pageSize = 100 } = {}) {
	const requests: RecordedRequest[] = [];

	nock(BASE_URL)
		.persist()
		.get(IMAGES_PATH)
		.query(true)
		.reply(function (uri) {
			const nextPageKey = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
			const authorization = this.req.headers.authorization as string | undefined;
			requests.push({ nextPageKey, authorization });
			if (authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			return imageListAnswer(images, nextPageKey, pageSize);
		});

	return { requests };
}

/** Registers answers for the image list, used once each in order, and records the requests. */
export function answerInOrder(...answers: Array<[number, unknown, Record<string, string>?]>) {
	const requests: RecordedRequest[] = [];
	const scope = nock(BASE_URL);
	for (const [status, body, headers] of answers) {
		scope
			.get(IMAGES_PATH)
			.query(true)
			.reply(function (uri) {
				requests.push({
					nextPageKey: new URL(uri, BASE_URL).searchParams.get('nextPageKey'),
					authorization: this.req.headers.authorization as string | undefined,
				});
				return [status, body as nock.Body, headers];
			});
	}
	return { requests, scope };
}

/**
 * Serves the images' files from the CDN host, recording which ids were fetched and how many
 * downloads were in flight at once. `failing` ids answer with that status.
 */
export function serveImageFiles({
	failing = {} as Record<string, number>,
	delayMs = 0,
	retryAfter = undefined as string | undefined,
	/** Make each failing id fail only its first N requests. */
	failFirst = Infinity,
} = {}) {
	const downloads: string[] = [];
	let inFlight = 0;
	const stats = { downloads, maxInFlight: 0 };
	nock(IMAGE_HOST)
		.persist()
		.get(/\/images\/user\/.+\.png$/)
		.reply(async (uri) => {
			const id = uri
				.split('/')
				.pop()!
				.replace(/\.png$/, '');
			downloads.push(id);
			stats.maxInFlight = Math.max(stats.maxInFlight, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			inFlight--;
			if (failing[id] && downloads.filter((fetched) => fetched === id).length <= failFirst) {
				const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
				if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
				return [failing[id], 'Access Denied', headers];
			}
			return [200, imageBytes(id), { 'Content-Type': 'image/png' }];
		});
	return stats;
}

/** A failure below HTTP, as Node reports it (no answer at all), for nock's `replyWithError`. */
export const networkError = (code: string, message: string) =>
	Object.assign(new Error(message), { code });

export const JOBS_PATH = '/pictoryapis/v1/jobs';

export interface RecordedJobRequest {
	method: string;
	path: string;
	/** The fake clock's time when the request arrived (Date.now()). */
	at: number;
	body?: unknown;
	authorization: string | undefined;
}

/** A job answer other than 200, e.g. `new HttpAnswer(503, { message: 'Busy' })`. */
export class HttpAnswer {
	constructor(
		readonly status: number,
		readonly body: unknown = {},
	) {}
}

/**
 * Pictory's Generate and job endpoints: POST /v1/aistudio/images answers with `jobId` (or with
 * `generateAnswer`), and GET /v1/jobs/<jobId> gives the `jobAnswers` one after another, the last
 * one repeating. Any other job id is a 404.
 */
export function serveGeneration(
	jobId: string,
	jobAnswers: unknown[],
	{ generateAnswer = [200, { success: true, data: { jobId } }] as [number, unknown] } = {},
) {
	const requests: RecordedJobRequest[] = [];
	const record = (method: string, path: string, headers: Record<string, unknown>, body?: unknown) =>
		requests.push({
			method,
			path,
			at: Date.now(),
			body,
			authorization: headers.authorization as string | undefined,
		});
	let answered = 0;

	nock(BASE_URL)
		.persist()
		.post(IMAGES_PATH)
		.reply(function (uri, body) {
			record('POST', uri, this.req.headers, body);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			return generateAnswer;
		})
		.get(new RegExp(`^${JOBS_PATH}/`))
		.reply(function (uri) {
			record('GET', uri, this.req.headers);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			if (uri !== `${JOBS_PATH}/${encodeURIComponent(jobId)}`)
				return [404, { message: 'Job not found' }];
			const answer = jobAnswers[Math.min(answered++, jobAnswers.length - 1)];
			return answer instanceof HttpAnswer ? [answer.status, answer.body] : [200, answer];
		});
	return { requests };
}

export const jobInProgress = (jobId: string) => ({
	job_id: jobId,
	success: true,
	data: { status: 'in-progress' },
});

export const jobCompleted = (jobId: string) => ({
	job_id: jobId,
	success: true,
	data: {
		status: 'completed',
		url: `${IMAGE_HOST}/images/user/a1b2c3d4/${jobId}.png`,
		width: 1024,
		height: 1024,
		aiCreditsUsed: 2,
	},
});
