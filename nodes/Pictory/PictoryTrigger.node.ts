import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { jobFinishedDescription, pollJobFinished } from './trigger/jobFinished';
import {
	newGeneratedImageDescription,
	newGeneratedVideoDescription,
	pollNewGeneratedImages,
	pollNewGeneratedVideos,
} from './trigger/newGeneratedImage';

export class PictoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pictory Trigger',
		name: 'pictoryTrigger',
		icon: { light: 'file:pictory.svg', dark: 'file:pictory.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ { jobFinished: "On job finished", newGeneratedVideo: "On new generated video" }[$parameter.event] ?? "On new generated image" }}',
		// n8n's nodes panel shows the trigger's description for the Pictory entry that holds both
		// nodes, so it says what each does.
		description:
			'Render videos from text, articles, slides or recordings and images from prompts (Pictory node), or start a workflow on each new AI Studio image or each finished job (Pictory Trigger, checked at most once a minute)',
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
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Job Finished',
						value: 'jobFinished',
						description:
							'A job of the account completed or failed: a render, preview, transcription, highlights, image or AI Studio video',
					},
					{
						name: 'New Generated Image',
						value: 'newGeneratedImage',
						description: 'An image was generated in Pictory AI Studio',
					},
					{
						name: 'New Generated Video',
						value: 'newGeneratedVideo',
						description: 'A video was generated in Pictory AI Studio',
					},
				],
				default: 'newGeneratedImage',
			},
			...newGeneratedImageDescription,
			...newGeneratedVideoDescription,
			...jobFinishedDescription,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'newGeneratedImage');
		if (event === 'jobFinished') return await pollJobFinished.call(this);
		if (event === 'newGeneratedVideo') return await pollNewGeneratedVideos.call(this);
		return await pollNewGeneratedImages.call(this);
	}
}
