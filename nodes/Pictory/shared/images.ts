/** Pictory's AI Studio image list (GET /v1/aistudio/images), shared by the node and the trigger. */
import type { IDataObject, INode } from 'n8n-workflow';

import { unreadableAnswer } from './failures';
import { listPages, type CollectOptions, type ListShape } from './paging';
import { idText, type PictoryClient, type PictoryRequest } from './transport';

export const IMAGES_PATH = '/v1/aistudio/images';

/** One AI Studio image as Pictory lists it; `style` and `referenceImageUrl` only when set at generation. */
export interface PictoryImage extends IDataObject {
	id: string;
	url: string;
	createdDate: string;
}

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

export const imageId = (image: IDataObject) => idText(image.id);

/** Where an image's file is, for downloads. */
export const imageFile = (image: IDataObject) => ({
	id: imageId(image) ?? 'unknown',
	url: image.url,
});

export const IMAGE_LIST: ListShape = {
	nextKeyField: 'nextPageKey',
	pageKeyParam: 'nextPageKey',
	noun: 'images',
	idOf: imageId,
};

/** Lists images newest first, 100 a page, over `nextPageKey`. */
export async function listImages(
	api: PictoryClient,
	request: PictoryRequest,
	options: Omit<CollectOptions<PictoryImage>, 'shape' | 'fetchPage'>,
): Promise<PictoryImage[]> {
	return await listPages<PictoryImage>(api, request, IMAGE_LIST, options);
}
