/**
 * Redirects: the API key goes only to the Base URL's origin. A read follows a redirect within it;
 * a redirect to another host is an error naming it, and that host receives nothing.
 */
import nock from 'nock';

import { IMAGES_PATH, makeImages, PROJECTS_PATH } from '../fakePictory';
import { activePictoryTrigger, API_KEY, BASE_URL, loadDropdown, runPictoryNode } from '../harness';

const ELSEWHERE = 'https://elsewhere.example.net';

/** Every request another host receives, with the Authorization it carried. */
function serveElsewhere() {
	const received: Array<{ path: string; authorization?: string }> = [];
	nock(ELSEWHERE)
		.persist()
		.get(/.*/)
		.reply(function (uri) {
			received.push({ path: uri, authorization: this.req.headers.authorization });
			return [200, { items: [] }];
		});
	return received;
}

const redirectFrom = (path: string, location: string, status = 302) =>
	nock(BASE_URL).get(path).query(true).reply(status, '', { Location: location });

describe('a redirect to another host', () => {
	test.each([
		['Get Generated Images', IMAGES_PATH, { resource: 'image', operation: 'getGeneratedImages' }],
		['Project → Get Many', PROJECTS_PATH, { resource: 'project', operation: 'getMany' }],
	])('%s: is an error naming it, and the other host gets nothing', async (_, path, parameters) => {
		const received = serveElsewhere();
		redirectFrom(path, `${ELSEWHERE}/collect`);

		const { error } = await runPictoryNode(parameters);

		expect(error?.message).toBe("Pictory's address redirected to another host (HTTP 302)");
		expect(error?.description).toContain(`points to ${ELSEWHERE}/collect`);
		expect(error?.description).toContain('Check the Base URL in the Pictory API credential');
		expect(received).toEqual([]);
	});

	test('the trigger: the poll fails naming it, and the other host gets nothing', async () => {
		const received = serveElsewhere();
		redirectFrom(IMAGES_PATH, `${ELSEWHERE}/collect`, 301);

		const { error } = await activePictoryTrigger().poll();

		expect(error?.message).toBe("Pictory's address redirected to another host (HTTP 301)");
		expect(received).toEqual([]);
	});

	test('a dropdown: shows the error, and the other host gets nothing', async () => {
		const received = serveElsewhere();
		redirectFrom('/pictoryapis/v1/voiceovers/tracks', `${ELSEWHERE}/voices`, 307);

		await expect(loadDropdown({ listSearch: 'searchVoices' })).rejects.toThrow(
			"Pictory's address redirected to another host (HTTP 307)",
		);
		expect(received).toEqual([]);
	});

	test('http:// to https:// of the same host is another origin too', async () => {
		redirectFrom(IMAGES_PATH, BASE_URL.replace('https://', 'http://') + IMAGES_PATH);

		const { error } = await runPictoryNode({ resource: 'image', operation: 'getGeneratedImages' });

		expect(error?.message).toBe("Pictory's address redirected to another host (HTTP 302)");
	});
});

describe('a redirect within the Base URL’s origin', () => {
	test('is followed, with the key', async () => {
		const moved = '/pictoryapis/v2/aistudio/images';
		redirectFrom(IMAGES_PATH, moved, 308);
		const authorizations: unknown[] = [];
		nock(BASE_URL)
			.get(moved)
			.reply(function () {
				authorizations.push(this.req.headers.authorization);
				return [200, { items: makeImages(2) }];
			});

		const { items, error } = await runPictoryNode({
			resource: 'image',
			operation: 'getGeneratedImages',
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(authorizations).toEqual([API_KEY]);
	});
});
