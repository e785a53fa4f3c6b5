import type { INodeProperties } from 'n8n-workflow';

import { IMAGES_PATH } from '../../shared/images';
import { handledBy } from '../../shared/operation';
import { generateDescription, generateImage } from './generate';
import { getGeneratedImages, getGeneratedImagesDescription } from './getGeneratedImages';
import { getJob, JOB_PATH_EXPRESSION, jobIdField } from '../job/get';

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
				description: 'Make an image from a prompt in Pictory AI Studio',
				routing: {
					request: { method: 'POST', url: IMAGES_PATH },
					...handledBy(generateImage),
				},
			},
			{
				name: 'Get Generated Images',
				value: 'getGeneratedImages',
				action: 'Get generated images',
				description: 'List the AI Studio images of your account, newest first',
				routing: {
					request: { method: 'GET', url: IMAGES_PATH },
					...handledBy(getGeneratedImages),
				},
			},
			{
				name: 'Get Job',
				value: 'getJob',
				action: 'Get an image generation job',
				description:
					'Get the status of an image generation job and, once done, its image (same as Job → Get)',
				routing: {
					request: { method: 'GET', url: JOB_PATH_EXPRESSION },
					...handledBy(getJob),
				},
			},
		],
		default: 'getGeneratedImages',
	},
	...generateDescription,
	...getGeneratedImagesDescription,
	jobIdField({ resource: ['image'], operation: ['getJob'] }),
];
