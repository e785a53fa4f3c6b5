/**
 * Every error the Pictory nodes raise, in one place: what failed, in words a workflow builder can
 * act on, and never the API key.
 *
 * One rule of n8n's shapes how they are written: a message that names a network code (ECONNRESET,
 * ETIMEDOUT…) is replaced by n8n with a generic text about that code. So codes go in the
 * description, never in the message, and never under an error response's `code` key.
 */
import {
	NodeApiError,
	NodeError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

/** The connection was never made: the request cannot have reached Pictory. */
export const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** Usually temporary: a read is sent again after them (an order never is, see transport.ts). */
export const TEMPORARY_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EAI_AGAIN',
	'EPIPE',
]);

/** Pictory keys look like pictai_…; one that an API or a proxy echoes back is hidden. */
export function redactApiKeys(text: string): string {
	return text.replace(/pictai_[A-Za-z0-9._~+/=-]+/g, 'pictai_***');
}

/** The message in a Pictory answer (message, error_message, error…), API keys hidden. */
export function pictoryMessage(data: unknown): string | undefined {
	if (typeof data === 'string') {
		return data.trim() ? redactApiKeys(data.trim().slice(0, 500)) : undefined;
	}
	if (typeof data !== 'object' || data === null) return undefined;
	const body = data as Record<string, unknown>;
	const nested = (typeof body.error === 'object' ? body.error : {}) as Record<string, unknown>;
	const message = [
		body.message,
		body.error_message,
		body.errorMessage,
		nested?.message,
		nested?.error_message,
		body.error,
	].find((value): value is string => typeof value === 'string' && value.trim() !== '');
	const fields = Array.isArray(body.fields)
		? body.fields
				.map((field: { name?: unknown; errors?: unknown }) =>
					typeof field?.name === 'string'
						? `${field.name}: ${String(field.errors ?? 'invalid')}`
						: '',
				)
				.filter(Boolean)
		: [];
	const text = [message, ...fields].filter(Boolean).join('; ');
	return text ? redactApiKeys(text.slice(0, 500)) : undefined;
}

/** What went wrong with a request, read from n8n's request errors (which wrap the HTTP client's). */
export interface RequestFailure {
	status?: number;
	headers: Record<string, unknown>;
	data?: unknown;
	/** A network code such as ECONNRESET, when there was no answer. */
	code?: string;
	/** No answer within the request's time limit. */
	timedOut?: boolean;
}

/** Raised by the transport when a request got no answer in time, so it reads like a network failure. */
export class RequestTimeout extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(readonly seconds: number) {
		super(`No answer within ${seconds} s`);
	}
}

export function describeFailure(error: unknown): RequestFailure {
	if (error instanceof RequestTimeout) return { headers: {}, code: error.code, timedOut: true };
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const response = (
			candidate as { response?: { status?: number; headers?: object; data?: unknown } }
		)?.response;
		if (response?.status) {
			return {
				status: response.status,
				headers: { ...(response.headers ?? {}) } as Record<string, unknown>,
				data: response.data,
			};
		}
	}
	const code = candidates
		.map((candidate) => (candidate as { code?: unknown })?.code)
		.find((value): value is string => typeof value === 'string');
	return { headers: {}, code };
}

/** Any error as n8n shows it best: the nodes' own as they are, a failed request on the status ladder. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const failure = describeFailure(error);
	if (failure.status || failure.code) return requestError(node, failure);
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The node's own errors about an answer it did receive: handed on as they are, never retried. */
export function isNodeFinding(error: unknown): boolean {
	if (!(error instanceof NodeError)) return false;
	const { status, code } = describeFailure(error);
	return !status && !code;
}

function apiError(
	node: INode,
	message: string,
	description: string,
	details: JsonObject = {},
	httpCode?: number,
): NodeApiError {
	return new NodeApiError(node, { message, ...details } as JsonObject, {
		message,
		description,
		httpCode: httpCode ? String(httpCode) : undefined,
	});
}

/** A parameter that cannot be used as it is; raised before any request. */
export function invalidParameter(
	node: INode,
	message: string,
	description: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, message, { description, itemIndex });
}

/** Pictory's answer to a failed request, on the ladder of statuses a user can act on. */
export function requestError(node: INode, failure: RequestFailure, attempts = 1): NodeApiError {
	const { status, code } = failure;
	const said = pictoryMessage(failure.data);
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	const fail = (message: string, description: string) =>
		new NodeApiError(node, { httpCode: status ?? 'none', message: said ?? message } as JsonObject, {
			message,
			description,
			httpCode: status ? String(status) : undefined,
		});

	if (status === 401) {
		return fail(
			'Pictory rejected the API key',
			'Open the Pictory API credential and paste the API key again: it starts with "pictai_" and is shown on the API Access page of your Pictory account.',
		);
	}
	if (status === 403) {
		return fail(
			'Pictory refused access (HTTP 403)',
			`${said ? `Pictory said: ${said}. ` : ''}The API key is valid but its plan may not include this. Check it on the API Access page of your Pictory account.`,
		);
	}
	if (status === 429) {
		return fail(
			`Pictory is rate-limiting requests (HTTP 429)${tries}`,
			'Wait a minute before running the node again, or give it fewer items at a time.',
		);
	}
	if (status && status >= 500) {
		return fail(
			`Pictory had a server error (HTTP ${status})${tries}`,
			`${said ? `Pictory said: ${said}. ` : ''}This is usually temporary: try again in a few minutes.`,
		);
	}
	if (status && status >= 300 && status < 400) {
		const location = String(failure.headers.location ?? '');
		return fail(
			`Pictory answered with a redirect (HTTP ${status})`,
			`${location ? `It points to ${redactApiKeys(location)}. ` : ''}Nothing was ordered. Check the Base URL in the Pictory API credential: it should start with https://.`,
		);
	}
	if (status) {
		return fail(
			`Pictory refused the request (HTTP ${status})`,
			said ? `Pictory said: ${said}` : "Check the node's parameters.",
		);
	}
	if (failure.timedOut) {
		return fail(
			`Pictory did not answer in time${tries}`,
			'Pictory may be slow or unreachable from this n8n instance. Try again in a few minutes.',
		);
	}
	return fail(
		`Could not reach Pictory${tries}`,
		`${code ? `The connection failed (${code}). ` : ''}Check the Base URL in the Pictory API credential and that this n8n instance can reach it.`,
	);
}

/** A redirect away from the Base URL's origin: not followed, as the key would go with it. */
export function redirectedElsewhereError(
	node: INode,
	from: string,
	status: number,
	to: URL,
): NodeApiError {
	return apiError(
		node,
		`Pictory's address redirected to another host (HTTP ${status})`,
		`${redactApiKeys(from)} points to ${redactApiKeys(to.href)}. The node sends the API key only to the host of the Base URL, so it did not follow. Check the Base URL in the Pictory API credential (Pictory's is https://api.pictory.ai/pictoryapis).`,
		{ location: redactApiKeys(to.href) },
		status,
	);
}

/** A 404 for a path that is not Pictory's: the Base URL or a proxy in front of Pictory is wrong. */
export function pathNotFoundError(node: INode, url: string): NodeApiError {
	return apiError(
		node,
		'Pictory answered 404 Not Found',
		`Nothing answers at ${url}. Check the Base URL in the Pictory API credential (Pictory's is https://api.pictory.ai/pictoryapis).`,
		{},
		404,
	);
}

/** What an order makes, for the words of the errors about it. */
export interface OrderKind {
	/** 'image', 'video' */
	what: string;
	/** 'generate the image' */
	make: string;
	/** 'generating' */
	verb: string;
	/** Where to look for a result when unsure whether it was ordered. */
	findWith: string;
	/** What to do after a failed job. */
	afterFailure: string;
}

/**
 * Pictory answered 2xx with something the node cannot use. After an order Pictory may have taken
 * (`ordered`), the error says so rather than invite a second, paid attempt.
 */
export function unreadableAnswer(node: INode, problem: string, ordered?: OrderKind): NodeApiError {
	return apiError(
		node,
		'Pictory sent an answer the node cannot read',
		ordered
			? `${problem} Pictory may have received the order and be making the ${ordered.what}: look for it with ${ordered.findWith} before ${ordered.verb} again.`
			: `${problem} Try again; if it persists, Pictory's API may have changed: please report it to the n8n-nodes-pictory maintainers.`,
	);
}

/** A list that kept sending pages past the ceiling (100 items a page). */
export function tooManyPagesError(node: INode, pages: number, noun: string): NodeApiError {
	return apiError(
		node,
		`Stopped after ${pages.toLocaleString('en-US')} pages (${(pages * 100).toLocaleString('en-US')} ${noun})`,
		'Pictory kept sending more pages. Turn off Return All and set a Limit, or use a date filter.',
		{ pages },
	);
}

/** A list answered with `success: false`, which Pictory sends with a 200 for some refusals. */
export function listRefusedError(node: INode, body: unknown): NodeApiError {
	const said = pictoryMessage(body);
	return apiError(
		node,
		'Pictory refused the request',
		said ? `Pictory said: ${said}` : 'Pictory answered "success: false" without saying why.',
		{ success: false },
	);
}

/** An order answered with `success: false`: nothing was ordered. */
export function orderRefusedError(node: INode, body: unknown, kind: OrderKind): NodeApiError {
	const said = pictoryMessage(body);
	return apiError(
		node,
		`Pictory did not accept the ${kind.what} request`,
		`${said ? `Pictory said: ${said}. ` : ''}No ${kind.what} was ordered.`,
		{ success: false },
	);
}

/** The connection broke after an order was sent: Pictory may be making (and charging for) it. */
export function mayHaveBeenReceivedError(
	node: INode,
	failure: RequestFailure,
	kind: OrderKind,
): NodeApiError {
	const reason = failure.timedOut ? 'no answer in time' : (failure.code ?? 'no answer');
	return apiError(
		node,
		`The connection to Pictory broke during the ${kind.what} request`,
		`Pictory may have received it and be making the ${kind.what} (${reason}). Look for it with ${kind.findWith} before ${kind.verb} again.`,
		{ connectionError: reason },
	);
}

/**
 * An order that failed. A refused one (4xx) or one that never left (no connection) ordered
 * nothing; after a 5xx, a broken connection or no answer in time, Pictory may be making (and
 * charging for) it, and the error says where to look rather than invite a second order.
 */
export function orderError(
	node: INode,
	failure: RequestFailure,
	attempts: number,
	kind: OrderKind,
): NodeApiError {
	const notSent = !failure.status && failure.code !== undefined && NOT_SENT_CODES.has(failure.code);
	if (!failure.status && !notSent && failure.code)
		return mayHaveBeenReceivedError(node, failure, kind);
	const error = requestError(node, failure, attempts);
	if (!failure.status || failure.status < 500) return error;
	return new NodeApiError(
		node,
		{ httpCode: String(failure.status) },
		{
			message: error.message,
			description: `${error.description} Pictory may still have received the order: look for the ${kind.what} with ${kind.findWith} before ${kind.verb} again.`,
			httpCode: String(failure.status),
		},
	);
}

/** Errors that end a job for good: nothing to fetch later, so they never point to Job → Get. */
const finalJobErrors = new WeakSet<Error>();

export const isFinalJobError = (error: unknown) =>
	error instanceof Error && finalJobErrors.has(error);

export function jobFailedError(
	node: INode,
	{ jobId, errorCode, errorMessage }: { jobId: string; errorCode?: string; errorMessage?: string },
	kind: OrderKind,
): NodeApiError {
	const error = new NodeApiError(
		node,
		{ jobId, errorCode: errorCode ?? null, errorMessage: errorMessage ?? null } as JsonObject,
		{
			message: `Pictory could not ${kind.make}${errorCode ? ` (${errorCode})` : ''}`,
			description: `${errorMessage ? `Pictory said: ${errorMessage}. ` : ''}Job ID: ${jobId}. ${kind.afterFailure}`,
		},
	);
	finalJobErrors.add(error);
	return error;
}

export function jobResultsExpiredError(node: INode, jobId: string): NodeApiError {
	const error = apiError(
		node,
		`The results of job ${jobId} have expired`,
		'Pictory removes a job’s files after a while (status "cleaned"). Keep the links you get when a job completes.',
		{ jobId },
	);
	finalJobErrors.add(error);
	return error;
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

export interface AcceptedOrder {
	itemIndex: number;
	jobId: string;
	kind: OrderKind;
}

/**
 * An error raised after orders were accepted names their jobs, so that the user fetches the
 * results with Job → Get instead of paying for them again. `own` is the failing item's order.
 */
export function namingOrders(
	node: INode,
	error: NodeApiError | NodeOperationError,
	own: AcceptedOrder | undefined,
	others: AcceptedOrder[],
): NodeApiError | NodeOperationError {
	const notes: string[] = [];
	if (own && !isFinalJobError(error)) {
		notes.push(
			`The ${own.kind.what} was ordered as job ${own.jobId}: get it with Job → Get rather than ${own.kind.verb} it again.`,
		);
	}
	if (others.length) {
		const list = others.map((order) => `item ${order.itemIndex + 1}: ${order.jobId}`).join(', ');
		notes.push(
			`The node stopped after Pictory had accepted the orders of other items (${list}): get those with Job → Get too rather than running the node again.`,
		);
	}
	if (!notes.length) return error;
	const jobIds = [own, ...others].flatMap((order) => (order ? [order.jobId] : []));
	return new NodeApiError(node, { jobIds } as JsonObject, {
		message: error.message,
		description: [error.description, ...notes].filter(Boolean).join(' '),
		httpCode: error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined,
	});
}

/** A file Pictory links to (an image or a video) that could not be downloaded. */
export function downloadError(
	node: INode,
	file: { id: string; url: unknown; kind: string },
	failure: RequestFailure,
	attempts: number,
): NodeApiError {
	const { status } = failure;
	const reason = status
		? `HTTP ${status}`
		: failure.timedOut
			? 'no answer in time'
			: (failure.code ?? 'no answer');
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

/**
 * An error item's data, under Continue On Fail: `error` holds the message and `details` what it is
 * about and what to do. n8n sends an item made only of `error` and `details` to a node's error
 * output when there is one.
 */
export function errorItemJson(
	error: Error & { description?: string | null },
	details: IDataObject = {},
): IDataObject {
	return { error: error.message, details: { ...details, description: error.description ?? null } };
}
