import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { createFromTextDescription, createVideoFromText, RENDER_PATH } from './createFromText';
import { createPreview, createPreviewDescription, PREVIEW_PATH } from './createPreview';
import {
	renderFromTemplate,
	renderFromTemplateDescription,
	TEMPLATE_ORDER_PATH_EXPRESSION,
} from './renderFromTemplate';
import {
	renderPreview,
	renderPreviewDescription,
	RENDER_PREVIEW_PATH_EXPRESSION,
} from './renderPreview';

export {
	searchAvatars,
	searchBrands,
	searchSmartLayouts,
	searchSubtitleStyles,
	searchVoices,
} from './dropdowns';
export { getTemplateVariables, searchTemplates } from './renderFromTemplate';
export { searchVimeoConnections } from './vimeo';

/**
 * The Video resource. Each operation declares the request it sends and names the one function
 * that handles it (see shared/operation.ts).
 */
export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{
				name: 'Create From Text',
				value: 'createFromText',
				action: 'Create a video from text',
				description:
					'Render a narrated video from a story, an article or blog, a PowerPoint, an AI script, a podcast or video (shorts). Costs video minutes of your plan. Returns the video’s URL once done, or its job ID.',
				routing: {
					request: { method: 'POST', url: RENDER_PATH },
					...handledBy(createVideoFromText),
				},
			},
			{
				name: 'Create Preview',
				value: 'createPreview',
				action: 'Create a video preview',
				description:
					'Make a preview of a video, from any source, to check before paying for the render. Costs less than a render. Returns its preview URL once done, or its job ID.',
				routing: {
					request: { method: 'POST', url: PREVIEW_PATH },
					...handledBy(createPreview),
				},
			},
			{
				name: 'Render Preview',
				value: 'renderPreview',
				action: 'Render a video preview',
				description:
					'Render a completed preview into the video, as it is. Costs video minutes of your plan. Returns the video’s URL once done, or its job ID.',
				routing: {
					request: { method: 'PUT', url: RENDER_PREVIEW_PATH_EXPRESSION },
					...handledBy(renderPreview),
				},
			},
			{
				name: 'Render From Template',
				value: 'renderFromTemplate',
				action: 'Render a video from a template',
				description:
					'A video (or preview) from a template made in Pictory, its variables filled from each item. Costs video minutes of your plan. Returns the video’s URL once done, or its job ID.',
				routing: {
					request: { method: 'POST', url: TEMPLATE_ORDER_PATH_EXPRESSION },
					...handledBy(renderFromTemplate),
				},
			},
		],
		default: 'createFromText',
	},
	...createFromTextDescription,
	...createPreviewDescription,
	...renderPreviewDescription,
	...renderFromTemplateDescription,
];
