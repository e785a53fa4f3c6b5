/** Project → Get: one project, every field Pictory sends; the project by id or from the list. */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { PROJECTS_PATH } from '../fakePictory';
import { API_KEY, BASE_URL, loadDropdown, runPictoryNode } from '../harness';
import { projectDetails, projectPath } from '../templateFixtures';

const getProject = (
	project: INodeParameters[string],
	options?: Parameters<typeof runPictoryNode>[1],
) => runPictoryNode({ resource: 'project', operation: 'get', project }, options);

describe('Project → Get', () => {
	test('by id from an expression, trimmed: the project with its files and scenes', async () => {
		const asked: string[] = [];
		nock(BASE_URL)
			.get(projectPath('p 7'))
			.reply(function (uri) {
				asked.push(`${this.req.headers.authorization} ${uri}`);
				return [200, projectDetails('p 7')];
			});

		const { items, error } = await getProject(
			{ __rl: true, mode: 'id', value: '={{ $json.id }}' },
			{ input: [{ id: ' p 7 ' }] },
		);

		expect(error).toBeUndefined();
		expect(asked).toEqual([`${API_KEY} ${projectPath('p 7')}`]);
		expect(items).toEqual([
			{ json: { projectId: 'p 7', ...projectDetails('p 7') }, pairedItem: { item: 0 } },
		]);
	});

	test('a project in `data`, its id a number', async () => {
		nock(BASE_URL)
			.get(projectPath('42'))
			.reply(200, { success: true, data: { project_id: 42, projectName: 'Old' } });

		const { items } = await getProject({ __rl: true, mode: 'list', value: '42' });

		expect(items[0].json).toEqual({ projectId: '42', project_id: 42, projectName: 'Old' });
	});

	test('an empty project is refused before any request; an unknown one is Pictory’s 404', async () => {
		const empty = await getProject({ __rl: true, mode: 'id', value: ' ' });
		expect(empty.error?.message).toBe('Project is empty');

		nock(BASE_URL).get(projectPath('gone')).reply(404, { message: 'Project not found' });
		const gone = await getProject({ __rl: true, mode: 'id', value: 'gone' });
		expect(gone.error?.description).toContain('Project not found');
	});
});

describe('the project list, in the editor', () => {
	const projects = [
		{ id: 'p-3', name: 'Launch teaser' },
		{ id: 2, name: 'Weekly update' },
		{ id: 'p-1', name: 'Launch recap' },
	];

	test('page by page as it scrolls; a search walks every page', async () => {
		const pageKeys: Array<string | undefined> = [];
		nock(BASE_URL)
			.persist()
			.get(PROJECTS_PATH)
			.query(true)
			.reply((uri) => {
				const key = new URL(uri, BASE_URL).searchParams.get('pagekey') ?? undefined;
				pageKeys.push(key);
				return [
					200,
					key
						? { items: projects.slice(2), pageKey: null }
						: { items: projects.slice(0, 2), pageKey: 'k2' },
				];
			});

		const first = await loadDropdown({ listSearch: 'searchProjects' });
		const second = await loadDropdown({ listSearch: 'searchProjects', paginationToken: 'k2' });
		const found = await loadDropdown({ listSearch: 'searchProjects', filter: 'launch' });

		expect(first).toEqual({
			results: [
				{ name: 'Launch teaser', value: 'p-3' },
				{ name: 'Weekly update', value: '2' },
			],
			paginationToken: 'k2',
		});
		expect(second).toEqual({ results: [{ name: 'Launch recap', value: 'p-1' }] });
		expect(found.results.map((entry) => entry.value)).toEqual(['p-3', 'p-1']);
		expect(pageKeys).toEqual([undefined, 'k2', undefined, 'k2']);
	});
});
