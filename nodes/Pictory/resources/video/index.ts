import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { createFromTextDescription, createVideoFromText, RENDER_PATH } from './createFromText';

export { searchBrands, searchSmartLayouts, searchSubtitleStyles, searchVoices } from './dropdowns';

/**
 * The Video resource. Each operation declares the request it sends and names the one function
 * that handles it (see shared/operation.ts).
 */
export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{
				name: 'Create From Text',
				value: 'createFromText',
				action: 'Create a video from text',
				description: 'Render a narrated video from a story, with scenes, voice and music',
				routing: {
					request: { method: 'POST', url: RENDER_PATH },
					...handledBy(createVideoFromText),
				},
			},
		],
		default: 'createFromText',
	},
	...createFromTextDescription,
];
