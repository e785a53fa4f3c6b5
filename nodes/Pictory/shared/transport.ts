import {
	NodeApiError,
	NodeError,
	sleep,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.pictory.ai/pictoryapis';

/** The credential's Base URL, or Pictory's own when the field was left empty. */
export const BASE_URL_EXPRESSION = `={{ $credentials.baseUrl || "${DEFAULT_BASE_URL}" }}`;

/** Waits before each retry of a 429 or 5xx answer, unless Pictory's Retry-After asks for another. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000];

/** A Retry-After longer than this fails the run at once instead of holding the execution. */
const MAX_RETRY_AFTER_MS = 60_000;

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EAI_AGAIN',
	'EPIPE',
]);

export interface RequestContext {
	getNode(): INode;
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

export interface HttpFailure {
	status?: number;
	headers: Record<string, unknown>;
	data?: unknown;
	code?: string;
}

/** Reads status, headers and body from n8n's request errors, which wrap the HTTP client's error. */
export function describeFailure(error: unknown): HttpFailure {
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
	const httpCode = Number((error as { httpCode?: unknown })?.httpCode);
	return {
		status: Number.isInteger(httpCode) && httpCode > 0 ? httpCode : undefined,
		headers: {},
		code,
	};
}

/**
 * Errors to hand on unchanged rather than explain as a Pictory failure: a stopped execution (n8n
 * handles it), and the node's own errors about an answer it did receive (no status, no network code).
 */
export function isNotARequestFailure(context: RequestContext, error: unknown): boolean {
	if (context.getExecutionCancelSignal?.()?.aborted) return true;
	const { status, code } = describeFailure(error);
	return error instanceof NodeError && !status && !code;
}

function isRetryable({ status, code }: HttpFailure): boolean {
	if (status) return status === 429 || status >= 500;
	return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

/** Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(headers: Record<string, unknown>): number | undefined {
	const value = headers['retry-after'];
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Keys look like pictai_…; never let one that an API or proxy echoes back reach an error message. */
export function redactApiKeys(text: string): string {
	return text.replace(/pictai_[A-Za-z0-9._~+/=-]+/g, 'pictai_***');
}

/** The message in a Pictory answer (message, error_message or error), API keys hidden. */
export function pictoryMessage(data: unknown): string | undefined {
	if (typeof data === 'string')
		return data.trim() ? redactApiKeys(data.trim().slice(0, 500)) : undefined;
	if (typeof data !== 'object' || data === null) return undefined;
	const body = data as Record<string, unknown>;
	const nested = body.error as Record<string, unknown> | undefined;
	const message = [
		body.message,
		body.error_message,
		body.errorMessage,
		nested?.message,
		body.error,
	].find((value): value is string => typeof value === 'string' && value.trim() !== '');
	return message ? redactApiKeys(message.slice(0, 500)) : undefined;
}

/** Turns a failed Pictory request into an error that tells the user what happened and what to do. */
export function pictoryRequestError(node: INode, error: unknown, attempts = 1): NodeApiError {
	const failure = describeFailure(error);
	const { status } = failure;
	const detail = pictoryMessage(failure.data);
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	const fail = (message: string, description: string) =>
		new NodeApiError(
			node,
			{ httpCode: status ?? 'none', message: detail ?? message } as JsonObject,
			{
				message,
				description,
				httpCode: status ? String(status) : undefined,
			},
		);

	if (status === 401) {
		return fail(
			'Pictory rejected the API key',
			'Open the Pictory API credential and paste the API key again: it starts with "pictai_" and is shown on the API Access page of your Pictory account.',
		);
	}
	if (status === 403) {
		return fail(
			'Pictory refused access (HTTP 403)',
			'The API key is valid but may not include AI Studio. Check the plan on the API Access page of your Pictory account.',
		);
	}
	if (status === 429) {
		return fail(
			`Pictory is rate-limiting requests (HTTP 429)${tries}`,
			'Wait a minute before running the node again.',
		);
	}
	if (status && status >= 500) {
		return fail(
			`Pictory had a server error (HTTP ${status})${tries}`,
			`${detail ? `Pictory said: ${detail}. ` : ''}This is usually temporary: try again in a few minutes.`,
		);
	}
	if (status) {
		return fail(
			`Pictory refused the request (HTTP ${status})`,
			detail ? `Pictory said: ${detail}` : "Check the node's parameters.",
		);
	}
	// The network code goes in the description: n8n replaces a message naming one with a generic text.
	return fail(
		`Could not reach Pictory${tries}`,
		`${failure.code ? `The connection failed (${failure.code}). ` : ''}Check the Base URL in the Pictory API credential and that this n8n instance can reach it.`,
	);
}

/**
 * For routed requests sent with `ignoreHttpStatusErrors`: a non-2xx answer becomes the same error
 * as every other Pictory call, where the engine's own would only say "Authorization failed".
 */
export function throwIfPictoryFailed(node: INode, response: IN8nHttpFullResponse): void {
	if (response.statusCode < 400) return;
	throw pictoryRequestError(node, {
		response: { status: response.statusCode, headers: response.headers, data: response.body },
	});
}

/**
 * A routed request's answer whole in one item (status, headers, body), so that a pagination
 * function reads exactly what Pictory sent; the engine would otherwise split a JSON array into items.
 */
export async function keepWholeResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { ...response } as unknown as IDataObject }];
}

/**
 * Runs one request, retrying 429, 5xx and dropped connections with backoff (RETRY_DELAYS_MS, or
 * Retry-After when the server sends it). Any other failure, or the last one, becomes the error
 * `toError` makes (by default a pictoryRequestError). The wait ends early when the execution is cancelled.
 */
export async function requestWithRetries<T>(
	context: RequestContext,
	request: () => Promise<T>,
	toError: (error: unknown, attempts: number) => Error = (error, attempts) =>
		pictoryRequestError(context.getNode(), error, attempts),
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		let error: unknown;
		try {
			return await request();
		} catch (caught) {
			error = caught;
		}
		if (isNotARequestFailure(context, error)) throw error;
		const failure = describeFailure(error);
		const wait = retryAfterMs(failure.headers) ?? RETRY_DELAYS_MS[attempt - 1];
		if (!isRetryable(failure) || attempt > RETRY_DELAYS_MS.length || wait > MAX_RETRY_AFTER_MS) {
			throw toError(error, attempt);
		}
		await sleep(wait, context.getExecutionCancelSignal?.());
	}
}

/**
 * A Pictory API call made in code rather than through the node's routing (the trigger, waiting
 * for a job): the credential's Base URL and key, JSON both ways, and the same retries and errors.
 */
export async function pictoryApiRequest(
	this: IExecuteSingleFunctions | IPollFunctions,
	method: IHttpRequestMethods,
	path: string,
	{ qs, body }: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	const { baseUrl } = await this.getCredentials<{ baseUrl?: string }>('pictoryApi');
	const url = `${(baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '')}${path}`;
	return await requestWithRetries(
		this,
		async () =>
			await this.helpers.httpRequestWithAuthentication.call(this, 'pictoryApi', {
				method,
				url,
				qs,
				body,
				json: true,
				headers: { Accept: 'application/json' },
			}),
	);
}
