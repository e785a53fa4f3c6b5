import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { MEDIA_SEARCH_PATH } from '../../shared/types';
import { searchStock, searchStockDescription } from './searchStock';

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
		],
		default: 'searchStock',
	},
	...searchStockDescription,
];
