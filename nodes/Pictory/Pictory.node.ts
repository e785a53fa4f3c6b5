import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { avatarDescription } from './resources/avatar';
import { imageDescription } from './resources/image';
import { jobDescription } from './resources/job';
import { projectDescription } from './resources/project';
import {
	searchAvatars,
	searchBrands,
	searchSmartLayouts,
	searchSubtitleStyles,
	searchVoices,
	videoDescription,
} from './resources/video';
import { toolDescriptionFields } from './shared/tool';
import { BASE_URL_EXPRESSION } from './shared/transport';

const operations = [
	...imageDescription,
	...videoDescription,
	...jobDescription,
	...projectDescription,
	...avatarDescription,
];

export class Pictory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pictory',
		name: 'pictory',
		icon: { light: 'file:pictory.svg', dark: 'file:pictory.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Render narrated videos from text and generate images from prompts with Pictory, and get its images, jobs and projects',
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
					{ name: 'Avatar', value: 'avatar' },
					{ name: 'Image', value: 'image' },
					{ name: 'Job', value: 'job' },
					{ name: 'Project', value: 'project' },
					{ name: 'Video', value: 'video' },
				],
				default: 'image',
			},
			...operations,
			...toolDescriptionFields(operations),
		],
	};

	methods = {
		listSearch: {
			searchVoices,
			searchSmartLayouts,
			searchBrands,
			searchSubtitleStyles,
			searchAvatars,
		},
	};
}
