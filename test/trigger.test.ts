import nock from 'nock';

import { activePictoryTrigger, runPictoryNode } from './harness';
import {
	answerInOrder,
	imageBytes,
	makeImages,
	serveAccount,
	serveImageFiles,
} from './fakePictory';

const NOW = Date.parse('2026-04-04T06:03:38.665Z');
const MINUTE = 60_000;

describe('Pictory Trigger: On New Generated Image', () => {
	test('the first poll of an active workflow records the newest image and emits nothing', async () => {
		const account = makeImages(237, { newest: NOW });
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();

		const first = await trigger.poll();

		expect(first).toEqual({});
		expect(requests).toHaveLength(1);
		expect(trigger.staticData()).toEqual({
			lastCreatedDate: account[0].createdDate,
			idsAtLastCreatedDate: [account[0].id],
		});
	});

	test('later polls emit only new images, oldest first, in one request', async () => {
		const account = makeImages(237, { newest: NOW });
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		const added = makeImages(3, { newest: NOW + 3 * MINUTE, idPrefix: 'new' });
		account.unshift(...added);
		const second = await trigger.poll();
		const third = await trigger.poll();

		expect(second.items?.map((item) => item.json)).toEqual([...added].reverse());
		expect(third).toEqual({});
		expect(requests).toHaveLength(3);
		expect(trigger.staticData()).toEqual({
			lastCreatedDate: added[0].createdDate,
			idsAtLastCreatedDate: [added[0].id],
		});
	});

	test('images sharing the last timestamp are neither lost nor repeated', async () => {
		const sameTime = new Date(NOW).toISOString();
		const a = { ...makeImages(1, { idPrefix: 'a' })[0], createdDate: sameTime };
		const account = [a, ...makeImages(5, { newest: NOW - MINUTE })];
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		// b arrives with exactly a's timestamp, listed after a; c is newer still.
		const b = { ...makeImages(1, { idPrefix: 'b' })[0], createdDate: sameTime };
		const c = makeImages(1, { newest: NOW + MINUTE, idPrefix: 'c' })[0];
		account.splice(0, 1, c, a, b);
		const next = await trigger.poll();
		const after = await trigger.poll();

		expect(next.items?.map((item) => item.json.id)).toEqual([b.id, c.id]);
		expect(after).toEqual({});

		// And two at the newest timestamp are both remembered.
		const d = { ...makeImages(1, { idPrefix: 'd' })[0], createdDate: c.createdDate };
		account.unshift(d);
		expect((await trigger.poll()).items?.map((item) => item.json.id)).toEqual([d.id]);
		expect(trigger.staticData()).toEqual({
			lastCreatedDate: c.createdDate,
			idsAtLastCreatedDate: [c.id, d.id],
		});
		expect(await trigger.poll()).toEqual({});
	});

	test('a poll that fails part-way emits nothing and keeps its position; the next poll loses nothing', async () => {
		const account = makeImages(50, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();
		const position = trigger.staticData();

		// 150 new images: two pages. The second page fails on every retry.
		const added = makeImages(150, { newest: NOW + 150 * MINUTE, idPrefix: 'new' });
		const failure = [500, { message: 'Internal error' }, { 'Retry-After': '0' }] as [
			number,
			unknown,
			Record<string, string>,
		];
		const firstPage = { items: added.slice(0, 100), nextPageKey: 'page-2' };
		nock.cleanAll();
		const { requests } = answerInOrder([200, firstPage], failure, failure, failure, failure);
		const failed = await trigger.poll();

		expect(failed.items).toBeUndefined();
		expect(failed.error?.message).toBe('Pictory had a server error (HTTP 500) after 4 attempts');
		expect(requests).toHaveLength(5);
		expect(trigger.staticData()).toEqual(position);

		account.unshift(...added);
		serveAccount(account);
		const recovered = await trigger.poll();
		expect(recovered.items?.map((item) => item.json)).toEqual([...added].reverse());
		expect(await trigger.poll()).toEqual({});
	});

	test('an account with no images yet: everything generated after activation is emitted', async () => {
		const account: ReturnType<typeof makeImages> = [];
		serveAccount(account);
		const trigger = activePictoryTrigger();

		expect(await trigger.poll()).toEqual({});
		expect(trigger.staticData()).toEqual({ lastCreatedDate: null, idsAtLastCreatedDate: [] });

		account.push(...makeImages(2, { newest: NOW }));
		expect((await trigger.poll()).items).toHaveLength(2);
	});

	test('a rejected API key is reported as the poll’s error', async () => {
		serveAccount(makeImages(3));
		const trigger = activePictoryTrigger(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		const { error } = await trigger.poll();

		expect(error?.message).toBe('Pictory rejected the API key');
	});

	test('with Download Image, new images come with their PNG', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		serveImageFiles();
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();

		const added = makeImages(2, { newest: NOW + 2 * MINUTE, idPrefix: 'new' });
		account.unshift(...added);
		const { items } = await trigger.poll();

		expect(items?.map((item) => item.binary?.data.fileName)).toEqual([
			`${added[1].id}.png`,
			`${added[0].id}.png`,
		]);
		expect(Buffer.from(items![0].binary!.data.data, 'base64')).toEqual(imageBytes(added[1].id));
	});

	test('a download failing for now fails the poll without moving its position', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();
		const position = trigger.staticData();

		const added = makeImages(2, { newest: NOW + 2 * MINUTE, idPrefix: 'new' });
		account.unshift(...added);
		const files = serveImageFiles({ failing: { [added[0].id]: 503 }, retryAfter: '0' });
		const { error, items } = await trigger.poll();

		expect(error?.message).toBe(`Could not download image ${added[0].id} (HTTP 503)`);
		expect(items).toBeUndefined();
		expect(trigger.staticData()).toEqual(position);
		expect(files.downloads.filter((id) => id === added[0].id)).toHaveLength(4);
	});

	test('an image whose file can never be downloaded is emitted without it, and the trigger moves on', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();

		const added = makeImages(2, { newest: NOW + 2 * MINUTE, idPrefix: 'new' });
		account.unshift(...added);
		serveImageFiles({ failing: { [added[1].id]: 404 } });
		const { items, error } = await trigger.poll();

		expect(error).toBeUndefined();
		expect(items?.map((item) => item.json.downloadError)).toEqual([
			`Could not download image ${added[1].id} (HTTP 404)`,
			undefined,
		]);
		expect(items?.map((item) => item.binary?.data.fileName)).toEqual([
			undefined,
			`${added[0].id}.png`,
		]);
		expect(trigger.staticData()).toEqual({
			lastCreatedDate: added[0].createdDate,
			idsAtLastCreatedDate: [added[0].id],
		});
	});

	test('on activation, images sharing the newest timestamp are all remembered', async () => {
		const [newest, ...older] = makeImages(5, { newest: NOW });
		const twin = { ...makeImages(1, { idPrefix: 'twin' })[0], createdDate: newest.createdDate };
		serveAccount([newest, twin, ...older]);
		const trigger = activePictoryTrigger();

		await trigger.poll();

		expect(trigger.staticData()).toEqual({
			lastCreatedDate: newest.createdDate,
			idsAtLastCreatedDate: [newest.id, twin.id],
		});
		expect(await trigger.poll()).toEqual({});
	});

	test('"Fetch Test Event" in the editor shows the newest image, in one request', async () => {
		const account = makeImages(237, { newest: NOW });
		const { requests } = serveAccount(account);

		const { items, error } = await runPictoryNode({}, { type: 'pictoryTrigger' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([account[0]]);
		expect(requests).toHaveLength(1);
	});
});
