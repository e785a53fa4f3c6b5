/** AI Video → Get Generated Videos: newest first, Limit L in ceil(L / page) requests, a loop guard. */
import nock from 'nock';

import { pageKeyFor, VIDEO_HOST, videoBytes } from '../fakePictory';
import { listPageAnswer } from '../fixtures';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';
import { AI_VIDEOS_PATH, makeAiVideos } from '../templateFixtures';

const getVideos = (parameters: Record<string, unknown> = {}) =>
	runPictoryNode({ resource: 'aiVideo', operation: 'getGeneratedVideos', ...parameters });

function serveVideos(videos: ReturnType<typeof makeAiVideos>, pageSize = 100) {
	const pageKeys: Array<string | null> = [];
	nock(BASE_URL)
		.persist()
		.get(AI_VIDEOS_PATH)
		.query(true)
		.reply(function (uri) {
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			const key = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
			pageKeys.push(key);
			return listPageAnswer(videos, key, pageSize);
		});
	return pageKeys;
}

describe('AI Video → Get Generated Videos', () => {
	test.each([
		[1, 1],
		[100, 1],
		[101, 2],
		[250, 3],
	])('Limit %i costs %i request(s)', async (limit, pages) => {
		const videos = makeAiVideos(320);
		const pageKeys = serveVideos(videos);

		const { items, error } = await getVideos({ limit });

		expect(error).toBeUndefined();
		expect(pageKeys).toHaveLength(pages);
		expect(items.map((item) => item.json)).toEqual(videos.slice(0, limit));
	});

	test('Return All walks every page, each field kept', async () => {
		const videos = makeAiVideos(230);
		const pageKeys = serveVideos(videos);

		const { items } = await getVideos({ returnAll: true });

		expect(items).toHaveLength(230);
		expect(pageKeys).toEqual([null, pageKeyFor(100), pageKeyFor(200)]);
		expect(items[0].json).toEqual(videos[0]);
	});

	test('a page key sent twice stops the paging with an error', async () => {
		nock(BASE_URL)
			.persist()
			.get(AI_VIDEOS_PATH)
			.query(true)
			.reply(200, { items: makeAiVideos(100), nextPageKey: 'same' });

		const { error } = await getVideos({ returnAll: true });

		expect(error?.description).toContain(
			'Pictory sent the same "nextPageKey" twice (after page 2)',
		);
	});

	test('Download Video puts each MP4 in binary data', async () => {
		const videos = makeAiVideos(2);
		serveVideos(videos);
		nock(VIDEO_HOST)
			.persist()
			.get(/\/videos\/vid-\d+\.mp4$/)
			.reply(200, videoBytes(), { 'Content-Type': 'video/mp4' });

		const { items } = await getVideos({ limit: 2, downloadVideo: true });

		expect(items.map((item) => item.binary?.data?.fileName)).toEqual([
			'vid-000002.mp4',
			'vid-000001.mp4',
		]);
	});
});
