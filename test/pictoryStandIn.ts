/**
 * A small Pictory-compatible HTTP server on 127.0.0.1, for the end-to-end tests and the benchmarks:
 * the image list of a fixture account (100 a page, opaque page keys, 401 to any other API key),
 * the images' files, Generate with jobs that complete on their second check, video renders that
 * complete on their third check (or, given a webhook, call it when done), the videos' MP4 files
 * (streamed, of any size), and the lists behind Create from Text's dropdowns. It records every
 * request it answers. For tests of what n8n does with the files, `POST /upload/<id>` compares the
 * body it receives with that image's file, byte for byte, and records the result.
 */
import {
	createServer,
	request as httpRequest,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import type { PictoryImage } from '../nodes/Pictory/shared/types';
import {
	API_PATH,
	dropdownLists,
	imageBytes,
	imageListAnswer,
	IMAGES_PATH,
	jobAnswer,
	JOBS_PATH,
	makeImages,
	orderAccepted,
	RENDER_PATH,
	videoBytes,
} from './fixtures';

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

export interface PictoryStandIn {
	/** The credential's Base URL for this server. */
	baseUrl: string;
	images: PictoryImage[];
	requests: StandInRequest[];
	uploads: StandInUpload[];
	/** The delay before every answer, in ms; read at each request, so it can be changed at any time. */
	delayMs: number;
	/** The bodies of the render requests received, in order. */
	renders: unknown[];
	/** The webhook calls made when renders completed: where, and how n8n answered. */
	webhookCalls: Array<{ url: string; status: number }>;
	close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
};

export async function startPictoryStandIn({
	apiKey,
	imageCount = 0,
	pageSize = 100,
	delayMs = 0,
	imageFileSize = 0,
	videoFileSize = 4096,
	renderMs = 1500,
	renderChecks = 3,
	port = 0,
}: StandInOptions): Promise<PictoryStandIn> {
	const requests: StandInRequest[] = [];
	const uploads: StandInUpload[] = [];
	const jobChecks = new Map<string, number>();
	const renders = new Set<string>();
	const timers = new Set<ReturnType<typeof setTimeout>>();
	let origin = '';
	const standIn = {
		images: [] as PictoryImage[],
		requests,
		uploads,
		delayMs,
		renders: [],
		webhookCalls: [],
	} as unknown as PictoryStandIn;

	/** Pictory's call-back: the finished job's answer, POSTed to the render's webhook. */
	const callWebhook = (url: string, jobId: string) => {
		const payload = JSON.stringify(jobAnswer.videoCompleted(jobId, origin));
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

		const imageFile = /^\/images\/user\/[^/]+\/(.+)\.png$/.exec(url.pathname);
		if (request.method === 'GET' && imageFile) {
			response.writeHead(200, { 'Content-Type': 'image/png' });
			return response.end(imageBytes(imageFile[1], imageFileSize));
		}
		const videoFile = /^\/videos\/(.+)\.mp4$/.exec(url.pathname);
		if (request.method === 'GET' && videoFile) return sendVideo(response, videoFileSize);
		const upload = /^\/upload\/([^/]+)$/.exec(url.pathname);
		if (request.method === 'POST' && upload) {
			const id = decodeURIComponent(upload[1]);
			const matches = body.equals(imageBytes(id, imageFileSize));
			uploads.push({ id, bytes: body.length, matches });
			return json(response, 200, { id, bytes: body.length, matches });
		}
		if (!url.pathname.startsWith('/pictoryapis/'))
			return json(response, 404, { message: 'Not found' });
		if (authorization !== apiKey) return json(response, 401, { message: 'Unauthorized' });

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
			const render = JSON.parse(body.toString() || '{}') as { webhook?: string };
			standIn.renders.push(render);
			const jobId = `render-${standIn.renders.length}`;
			jobChecks.set(jobId, 0);
			renders.add(jobId);
			if (render.webhook) {
				const timer = setTimeout(() => {
					timers.delete(timer);
					jobChecks.set(jobId, Infinity);
					callWebhook(render.webhook!, jobId);
				}, renderMs);
				timers.add(timer);
			}
			return json(response, 200, orderAccepted(jobId));
		}
		const list = {
			[`${API_PATH}/v1/voiceovers/tracks`]: dropdownLists.voices,
			[`${API_PATH}/v1/smartlayouts`]: dropdownLists.smartLayouts,
			[`${API_PATH}/v1/brands/video`]: dropdownLists.brands,
			[`${API_PATH}/v1/styles`]: dropdownLists.styles,
		}[url.pathname];
		if (list && request.method === 'GET') return json(response, 200, list);
		const jobId = url.pathname.startsWith(`${JOBS_PATH}/`)
			? decodeURIComponent(url.pathname.slice(JOBS_PATH.length + 1))
			: undefined;
		if (jobId !== undefined) {
			if (!jobChecks.has(jobId)) return json(response, 404, jobAnswer.unknown);
			const checks = jobChecks.get(jobId)! + 1;
			jobChecks.set(jobId, checks);
			if (renders.has(jobId)) {
				return json(
					response,
					200,
					checks < renderChecks
						? jobAnswer.inProgress(jobId, Math.round((100 * checks) / renderChecks))
						: jobAnswer.videoCompleted(jobId, origin),
				);
			}
			return json(
				response,
				200,
				checks < 2 ? jobAnswer.inProgress(jobId) : jobAnswer.imageCompleted(jobId, origin),
			);
		}
		return json(response, 404, { message: 'Not found' });
	};

	const server = createServer((request, response) => {
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
