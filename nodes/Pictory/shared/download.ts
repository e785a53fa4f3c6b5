/**
 * Downloads of the files Pictory links to (images, videos) into items' binary data. A file streams
 * from the link into n8n's binary data store, never held whole in memory; its first bytes decide
 * what it is, whatever its Content-Type says, so an error page or an empty body is an error rather
 * than a broken file, and the file is named by what it really is.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IBinaryData,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { describeFailure, failureReason, redactApiKeys, type RequestFailure } from './failures';
import { fileTypeOf, SNIFF_BYTES, typeNames, type FileType } from './fileTypes';
import { failedAnswer, withRetries, type RequestRun } from './transport';
import { errorItemJson } from './operation';
import { readBoolean, readFieldName } from './values';

/** What a download is of: an image or a video, with the time it may take. */
export interface FileKind {
	noun: 'image' | 'video';
	/** The whole download, from asking to the last byte. */
	timeoutMs: number;
	/** The longest silence of the connection (the HTTP client's own time-out) before it is dropped. */
	stallMs: number;
}

export const IMAGE_FILE: FileKind = { noun: 'image', timeoutMs: 120_000, stallMs: 30_000 };
export const VIDEO_FILE: FileKind = { noun: 'video', timeoutMs: 30 * 60_000, stallMs: 60_000 };

/** Where files are downloaded: a node run or a trigger poll. */
type DownloadContext = IExecuteSingleFunctions | IPollFunctions;

/** A response body as n8n's helpers give it and take it (a Node stream). */
type FileStream = Exclude<
	Parameters<IExecuteSingleFunctions['helpers']['prepareBinaryData']>[0],
	Buffer
>;

/**
 * Reads the first `bytes` of a stream and gives them back with the rest, unconsumed: the same
 * stream with the bytes put back, or, when the body was shorter, the whole body as a Buffer.
 */
async function readStart(
	stream: FileStream,
	bytes: number,
): Promise<{ head: Buffer; body: FileStream | Buffer }> {
	const chunks: Buffer[] = [];
	let length = 0;
	return await new Promise((resolve, reject) => {
		const finish = (ended: boolean) => {
			stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
			const head = Buffer.concat(chunks);
			if (ended) return resolve({ head, body: head });
			stream.unshift(head);
			resolve({ head, body: stream });
		};
		const onEnd = () => finish(true);
		const onReadable = () => {
			for (let chunk: Buffer | null; (chunk = stream.read() as Buffer | null) !== null;) {
				chunks.push(chunk);
				length += chunk.length;
				if (length >= bytes) return finish(false);
			}
		};
		stream.on('readable', onReadable).once('end', onEnd).once('error', reject);
	});
}

/** What a link answered instead of a file of the kind expected, for the error. */
function whatCame(head: Buffer, type: FileType | undefined, response: IN8nHttpFullResponse) {
	if (!head.length) return 'an empty body';
	if (type) return `a file of type ${type.mimeType} (${type.name})`;
	const contentType = String(response.headers['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	const start = head.toString('latin1', 0, 40).replace(/[^\x20-\x7e]/g, '.');
	return `${contentType || 'a file of no stated type'}, starting "${start}"`;
}

export interface FileLink {
	/** Names the file (`<id>.<ext>`) and the file in errors. */
	id: string;
	url: unknown;
}

/** Downloads one file into binary data, sent again after temporary failures like any request. */
export async function downloadFile(
	context: DownloadContext,
	run: RequestRun,
	link: FileLink,
	kind: FileKind,
): Promise<IBinaryData> {
	const node = context.getNode();
	const file = { ...link, kind: kind.noun };
	if (typeof link.url !== 'string' || !/^https?:\/\//i.test(link.url)) {
		throw noFileUrlError(node, file);
	}
	const url = link.url;
	return await withRetries(
		run,
		run.downloads,
		async (signal) => {
			const response = (await context.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				abortSignal: signal,
				// The HTTP client's time-out counts silence: a file that stops coming is dropped.
				timeout: kind.stallMs,
			})) as IN8nHttpFullResponse;
			const stream = response.body as FileStream;
			if (response.statusCode >= 300) {
				stream.destroy();
				throw failedAnswer(response);
			}
			const { head, body } = await readStart(stream, SNIFF_BYTES);
			const type = fileTypeOf(head);
			if (!type?.mimeType.startsWith(`${kind.noun}/`)) {
				stream.destroy();
				throw notAFileError(node, file, whatCame(head, type, response), typeNames(kind.noun));
			}
			return await context.helpers
				.prepareBinaryData(body, `${link.id}.${type.extension}`, type.mimeType)
				.catch((error: Error) => {
					// A broken connection is the download's failure (sent again); anything else, the store's.
					if (describeFailure(error).code || signal.aborted) return Promise.reject(error);
					const length = Number(response.headers['content-length']) || undefined;
					return Promise.reject(fileNotStoredError(node, file, length, error.message));
				});
		},
		{
			timeoutMs: kind.timeoutMs,
			toError: (failure, attempts) => downloadError(node, file, failure, attempts),
		},
	);
}

/**
 * What to do when a file cannot be had: fail the run (the default); give an error item for that
 * record alone (Continue On Fail); or, for the trigger, keep the record without its file, noting
 * `downloadError`, when the failure is permanent (the link answers 4xx, is missing or is not a
 * file), so one bad image cannot stop a trigger forever. Temporary failures still fail.
 */
export type DownloadFailureHandling = 'fail' | 'errorItem' | 'keepWithoutFileIfPermanent';

export interface DownloadSettings {
	/** The binary field the file goes in. */
	field: string;
	onFailure: DownloadFailureHandling;
}

/**
 * Reads the Download switch and its field (`downloadImage`/`downloadVideo` and
 * `binaryPropertyName`): undefined when the switch is off.
 */
export function readDownload(
	context: DownloadContext,
	{ name, label }: { name: string; label: string },
	onFailure: DownloadFailureHandling,
): DownloadSettings | undefined {
	if (!readBoolean(context, name, label, false)) return undefined;
	return {
		field: readFieldName(context, 'binaryPropertyName', 'Put Output File in Field'),
		onFailure,
	};
}

function isPermanent(error: NodeApiError | NodeOperationError): boolean {
	if (error instanceof NodeOperationError) return true;
	return /^4\d\d$/.test(String(error.httpCode)) && error.httpCode !== '429';
}

/**
 * One item per record, in the records' order. With `download`, each carries its file (`fileOf`
 * says where it is), fetched through the run's download gate; a failure is handled as
 * `download.onFailure` says.
 */
export async function itemsWithFiles(
	context: DownloadContext,
	run: RequestRun,
	records: IDataObject[],
	download: DownloadSettings | undefined,
	fileOf: (record: IDataObject) => FileLink,
	kind: FileKind,
): Promise<INodeExecutionData[]> {
	if (!download) return records.map((json) => ({ json }));
	// Once one download fails the run, the others stop: no retries or waits for a lost cause.
	const lost = new AbortController();
	const downloads = { ...run, signal: AbortSignal.any([run.signal, lost.signal]) };
	return await Promise.all(
		records.map(async (record): Promise<INodeExecutionData> => {
			const link = fileOf(record);
			const result = await downloadFile(context, downloads, link, kind).then(
				(file) => ({ file }),
				(error: unknown) => ({ error }),
			);
			if ('file' in result) return { json: record, binary: { [download.field]: result.file } };
			const { error } = result;
			const known = error instanceof NodeApiError || error instanceof NodeOperationError;
			if (known && !run.signal.aborted && download.onFailure === 'errorItem') {
				return { json: errorItemJson(error, { id: link.id, url: String(link.url ?? '') }) };
			}
			if (known && download.onFailure === 'keepWithoutFileIfPermanent' && isPermanent(error)) {
				return { json: { ...record, downloadError: error.message } };
			}
			lost.abort();
			throw error;
		}),
	);
}

/** A file Pictory links to (an image or a video) that could not be downloaded. */
export function downloadError(
	node: INode,
	file: { id: string; url: unknown; kind: string },
	failure: RequestFailure,
	attempts: number,
): NodeApiError {
	const { status } = failure;
	const reason = failureReason(failure);
	return new NodeApiError(node, { id: file.id, reason } as JsonObject, {
		message: `Could not download ${file.kind} ${file.id}${status ? ` (${reason})` : ''}`,
		description: `The download from ${String(file.url)} failed${attempts > 1 ? ` ${attempts} times` : ''} (${reason}). Its link may have expired: getting it from Pictory again gives a fresh one.`,
		httpCode: status ? String(status) : undefined,
	});
}

/**
 * The link answered, but not with the file: an error page, an empty body, the wrong kind. `types`
 * names the types of the kind that the node recognises.
 */
export function notAFileError(
	node: INode,
	file: { id: string; url: unknown; kind: string },
	found: string,
	types: string,
): NodeOperationError {
	const article = /^[aeiou]/.test(file.kind) ? 'an' : 'a';
	return new NodeOperationError(
		node,
		`The download of ${file.kind} ${file.id} is not ${article} ${file.kind} file`,
		{
			description: `${String(file.url)} answered with ${found}. Its link may have expired: getting it from Pictory again gives a fresh one. A file is taken for what its first bytes show, whatever its Content-Type; ${article} ${file.kind} must be ${types}.`,
		},
	);
}

/** A file without a link to download it from. */
export function noFileUrlError(
	node: INode,
	file: { id: string; kind: string },
): NodeOperationError {
	return new NodeOperationError(
		node,
		`${file.kind[0].toUpperCase()}${file.kind.slice(1)} ${file.id} has no download URL`,
		{
			description: `Pictory gave no "url" for this ${file.kind}, so there is no file to download.`,
		},
	);
}

/** The binary data store refused a file (too large for n8n's database binary mode, for one). */
export function fileNotStoredError(
	node: INode,
	file: { id: string; kind: string },
	bytes: number | undefined,
	reason: string,
): NodeOperationError {
	const size = bytes ? ` (${Math.round(bytes / 2 ** 20)} MB)` : '';
	return new NodeOperationError(
		node,
		`n8n could not store the ${file.kind} file of ${file.id}${size}`,
		{
			description: `${redactApiKeys(reason)}. In queue mode n8n keeps binary data in its database, up to N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE megabytes (512 by default): raise it, or use S3 binary data mode (N8N_DEFAULT_BINARY_DATA_MODE=s3), or turn off the download and use the file's URL.`,
		},
	);
}
