import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import { handledBy, type OperationCall } from '../../shared/operation';
import { listPages } from '../../shared/paging';
import { PROJECT_LIST } from '../../shared/types';
import { renderWaitFields } from '../video/renderWait';
import { deleteProject } from './delete';
import { getProject } from './get';
import { projectField, projectPathExpression, PROJECTS_PATH } from './locator';
import { renderProject } from './render';

export { searchProjects } from './locator';

/** The account's saved projects, one item each, as Pictory lists them. */
export async function getManyProjects(
	this: IExecuteSingleFunctions,
	{ request, api }: OperationCall,
) {
	const projects = await listPages(api, request, PROJECT_LIST, {
		limit: readLimit(this, 'projects'),
	});
	return projects.map((json) => ({ json }));
}

const showForRender = { resource: ['project'], operation: ['render'] };

/** The Project resource: the projects saved in Pictory (see shared/operation.ts for `handledBy`). */
export const projectDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a project',
				description:
					'Delete a saved project for good. No credits. Returns the deleted project’s ID.',
				routing: {
					request: { method: 'DELETE', url: projectPathExpression() },
					...handledBy(deleteProject),
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a project',
				description:
					'Get a project’s video, audio and subtitle files and its scenes. No credits. Returns the project with its files’ URLs.',
				routing: {
					request: { method: 'GET', url: projectPathExpression() },
					...handledBy(getProject),
				},
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many projects',
				description:
					'List the projects saved in your Pictory account. No credits. Returns one item per project.',
				routing: {
					request: { method: 'GET', url: PROJECTS_PATH },
					...handledBy(getManyProjects),
				},
			},
			{
				name: 'Render',
				value: 'render',
				action: 'Render a project',
				description:
					'Render a project as it stands in Pictory, e.g. edited in Pictory’s web app. Costs video minutes of your plan. Returns the video’s URL once done, or its job ID.',
				routing: {
					request: { method: 'POST', url: projectPathExpression('/render') },
					...handledBy(renderProject),
				},
			},
		],
		default: 'getMany',
	},
	projectField({ resource: ['project'], operation: ['get', 'delete', 'render'] }),
	...returnAllFields({ resource: ['project'], operation: ['getMany'] }),
	...renderWaitFields(showForRender),
];
