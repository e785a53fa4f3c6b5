/** Pictory Trigger: On New Generated Video, the image event's checks over AI Studio's videos. */
import nock from 'nock';

import { VIDEO_HOST, videoBytes } from '../fakePictory';
import { listPageAnswer } from '../fixtures';
import { activePictoryTrigger, API_KEY, BASE_URL } from '../harness';
import { AI_VIDEOS_PATH, makeAiVideos } from '../templateFixtures';

const MINUTE = 60_000;
type Video = ReturnType<typeof makeAiVideos>[number];

/** GET /v1/aistudio/videos over `videos` (newest first, changed by the test between polls). */
function serveVideos(videos: Video[]) {
	const requests: Array<string | null> = [];
	nock(BASE_URL)
		.persist()
		.get(AI_VIDEOS_PATH)
		.query(true)
		.reply(function (uri) {
			const nextPageKey = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
			requests.push(nextPageKey);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			return listPageAnswer(videos, nextPageKey, 100);
		});
	return { requests };
}

/** `count` videos made after the account's newest, `<prefix>-1` the oldest. */
const newVideos = (count: number, prefix: string, after: Video) =>
	Array.from({ length: count }, (_, index) => ({
		...after,
		id: `${prefix}-${count - index}`,
		url: `${VIDEO_HOST}/videos/${prefix}-${count - index}.mp4`,
		createdDate: new Date(Date.parse(after.createdDate) + (count - index) * MINUTE).toISOString(),
	}));

const ids = (items: Array<{ json: { id?: unknown } }> | undefined) =>
	items?.map((item) => item.json.id);

describe('Pictory Trigger: On New Generated Video', () => {
	test('activation emits nothing in one request; new videos are emitted once, oldest first', async () => {
		const videos = makeAiVideos(150);
		const { requests } = serveVideos(videos);
		const trigger = activePictoryTrigger({ event: 'newGeneratedVideo' });

		expect(await trigger.poll()).toEqual({});
		videos.unshift(...newVideos(2, 'new', videos[0]));
		const second = await trigger.poll();
		const third = await trigger.poll();

		expect(ids(second.items)).toEqual(['new-1', 'new-2']);
		expect(second.items?.[0].json).toMatchObject({ url: `${VIDEO_HOST}/videos/new-1.mp4` });
		expect(third).toEqual({});
		expect(requests).toEqual([null, null, null]);
	});

	test('its position is its own: the image event’s is not read as it, nor changed', async () => {
		serveVideos(makeAiVideos(3));
		const trigger = activePictoryTrigger({ event: 'newGeneratedVideo' });

		await trigger.poll();

		const state = trigger.staticData();
		expect(Object.keys(state)).toEqual(['videos']);
		expect(Object.keys((state.videos as { seen: object }).seen)).toHaveLength(3);
	});

	test('with Download Video, each new video comes with its MP4', async () => {
		const videos = makeAiVideos(3);
		serveVideos(videos);
		const bytes = videoBytes(256);
		nock(VIDEO_HOST).get('/videos/new-1.mp4').reply(200, bytes, { 'Content-Type': 'video/mp4' });
		const trigger = activePictoryTrigger({
			event: 'newGeneratedVideo',
			downloadVideo: true,
			binaryPropertyName: 'video',
		});
		await trigger.poll();

		videos.unshift(...newVideos(1, 'new', videos[0]));
		const { items, error } = await trigger.poll();

		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(['new-1']);
		expect(items?.[0].binary?.video).toMatchObject({ mimeType: 'video/mp4', fileSize: '256 B' });
	});
});
