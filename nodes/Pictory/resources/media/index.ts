import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { UPLOAD_PATH, uploadDescription, uploadMedia } from './upload';

/**
 * The Media resource: files in Pictory's storage (see shared/operation.ts for `handledBy`).
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
		default: 'upload',
	},
	...uploadDescription,
];
