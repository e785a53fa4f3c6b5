/**
 * A small Pictory-compatible HTTP server on 127.0.0.1, for the end-to-end tests, the benchmarks and
 * `npm run demo`: the image list of a fixture account (100 a page, opaque page keys, 401 to any
 * other API key), the images' files (or real pictures), Generate with jobs that complete on their
 * second check, video renders that complete on their third check (or, given a webhook, call it
 * when done), the videos' MP4 files (streamed, of any size), the lists behind Create from Text's
 * dropdowns, the list of the jobs it was given, saved projects, and the account's quota; searches
 * and the AI credit ledger are answered by standIn/search.ts; templates, projects (get, delete,
 * render), Vimeo connections and AI Studio videos by standIn/templates.ts. It records every
 * request it answers. Previews too: a preview completes like a render, with its link, renderParams and storyboard, and renders (PUT)
 * once complete; renders and previews check that each scene has one source (story, article,
 * PowerPoint, script, audio or video) and that an avatar has narration; avatars are listed 2 a
 * page. For tests of what n8n
 * does with the files, `POST /upload/<id>` compares the body it receives with that image's file,
 * byte for byte, and records the result. Tests of odd or hostile answers set them in `overrides`
 * (see StandInOverrides). Signed uploads, transcriptions and highlights: see standIn/media.ts.
 */
import {
	createServer,
	request as httpRequest,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';

import type { PictoryImage } from '../nodes/Pictory/shared/types';
import {
	API_PATH,
	avatarListAnswer,
	AVATARS_PATH,
	dropdownLists,
	imageBytes,
	imageListAnswer,
	IMAGES_PATH,
	jobAnswer,
	JOBS_PATH,
	makeImages,
	orderAccepted,
	PREVIEW_PATH,
	previewJobAnswer,
	PROJECTS_PATH,
	RENDER_PATH,
	videoBytes,
} from './fixtures';
import { mediaRoutes, type StandInMedia } from './standIn/media';
import { answerSearch } from './standIn/search';
import { answerTemplates } from './standIn/templates';

export interface StandInRequest {
	method: string;
	path: string;
	nextPageKey: string | null;
	authorization: string | undefined;
}

export interface StandInOptions {
	/** The one API key it accepts. */
	apiKey: string;
	/** How many fixture images the account holds (see makeImages), newest first. */
	imageCount?: number;
	pageSize?: number;
	/** A delay before every answer, to play a distant server. */
	delayMs?: number;
	/** The size of every image file, in bytes (see imageBytes); by default just signature and id. */
	imageFileSize?: number;
	/** Serve every image as a real picture that n8n and browsers can show (see pictureOf). */
	pictures?: boolean;
	/** The size of every video file, in bytes: sent in chunks, never held whole. */
	videoFileSize?: number;
	/** How long after the render request a video whose render has a webhook calls it, in ms. */
	renderMs?: number;
	/** On which check a render is complete (without a webhook). */
	renderChecks?: number;
	port?: number;
}

/** A file received by `POST /upload/<id>`. */
export interface StandInUpload {
	id: string;
	bytes: number;
	/** Whether the body was exactly the file the stand-in serves for that image. */
	matches: boolean;
}

/**
 * Answers a test puts in place of the usual ones, keyed by what they replace; they take precedence
 * over every other rule. clear() empties them all.
 */
export interface StandInOverrides {
	/** GET at this path (e.g. IMAGES_PATH) answers 302 Found with this Location. */
	redirects: Map<string, string>;
	/** The file of the image with this id answers 200 with this body and Content-Type. */
	imageFiles: Map<string, { contentType: string; body: string | Buffer }>;
	/** GET /v1/jobs/<this id> answers 200 with this body, however Pictory's own answers look. */
	jobs: Map<string, unknown>;
	clear(): void;
}

export interface PictoryStandIn {
	/** The credential's Base URL for this server. */
	baseUrl: string;
	images: PictoryImage[];
	requests: StandInRequest[];
	uploads: StandInUpload[];
	/** The delay before every answer, in ms; read at each request, so it can be changed at any time. */
	delayMs: number;
	/** The size of the video files, in bytes; read at each download, like delayMs. */
	videoFileSize: number;
	/** The bodies of the render requests received, in order. */
	renders: unknown[];
	/** The webhook calls made when renders completed: where, and how n8n answered. */
	webhookCalls: Array<{ url: string; status: number }>;
	/** The bodies of the preview requests received (POST /v2/video/storyboard), in order. */
	previews: unknown[];
	/** The renders of previews received (PUT /v2/video/render/{id}): which preview, and the body. */
	previewRenders: Array<{ previewJobId: string; body: unknown }>;
	overrides: StandInOverrides;
	/** Signed uploads, transcriptions and highlights (see standIn/media.ts). */
	media: StandInMedia;
	close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
};

function newOverrides(): StandInOverrides {
	const overrides: StandInOverrides = {
		redirects: new Map(),
		imageFiles: new Map(),
		jobs: new Map(),
		clear: () => {
			overrides.redirects.clear();
			overrides.imageFiles.clear();
			overrides.jobs.clear();
		},
	};
	return overrides;
}

/** Answers a GET as `overrides` say; false when none of them applies. */
function answerOverridden(
	overrides: StandInOverrides,
	path: string,
	response: ServerResponse,
): boolean {
	const location = overrides.redirects.get(path);
	if (location !== undefined) {
		response.writeHead(302, { Location: location });
		response.end();
		return true;
	}
	const imageId = /^\/images\/user\/[^/]+\/(.+)\.png$/.exec(path)?.[1];
	const file = imageId === undefined ? undefined : overrides.imageFiles.get(imageId);
	if (file) {
		response.writeHead(200, { 'Content-Type': file.contentType });
		response.end(file.body);
		return true;
	}
	const jobId = path.startsWith(`${JOBS_PATH}/`)
		? decodeURIComponent(path.slice(JOBS_PATH.length + 1))
		: undefined;
	if (jobId !== undefined && overrides.jobs.has(jobId)) {
		json(response, 200, overrides.jobs.get(jobId));
		return true;
	}
	return false;
}

/** What GET /v1/quota answers: this billing term's use, as Pictory documents it. */
export const QUOTA = {
	videoMinutes: { used: 12, limit: 600 },
	transcriptionMinutes: { used: 0, limit: 600 },
	elevenLabsVoiceOverMinutes: { used: 3, limit: 120 },
	aiCredits: { used: 40, limit: 1000 },
};

/** The projects saved in the account (GET /v2/projects), one page. */
export const PROJECTS = [
	{
		id: 'project-1',
		name: 'Product launch',
		savedDate: '2026-04-01T09:30:00.000Z',
		aspectRatio: '16:9',
	},
	{
		id: 'project-2',
		name: 'Weekly update',
		savedDate: '2026-03-27T16:05:00.000Z',
		aspectRatio: '9:16',
	},
];

/**
 * A 160 × 90 PNG for an image id: a gradient in a colour of its own, so that the images of a list
 * look different. Each row is filter byte 0, then RGB pixels; chunks carry their CRC-32.
 */
export function pictureOf(id: string, width = 160, height = 90): Buffer {
	const hue = crc32(id) % 360;
	const [r, g, b] = [0, 120, 240].map((shift) =>
		Math.round(127 + 100 * Math.cos(((hue + shift) * Math.PI) / 180)),
	);
	const rows = Buffer.alloc((1 + width * 3) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (1 + width * 3);
		for (let x = 0; x < width; x++) {
			const light = 0.55 + (0.45 * (x + y)) / (width + height);
			rows.set([r * light, g * light, b * light], row + 1 + x * 3);
		}
	}
	const chunk = (type: string, data: Buffer) => {
		const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(typed));
		return Buffer.concat([length, typed, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8 bits a channel, RGB, deflate, no interlace
	return Buffer.concat([
		Buffer.from('89504e470d0a1a0a', 'hex'),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export async function startPictoryStandIn({
	apiKey,
	imageCount = 0,
	pageSize = 100,
	delayMs = 0,
	imageFileSize = 0,
	pictures = false,
	videoFileSize = 4096,
	renderMs = 1500,
	renderChecks = 3,
	port = 0,
}: StandInOptions): Promise<PictoryStandIn> {
	const requests: StandInRequest[] = [];
	const uploads: StandInUpload[] = [];
	const jobChecks = new Map<string, number>();
	const renders = new Set<string>();
	/** The preview jobs, with what each was made from. */
	const previewJobs = new Map<string, object>();
	const fileOf = (id: string) => (pictures ? pictureOf(id) : imageBytes(id, imageFileSize));
	const timers = new Set<ReturnType<typeof setTimeout>>();
	let origin = '';
	const standIn = {
		images: [] as PictoryImage[],
		requests,
		uploads,
		delayMs,
		videoFileSize,
		renders: [],
		webhookCalls: [],
		previews: [],
		previewRenders: [],
		overrides: newOverrides(),
	} as unknown as PictoryStandIn;

	/** A job as its last check found it: a render is done on its renderChecks-th, an image on its 2nd. */
	const jobState = (jobId: string) => {
		const checks = jobChecks.get(jobId)!;
		const preview = previewJobs.get(jobId);
		if (preview) {
			return checks < renderChecks
				? jobAnswer.inProgress(jobId)
				: previewJobAnswer.completed(jobId, preview, origin);
		}
		if (renders.has(jobId)) {
			return checks < renderChecks
				? jobAnswer.inProgress(jobId, Math.round((100 * checks) / renderChecks))
				: jobAnswer.videoCompleted(jobId, origin);
		}
		return checks < 2 ? jobAnswer.inProgress(jobId) : jobAnswer.imageCompleted(jobId, origin);
	};

	/** Pictory's call-back: the finished job's answer, POSTed to the render's webhook. */
	const callWebhook = (url: string, jobId: string, webhookInput?: unknown) => {
		const payload = JSON.stringify({
			...jobState(jobId),
			...(webhookInput !== undefined && { webhookInput }),
		});
		const call = httpRequest(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
		});
		call.on('response', (answer) => {
			answer.resume();
			standIn.webhookCalls.push({ url, status: answer.statusCode ?? 0 });
		});
		call.on('error', () => standIn.webhookCalls.push({ url, status: 0 }));
		call.end(payload);
	};

	/** A job given a webhook is done `renderMs` after it was ordered, and calls the webhook. */
	const whenDone = (jobId: string, webhook: string, webhookInput?: unknown) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			jobChecks.set(jobId, Infinity);
			callWebhook(webhook, jobId, webhookInput);
		}, renderMs);
		timers.add(timer);
	};

	/** An MP4 of `size` bytes, written in 64 KB chunks as the connection takes them. */
	const sendVideo = (response: ServerResponse, size: number) => {
		response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': size });
		const chunk = Buffer.alloc(64 * 1024);
		let sent = 0;
		const write = () => {
			while (sent < size) {
				const piece =
					sent === 0
						? videoBytes(Math.min(chunk.length, size))
						: chunk.subarray(0, Math.min(chunk.length, size - sent));
				sent += piece.length;
				if (!response.write(piece)) return void response.once('drain', write);
			}
			response.end();
		};
		write();
	};

	const answer = (request: IncomingMessage, response: ServerResponse, body: Buffer) => {
		const url = new URL(request.url ?? '/', origin);
		const authorization = request.headers.authorization;
		requests.push({
			method: request.method ?? 'GET',
			path: url.pathname,
			nextPageKey: url.searchParams.get('nextPageKey'),
			authorization,
		});
		if (request.method === 'GET' && answerOverridden(standIn.overrides, url.pathname, response))
			return;

		const imageFile = /^\/images\/user\/[^/]+\/(.+)\.png$/.exec(url.pathname);
		if (request.method === 'GET' && imageFile) {
			response.writeHead(200, { 'Content-Type': 'image/png' });
			return response.end(fileOf(imageFile[1]));
		}
		const videoFile = /^\/videos\/(.+)\.mp4$/.exec(url.pathname);
		if (request.method === 'GET' && videoFile) return sendVideo(response, standIn.videoFileSize);
		const previewPage = /^\/preview\/([^/]+)$/.exec(url.pathname)?.[1];
		if (previewPage !== undefined && request.method === 'GET') {
			response.writeHead(200, { 'Content-Type': 'text/html' });
			return response.end(`<!doctype html><title>Preview ${previewPage}</title>`);
		}
		const upload = /^\/upload\/([^/]+)$/.exec(url.pathname);
		if (request.method === 'POST' && upload) {
			const id = decodeURIComponent(upload[1]);
			const matches = body.equals(fileOf(id));
			uploads.push({ id, bytes: body.length, matches });
			return json(response, 200, { id, bytes: body.length, matches });
		}
		if (!url.pathname.startsWith('/pictoryapis/'))
			return json(response, 404, { message: 'Not found' });
		if (authorization !== apiKey) return json(response, 401, { message: 'Unauthorized' });
		if (answerSearch(standIn, request.method, url, body, response)) return;
		if (answerTemplates(standIn, request.method, url, body, response)) return;

		if (url.pathname === IMAGES_PATH && request.method === 'GET') {
			const [status, body] = imageListAnswer(
				standIn.images,
				url.searchParams.get('nextPageKey'),
				pageSize,
			);
			return json(response, status, body);
		}
		if (url.pathname === IMAGES_PATH && request.method === 'POST') {
			const jobId = `job-${jobChecks.size + 1}`;
			jobChecks.set(jobId, 0);
			return json(response, 200, orderAccepted(jobId));
		}
		if (url.pathname === RENDER_PATH && request.method === 'POST') {
			const render = JSON.parse(body.toString() || '{}') as Storyboard;
			const refusal = storyboardRefusal(render);
			if (refusal) return json(response, 400, refusal);
			standIn.renders.push(render);
			const jobId = `render-${standIn.renders.length}`;
			jobChecks.set(jobId, 0);
			renders.add(jobId);
			if (render.webhook) whenDone(jobId, render.webhook, render.webhookInput);
			return json(response, 200, orderAccepted(jobId));
		}
		if (url.pathname === PREVIEW_PATH && request.method === 'POST') {
			const preview = JSON.parse(body.toString() || '{}') as Storyboard;
			const refusal = storyboardRefusal(preview);
			if (refusal) return json(response, 400, refusal);
			standIn.previews.push(preview);
			const jobId = `preview-${standIn.previews.length}`;
			jobChecks.set(jobId, 0);
			previewJobs.set(jobId, preview);
			if (preview.webhook) whenDone(jobId, preview.webhook);
			return json(response, 200, orderAccepted(jobId));
		}
		const renderedPreview = /^\/pictoryapis\/v2\/video\/render\/([^/]+)$/.exec(url.pathname)?.[1];
		if (renderedPreview !== undefined && request.method === 'PUT') {
			const previewJobId = decodeURIComponent(renderedPreview);
			if (!previewJobs.has(previewJobId)) return json(response, 404, jobAnswer.unknown);
			if (jobChecks.get(previewJobId)! < renderChecks)
				return json(response, 400, { message: 'Storyboard job is not completed' });
			const render = JSON.parse(body.toString() || '{}') as { webhook?: string };
			standIn.previewRenders.push({ previewJobId, body: render });
			const jobId = `preview-render-${standIn.previewRenders.length}`;
			jobChecks.set(jobId, 0);
			renders.add(jobId);
			if (render.webhook) whenDone(jobId, render.webhook);
			return json(response, 200, orderAccepted(jobId));
		}
		if (url.pathname === AVATARS_PATH && request.method === 'GET') {
			const [status, page] = avatarListAnswer(url.searchParams.get('nextPageKey'));
			return json(response, status, page);
		}
		const list = {
			[`${API_PATH}/v1/voiceovers/tracks`]: dropdownLists.voices,
			[`${API_PATH}/v1/smartlayouts`]: dropdownLists.smartLayouts,
			[`${API_PATH}/v1/brands/video`]: dropdownLists.brands,
			[`${API_PATH}/v1/styles`]: dropdownLists.styles,
		}[url.pathname];
		if (list && request.method === 'GET') return json(response, 200, list);
		if (url.pathname === JOBS_PATH && request.method === 'GET') {
			const newestFirst = [...jobChecks.keys()].reverse();
			return json(response, 200, { items: newestFirst.map((id) => jobState(id)) });
		}
		const jobId = url.pathname.startsWith(`${JOBS_PATH}/`)
			? decodeURIComponent(url.pathname.slice(JOBS_PATH.length + 1))
			: undefined;
		if (jobId !== undefined) {
			if (!jobChecks.has(jobId)) return json(response, 404, jobAnswer.unknown);
			jobChecks.set(jobId, jobChecks.get(jobId)! + 1);
			return json(response, 200, jobState(jobId));
		}
		if (url.pathname === PROJECTS_PATH && request.method === 'GET')
			return json(response, 200, { items: PROJECTS, pageKey: null });
		if (url.pathname === `${API_PATH}/v1/quota` && request.method === 'GET')
			return json(response, 200, QUOTA);
		return json(response, 404, { message: 'Not found' });
	};

	const media = mediaRoutes({
		apiKey,
		origin: () => origin,
		checksToComplete: renderChecks,
		record: (request, path) =>
			requests.push({
				method: request.method ?? 'GET',
				path,
				nextPageKey: null,
				authorization: request.headers.authorization,
			}),
	});
	standIn.media = media.state;
	const server = createServer((request, response) => {
		if (media.handle(request, response)) return;
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			if (standIn.delayMs > 0) setTimeout(() => answer(request, response, body), standIn.delayMs);
			else answer(request, response, body);
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	standIn.baseUrl = `${origin}/pictoryapis`;
	standIn.images = makeImages(imageCount, { imageHost: origin });
	standIn.close = async () => {
		timers.forEach((timer) => clearTimeout(timer));
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return standIn;
}

/** What the stand-in reads of a render or preview request. */
interface Storyboard {
	webhook?: string;
	/** Pass Through Data, handed back in the call-back. */
	webhookInput?: unknown;
	scenes?: unknown;
	avatar?: unknown;
	voiceOver?: { enabled?: boolean };
}

/** The content sources a scene may have, exactly one of them [stated]. */
const SCENE_SOURCES = ['story', 'storyCoPilot', 'blogUrl', 'pptUrl', 'audioUrl', 'videoUrl'];

/**
 * Pictory's 400 for a storyboard it cannot take, as its validation states it: no scenes, a scene
 * with no source or more than one, audio or video without its language, an avatar without
 * narration. Undefined when it is fine.
 */
export function storyboardRefusal(storyboard: Storyboard) {
	const fields: Array<{ name: string; errors: string }> = [];
	const scenes = Array.isArray(storyboard.scenes) ? (storyboard.scenes as object[]) : [];
	if (!scenes.length) fields.push({ name: 'scenes', errors: 'must have at least one scene' });
	scenes.forEach((scene, index) => {
		const sources = SCENE_SOURCES.filter((source) => source in scene);
		if (sources.length !== 1) {
			fields.push({ name: `scenes[${index}]`, errors: 'must have exactly one content source' });
		}
		if (('audioUrl' in scene || 'videoUrl' in scene) && !('audioLanguage' in scene)) {
			fields.push({ name: `scenes[${index}].audioLanguage`, errors: 'is required' });
		}
	});
	if (storyboard.avatar && !storyboard.voiceOver?.enabled) {
		fields.push({ name: 'avatar', errors: 'requires voiceOver.enabled' });
	}
	if (!fields.length) return undefined;
	return { code: 'INVALID_REQUEST_BODY', message: 'Request body is invalid', fields };
}
