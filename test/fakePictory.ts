/**
 * nock stand-ins for Pictory in the unit tests: the image list (an account served newest first,
 * 100 a page, 401 to any other API key), the image files, Generate with its jobs, and a whole
 * busy Pictory that allows only so many requests a second. Each records the requests it gets.
 */
import nock from 'nock';

import type { PictoryImage } from '../nodes/Pictory/shared/types';
import {
	imageBytes,
	imageListAnswer,
	IMAGE_HOST,
	IMAGES_PATH,
	jobAnswer,
	JOBS_PATH,
	orderAccepted,
} from './fixtures';
import { API_KEY, BASE_URL } from './harness';

export {
	dropdownLists,
	fileStart,
	imageBytes,
	IMAGE_HOST,
	IMAGES_PATH,
	jobAnswer,
	JOBS_PATH,
	makeImages,
	orderAccepted,
	pageKeyFor,
	PROJECTS_PATH,
	RENDER_PATH,
	VIDEO_HOST,
	videoBytes,
} from './fixtures';
export {
	avatarListAnswer,
	avatars,
	AVATARS_PATH,
	PREVIEW_PATH,
	previewJobAnswer,
	previewRenderParams,
	renderPreviewPath,
} from './fixtures';

type Answer = [status: number, body: unknown, headers?: Record<string, string>];

const reply = ([status, body, headers = {}]: Answer): nock.ReplyFnResult => [
	status,
	body as nock.Body,
	headers,
];

export interface RecordedRequest {
	method: string;
	path: string;
	/** The fake clock's time when the request arrived (Date.now()). */
	at: number;
	nextPageKey: string | null;
	authorization: string | undefined;
	body?: unknown;
}

function recorder() {
	const requests: RecordedRequest[] = [];
	const record = (
		method: string,
		uri: string,
		headers: Record<string, unknown>,
		body?: unknown,
	) => {
		const request: RecordedRequest = {
			method,
			path: uri,
			at: Date.now(),
			nextPageKey: new URL(uri, BASE_URL).searchParams.get('nextPageKey'),
			authorization: headers.authorization as string | undefined,
			...(body !== undefined && body !== '' && { body }),
		};
		requests.push(request);
		return request;
	};
	return { requests, record };
}

/** The account's image list over `images` (which a test may change between runs). */
export function serveAccount(images: PictoryImage[], { pageSize = 100 } = {}) {
	const { requests, record } = recorder();
	nock(BASE_URL)
		.persist()
		.get(IMAGES_PATH)
		.query(true)
		.reply(function (uri) {
			const { authorization, nextPageKey } = record('GET', uri, this.req.headers);
			if (authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			return imageListAnswer(images, nextPageKey, pageSize);
		});
	return { requests };
}

/** Answers to the image list, used once each in order. */
export function answerInOrder(...answers: Answer[]) {
	const { requests, record } = recorder();
	const scope = nock(BASE_URL);
	for (const [status, body, headers] of answers) {
		scope
			.get(IMAGES_PATH)
			.query(true)
			.reply(function (uri) {
				record('GET', uri, this.req.headers);
				return reply([status, body, headers]);
			});
	}
	return { requests, scope };
}

/**
 * Serves the images' files from the CDN host, recording which ids were fetched and how many
 * downloads were in flight at once. `failing` ids answer with that status (their first
 * `failFirst` requests); `bodies` replaces an id's answer.
 */
export function serveImageFiles({
	failing = {} as Record<string, number>,
	delayMs = 0,
	retryAfter = undefined as string | undefined,
	failFirst = Infinity,
	bodies = {} as Record<string, { body: Buffer | string; contentType: string }>,
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
			if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
			inFlight--;
			if (failing[id] && downloads.filter((fetched) => fetched === id).length <= failFirst) {
				const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
				if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
				return [failing[id], 'Access Denied', headers];
			}
			if (bodies[id]) return [200, bodies[id].body, { 'Content-Type': bodies[id].contentType }];
			return [200, imageBytes(id), { 'Content-Type': 'image/png' }];
		});
	return stats;
}

/** A failure below HTTP, as Node reports it (no answer at all), for nock's `replyWithError`. */
export const networkError = (code: string, message: string) =>
	Object.assign(new Error(message), { code });

/** A job answer other than 200, e.g. `new HttpAnswer(503, { message: 'Busy' })`. */
export class HttpAnswer {
	constructor(
		readonly status: number,
		readonly body: unknown = {},
	) {}
}

/**
 * An order and its one job: `orderMethod` (POST by default) at `orderPath` (Generate by default)
 * answers with `jobId` (or with `generateAnswer`),
 * and GET /v1/jobs/<jobId> gives the `jobAnswers` one after another, the last one repeating. Any
 * other job id is Pictory's 404 for an unknown job.
 */
export function serveGeneration(
	jobId: string,
	jobAnswers: unknown[],
	{
		generateAnswer = [200, orderAccepted(jobId)] as Answer,
		orderPath = IMAGES_PATH,
		orderMethod = 'POST',
	} = {},
) {
	const { requests, record } = recorder();
	let answered = 0;
	nock(BASE_URL)
		.persist()
		.intercept(orderPath, orderMethod)
		.reply(function (uri, body) {
			record(orderMethod, uri, this.req.headers, body);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			return reply(generateAnswer);
		})
		.get(new RegExp(`^${JOBS_PATH}/`))
		.reply(function (uri) {
			record('GET', uri, this.req.headers);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			if (uri !== `${JOBS_PATH}/${encodeURIComponent(jobId)}`) {
				return [404, { message: 'Job not found' }];
			}
			const answer = jobAnswers[Math.min(answered++, jobAnswers.length - 1)];
			return answer instanceof HttpAnswer ? [answer.status, answer.body] : [200, answer];
		});
	return { requests };
}

/**
 * A busy Pictory: Generate accepts any prompt as a new job (job-1, job-2…), each job completes on
 * its `checksToComplete`-th check, and beyond `perSecond` requests in a second of the clock it
 * answers 429 with Retry-After: 1, as rate-limited APIs do.
 */
export function serveBusyPictory({ perSecond = 5, checksToComplete = 2 } = {}) {
	const { requests, record } = recorder();
	const orders = new Map<string, string[]>();
	const checks = new Map<string, number>();
	const answered: RecordedRequest[] = [];
	const limited = (request: RecordedRequest) => {
		const second = Math.floor(request.at / 1000);
		if (answered.filter((done) => Math.floor(done.at / 1000) === second).length >= perSecond) {
			return true;
		}
		answered.push(request);
		return false;
	};
	const tooMany: Answer = [429, { message: 'Too many requests' }, { 'Retry-After': '1' }];
	nock(BASE_URL)
		.persist()
		.post(IMAGES_PATH)
		.reply(function (uri, body) {
			const request = record('POST', uri, this.req.headers, body);
			if (limited(request)) return reply(tooMany);
			const jobId = `job-${checks.size + 1}`;
			checks.set(jobId, 0);
			const prompt = String((body as { prompt?: unknown }).prompt);
			orders.set(prompt, [...(orders.get(prompt) ?? []), jobId]);
			return [200, orderAccepted(jobId)];
		})
		.get(new RegExp(`^${JOBS_PATH}/`))
		.reply(function (uri) {
			const request = record('GET', uri, this.req.headers);
			if (limited(request)) return reply(tooMany);
			const jobId = decodeURIComponent(uri.slice(JOBS_PATH.length + 1));
			if (!checks.has(jobId)) return [404, jobAnswer.unknown];
			checks.set(jobId, checks.get(jobId)! + 1);
			return [
				200,
				checks.get(jobId)! >= checksToComplete
					? jobAnswer.imageCompleted(jobId)
					: jobAnswer.inProgress(jobId),
			];
		});
	return { requests, orders };
}
