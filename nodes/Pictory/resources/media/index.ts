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
					'Find stock videos and images by keyword, to choose visuals for a video. No credits. Returns one item per result, with a watermarked preview.',
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
					'Upload a file from the item’s binary data to Pictory, for Transcribe or a video’s source. No credits. Returns the file’s URL at Pictory.',
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
