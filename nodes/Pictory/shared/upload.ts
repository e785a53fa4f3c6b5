/**
 * Files from n8n handed to Pictory: every Pictory call takes URLs, so a file in an item's binary
 * data is uploaded first (POST /v1/media/generateurl for a signed URL, then a PUT of its bytes
 * there) and its URL used instead. The bytes stream from n8n's binary data store to the signed
 * URL, never held whole in memory; the signed URL is another host's, so the API key never goes
 * there. Nothing is billed, so a failed upload is retried as a read is.
 */
import {
	BINARY_ENCODING,
	NodeApiError,
	type IBinaryData,
	type IDisplayOptions,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { failureReason, unreadableAnswer, type RequestFailure } from './failures';
import { failedAnswer, withRetries, type PictoryClient, type PictoryRequest } from './transport';
import { readSignedUpload } from './types';
import { readChoice, readRequiredWebUrl, readText, refuse } from './values';

export const SIGNED_URL_PATH = '/v1/media/generateurl';

/** A whole upload may take this long; a connection silent for `STALL_MS` is dropped before. */
const UPLOAD_TIMEOUT_MS = 60 * 60_000;
const STALL_MS = 60_000;

/** What an upload made: the URL Pictory reads the file from, and what the file is. */
export interface UploadedFile {
	url: string;
	fileName: string;
	mimeType: string;
	fileSize: number;
	/** Pictory's name for the stored file, when it gives one. */
	key?: string;
}

/** An input binary field's file, as n8n holds it. */
interface InputFile {
	field: string;
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
}

/** The file in the item's binary field `field`; refused before any request when there is none. */
export function readInputFile(
	context: IExecuteSingleFunctions,
	field: string,
	label: string,
): InputFile {
	if (!field) {
		refuse(
			context,
			`${label} is empty`,
			'Name the input binary field that holds the file, such as "data".',
		);
	}
	const files = context.getInputData().binary ?? {};
	const binary = files[field];
	if (!binary) {
		const present = Object.keys(files);
		refuse(
			context,
			`The item has no binary field "${field}"`,
			present.length
				? `Its binary fields are ${present.map((name) => `"${name}"`).join(', ')}: name one of them in ${label}.`
				: `The item has no binary data: put a node that gives a file (Google Drive → Download, Read Files From Disk, HTTP Request) before this one, or give the file's URL.`,
		);
	}
	const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
	return {
		field,
		binary,
		fileName: binary.fileName?.trim() || `${field}${extension}`,
		mimeType: binary.mimeType?.trim() || 'application/octet-stream',
	};
}

type Body = Buffer | Awaited<ReturnType<IExecuteSingleFunctions['helpers']['getBinaryStream']>>;

/** The file's length, and a way to read its bytes: a stream from the store, or n8n's in-memory copy. */
async function sourceOf(
	context: IExecuteSingleFunctions,
	{ binary }: InputFile,
): Promise<{ length: number; open: () => Promise<Body> }> {
	const { id } = binary;
	if (id) {
		const { fileSize } = await context.helpers.getBinaryMetadata(id);
		return { length: fileSize, open: async () => await context.helpers.getBinaryStream(id) };
	}
	// Without an id, n8n keeps the file in the item itself (its default, in-memory mode).
	const bytes = Buffer.from(binary.data, BINARY_ENCODING);
	return { length: bytes.length, open: async () => bytes };
}

/**
 * Uploads the file in `field` of the item: asks Pictory for a signed URL (`request`, by default
 * POST /v1/media/generateurl, with the file's name and type), PUTs the bytes there with the same
 * Content-Type and the file's length, and gives the file's URL.
 */
export async function uploadInputFile(
	context: IExecuteSingleFunctions,
	api: PictoryClient,
	file: InputFile,
	request: PictoryRequest = { method: 'POST', url: SIGNED_URL_PATH },
): Promise<UploadedFile> {
	const node = context.getNode();
	const source = await sourceOf(context, file);
	const { fileName, mimeType } = file;
	const answer = readSignedUpload(
		node,
		await api.send({ ...request, body: { fileName, contentType: mimeType } }),
	);
	if (!/^https?:\/\//i.test(answer.signedUrl) || !/^https?:\/\//i.test(answer.url)) {
		throw unreadableAnswer(node, 'The signed upload URL or the file URL is not a web address.');
	}
	const run = api.run;
	await withRetries(
		run,
		run.downloads,
		async (signal) => {
			const body = await source.open();
			try {
				// Not through the API client: the signed URL is the storage's, and gets no API key.
				const response = (await context.helpers.httpRequest({
					method: 'PUT',
					url: answer.signedUrl,
					body,
					headers: { 'Content-Type': mimeType, 'Content-Length': String(source.length) },
					json: false,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					abortSignal: signal,
					timeout: STALL_MS,
				})) as IN8nHttpFullResponse;
				if (response.statusCode >= 300) throw failedAnswer(response);
			} finally {
				if (!Buffer.isBuffer(body)) body.destroy();
			}
		},
		{
			timeoutMs: UPLOAD_TIMEOUT_MS,
			toError: (failure, attempts) => uploadError(context, fileName, failure, attempts),
		},
	);
	return {
		url: answer.url,
		fileName,
		mimeType,
		fileSize: source.length,
		...(answer.key !== undefined && { key: answer.key }),
	};
}

/** The PUT of a file to its signed URL failed, after the retries a read gets. */
export function uploadError(
	context: IExecuteSingleFunctions,
	fileName: string,
	failure: RequestFailure,
	attempts: number,
): NodeApiError {
	const { status } = failure;
	const reason = failureReason(failure);
	const tries = attempts > 1 ? ` ${attempts} times` : '';
	return new NodeApiError(context.getNode(), { fileName, reason } as JsonObject, {
		message: `Could not upload ${fileName} to Pictory${status ? ` (${reason})` : ''}`,
		description: `The upload to Pictory's storage failed${tries} (${reason}). Nothing was billed: run the node again${status === 403 ? '. A 403 often means the signed URL expired or the file type changed' : ''}.`,
		httpCode: status ? String(status) : undefined,
		itemIndex: context.getItemIndex(),
	});
}

// ---- "URL or input binary field": the fields and their one reader ----

type Show = IDisplayOptions['show'];

export interface FileFieldSettings {
	/** The URL field's name, e.g. 'fileUrl'; the others are `<name>From` and `<name>BinaryField`. */
	name: string;
	/** 'File URL' */
	label: string;
	/** 'the video or audio file': what the file is, for descriptions and errors. */
	what: string;
	placeholder?: string;
	description?: string;
}

const FROM_CHOICES = [
	{ name: 'URL', value: 'url' },
	{ name: 'Input Binary Field', value: 'binary' },
] as const;

/**
 * The two fields that let a URL field `name` take a file from the item instead: the choice
 * (`<name>From`, URL by default, so workflows saved before it read as they did) and the binary
 * field's name (`<name>BinaryField`). The URL field itself is shown only while the choice is URL:
 * `showUrl` gives its display options.
 */
export function binaryAlternativeFields(
	show: Show,
	{ name, label, what }: FileFieldSettings,
): { from: INodeProperties; binaryField: INodeProperties; showUrl: IDisplayOptions } {
	return {
		from: {
			displayName: `${label.replace(/ URL$/, '')} From`,
			name: `${name}From`,
			type: 'options',
			displayOptions: { show },
			options: [
				{
					name: 'URL',
					value: 'url',
					description: `A public link to ${what} that Pictory can download`,
				},
				{
					name: 'Input Binary Field',
					value: 'binary',
					description:
						"A file in the item's binary data (from Google Drive, a form, an email…): uploaded to Pictory first",
				},
			],
			default: 'url',
			description: `Where ${what} comes from`,
		},
		binaryField: {
			displayName: 'Input Binary Field',
			name: `${name}BinaryField`,
			type: 'string',
			displayOptions: { show: { ...show, [`${name}From`]: ['binary'] } },
			required: true,
			default: 'data',
			hint: `The name of the input binary field that holds ${what}`,
		},
		showUrl: { show: { ...show, [`${name}From`]: ['url'] } },
	};
}

/**
 * A file given as a URL or as an input binary field (uploaded to Pictory first): a choice, the URL
 * field and the binary field's name, shown for `show`.
 */
export function urlOrBinaryFields(show: Show, settings: FileFieldSettings): INodeProperties[] {
	const { from, binaryField, showUrl } = binaryAlternativeFields(show, settings);
	const { name, label, what, placeholder, description } = settings;
	return [
		from,
		{
			displayName: label,
			name,
			type: 'string',
			displayOptions: showUrl,
			required: true,
			default: '',
			placeholder,
			description: description ?? `A public link to ${what}`,
		},
		binaryField,
	];
}

/** A file given by urlOrBinaryFields, read before any request: its URL, or the file to upload. */
export type FileSource = { url: string } | { file: InputFile };

export function readFileSource(
	context: IExecuteSingleFunctions,
	{ name, label, what }: FileFieldSettings,
): FileSource {
	const from = readChoice(
		context,
		`${name}From`,
		`${label.replace(/ URL$/, '')} From`,
		FROM_CHOICES,
		'url',
	);
	if (from === 'url') return { url: readRequiredWebUrl(context, name, label, what) };
	const field = readText(context, `${name}BinaryField`, 'Input Binary Field');
	return { file: readInputFile(context, field, 'Input Binary Field') };
}

/** The URL Pictory reads the file from: given, or made by uploading the input file. */
export async function fileUrlOf(
	context: IExecuteSingleFunctions,
	api: PictoryClient,
	source: FileSource,
): Promise<{ url: string; uploaded?: UploadedFile }> {
	if ('url' in source) return { url: source.url };
	const uploaded = await uploadInputFile(context, api, source.file);
	return { url: uploaded.url, uploaded };
}

/** A file of the item to upload before an order: it stands where its URL goes in the body. */
export class PendingUpload {
	constructor(readonly file: InputFile) {}
}

/** A URL field with its binary alternative: the URL, or the file to upload (see withUploads). */
export function readUrlOrFile(
	context: IExecuteSingleFunctions,
	settings: FileFieldSettings,
): string | PendingUpload {
	const source = readFileSource(context, settings);
	return 'url' in source ? source.url : new PendingUpload(source.file);
}

/**
 * Inside a collection (Additional Fields) a choice cannot reliably show or hide its siblings, so
 * the URL option gets a second option beside it, `<name>BinaryField`: the input binary field to
 * upload instead. Workflows saved before it read as they did.
 */
export function binaryAlternativeOption({ name, label, what }: FileFieldSettings): INodeProperties {
	return {
		displayName: `${label.replace(/ URL$/, '')} Input Binary Field`,
		name: `${name}BinaryField`,
		type: 'string',
		default: 'data',
		description: `The input binary field that holds ${what}, uploaded to Pictory first: instead of ${label}`,
	};
}

/**
 * The file to upload when the binaryAlternativeOption of `settings` was added to `collection`;
 * undefined when it was not (the URL option, if any, is read as before). Both added is refused.
 */
export function readCollectionFile(
	context: IExecuteSingleFunctions,
	collection: string,
	{ name, label }: FileFieldSettings,
): PendingUpload | undefined {
	const added = context.getNodeParameter(collection, {}, { rawExpressions: true }) as Record<
		string,
		unknown
	>;
	const fileLabel = `${label.replace(/ URL$/, '')} Input Binary Field`;
	if (added[`${name}BinaryField`] === undefined) return undefined;
	if (added[name] !== undefined) {
		refuse(
			context,
			`Give ${label} or ${fileLabel}, not both`,
			`Remove one of the two from Additional Fields.`,
		);
	}
	const field = readText(context, `${collection}.${name}BinaryField`, fileLabel);
	return new PendingUpload(readInputFile(context, field, fileLabel));
}

/**
 * The body with each PendingUpload in it uploaded and replaced by its URL: called by a handler
 * just before its order, once every field has been read and checked.
 */
export async function withUploads<T>(
	context: IExecuteSingleFunctions,
	api: PictoryClient,
	body: T,
): Promise<T> {
	if (body instanceof PendingUpload) {
		return (await uploadInputFile(context, api, body.file)).url as T;
	}
	if (Array.isArray(body)) {
		const made = [];
		for (const value of body) made.push(await withUploads(context, api, value));
		return made as T;
	}
	if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
		const made: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(body))
			made[key] = await withUploads(context, api, value);
		return made as T;
	}
	return body;
}
