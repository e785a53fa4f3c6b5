/** Pictory's AI Studio image list (GET /v1/aistudio/images), shared by the node and the trigger. */
import type { IDataObject, INode } from 'n8n-workflow';

import { unreadableAnswer } from './errors';
import { collectPages, readPage, type CollectOptions, type ListShape } from './paging';
import type { PictoryApi, PictoryRequest } from './transport';

export const IMAGES_PATH = '/v1/aistudio/images';

/** One AI Studio image as Pictory lists it; `style` and `referenceImageUrl` only when set at generation. */
export interface PictoryImage extends IDataObject {
	id: string;
	url: string;
	createdDate: string;
}

export const IMAGE_LIST: ListShape = { nextKeyField: 'nextPageKey', noun: 'images' };

/** An image's creation time in ms; NaN when Pictory gave none that can be read. */
export const createdAt = (image: PictoryImage) => Date.parse(String(image.createdDate));

/** The same, for where an image must have a time (date filters): a missing one is a bad answer. */
export function createdAtOrFail(node: INode, image: PictoryImage): number {
	const time = createdAt(image);
	if (Number.isNaN(time)) {
		throw unreadableAnswer(
			node,
			`Image ${image.id} has no readable "createdDate" (${JSON.stringify(image.createdDate)}).`,
		);
	}
	return time;
}

export const imageId = (image: IDataObject) =>
	typeof image.id === 'string' || typeof image.id === 'number' ? String(image.id) : undefined;

/** Where an image's file is, for downloads. */
export const imageFile = (image: IDataObject) => ({
	id: imageId(image) ?? 'unknown',
	url: image.url,
});

/**
 * Lists images newest first, page by page (100 a page, over `nextPageKey`), as `options` say.
 * `request` is the list's GET: the node's routed request, or the trigger's own.
 */
export async function listImages(
	api: PictoryApi,
	request: PictoryRequest,
	options: Omit<CollectOptions<PictoryImage>, 'shape' | 'fetchPage' | 'idOf'>,
): Promise<PictoryImage[]> {
	const node = api.run.node;
	return await collectPages<PictoryImage>(node, {
		...options,
		shape: IMAGE_LIST,
		idOf: imageId,
		fetchPage: async (pageKey) => {
			const qs = pageKey ? { ...request.qs, nextPageKey: pageKey } : request.qs;
			const body = await api.send({ ...request, qs });
			return readPage(node, body, IMAGE_LIST) as { items: PictoryImage[]; nextPageKey?: string };
		},
	});
}
