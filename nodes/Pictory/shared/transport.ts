/**
 * How every request leaves the Pictory nodes: through a gate that bounds how many of a node run's
 * requests are in flight and pauses them all after a 429, with a time limit each, and sent again
 * after temporary failures, with jitter so that many items do not retry in lockstep. A request that
 * spends credits, or changes something for good (a delete), is sent again only after a 429, which
 * means nothing was done.
 */
import {
	NodeApiError,
	sleep,
	type DeclarativeRestApiSettings,
	type JsonObject,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import {
	describeFailure,
	isNodeFinding,
	redirectedElsewhereError,
	requestError,
	RequestTimeout,
	TEMPORARY_CODES,
	type RequestFailure,
} from './failures';

export const DEFAULT_BASE_URL = 'https://api.pictory.ai/pictoryapis';

/** The credential's Base URL (a pasted one may end in a space), or Pictory's own when it is empty. */
export const BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl ?? "").trim() || "${DEFAULT_BASE_URL}" }}`;

/** The same, for code that reads the credential itself (the trigger, the dropdowns). */
export const baseUrlOf = (credentials: { baseUrl?: unknown }) =>
	String(credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL;

/** How long one API call may take before it counts as a temporary failure. */
export const API_TIMEOUT_MS = 30_000;

/** Waits before each new attempt after a temporary failure, unless Pictory's Retry-After says. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000];

/** A Retry-After longer than this fails the run at once instead of holding the execution. */
const MAX_RETRY_AFTER_MS = 60_000;

/** How many of a node run's requests may be in flight at once. */
const MAX_IN_FLIGHT = 4;

export type PictoryContext =
	IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/**
 * Lets at most `size` requests through at once, first come first served. After a 429, every
 * request waits out Pictory's Retry-After, and fewer go at once until answers come back fine.
 */
export class RequestGate {
	private inFlight = 0;
	private allowed: number;
	private readonly queue: Array<() => void> = [];
	private pausedUntil = 0;

	constructor(private readonly size = MAX_IN_FLIGHT) {
		this.allowed = size;
	}

	/**
	 * Waits for a place; call the returned function when the request is over. A request sent
	 * again after a 429 goes `first`, so that no item is turned away again and again.
	 */
	async enter(signal: AbortSignal, { first = false } = {}): Promise<() => void> {
		if (this.inFlight < this.allowed && !this.queue.length) this.inFlight++;
		// A place is handed over by the request that leaves it (see leave), never taken in between.
		else
			await new Promise<void>((resolve) =>
				first ? this.queue.unshift(resolve) : this.queue.push(resolve),
			);
		let left = false;
		const leave = () => {
			if (left) return;
			left = true;
			const next = this.inFlight <= this.allowed ? this.queue.shift() : undefined;
			if (next) next();
			else this.inFlight--;
		};
		let entered = false;
		try {
			while (this.pausedUntil > Date.now()) {
				await pause(this.pausedUntil - Date.now() + jitter(250), signal);
			}
			signal.throwIfAborted();
			entered = true;
		} finally {
			if (!entered) leave();
		}
		return leave;
	}

	/** Pictory answered 429: everyone waits `waitMs`, and fewer go at once for a while. */
	rateLimited(waitMs: number) {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
		this.allowed = Math.max(1, Math.floor(this.allowed / 2));
	}

	/** An answer came back: one more may go at once again, up to the gate's size. */
	answered() {
		if (this.allowed >= this.size) return;
		this.allowed++;
		if (this.inFlight < this.allowed && this.queue.length) {
			this.inFlight++;
			this.queue.shift()!();
		}
	}
}

/** Up to `ms` more, so that items waiting the same time do not all go at the same instant. */
const jitter = (ms: number) => Math.floor(Math.random() * ms);

/** The requests of one node run (or one trigger poll): their gates and what stops them. */
export interface RequestRun {
	node: INode;
	/** Aborted when the execution is stopped, or when the run fails and its other work must stop. */
	signal: AbortSignal;
	/** Aborted only when the execution is stopped: an order on its way is not cut off otherwise. */
	stopped: AbortSignal;
	api: RequestGate;
	downloads: RequestGate;
}

/** `failing` is aborted when the run fails; `stopped` when the execution is stopped. */
export function newRequestRun(
	node: INode,
	{ stopped, failing }: { stopped?: AbortSignal; failing?: AbortSignal } = {},
): RequestRun {
	const execution = stopped ?? new AbortController().signal;
	return {
		node,
		signal: failing ? AbortSignal.any([execution, failing]) : execution,
		stopped: execution,
		api: new RequestGate(),
		downloads: new RequestGate(),
	};
}

export interface RetryPolicy {
	/** The request spends AI credits: never sent again once it may have reached Pictory. */
	spendsCredits?: boolean;
	/**
	 * The request changes something for good (a delete): like an order, never sent again once it
	 * may have reached Pictory, nor followed through a redirect, nor cut off when another item fails.
	 */
	sendsOnce?: boolean;
	/** No new attempt starts after this time (epoch ms), e.g. the end of a job's Maximum Wait. */
	deadline?: number;
	timeoutMs?: number;
	/** The error for a failure that is final; by default Pictory's status ladder. */
	toError?: (failure: RequestFailure, attempts: number, error: unknown) => Error;
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

function isTemporary({ status, code }: RequestFailure): boolean {
	if (status) return status === 429 || status >= 500;
	return code !== undefined && TEMPORARY_CODES.has(code);
}

/**
 * Runs `attempt` through `gate` with a time limit, and again after temporary failures as `policy`
 * allows. `attempt` gets the signal that cancels it (execution stopped, run failing, time up).
 */
export async function withRetries<T>(
	run: RequestRun,
	gate: RequestGate,
	attempt: (signal: AbortSignal) => Promise<T>,
	{
		spendsCredits = false,
		sendsOnce = spendsCredits,
		deadline,
		timeoutMs = API_TIMEOUT_MS,
		toError = (failure, attempts) => requestError(run.node, failure, attempts),
	}: RetryPolicy = {},
): Promise<T> {
	let rateLimited = false;
	for (let attempts = 1; ; attempts++) {
		const leave = await gate.enter(run.signal, { first: rateLimited });
		// The attempt's signal fires at its time limit, or with the run's: for an order on its way,
		// only when the user stops the execution.
		const timeLimit = new AbortController();
		const cutOff = sendsOnce ? run.stopped : run.signal;
		const cut = () => timeLimit.abort(cutOff.reason);
		cutOff.addEventListener('abort', cut, { once: true });
		const stopTimer = after(timeoutMs, () => timeLimit.abort());
		let error: unknown;
		try {
			if (cutOff.aborted) cut();
			const result = await attempt(timeLimit.signal);
			gate.answered();
			return result;
		} catch (caught) {
			error =
				timeLimit.signal.aborted && !cutOff.aborted ? new RequestTimeout(timeoutMs / 1000) : caught;
		} finally {
			cutOff.removeEventListener('abort', cut);
			stopTimer();
			leave();
		}
		if (run.signal.aborted || isNodeFinding(error)) throw error;

		const failure = describeFailure(error);
		const retryAfter = retryAfterMs(failure.headers);
		const honoured = (retryAfter ?? 0) <= MAX_RETRY_AFTER_MS;
		rateLimited = failure.status === 429;
		// A pause the node refuses to wait out (this request fails at once) pauses no one else.
		if (rateLimited && honoured) gate.rateLimited(retryAfter ?? RETRY_DELAYS_MS[0]);
		const wait =
			retryAfter === undefined
				? RETRY_DELAYS_MS[attempts - 1] + jitter(RETRY_DELAYS_MS[attempts - 1] / 2)
				: retryAfter + jitter(Math.min(retryAfter / 2, 1000));
		const sendAgain = sendsOnce ? failure.status === 429 : isTemporary(failure);
		if (
			!sendAgain ||
			attempts > RETRY_DELAYS_MS.length ||
			!honoured ||
			(deadline !== undefined && Date.now() + wait >= deadline)
		) {
			throw toError(failure, attempts, error);
		}
		await pause(wait, run.signal);
	}
}

/**
 * Sleeps `ms`, or until `signal` fires. n8n's sleep adds a listener to the signal it gets, and a
 * run's items all wait on the run's one signal: with more than 10 waiting at once, Node reports
 * a leak. So each wait sleeps on a signal of its own that follows the run's (AbortSignal.any
 * adds no listener to its sources).
 */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
	await sleep(ms, AbortSignal.any([signal]));
}

/** Why a timer was cancelled: made once, as an AbortController would otherwise make an error each time. */
const TIMER_CANCELLED = new Error('timer cancelled');

/** Calls `action` after `ms`, unless the function it returns is called first. */
function after(ms: number, action: () => void): () => void {
	const cancel = new AbortController();
	sleep(ms, cancel.signal).then(action, () => {});
	return () => cancel.abort(TIMER_CANCELLED);
}

/** A non-2xx answer, in the shape of the HTTP client's errors, for describeFailure. */
export function failedAnswer(response: IN8nHttpFullResponse) {
	return Object.assign(new Error(`HTTP ${response.statusCode}`), {
		response: { status: response.statusCode, headers: response.headers, data: response.body },
	});
}

/** A request as n8n's routing builds it, or as the nodes write one. */
export type PictoryRequest = DeclarativeRestApiSettings.HttpRequestOptions;

/** An answer Pictory gave: its status and its (JSON) body. */
export interface PictoryAnswer {
	statusCode: number;
	body: unknown;
}

/** Sends Pictory API requests with the credential, for one node run (or trigger poll). */
export interface PictoryClient {
	run: RequestRun;
	/** Sends `request` and gives Pictory's answer (JSON). Fails on any non-2xx answer. */
	send(request: PictoryRequest, policy?: RetryPolicy): Promise<unknown>;
	/**
	 * The same, but the answers whose status `keep` accepts come back as answers rather than
	 * errors, for the caller to read (a 404 for a job, say).
	 */
	exchange(
		request: PictoryRequest,
		policy: RetryPolicy & { keep: (status: number) => boolean },
	): Promise<PictoryAnswer>;
	/** The full address `request` goes to, for errors. */
	address(request: PictoryRequest): string;
}

/**
 * What every request of a Pictory node run carries, taken from the request n8n routed: the Base
 * URL, the Accept header and n8n's Request Options (Proxy, Ignore SSL Issues, Timeout). Never that
 * request's method, query or body, which belong to it alone.
 */
export function requestBase(
	context: IExecuteSingleFunctions,
	routed: PictoryRequest,
): PictoryRequest {
	// RoutingNode puts a 5-minute time-out on every request unless the user set one.
	const { timeout } = context.getNodeParameter('requestOptions', {}) as { timeout?: unknown };
	return {
		baseURL: routed.baseURL,
		headers: routed.headers,
		...(routed.proxy !== undefined && { proxy: routed.proxy }),
		...(routed.skipSslCertificateValidation !== undefined && {
			skipSslCertificateValidation: routed.skipSslCertificateValidation,
		}),
		// The credential's Allowed HTTP Request Domains, as RoutingNode read them.
		...(routed.allowedDomains !== undefined && { allowedDomains: routed.allowedDomains }),
		...(Number(timeout) > 0 && { timeout: Number(timeout) }),
	};
}

/**
 * `base` is what every request carries (see requestBase; for the trigger and the dropdowns, the
 * credential's Base URL). Its `timeout`, when set, is each attempt's time limit.
 */
export function pictoryClient(
	context: PictoryContext,
	run: RequestRun,
	base: PictoryRequest,
): PictoryClient {
	// The credential declares its header for n8n's HTTP Request node; n8n would resolve that
	// expression on every request, so the key is read once for the client and set here.
	let apiKey: Promise<string> | undefined;
	const readApiKey = () =>
		(apiKey ??= context
			.getCredentials<{ apiKey: string }>('pictoryApi')
			.then((credentials) => String(credentials.apiKey)));
	const exchange: PictoryClient['exchange'] = async (request, requestPolicy) => {
		const policy = { ...requestPolicy, timeoutMs: requestPolicy.timeoutMs ?? base.timeout };
		const { skipSslCertificateValidation, ...sent } = { ...base, ...request };
		const options: IHttpRequestOptions = {
			...sent,
			url: sent.url ?? '',
			// n8n's "Ignore SSL Issues" option, when the user turned it on.
			skipSslCertificateValidation: String(skipSslCertificateValidation) === 'true',
			headers: { Accept: 'application/json', ...base.headers, ...request.headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// Redirects are followed here, not by n8n, which would send the key to any host.
			disableFollowRedirect: true,
			timeout: policy.timeoutMs ?? API_TIMEOUT_MS,
		};
		const authorization = await readApiKey();
		return await withRetries(
			run,
			run.api,
			async (signal) => {
				let answer: IN8nHttpFullResponse;
				let sent = options;
				for (let hops = 0; ; hops++) {
					answer = (await context.helpers
						.httpRequest({
							...sent,
							headers: { ...sent.headers, Authorization: authorization },
							abortSignal: signal,
						})
						.catch((error: JsonObject) => {
							// As n8n's authenticated helper hands its failures on.
							throw new NodeApiError(run.node, error);
						})) as IN8nHttpFullResponse;
					// A redirect would turn an order's POST into a GET: an order is never followed.
					const once = policy.spendsCredits || policy.sendsOnce;
					const next = once ? undefined : redirectTarget(sent, answer);
					if (!next || hops === MAX_REDIRECTS) break;
					if (next.origin !== new URL(addressOf(options)).origin) {
						throw redirectedElsewhereError(run.node, addressOf(sent), answer.statusCode, next);
					}
					sent = { ...sent, baseURL: undefined, url: next.href, qs: undefined };
				}
				if (answer.statusCode >= 300 && !policy.keep(answer.statusCode)) {
					throw failedAnswer(answer);
				}
				return { statusCode: answer.statusCode, body: answer.body };
			},
			policy,
		);
	};
	return {
		run,
		exchange,
		send: async (request, policy = {}) =>
			(await exchange(request, { ...policy, keep: () => false })).body,
		address: (request) => addressOf({ ...request, baseURL: request.baseURL ?? base.baseURL }),
	};
}

/** How many redirects within the Base URL's origin a read follows. */
const MAX_REDIRECTS = 5;

/** The full address of a request (without its query). */
const addressOf = ({ baseURL, url }: { baseURL?: string; url?: string }) =>
	/^https?:\/\//i.test(url ?? '')
		? String(url)
		: `${String(baseURL ?? '').replace(/\/+$/, '')}${url ?? ''}`;

/** Where a redirect answer points, resolved against the address it came from. */
function redirectTarget(request: PictoryRequest, answer: IN8nHttpFullResponse): URL | undefined {
	if (![301, 302, 303, 307, 308].includes(answer.statusCode)) return undefined;
	const location = answer.headers?.location;
	if (typeof location !== 'string' || !location.trim()) return undefined;
	try {
		return new URL(location, addressOf(request));
	} catch {
		return undefined;
	}
}

/** An id Pictory sent as text or as a number, as text; undefined when it sent none. */
export const idText = (value: unknown): string | undefined =>
	typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
		? String(value)
		: undefined;

/** Reads a JSON object answer, or undefined when the answer is not one. */
export const asObject = (body: unknown): IDataObject | undefined =>
	typeof body === 'object' && body !== null && !Array.isArray(body)
		? (body as IDataObject)
		: undefined;

/** The API for code that n8n does not route (the trigger, dropdowns): the credential's Base URL. */
export async function pictoryClientFromCredential(
	context: IPollFunctions | ILoadOptionsFunctions | IWebhookFunctions,
): Promise<PictoryClient> {
	const credentials = await context.getCredentials<{ baseUrl?: string }>('pictoryApi');
	return pictoryClient(context, newRequestRun(context.getNode()), {
		baseURL: baseUrlOf(credentials),
	});
}
