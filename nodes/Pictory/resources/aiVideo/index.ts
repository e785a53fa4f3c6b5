import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { AI_VIDEOS_PATH, generateVideo, generateVideoDescription } from './generate';
import { getGeneratedVideos, getGeneratedVideosDescription } from './getGeneratedVideos';

/**
 * The AI Video resource: AI Studio's video models, the Image resource's sibling (see
 * shared/operation.ts for how `handledBy` works).
 */
export const aiVideoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['aiVideo'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate an AI video',
				description:
					'Make a video clip from a prompt in AI Studio: Pixverse 5.5, Veo 3.1 or Veo 3.1 Fast. Costs 1.6 to 20 AI credits a second. Returns the clip’s URL once done, or its job ID.',
				routing: {
					request: { method: 'POST', url: AI_VIDEOS_PATH },
					...handledBy(generateVideo),
				},
			},
			{
				name: 'Get Generated Videos',
				value: 'getGeneratedVideos',
				action: 'Get generated videos',
				description:
					'List the AI Studio videos of your account, newest first. No credits. Returns one item per video, with its URL and prompt.',
				routing: {
					request: { method: 'GET', url: AI_VIDEOS_PATH },
					...handledBy(getGeneratedVideos),
				},
			},
		],
		default: 'getGeneratedVideos',
	},
	...generateVideoDescription,
	...getGeneratedVideosDescription,
];
