/**
 * Project → Delete: sent once every item is checked, never again once it may have reached
 * Pictory (a 5xx, a broken connection), again only after a 429.
 */
import nock from 'nock';

import { networkError } from '../fakePictory';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';
import { PROJECT_DELETED, projectPath } from '../templateFixtures';

const deleteProjects = (input: Array<{ id?: string }>, settings = {}) =>
	runPictoryNode(
		{
			resource: 'project',
			operation: 'delete',
			project: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		},
		{ input, settings },
	);

/** DELETE /v2/projects/<id>: each answer once, in order; the requests recorded. */
function serveDeletes(...answers: Array<[number, unknown, Record<string, string>?] | Error>) {
	const deletes: string[] = [];
	const scope = nock(BASE_URL);
	for (const answer of answers) {
		const interceptor = scope.delete(/\/v2\/projects\/[^/]+$/);
		if (answer instanceof Error) {
			interceptor.replyWithError(answer);
			continue;
		}
		interceptor.reply(function (uri) {
			deletes.push(uri);
			expect(this.req.headers.authorization).toBe(API_KEY);
			return answer;
		});
	}
	return deletes;
}

describe('Project → Delete', () => {
	test('one DELETE per item, paired, with Pictory’s answer', async () => {
		const deletes = serveDeletes([200, PROJECT_DELETED], [200, PROJECT_DELETED]);

		const { items, error } = await deleteProjects([{ id: 'p-1' }, { id: 'p-2' }]);

		expect(error).toBeUndefined();
		expect(deletes.sort()).toEqual([projectPath('p-1'), projectPath('p-2')]);
		expect(items).toEqual([
			{ json: { projectId: 'p-1', deleted: true, ...PROJECT_DELETED }, pairedItem: { item: 0 } },
			{ json: { projectId: 'p-2', deleted: true, ...PROJECT_DELETED }, pairedItem: { item: 1 } },
		]);
	});

	test('an item without a project: nothing is deleted, not even the good items’', async () => {
		const deletes = serveDeletes([200, PROJECT_DELETED]);

		const { error } = await deleteProjects([{ id: 'p-1' }, {}]);

		expect(error?.message).toBe('Project is empty');
		expect(deletes).toEqual([]);
		nock.cleanAll();
	});

	test('Continue On Fail: the empty item is its own error, the other is deleted', async () => {
		const deletes = serveDeletes([200, PROJECT_DELETED]);

		const { items } = await deleteProjects([{}, { id: 'p-2' }], { continueOnFail: true });

		expect(items.map((item) => [item.pairedItem, item.json.deleted ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Project is empty'],
			[{ item: 1 }, true],
		]);
		expect(deletes).toEqual([projectPath('p-2')]);
	});

	test('a 503 is not sent again, and says to check before deleting again', async () => {
		const deletes = serveDeletes([503, { message: 'Busy' }], [200, PROJECT_DELETED]);

		const { error } = await deleteProjects([{ id: 'p-1' }]);

		expect(deletes).toEqual([projectPath('p-1')]);
		expect(error?.description).toContain(
			'Pictory may have deleted project p-1: check with Project → Get Many before deleting again.',
		);
		nock.cleanAll();
	});

	test('a broken connection is not sent again', async () => {
		serveDeletes(networkError('ECONNRESET', 'socket hang up'), [200, PROJECT_DELETED]);

		const { error } = await deleteProjects([{ id: 'p-1' }]);

		expect(error?.description).toContain('Pictory may have deleted project p-1');
		expect(nock.pendingMocks()).toHaveLength(1);
		nock.cleanAll();
	});

	test('a 429 deleted nothing: sent again after Retry-After', async () => {
		const deletes = serveDeletes(
			[429, { message: 'Too many requests' }, { 'Retry-After': '2' }],
			[200, PROJECT_DELETED],
		);

		const { items, error } = await deleteProjects([{ id: 'p-1' }]);

		expect(error).toBeUndefined();
		expect(deletes).toEqual([projectPath('p-1'), projectPath('p-1')]);
		expect(items[0].json.deleted).toBe(true);
	});

	test('a 403 (another account’s project) is Pictory’s refusal', async () => {
		serveDeletes([403, { message: 'Forbidden' }]);

		const { error } = await deleteProjects([{ id: 'p-9' }]);

		expect(error?.description).toContain('Forbidden');
		expect(error?.description).not.toContain('may have deleted');
	});
});
