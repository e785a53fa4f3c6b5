/**
 * The one shape of every Pictory node operation: its routing declares the request, and one
 * handler function takes it from there.
 *
 *     routing: {
 *         request: { method: 'GET', url: IMAGES_PATH },
 *         ...handledBy(getGeneratedImages),
 *     }
 *
 * How: n8n builds the request from the routing (`request`, plus each field's `send`) for every
 * input item. With `send.paginate` on, it hands that request to `operations.pagination` instead
 * of sending it, and outputs what the function returns: so that function is where the handler
 * takes over. The handler sends the request (and any others: pages, job checks, downloads)
 * through the node run's shared limits, and returns the item's output.
 *
 * n8n starts every input item's request at once. What the items of one run share lives here:
 * one bound on requests in flight, orders sent only once every item has been checked, and, when
 * the run fails, the job ids of the orders Pictory accepted, named in the error.
 */
import {
	NodeConnectionTypes,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type INodeExecutionData,
	type INodePropertyRouting,
	type IDataObject,
	type ITaskDataConnections,
} from 'n8n-workflow';

import { asNodeError } from './failures';
import { JobHandedOver } from './jobs';
import {
	acceptedJobId,
	namingOrders,
	orderError,
	type AcceptedOrder,
	type OrderKind,
} from './orders';
import {
	newRequestRun,
	pictoryClient,
	requestBase,
	type PictoryClient,
	type PictoryRequest,
	type RequestRun,
	type RetryPolicy,
} from './transport';

/** What an operation's handler gets, besides its item's context (`this`). */
export interface OperationCall {
	/** The request n8n built from the operation's routing and fields, not sent yet. */
	request: PictoryRequest;
	/** Sends requests to Pictory within the run's limits. */
	api: PictoryClient;
	/** The run's shared limits and stop signal, for downloads and waits. */
	run: RequestRun;
	/**
	 * Sends a request that spends credits, once every item of the run has been checked, and never
	 * twice; gives the job id Pictory accepted it as. Errors after it name that job.
	 */
	order(request: PictoryRequest, kind: OrderKind): Promise<string>;
	/**
	 * Sends a request that changes something for good (a delete), as an order is sent: once every
	 * item of the run has been checked, and never twice. Gives Pictory's answer.
	 */
	sendOnce(request: PictoryRequest, policy?: Pick<RetryPolicy, 'toError'>): Promise<unknown>;
}

export type OperationHandler = (
	this: IExecuteSingleFunctions,
	call: OperationCall,
) => Promise<INodeExecutionData[]>;

/** A promise with its resolve function, for the points where the items of a run wait for each other. */
function meetingPoint() {
	let resolve!: () => void;
	const reached = new Promise<void>((done) => (resolve = done));
	return { reached, resolve };
}

/** The items of one run of the node, and what they share. */
class NodeRun {
	readonly started = new Set<number>();
	readonly orders = new Map<number, AcceptedOrder>();
	readonly requests: RequestRun;
	private readonly stopping = new AbortController();
	private readonly checked = new Set<number>();
	private readonly allChecked = meetingPoint();
	private readonly finished = new Set<number>();
	private readonly allFinished = meetingPoint();

	constructor(
		context: IExecuteSingleFunctions,
		readonly items: number,
	) {
		const stopped = context.getExecutionCancelSignal();
		this.requests = newRequestRun(context.getNode(), { stopped, failing: this.stopping.signal });
		// Stop ends the run: no item waits any longer for the others.
		stopped?.addEventListener('abort', () => this.fail(), { once: true });
	}

	get failing() {
		return this.stopping.signal.aborted;
	}

	/** An item is checked (or failed its checks): once all are, orders may go. */
	checkedItem(itemIndex: number) {
		this.checked.add(itemIndex);
		if (this.checked.size >= this.items) this.allChecked.resolve();
	}

	async everyItemChecked() {
		await this.allChecked.reached;
	}

	finishedItem(itemIndex: number) {
		this.checkedItem(itemIndex);
		this.finished.add(itemIndex);
		if (this.finished.size >= this.items) this.allFinished.resolve();
	}

	async everyItemFinished() {
		await this.allFinished.reached;
	}

	/** The run will fail (or was stopped): nothing new starts, and requests and waits in flight stop. */
	fail() {
		this.stopping.abort();
		this.allChecked.resolve();
	}
}

/**
 * The items n8n hands the node in this run, as RoutingNode reads them: the context's own input,
 * not the execute data's, which still holds every item under Execute Once and is the agent's
 * under an AI tool call. Each run has its own input object, so it also keys the run.
 */
function runInput(context: IExecuteSingleFunctions): { key: object; items: number } {
	const { inputData } = context as { inputData?: ITaskDataConnections };
	const items = inputData?.[NodeConnectionTypes.Main] ?? inputData?.[NodeConnectionTypes.AiTool];
	// Without it (not n8n-core's context), the item stands alone: it can never wait on another.
	if (!inputData || !items) return { key: context, items: 1 };
	return { key: inputData, items: Math.max(1, items[0]?.length ?? 0) };
}

/** One NodeRun per run of the node. */
const runs = new WeakMap<object, NodeRun>();

function nodeRunOf(context: IExecuteSingleFunctions): NodeRun {
	const input = runInput(context);
	const itemIndex = context.getItemIndex();
	let run = runs.get(input.key);
	// An item seen before means n8n runs the node again on the same input (Retry On Fail): a new run.
	if (!run || run.started.has(itemIndex)) {
		run = new NodeRun(context, input.items);
		runs.set(input.key, run);
	}
	run.started.add(itemIndex);
	return run;
}

/** Thrown into an item's work when another item failed the run: it has nothing more to do. */
class StoppedByOtherItem extends Error {}

/**
 * Waits until every item of the run has been checked, so that a bad row cannot fail the run after
 * others were ordered or deleted. (Continue On Fail: items stand alone.)
 */
async function everyItemChecked(context: IExecuteSingleFunctions, run: NodeRun) {
	if (!context.continueOnFail()) {
		run.checkedItem(context.getItemIndex());
		await run.everyItemChecked();
	}
	context.getExecutionCancelSignal()?.throwIfAborted();
	if (run.failing) throw new StoppedByOtherItem();
}

function orderFunction(
	context: IExecuteSingleFunctions,
	run: NodeRun,
	api: PictoryClient,
): OperationCall['order'] {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	return async (request, kind) => {
		await everyItemChecked(context, run);
		const body = await api.send(request, {
			spendsCredits: true,
			toError: (failure, attempts) => orderError(node, failure, attempts, kind),
		});
		const jobId = acceptedJobId(node, body, kind);
		run.orders.set(itemIndex, { itemIndex, jobId, kind });
		return jobId;
	};
}

async function runOperation(
	context: IExecuteSingleFunctions,
	request: PictoryRequest,
	handler: OperationHandler,
): Promise<INodeExecutionData[]> {
	const run = nodeRunOf(context);
	const itemIndex = context.getItemIndex();
	const pairedItem = { item: itemIndex };
	const api = pictoryClient(context, run.requests, requestBase(context, request));
	const outcome = await handler
		.call(context, {
			request,
			api,
			run: run.requests,
			order: orderFunction(context, run, api),
			sendOnce: async (once, policy) => {
				await everyItemChecked(context, run);
				return await api.send(once, { ...policy, sendsOnce: true });
			},
		})
		.then(
			(items) => ({ items }),
			(error: unknown) => ({ error }),
		);
	run.finishedItem(itemIndex);
	if ('items' in outcome) {
		for (const item of outcome.items) item.pairedItem = pairedItem;
		return outcome.items;
	}
	if (outcome.error instanceof JobHandedOver) return [{ json: outcome.error.answer, pairedItem }];

	// A stopped execution is n8n's to report; a run failing for another item fails with that
	// item's error, which names this item's order if it has one.
	if (context.getExecutionCancelSignal()?.aborted)
		throw asNodeError(context.getNode(), outcome.error, itemIndex);
	if (outcome.error instanceof StoppedByOtherItem || run.failing) return [];

	const error = asNodeError(context.getNode(), outcome.error, itemIndex);
	const own = run.orders.get(itemIndex);
	if (context.continueOnFail()) {
		const named = namingOrders(context.getNode(), error, own, []);
		return [{ json: errorItemJson(named, own ? { jobId: own.jobId } : {}), pairedItem }];
	}
	run.fail();
	await run.everyItemFinished();
	const others = [...run.orders.values()].filter((order) => order.itemIndex !== itemIndex);
	throw namingOrders(context.getNode(), error, own, others);
}

/**
 * The routing that hands an operation's request to `handler` (see the top of this file). Spread it
 * into the operation's `routing`, beside its `request`.
 */
export function handledBy(
	handler: OperationHandler,
): Pick<INodePropertyRouting, 'send' | 'operations'> {
	return {
		send: { paginate: true },
		operations: {
			async pagination(
				this: IExecutePaginationFunctions,
				requestData: DeclarativeRestApiSettings.ResultOptions,
			) {
				return await runOperation(this, requestData.options, handler);
			},
		},
	};
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
