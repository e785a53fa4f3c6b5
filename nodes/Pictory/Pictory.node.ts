import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { accountDescription } from './resources/account';
import { aiVideoDescription } from './resources/aiVideo';
import { avatarDescription } from './resources/avatar';
import { imageDescription } from './resources/image';
import { jobDescription } from './resources/job';
import { mediaDescription } from './resources/media';
import {
	getMusicGenreGroups,
	getMusicGenres,
	getMusicInstruments,
	getMusicMoods,
	getMusicPurposes,
	musicDescription,
} from './resources/music';
import { projectDescription, searchProjects } from './resources/project';
import { transcriptionDescription } from './resources/transcription';
import { voiceDescription } from './resources/voice';
import {
	getTemplateVariables,
	searchAvatars,
	searchBrands,
	searchSmartLayouts,
	searchSubtitleStyles,
	searchTemplates,
	searchVimeoConnections,
	searchVoices,
	videoDescription,
} from './resources/video';
import { toolDescriptionFields } from './shared/tool';
import { BASE_URL_EXPRESSION } from './shared/transport';

const operations = [
	...imageDescription,
	...aiVideoDescription,
	...videoDescription,
	...jobDescription,
	...projectDescription,
	...avatarDescription,
	...voiceDescription,
	...accountDescription,
	...mediaDescription,
	...musicDescription,
	...transcriptionDescription,
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
			'Render narrated videos from text and generate images from prompts with Pictory, transcribe recordings into subtitles and highlights, upload files, search its stock media and music, and get its images, jobs, projects, voices and your usage',
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
					{ name: 'Account', value: 'account' },
					{ name: 'AI Video', value: 'aiVideo' },
					{ name: 'Avatar', value: 'avatar' },
					{ name: 'Image', value: 'image' },
					{ name: 'Job', value: 'job' },
					{ name: 'Media', value: 'media' },
					{ name: 'Music', value: 'music' },
					{ name: 'Project', value: 'project' },
					{ name: 'Transcription', value: 'transcription' },
					{ name: 'Video', value: 'video' },
					{ name: 'Voice', value: 'voice' },
				],
				default: 'image',
			},
			...operations,
			...toolDescriptionFields(operations),
		],
	};

	methods = {
		loadOptions: {
			getMusicGenreGroups,
			getMusicGenres,
			getMusicMoods,
			getMusicInstruments,
			getMusicPurposes,
		},
		listSearch: {
			searchVoices,
			searchSmartLayouts,
			searchBrands,
			searchSubtitleStyles,
			searchAvatars,
			searchTemplates,
			searchProjects,
			searchVimeoConnections,
		},
		resourceMapping: {
			getTemplateVariables,
		},
	};
}
