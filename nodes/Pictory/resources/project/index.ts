import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import { handledBy, type OperationCall } from '../../shared/operation';
import { listPages } from '../../shared/paging';
import { PROJECT_LIST } from '../../shared/types';

const PROJECTS_PATH = '/v2/projects';

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
		],
		default: 'getMany',
	},
	...returnAllFields({ resource: ['project'], operation: ['getMany'] }),
];
