import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { imageDescription } from './resources/image';
import { BASE_URL_EXPRESSION } from './shared/transport';

export class Pictory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pictory',
		name: 'pictory',
		icon: { light: 'file:pictory.svg', dark: 'file:pictory.dark.svg' },
		group: ['transform'],
		version: 1,
		// Under the node's name, the editor shows the chosen operation's action text.
		subtitle:
			'={{ { generate: "Generate an image", getGeneratedImages: "Get generated images", getJob: "Get an image generation job" }[$parameter["operation"]] }}',
		description: 'Work with your Pictory AI Studio images',
		defaults: {
			name: 'Pictory',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'pictoryApi',
				required: true,
			},
		],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: {
				Accept: 'application/json',
			},
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Image',
						value: 'image',
					},
				],
				default: 'image',
			},
			...imageDescription,
		],
	};
}
