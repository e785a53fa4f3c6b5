/**
 * One paging loop for every Pictory list (images, jobs, projects): it stops as soon as it has what
 * was asked for, checks every page, drops an item listed twice, and never loops forever or comes
 * back silently short.
 */
import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import { apiError, pictoryMessage, redactApiKeys, unreadableAnswer } from './failures';
import { asObject, type PictoryClient, type PictoryRequest } from './transport';

/**
 * A hard ceiling on one listing, against a server that never stops sending page keys: 2,000 pages
 * of 100 is 200,000 items, far beyond what one n8n execution should hold.
 */
export const MAX_PAGES = 2_000;

export interface Page<T> {
	items: T[];
	nextPageKey?: string;
}

/** How a list's pages look: Pictory names the key of the next page differently per list. */
export interface ListShape {
	/** The answer's field holding the next page's key. */
	nextKeyField: string;
	/** The query parameter that asks for that page. */
	pageKeyParam: string;
	/** What the list holds, for errors: 'images'. */
	noun: string;
	/** Identifies an item, so that one listed on two pages comes back once. */
	idOf: (item: IDataObject) => string | undefined;
}

/** Checks a page is `{ items: [objects…], <nextKeyField>?: string }`; anything else is an error. */
export function readPage(
	node: INode,
	body: unknown,
	{ nextKeyField, noun }: ListShape,
): Page<IDataObject> {
	const answer = asObject(body);
	if (!answer) {
		const got =
			typeof body === 'string'
				? 'text that is not JSON'
				: redactApiKeys(String(JSON.stringify(body)).slice(0, 80));
		throw unreadableAnswer(node, `Expected a JSON object with an "items" list but got ${got}.`);
	}
	if (answer.success === false) throw listRefusedError(node, answer);
	const { items } = answer;
	const nextPageKey = answer[nextKeyField];
	if (!Array.isArray(items)) {
		if (typeof answer.message === 'string' || typeof answer.error === 'string') {
			throw listRefusedError(node, answer);
		}
		throw unreadableAnswer(node, 'The answer has no "items" list.');
	}
	if (items.some((item) => !asObject(item))) {
		throw unreadableAnswer(node, `The "items" list holds something other than ${noun}.`);
	}
	if (nextPageKey !== undefined && nextPageKey !== null && typeof nextPageKey !== 'string') {
		throw unreadableAnswer(node, `The "${nextKeyField}" is not a string.`);
	}
	return { items: items as IDataObject[], nextPageKey: nextPageKey || undefined };
}

export interface CollectOptions<T> {
	shape: ListShape;
	/** Gets one page: the first when `pageKey` is undefined. */
	fetchPage: (pageKey: string | undefined) => Promise<Page<T>>;
	/** Stop once this many items were collected (Infinity for all). */
	limit: number;
	/**
	 * Lists are newest first: once this returns true for an item, it holds for every later one
	 * too, so paging stops there (e.g. "older than Created After").
	 */
	isPastEnd?: (item: T) => boolean;
	/** Items to leave out while paging on (e.g. "newer than Created Before"). */
	skip?: (item: T) => boolean;
}

/**
 * Walks a list page by page, stopping as soon as it has what was asked for, so a Limit of L costs
 * at most ceil(L / page size) requests. A repeated page key or more than MAX_PAGES pages is an
 * error.
 */
export async function collectPages<T>(
	node: INode,
	{ shape, fetchPage, limit, isPastEnd, skip }: CollectOptions<T>,
): Promise<T[]> {
	const collected: T[] = [];
	const seenIds = new Set<string>();
	const seenPageKeys = new Set<string>();
	let pageKey: string | undefined;

	for (let pages = 1; ; pages++) {
		const page = await fetchPage(pageKey);
		for (const item of page.items) {
			if (isPastEnd?.(item)) return collected;
			const id = shape.idOf(item as IDataObject);
			if (id !== undefined && seenIds.has(id)) continue;
			if (id !== undefined) seenIds.add(id);
			if (skip?.(item)) continue;
			collected.push(item);
			if (collected.length >= limit) return collected;
		}

		if (!page.nextPageKey) return collected;
		if (seenPageKeys.has(page.nextPageKey)) {
			throw unreadableAnswer(
				node,
				`Pictory sent the same "${shape.nextKeyField}" twice (after page ${pages}), so paging stopped to avoid an endless loop.`,
			);
		}
		if (pages >= MAX_PAGES) throw tooManyPagesError(node, MAX_PAGES, shape.noun);
		seenPageKeys.add(page.nextPageKey);
		pageKey = page.nextPageKey;
	}
}

/**
 * Lists a Pictory list newest first, page by page, as `options` say. `request` is the list's GET:
 * the node's routed request, or the trigger's own.
 */
export async function listPages<T extends IDataObject>(
	api: PictoryClient,
	request: PictoryRequest,
	shape: ListShape,
	options: Omit<CollectOptions<T>, 'shape' | 'fetchPage'>,
): Promise<T[]> {
	const node = api.run.node;
	return await collectPages<T>(node, {
		...options,
		shape,
		fetchPage: async (pageKey) => {
			const qs = pageKey ? { ...request.qs, [shape.pageKeyParam]: pageKey } : request.qs;
			const body = await api.send({ ...request, qs });
			return readPage(node, body, shape) as Page<T>;
		},
	});
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
