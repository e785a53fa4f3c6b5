/** Pictory's AI Studio image list (GET /v1/aistudio/images), shared by the node and the trigger. */
import type { IDataObject, INode } from 'n8n-workflow';

import { unreadableAnswer } from './failures';
import { listPages, type CollectOptions } from './paging';
import type { PictoryClient, PictoryRequest } from './transport';
import { createdAt, IMAGE_LIST, imageId, type PictoryImage } from './types';

export const IMAGES_PATH = '/v1/aistudio/images';

/** An image's time where it must have one (date filters): a missing one is a bad answer. */
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

/** Where an image's file is, for downloads. */
export const imageFile = (image: IDataObject) => ({
	id: imageId(image) ?? 'unknown',
	url: image.url,
});

/** Lists images newest first, 100 a page, over `nextPageKey`. */
export async function listImages(
	api: PictoryClient,
	request: PictoryRequest,
	options: Omit<CollectOptions<PictoryImage>, 'list' | 'fetchPage'>,
): Promise<PictoryImage[]> {
	return await listPages(api, request, IMAGE_LIST, options);
}
