/**
 * One paging loop for every Pictory list (images, jobs, projects): it stops as soon as it has what
 * was asked for, checks every page, drops an item listed twice, and never loops forever or comes
 * back silently short.
 */
import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import { apiError, unreadableAnswer } from './failures';
import type { PictoryClient, PictoryRequest } from './transport';
import { readPage, type ListPage, type PictoryList } from './types';

/**
 * A hard ceiling on one listing, against a server that never stops sending page keys: 2,000 pages
 * of 100 is 200,000 items, far beyond what one n8n execution should hold.
 */
export const MAX_PAGES = 2_000;

export interface CollectOptions<T extends IDataObject> {
	list: PictoryList<T>;
	/** Gets one page: the first when `pageKey` is undefined. */
	fetchPage: (pageKey: string | undefined) => Promise<ListPage<T>>;
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
export async function collectPages<T extends IDataObject>(
	node: INode,
	{ list, fetchPage, limit, isPastEnd, skip }: CollectOptions<T>,
): Promise<T[]> {
	const collected: T[] = [];
	const seenIds = new Set<string>();
	const seenPageKeys = new Set<string>();
	let pageKey: string | undefined;

	for (let pages = 1; ; pages++) {
		const page = await fetchPage(pageKey);
		for (const item of page.items) {
			if (isPastEnd?.(item)) return collected;
			const id = list.idOf(item);
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
				`Pictory sent the same "${page.nextKeyField}" twice (after page ${pages}), so paging stopped to avoid an endless loop.`,
			);
		}
		if (pages >= MAX_PAGES) throw tooManyPagesError(node, MAX_PAGES, list.noun);
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
	list: PictoryList<T>,
	options: Omit<CollectOptions<T>, 'list' | 'fetchPage'>,
): Promise<T[]> {
	const node = api.run.node;
	return await collectPages<T>(node, {
		...options,
		list,
		fetchPage: async (pageKey) => {
			const qs = pageKey ? { ...request.qs, [list.pageKeyParam]: pageKey } : request.qs;
			return readPage(node, await api.send({ ...request, qs }), list);
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
