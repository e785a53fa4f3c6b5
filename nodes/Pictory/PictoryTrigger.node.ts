import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { newGeneratedImageDescription, pollNewGeneratedImages } from './trigger/newGeneratedImage';

export class PictoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pictory Trigger',
		name: 'pictoryTrigger',
		icon: { light: 'file:pictory.svg', dark: 'file:pictory.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On new generated image',
		description: 'Starts the workflow when a new image is generated in Pictory AI Studio',
		defaults: {
			name: 'Pictory Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'pictoryApi',
				required: true,
			},
		],
		properties: newGeneratedImageDescription,
	};

	poll = pollNewGeneratedImages;
}
