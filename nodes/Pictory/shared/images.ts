import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { redactApiKeys } from './transport';

/** One AI Studio image as Pictory lists it; `style` and `referenceImageUrl` only when set at generation. */
export interface PictoryImage extends IDataObject {
	id: string;
	url: string;
	createdDate: string;
}

interface ImagePage {
	items: PictoryImage[];
	nextPageKey?: string;
}

/** Pictory answered 2xx with something the node cannot use. */
export function unexpectedAnswer(node: INode, description: string): NodeApiError {
	return new NodeApiError(node, { message: description } as JsonObject, {
		message: 'Pictory sent an answer the node cannot read',
		description: `${description} Try again; if it persists, Pictory's API may have changed: please report it to the n8n-nodes-pictory maintainers.`,
	});
}

/** An image's creation time in ms; an image without a readable `createdDate` is a bad answer. */
export function createdAt(node: INode, image: PictoryImage): number {
	const time = Date.parse(image.createdDate);
	if (Number.isNaN(time)) {
		throw unexpectedAnswer(
			node,
			`Image ${image.id} has no readable "createdDate" (${JSON.stringify(image.createdDate)}).`,
		);
	}
	return time;
}

/**
 * A hard ceiling on one listing, against a server that never stops sending page keys:
 * 2,000 pages of 100 is 200,000 images, far beyond what one n8n execution should hold.
 */
export const MAX_PAGES = 2_000;

export interface ListImagesOptions {
	/** Stop once this many images were collected (Infinity for all). */
	limit: number;
	/**
	 * The listing is newest first: once this returns true for an image, it holds for every later
	 * one too, so paging stops there (e.g. "older than Created After").
	 */
	isPastEnd?: (image: PictoryImage) => boolean;
	/** Images to leave out while paging on (e.g. "newer than Created Before"). */
	skip?: (image: PictoryImage) => boolean;
}

/** Checks a page is `{ items: [...], nextPageKey?: string }`; anything else is an error, never an empty list. */
function readImagePage(node: INode, body: unknown): ImagePage {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		const got =
			typeof body === 'string'
				? 'text that is not JSON'
				: redactApiKeys(String(JSON.stringify(body)).slice(0, 80));
		throw unexpectedAnswer(node, `Expected a JSON object with an "items" list but got ${got}.`);
	}
	const { items, nextPageKey } = body as { items?: unknown; nextPageKey?: unknown };
	if (!Array.isArray(items)) {
		throw unexpectedAnswer(node, 'The answer has no "items" list.');
	}
	if (items.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
		throw unexpectedAnswer(node, 'The "items" list holds something other than images.');
	}
	if (nextPageKey !== undefined && nextPageKey !== null && typeof nextPageKey !== 'string') {
		throw unexpectedAnswer(node, 'The "nextPageKey" is not a string.');
	}
	return { items: items as PictoryImage[], nextPageKey: nextPageKey || undefined };
}

/**
 * Walks Pictory's image list page by page over `nextPageKey`, stopping as soon as it has what was
 * asked for, so a Limit of L costs at most ceil(L / 100) requests. A repeated page key or more than
 * MAX_PAGES pages is an error: a list must never loop forever or come back silently short.
 */
export async function listImages(
	node: INode,
	fetchPage: (nextPageKey: string | undefined) => Promise<unknown>,
	{ limit, isPastEnd, skip }: ListImagesOptions,
): Promise<PictoryImage[]> {
	const images: PictoryImage[] = [];
	const seenPageKeys = new Set<string>();
	let nextPageKey: string | undefined;

	for (let pages = 1; ; pages++) {
		const page = readImagePage(node, await fetchPage(nextPageKey));
		for (const image of page.items) {
			if (isPastEnd?.(image)) return images;
			if (skip?.(image)) continue;
			images.push(image);
			if (images.length >= limit) return images;
		}

		if (!page.nextPageKey) return images;
		if (seenPageKeys.has(page.nextPageKey)) {
			throw unexpectedAnswer(
				node,
				`Pictory sent the same "nextPageKey" twice (after page ${pages}), so paging stopped to avoid an endless loop.`,
			);
		}
		if (pages >= MAX_PAGES) {
			throw new NodeApiError(node, { pages } as JsonObject, {
				message: `Stopped after ${MAX_PAGES.toLocaleString('en-US')} pages (${(MAX_PAGES * 100).toLocaleString('en-US')} images)`,
				description:
					'Pictory kept sending more pages. Turn off Return All and set a Limit, or use Created After.',
			});
		}
		seenPageKeys.add(page.nextPageKey);
		nextPageKey = page.nextPageKey;
	}
}
