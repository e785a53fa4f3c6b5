/**
 * The stand-in's uploads, transcriptions and highlights (hooked from pictoryStandIn.ts): signed
 * upload URLs, the PUT of a file to one (its bytes counted and hashed as they come, never held,
 * checked against its Content-Length, with any Authorization header noted), and transcription
 * and highlights jobs that complete on their `checksToComplete`-th check.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { jobAnswer, JOBS_PATH, orderAccepted } from '../fixtures';
import {
	HIGHLIGHTS_PATH,
	highlightsJobAnswer,
	TRANSCRIPTION_PATH,
	transcriptionJobAnswer,
	UPLOAD_PATH,
} from '../mediaFixtures';

/** A file PUT to a signed URL. */
export interface StandInMediaUpload {
	key: string;
	contentType: string | undefined;
	bytes: number;
	sha256: string;
	/** The Authorization header it came with: there should be none. */
	authorization: string | undefined;
}

export interface StandInMedia {
	/** The signed URLs asked for: the file name and type. */
	signed: Array<{ fileName: string; contentType: string }>;
	uploads: StandInMediaUpload[];
	/** The bodies of the transcription and highlights orders, in order. */
	transcriptions: unknown[];
	highlights: Array<{ path: string; body: unknown }>;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
};

const readBody = async (request: IncomingMessage) => {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString();
	try {
		return JSON.parse(text || '{}') as Record<string, unknown>;
	} catch {
		return undefined;
	}
};

/** Where signed URLs point, below the stand-in's origin (another path plays another host). */
const UPLOADS = '/storage/';
const MEDIA = '/media/';

export function mediaRoutes({
	apiKey,
	origin,
	checksToComplete = 2,
	record,
}: {
	apiKey: string;
	origin: () => string;
	checksToComplete?: number;
	record: (request: IncomingMessage, path: string) => void;
}) {
	const state: StandInMedia = { signed: [], uploads: [], transcriptions: [], highlights: [] };
	const checks = new Map<string, { kind: 'transcription' | 'highlights'; checks: number }>();

	const order = (kind: 'transcription' | 'highlights') => {
		const jobId = `${kind}-${[...checks.values()].filter((job) => job.kind === kind).length + 1}`;
		checks.set(jobId, { kind, checks: 0 });
		return jobId;
	};

	async function api(request: IncomingMessage, response: ServerResponse, path: string) {
		if (request.headers.authorization !== apiKey) {
			return json(response, 401, { message: 'Unauthorized' });
		}
		const body = await readBody(request);
		if (!body) return json(response, 400, { message: 'Request body is not JSON' });
		if (path === UPLOAD_PATH) {
			const { fileName, contentType } = body;
			if (typeof fileName !== 'string' || typeof contentType !== 'string') {
				return json(response, 400, {
					code: 'INVALID_REQUEST_BODY',
					message: 'Request body is invalid',
					fields: [{ name: 'fileName', errors: 'fileName and contentType are required' }],
				});
			}
			state.signed.push({ fileName, contentType });
			const key = `${state.signed.length}/${encodeURIComponent(fileName)}`;
			const type = encodeURIComponent(contentType);
			return json(response, 200, {
				success: true,
				data: {
					signedUrl: `${origin()}${UPLOADS}${key}?X-Amz-Expires=86400&content-type=${type}&X-Amz-Signature=standin`,
					url: `${origin()}${MEDIA}${key}`,
					key,
				},
			});
		}
		if (path === TRANSCRIPTION_PATH) {
			state.transcriptions.push(body);
			if (typeof body.fileUrl !== 'string' || !/^https?:\/\//.test(body.fileUrl)) {
				return json(response, 400, {
					code: 'INVALID_REQUEST_BODY',
					message: 'Request body is invalid',
					fields: [{ name: 'fileUrl', errors: 'must be a valid URL' }],
				});
			}
			return json(response, 200, orderAccepted(order('transcription')));
		}
		const fromJob = /^\/pictoryapis\/v2\/transcription\/([^/]+)\/highlights$/.exec(path)?.[1];
		if (path === HIGHLIGHTS_PATH || fromJob !== undefined) {
			state.highlights.push({ path, body });
			const source = fromJob === undefined ? undefined : checks.get(decodeURIComponent(fromJob));
			if (fromJob !== undefined && source?.kind !== 'transcription') {
				return json(response, 404, jobAnswer.unknown);
			}
			return json(response, 200, orderAccepted(order('highlights')));
		}
		return json(response, 404, { message: 'Not found' });
	}

	/** Takes the PUT of a file: counted and hashed chunk by chunk. */
	function upload(request: IncomingMessage, response: ServerResponse, key: string) {
		const hash = createHash('sha256');
		let bytes = 0;
		request.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			hash.update(chunk);
		});
		request.on('end', () => {
			const url = new URL(request.url ?? '/', origin());
			const expected = url.searchParams.get('content-type');
			const length = Number(request.headers['content-length']);
			state.uploads.push({
				key,
				contentType: request.headers['content-type'],
				bytes,
				sha256: hash.digest('hex'),
				authorization: request.headers.authorization,
			});
			// As S3 does: the signed type and the declared length must be what came.
			if (expected !== request.headers['content-type'] || length !== bytes) {
				response.writeHead(403, { 'Content-Type': 'application/xml' });
				response.end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
				return;
			}
			response.writeHead(200);
			response.end();
		});
	}

	/** Answers the request when it is one of these routes; false otherwise. */
	function handle(request: IncomingMessage, response: ServerResponse): boolean {
		const path = new URL(request.url ?? '/', origin()).pathname;
		if (request.method === 'PUT' && path.startsWith(UPLOADS)) {
			record(request, path);
			upload(request, response, decodeURIComponent(path.slice(UPLOADS.length)));
			return true;
		}
		const isApi =
			request.method === 'POST' &&
			(path === UPLOAD_PATH || path.startsWith(`${TRANSCRIPTION_PATH}`));
		if (isApi) {
			record(request, path);
			void api(request, response, path);
			return true;
		}
		const jobId = path.startsWith(`${JOBS_PATH}/`)
			? decodeURIComponent(path.slice(JOBS_PATH.length + 1))
			: undefined;
		const job = jobId === undefined ? undefined : checks.get(jobId);
		if (request.method === 'GET' && jobId !== undefined && job) {
			record(request, path);
			request.resume();
			if (request.headers.authorization !== apiKey) {
				json(response, 401, { message: 'Unauthorized' });
				return true;
			}
			job.checks++;
			if (job.checks < checksToComplete) json(response, 200, jobAnswer.inProgress(jobId));
			else if (job.kind === 'transcription') json(response, 200, transcriptionJobAnswer(jobId));
			else json(response, 200, highlightsJobAnswer(jobId));
			return true;
		}
		return false;
	}

	return { state, handle };
}
