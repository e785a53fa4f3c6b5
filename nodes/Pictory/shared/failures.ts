/**
 * How a request to Pictory fails, told apart (no connection, no answer in time, a status), and the
 * errors any request can end in: what failed, in words a workflow builder can act on, and never the
 * API key. The errors of one concern (orders, jobs, downloads, lists) live beside its code.
 *
 * One rule of n8n's shapes how they are written: a message that names a network code (ECONNRESET,
 * ETIMEDOUT…) is replaced by n8n with a generic text about that code. So codes go in the
 * description, never in the message, and never under an error response's `code` key.
 */
import {
	NodeApiError,
	NodeError,
	NodeOperationError,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import type { PictoryErrorBody, PictoryFieldError } from './types';

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

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
/** Pictory's codes are text ("5000"); one sent as a number is read as the same text. */
const codeOf = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? String(value) : textOf(value);

/**
 * Reads a Pictory error body (see PictoryErrorBody in types.ts): undefined when it is not a JSON
 * object. Here, beneath every request's error, as the message of any failure is read from it.
 */
export function readErrorBody(body: unknown): PictoryErrorBody | undefined {
	if (!isObject(body)) return undefined;
	const { error, fields, success } = body;
	return {
		success: typeof success === 'boolean' ? success : undefined,
		code: codeOf(body.code),
		message: textOf(body.message),
		fields: Array.isArray(fields)
			? fields.filter((field): field is PictoryFieldError => typeof field?.name === 'string')
			: undefined,
		error_code: codeOf(body.error_code),
		error_message: textOf(body.error_message),
		errorCode: codeOf(body.errorCode),
		errorMessage: textOf(body.errorMessage),
		error: isObject(error)
			? {
					error_code: codeOf(error.error_code),
					error_message: textOf(error.error_message),
					code: codeOf(error.code),
					message: textOf(error.message),
				}
			: textOf(error),
		data: readErrorBody(body.data),
	};
}

/** The message in a Pictory answer (message, error_message, error…), API keys hidden. */
export function pictoryMessage(data: unknown): string | undefined {
	if (typeof data === 'string') {
		return data.trim() ? redactApiKeys(data.trim().slice(0, 500)) : undefined;
	}
	const body = readErrorBody(data);
	if (!body) return undefined;
	const detail = typeof body.error === 'object' ? body.error : undefined;
	const message = [
		body.message,
		body.error_message,
		body.errorMessage,
		detail?.message,
		detail?.error_message,
		typeof body.error === 'string' ? body.error : undefined,
	].find((value): value is string => typeof value === 'string' && value.trim() !== '');
	const fields = (body.fields ?? []).map(
		({ name, errors }) => `${name}: ${String(errors ?? 'invalid')}`,
	);
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

/** A failure in a few words, for errors: its status, or why there was none. */
export function failureReason({ status, timedOut, code }: RequestFailure): string {
	if (status) return `HTTP ${status}`;
	return timedOut ? 'no answer in time' : (code ?? 'no answer');
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

/** An error about a Pictory answer, its details kept for the error output. */
export function apiError(
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

/** Pictory answered 2xx with something the node cannot use. */
export function unreadableAnswer(node: INode, problem: string): NodeApiError {
	return apiError(
		node,
		UNREADABLE_ANSWER,
		`${problem} Try again; if it persists, Pictory's API may have changed: please report it to the n8n-nodes-pictory maintainers.`,
	);
}

export const UNREADABLE_ANSWER = 'Pictory sent an answer the node cannot read';
