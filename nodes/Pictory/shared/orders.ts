/**
 * Orders: the requests that spend AI credits (Generate, Create from Text). What each kind of order
 * makes, the job id Pictory accepts it as, and the errors of an order: whether Pictory may have
 * received it, and, once accepted, the job ids the user should fetch rather than order again.
 */
import { NodeApiError, type INode, type JsonObject, type NodeOperationError } from 'n8n-workflow';

import {
	apiError,
	failureReason,
	NOT_SENT_CODES,
	pictoryMessage,
	requestError,
	UNREADABLE_ANSWER,
	type RequestFailure,
} from './failures';
import { JobEndedError } from './jobs';
import { readOrderAnswer } from './types';

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

export const IMAGE_ORDER: OrderKind = {
	what: 'image',
	make: 'generate the image',
	verb: 'generating',
	findWith: 'Get Generated Images',
	afterFailure: 'Change the prompt or settings and generate again.',
};

export const VIDEO_ORDER: OrderKind = {
	what: 'video',
	make: 'render the video',
	verb: 'rendering',
	findWith: 'Job → Get Many',
	afterFailure: 'Change the story or settings and render again.',
};

/** An AI Studio video (AI Video → Generate). */
export const AI_VIDEO_ORDER: OrderKind = {
	what: 'video',
	make: 'generate the video',
	verb: 'generating',
	findWith: 'Get Generated Videos',
	afterFailure: 'Change the prompt or settings and generate again.',
};

/** A preview (Create Preview): its scenes and a link to watch them, not yet a rendered video. */
export const PREVIEW_ORDER: OrderKind = {
	what: 'preview',
	make: 'create the preview',
	verb: 'creating',
	findWith: 'Job → Get Many',
	afterFailure: 'Change the source or settings and create the preview again.',
};

/** A transcription (Transcribe): billed in transcription minutes. */
export const TRANSCRIPTION_ORDER: OrderKind = {
	what: 'transcript',
	make: 'transcribe the file',
	verb: 'transcribing',
	findWith: 'Job → Get Many',
	afterFailure:
		'Check that the file is a video or audio recording Pictory can download, and transcribe it again.',
};

/** Highlights of a transcript (Create Highlights). */
export const HIGHLIGHTS_ORDER: OrderKind = {
	what: 'summary',
	make: 'create the highlights',
	verb: 'creating',
	findWith: 'Job → Get Many',
	afterFailure: 'Check the transcript or transcription job, and create the highlights again.',
};

/**
 * The job Pictory accepted an order as (see readOrderAnswer). A refusal ordered nothing; an
 * answer without a job id may still have ordered something, and the error says where to look.
 */
export function acceptedJobId(node: INode, body: unknown, kind: OrderKind): string {
	const answer = readOrderAnswer(body);
	if ('refused' in answer) throw orderRefusedError(node, answer.refused, kind);
	if (!answer.jobId) {
		throw unreadableOrderAnswer(node, 'The answer to the order has no "data.jobId".', kind);
	}
	return answer.jobId;
}

export interface AcceptedOrder {
	itemIndex: number;
	jobId: string;
	kind: OrderKind;
}

/**
 * Pictory answered an order with something the node cannot use: it may have taken the order, so
 * the error says so rather than invite a second, paid attempt.
 */
export function unreadableOrderAnswer(node: INode, problem: string, kind: OrderKind): NodeApiError {
	return apiError(
		node,
		UNREADABLE_ANSWER,
		`${problem} Pictory may have received the order and be making the ${kind.what}: look for it with ${kind.findWith} before ${kind.verb} again.`,
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
	const reason = failureReason(failure);
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
	if (own && !(error instanceof JobEndedError)) {
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
