import type { INodeProperties } from 'n8n-workflow';

import { keepWholeResponse } from '../../shared/transport';
import { generateDescription, generateImage, validateGenerateRequest } from './generate';
import { getGeneratedImagesDescription, paginateGeneratedImages } from './getGeneratedImages';
import { getJobDescription, requestJobWithRetries, requireJobId, returnJob } from './getJob';

const showOnlyForImages = {
	resource: ['image'],
};

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
					request: { method: 'POST', url: '/v1/aistudio/images', ignoreHttpStatusErrors: true },
					send: { preSend: [validateGenerateRequest], paginate: true },
					operations: { pagination: generateImage },
					output: { postReceive: [keepWholeResponse] },
				},
			},
			{
				name: 'Get Generated Images',
				value: 'getGeneratedImages',
				action: 'Get generated images',
				description: 'List the AI Studio images of your account, newest first',
				routing: {
					request: { method: 'GET', url: '/v1/aistudio/images' },
					send: { paginate: true },
					operations: { pagination: paginateGeneratedImages },
					output: { postReceive: [keepWholeResponse] },
				},
			},
			{
				name: 'Get Job',
				value: 'getJob',
				action: 'Get an image generation job',
				description: 'Get the status of an image generation job and, once done, its image',
				routing: {
					request: {
						method: 'GET',
						url: '=/v1/jobs/{{ encodeURIComponent(String($parameter.jobId).trim()) }}',
					},
					send: { preSend: [requireJobId], paginate: true },
					operations: { pagination: requestJobWithRetries },
					output: { postReceive: [returnJob] },
				},
			},
		],
		default: 'getGeneratedImages',
	},
	...generateDescription,
	...getGeneratedImagesDescription,
	...getJobDescription,
];
