/** The Project field of Project → Get, Delete and Render: from a searchable list, or by ID. */
import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { listPages } from '../../shared/paging';
import { idText, pictoryClientFromCredential } from '../../shared/transport';
import { PROJECT_LIST, readPage } from '../../shared/types';
import { readText, refuse } from '../../shared/values';
import { searchable } from '../video/dropdowns';

export const PROJECTS_PATH = '/v2/projects';

/** `/v2/projects/{{ project }}` (and what follows), the id trimmed. */
export const projectPathExpression = (rest = '') =>
	`=${PROJECTS_PATH}/{{ encodeURIComponent(String($parameter.project ?? "").trim()) }}${rest}`;

export const projectField = (show: IDisplayOptions['show']): INodeProperties => ({
	displayName: 'Project',
	name: 'project',
	type: 'resourceLocator',
	displayOptions: { show },
	required: true,
	default: { mode: 'list', value: '' },
	description: 'A project saved in Pictory, e.g. made or edited in its web app',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a project…',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 6a0c7e2f-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
			hint: 'The project’s "id" as Get Many lists it, or the part of its app URL after /story/',
		},
	],
});

export function readProjectId(context: IExecuteSingleFunctions): string {
	const projectId = readText(context, 'project', 'Project');
	if (!projectId) {
		refuse(
			context,
			'Project is empty',
			'Pick a project in the list, or give its ID, e.g. with the expression {{ $json.id }}.',
		);
	}
	return projectId;
}

/**
 * Projects (GET /v2/projects), newest first, page by page as the list scrolls; a search walks
 * every page, as Pictory has no search.
 */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await pictoryClientFromCredential(this);
	const request = { method: 'GET' as const, url: PROJECTS_PATH };
	const wanted = searchable(filter?.trim() ?? '');
	let projects;
	let nextPageKey: string | undefined;
	if (wanted) {
		projects = await listPages(api, request, PROJECT_LIST, { limit: Infinity });
	} else {
		const qs = paginationToken ? { [PROJECT_LIST.pageKeyParam]: paginationToken } : undefined;
		const page = readPage(this.getNode(), await api.send({ ...request, qs }), PROJECT_LIST);
		projects = page.items;
		nextPageKey = page.nextPageKey;
	}
	const results = projects
		.filter((project) => idText(project.id) !== undefined)
		.map((project) => {
			const id = idText(project.id)!;
			const name =
				typeof project.name === 'string' && project.name.trim() ? project.name.trim() : id;
			return { name, value: id };
		})
		.filter((entry) => searchable(entry.name).includes(wanted));
	return { results, ...(nextPageKey && { paginationToken: nextPageKey }) };
}
