import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { binaryFieldFor, readLimit, returnAllFields } from '../../shared/descriptions';
import { itemsWithFiles, readDownload, VIDEO_FILE } from '../../shared/download';
import type { OperationCall } from '../../shared/operation';
import { listPages } from '../../shared/paging';
import { idText } from '../../shared/transport';
import { AI_VIDEO_LIST } from '../../shared/types';
import { DOWNLOAD_VIDEO } from '../video/renderWait';

const show = { resource: ['aiVideo'], operation: ['getGeneratedVideos'] };

export const getGeneratedVideosDescription: INodeProperties[] = [
	...returnAllFields(show),
	{
		displayName: DOWNLOAD_VIDEO.label,
		name: DOWNLOAD_VIDEO.name,
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: "Whether to also download each video's MP4 into the item's binary data",
	},
	binaryFieldFor({ ...show, [DOWNLOAD_VIDEO.name]: [true] }),
];

/**
 * Lists the account's AI Studio videos, newest first, stopping as soon as it has the Limit (a
 * Limit of L costs ceil(L / page size) requests), then downloads just those videos' files.
 */
export async function getGeneratedVideos(
	this: IExecuteSingleFunctions,
	{ request, api, run }: OperationCall,
) {
	const limit = readLimit(this, 'videos');
	const download = readDownload(this, DOWNLOAD_VIDEO, this.continueOnFail() ? 'errorItem' : 'fail');
	const videos = await listPages(api, request, AI_VIDEO_LIST, { limit });
	return await itemsWithFiles(
		this,
		run,
		videos,
		download,
		(video) => ({ id: idText(video.id) ?? 'unknown', url: video.url }),
		VIDEO_FILE,
	);
}
