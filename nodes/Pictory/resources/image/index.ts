import type { INodeProperties } from 'n8n-workflow';

import { getGeneratedImagesDescription, keepPageBody, paginateGeneratedImages } from './getGeneratedImages';

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
				name: 'Get Generated Images',
				value: 'getGeneratedImages',
				action: 'Get generated images',
				description: 'List the AI Studio images of your account, newest first',
				routing: {
					request: { method: 'GET', url: '/v1/aistudio/images' },
					send: { paginate: true },
					operations: { pagination: paginateGeneratedImages },
					output: { postReceive: [keepPageBody] },
				},
			},
		],
		default: 'getGeneratedImages',
	},
	...getGeneratedImagesDescription,
];
