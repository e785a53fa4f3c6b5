/**
 * A nock stand-in for Pictory's image list: an account of images served newest first, 100 a page,
 * with opaque page keys, answering 401 to any other API key, and recording every request it gets.
 */
import nock from 'nock';

import type { PictoryImage } from '../nodes/Pictory/shared/images';
import { API_KEY, BASE_URL, IMAGES_PATH } from './harness';

export interface RecordedRequest {
	nextPageKey: string | null;
	authorization: string | undefined;
}

const NEWEST = Date.parse('2026-04-04T06:03:38.665Z');

/**
 * `count` images, newest first, one minute apart from `newest` (ms); every third one was generated
 * with a style and a reference image. Ids are `<idPrefix>-<number>`, the oldest numbered 1.
 */
export function makeImages(
	count: number,
	{ newest = NEWEST, idPrefix = 'img' } = {},
): PictoryImage[] {
	return Array.from({ length: count }, (_, index) => {
		const id = `${idPrefix}-${String(count - index).padStart(6, '0')}`;
		const image: PictoryImage = {
			url: `https://example.cloudfront.net/images/user/a1b2c3d4/${id}.png`,
			id,
			prompt: `Prompt for ${id}`,
			aspectRatio: index % 2 ? '1:1' : '16:9',
			createdDate: new Date(newest - index * 60_000).toISOString(),
			model: index % 2 ? 'flux-schnell' : 'seedream3.0',
			width: 1280,
			height: 720,
		};
		if (index % 3 === 0) {
			image.style = 'photorealistic';
			image.referenceImageUrl = `https://example.cloudfront.net/images/user/a1b2c3d4/ref-${id}.png`;
		}
		return image;
	});
}

/** Page keys as Pictory's look: base64 that holds "+", "/" and "=". */
export const pageKeyFor = (offset: number) =>
	`eyJwYXJ0aXRpb25LZXkiOiJ1c2VyI+/${Buffer.from(`offset:${offset}`).toString('base64')}`;

export function serveAccount(images: PictoryImage[], { pageSize = 100 } = {}) {
	const requests: RecordedRequest[] = [];
	const offsets = new Map<string, number>();

	nock(BASE_URL)
		.persist()
		.get(IMAGES_PATH)
		.query(true)
		.reply(function (uri) {
			const nextPageKey = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
			const authorization = this.req.headers.authorization as string | undefined;
			requests.push({ nextPageKey, authorization });
			if (authorization !== API_KEY) return [401, { message: 'Unauthorized' }];

			const offset = nextPageKey === null ? 0 : offsets.get(nextPageKey);
			if (offset === undefined) return [400, { message: 'Invalid nextPageKey' }];
			const end = offset + pageSize;
			const body: { items: PictoryImage[]; nextPageKey?: string } = {
				items: images.slice(offset, end),
			};
			if (end < images.length) {
				body.nextPageKey = pageKeyFor(end);
				offsets.set(body.nextPageKey, end);
			}
			return [200, body];
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

export const IMAGE_HOST = 'https://example.cloudfront.net';

/** The bytes the CDN serves for an image: a PNG signature followed by the image id. */
export const imageBytes = (id: string) =>
	Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(id)]);

/**
 * Serves the images' files from the CDN host, recording which ids were fetched and how many
 * downloads were in flight at once. `failing` ids answer with that status.
 */
export function serveImageFiles({ failing = {} as Record<string, number>, delayMs = 0 } = {}) {
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
			if (failing[id]) return [failing[id], 'Access Denied', { 'Content-Type': 'text/plain' }];
			return [200, imageBytes(id), { 'Content-Type': 'image/png' }];
		});
	return stats;
}

export const JOBS_PATH = '/pictoryapis/v1/jobs';

export interface RecordedJobRequest {
	method: string;
	path: string;
	/** The fake clock's time when the request arrived (Date.now()). */
	at: number;
	body?: unknown;
	authorization: string | undefined;
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
			return [200, jobAnswers[Math.min(answered++, jobAnswers.length - 1)]];
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
