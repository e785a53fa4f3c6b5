import type { INodeProperties } from 'n8n-workflow';

import { IMAGES_PATH } from '../../shared/images';
import { handledBy } from '../../shared/operation';
import { generateDescription, generateImage } from './generate';
import { getGeneratedImages, getGeneratedImagesDescription } from './getGeneratedImages';

const showOnlyForImages = {
	resource: ['image'],
};

/**
 * The Image resource. Each operation declares the request it sends and names the one function
 * that handles it (see shared/operation.ts for how `handledBy` works).
 */
export const imageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForImages },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate an image',
				description:
					'Make an image from a prompt in AI Studio. Costs 0.6 to 14 AI credits by model. Returns the image’s URL once done, or its job ID.',
				routing: {
					request: { method: 'POST', url: IMAGES_PATH },
					...handledBy(generateImage),
				},
			},
			{
				name: 'Get Generated Images',
				value: 'getGeneratedImages',
				action: 'Get generated images',
				description:
					'List the AI Studio images of your account, newest first. No credits. Returns one item per image, with its URL and prompt.',
				routing: {
					request: { method: 'GET', url: IMAGES_PATH },
					...handledBy(getGeneratedImages),
				},
			},
		],
		default: 'getGeneratedImages',
	},
	...generateDescription,
	...getGeneratedImagesDescription,
];
