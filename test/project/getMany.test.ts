/** Project → Get Many: the saved projects, paged over Pictory’s page key in any spelling. */
import nock from 'nock';

import { PROJECTS_PATH } from '../fakePictory';
import { BASE_URL, runPictoryNode } from '../harness';

describe('Project → Get Many', () => {
	test('projects page over "pagekey", answered as "pageKey", until it is null', async () => {
		const projects = (from: number) =>
			Array.from({ length: 3 }, (_, index) => ({
				id: `p${from + index}`,
				name: `Project ${from + index}`,
			}));
		const scope = nock(BASE_URL)
			.get(PROJECTS_PATH)
			.reply(200, { items: projects(1), pageKey: 'next page' })
			.get(PROJECTS_PATH)
			.query({ pagekey: 'next page' })
			.reply(200, { items: projects(4), pageKey: null });

		const { items } = await runPictoryNode({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
		});

		expect(items.map((item) => item.json.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
		expect(scope.isDone()).toBe(true);
	});

	test('a page key that repeats stops paging with an error, as for images', async () => {
		nock(BASE_URL)
			.get(PROJECTS_PATH)
			.reply(200, { items: [{ id: 'p1' }], pageKey: 'same' })
			.get(PROJECTS_PATH)
			.query({ pagekey: 'same' })
			.reply(200, { items: [{ id: 'p2' }], pageKey: 'same' });

		const { error } = await runPictoryNode({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
		});

		expect(error?.description).toContain('Pictory sent the same "pageKey" twice (after page 2)');
	});

	test.each([['nextPageKey'], ['pagekey']])(
		'projects answered with the next page key as "%s" page on too, not stopping short',
		async (keyField) => {
			const scope = nock(BASE_URL)
				.get(PROJECTS_PATH)
				.reply(200, { items: [{ id: 'p1' }, { id: 'p2' }], [keyField]: 'next page' })
				.get(PROJECTS_PATH)
				.query({ pagekey: 'next page' })
				.reply(200, { items: [{ id: 'p3' }] });

			const { items, error } = await runPictoryNode({
				resource: 'project',
				operation: 'getMany',
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.id)).toEqual(['p1', 'p2', 'p3']);
			expect(scope.isDone()).toBe(true);
		},
	);
});
