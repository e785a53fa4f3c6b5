import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { describeFailure, requestWithRetries } from './transport';

/** Downloads run a few at a time: fast for a page of images, gentle on the CDN and on memory. */
const DOWNLOAD_CONCURRENCY = 4;

type DownloadContext = IExecuteSingleFunctions | IPollFunctions;

/** Anything with a download `url`: a listed image, or a finished generation job. */
interface ImageFile {
	/** Names the file (`<id>.png`) and the image in errors. */
	id: string;
	url: unknown;
}

function downloadError(
	context: DownloadContext,
	image: ImageFile,
	error: unknown,
	attempts: number,
) {
	const { status, code } = describeFailure(error);
	const reason = status ? `HTTP ${status}` : (code ?? 'no answer');
	// A network code (ECONNREFUSED…) stays out of the message: n8n would replace it with a generic text.
	return new NodeApiError(context.getNode(), { imageId: image.id, reason } as JsonObject, {
		message: `Could not download image ${image.id}${status ? ` (${reason})` : ''}`,
		description: `The download from ${image.url} failed${attempts > 1 ? ` ${attempts} times` : ''} (${reason}). Its link may have expired: getting the image from Pictory again gives a fresh one.`,
		httpCode: status ? String(status) : undefined,
	});
}

async function downloadImage(
	context: DownloadContext,
	image: ImageFile,
	binaryPropertyName: string,
	cancelSignal: AbortSignal,
) {
	const { url } = image;
	if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
		throw new NodeOperationError(context.getNode(), `Image ${image.id} has no download URL`, {
			description: 'Pictory listed this image without a "url", so there is no file to download.',
		});
	}
	const response = (await requestWithRetries(
		{ getNode: () => context.getNode(), getExecutionCancelSignal: () => cancelSignal },
		async () =>
			await context.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				json: false,
				abortSignal: cancelSignal,
			}),
		(error, attempts) => downloadError(context, image, error, attempts),
	)) as IN8nHttpFullResponse;

	const contentType = String(response.headers['content-type'] ?? '')
		.split(';')[0]
		.trim();
	const mimeType = contentType.startsWith('image/') ? contentType : 'image/png';
	const binaryData = await context.helpers.prepareBinaryData(
		Buffer.from(response.body as ArrayBuffer),
		`${image.id}.png`,
		mimeType,
	);
	return { binary: { [binaryPropertyName]: binaryData } };
}

/**
 * What to do when an image's file cannot be had: fail the run (the default); give an error item
 * for that image alone (Continue On Fail); or, for the trigger, keep the image without its file,
 * noting `downloadError`, when the failure is permanent (the link answers 4xx or is missing), so
 * one bad image cannot stop a trigger forever. Temporary failures still fail, to be retried.
 */
export type DownloadFailureHandling = 'fail' | 'errorItem' | 'keepWithoutFileIfPermanent';

function isPermanent(error: NodeApiError | NodeOperationError): boolean {
	if (error instanceof NodeOperationError) return true;
	return /^4\d\d$/.test(String(error.httpCode)) && error.httpCode !== '429';
}

/**
 * One item per record, each with its image's PNG as binary data, downloaded DOWNLOAD_CONCURRENCY at
 * a time, in the records' order. A failed download is handled as `onFailure` says.
 */
export async function withImageFiles<T extends IDataObject>(
	context: DownloadContext,
	images: T[],
	binaryPropertyName: string,
	{ onFailure = 'fail' as DownloadFailureHandling, idOf = (image: T) => String(image.id) } = {},
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = new Array(images.length);
	// Once one download fails the run, the others stop too: no retries or waits for a lost cause.
	const failed = new AbortController();
	const executionSignal =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const cancelSignal = executionSignal
		? AbortSignal.any([executionSignal, failed.signal])
		: failed.signal;
	let next = 0;
	const worker = async () => {
		while (next < images.length) {
			const index = next++;
			const image = images[index];
			const result = await downloadImage(
				context,
				{ id: idOf(image), url: image.url },
				binaryPropertyName,
				cancelSignal,
			).catch((error: NodeApiError | NodeOperationError) => error);
			if (!(result instanceof Error)) {
				items[index] = { json: image, ...result };
			} else if (onFailure === 'errorItem') {
				// n8n shows an item with `error` as { error: <message> }; the message names the image.
				items[index] = { json: {}, error: result };
			} else if (onFailure === 'keepWithoutFileIfPermanent' && isPermanent(result)) {
				items[index] = { json: { ...image, downloadError: result.message } };
			} else {
				next = images.length;
				failed.abort();
				throw result;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(DOWNLOAD_CONCURRENCY, images.length) }, worker));
	return items;
}
