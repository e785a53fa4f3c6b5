/** Avatar → Get Many and the Avatar list of Create from Text: Pictory's avatars, paged by nextPageKey. */
import nock from 'nock';

import { avatarListAnswer, avatars, AVATARS_PATH, VIDEO_HOST } from '../fakePictory';
import { API_KEY, BASE_URL, loadDropdown, runPictoryNode } from '../harness';

/** Pictory's avatar list, `pageSize` a page, recording the page keys asked for. */
function serveAvatars(pageSize = 2) {
	const pageKeys: Array<string | null> = [];
	nock(BASE_URL)
		.persist()
		.get(AVATARS_PATH)
		.query(true)
		.matchHeader('authorization', API_KEY)
		.reply((uri) => {
			const pageKey = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
			pageKeys.push(pageKey);
			return avatarListAnswer(pageKey, pageSize);
		});
	return { pageKeys };
}

describe('Avatar → Get Many', () => {
	test('Return All: every avatar, one item each with its looks, over every page', async () => {
		const { pageKeys } = serveAvatars();

		const { items, error } = await runPictoryNode({
			resource: 'avatar',
			operation: 'getMany',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(avatars);
		expect(pageKeys).toHaveLength(2);
	});

	test('Limit 2 asks for one page', async () => {
		const { pageKeys } = serveAvatars();

		const { items } = await runPictoryNode({ resource: 'avatar', operation: 'getMany', limit: 2 });

		expect(items.map((item) => item.json.id)).toEqual(['annie', 'marcus']);
		expect(pageKeys).toEqual([null]);
	});
});

describe('the Avatar list', () => {
	test('one entry per look, named by avatar and look, with its picture; paged as it scrolls', async () => {
		serveAvatars();

		const first = await loadDropdown({ listSearch: 'searchAvatars' });
		const next = await loadDropdown({
			listSearch: 'searchAvatars',
			paginationToken: first.paginationToken,
		});

		expect(first).toEqual({
			results: [
				{
					name: 'Annie: Expressive',
					value: 'Annie_expressive12_public',
					url: `${VIDEO_HOST}/avatars/annie-expressive.webp`,
				},
				{
					name: 'Annie: Office',
					value: 'Annie_office3_public',
					url: `${VIDEO_HOST}/avatars/annie-office.webp`,
				},
				{ name: 'Marcus: Casual', value: 'Marcus_casual1_public' },
			],
			paginationToken: expect.any(String),
		});
		expect(next).toEqual({
			results: [{ name: 'Kai: Kai_studio2_public', value: 'Kai_studio2_public' }],
		});
	});

	test('a search looks through every page', async () => {
		const { pageKeys } = serveAvatars(1);

		const found = await loadDropdown({ listSearch: 'searchAvatars', filter: 'kai' });

		expect(found).toEqual({
			results: [{ name: 'Kai: Kai_studio2_public', value: 'Kai_studio2_public' }],
		});
		expect(pageKeys).toHaveLength(3);
	});
});
