import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { MEDIA_SEARCH_PATH } from '../../shared/types';
import { searchStock, searchStockDescription } from './searchStock';
import { UPLOAD_PATH, uploadDescription, uploadMedia } from './upload';

/**
 * The Media resource: Pictory's stock library, and the files you give Pictory (see
 * shared/operation.ts for `handledBy`).
 */
export const mediaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Search Stock',
				value: 'searchStock',
				action: 'Search stock media',
				description:
					'Find stock videos and images by keyword, with watermarked previews, to choose visuals for a video',
				routing: {
					request: { method: 'GET', url: MEDIA_SEARCH_PATH },
					...handledBy(searchStock),
				},
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description:
					'Upload a file from the item’s binary data to Pictory and get its URL, for Transcribe or a video’s source',
				routing: {
					request: { method: 'POST', url: UPLOAD_PATH },
					...handledBy(uploadMedia),
				},
			},
		],
		default: 'searchStock',
	},
	...searchStockDescription,
	...uploadDescription,
];
