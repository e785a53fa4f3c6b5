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
		// n8n's nodes panel shows the trigger's description for the Pictory entry that holds both
		// nodes, so it says what each does.
		description:
			'Render videos from text, articles, slides or recordings and images from prompts (Pictory node), or start a workflow on each new AI Studio image (Pictory Trigger, checked at most once a minute)',
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
