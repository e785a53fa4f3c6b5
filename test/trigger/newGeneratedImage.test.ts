import nock from 'nock';

import {
	answerInOrder,
	imageBytes,
	makeImages,
	serveAccount,
	serveImageFiles,
} from '../fakePictory';
import { advanceClock, onClock } from '../clock';
import { activePictoryTrigger, runPictoryNode } from '../harness';
import type { PictoryImage } from '../../nodes/Pictory/shared/types';

const NOW = Date.parse('2026-04-04T06:03:38.665Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ids = (items: Array<{ json: { id?: unknown } }> | undefined) =>
	items?.map((item) => item.json.id);
const newImages = (count: number, idPrefix: string, minutesAfter = count) =>
	makeImages(count, { newest: NOW + minutesAfter * MINUTE, idPrefix });
/** One image dated `time` (ms). */
const imageAt = (id: string, time: number) => ({
	...makeImages(1, { idPrefix: id })[0],
	createdDate: new Date(time).toISOString(),
});

describe('Pictory Trigger: On New Generated Image', () => {
	test('the first poll of an active workflow remembers the last hour’s images and emits nothing, in one request', async () => {
		const account = makeImages(237, { newest: NOW });
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();

		const first = await trigger.poll();

		expect(first).toEqual({});
		expect(requests).toHaveLength(1);
		const { newest, seen } = trigger.staticData() as {
			newest: number;
			seen: Record<string, number>;
		};
		expect(newest).toBe(NOW);
		// One minute apart: the 60 images of the hour before the newest.
		expect(Object.keys(seen).sort()).toEqual(
			account
				.slice(0, 60)
				.map((image) => image.id)
				.sort(),
		);
	});

	test('later polls emit only new images, oldest first, in one request', async () => {
		const account = makeImages(237, { newest: NOW });
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		const added = newImages(3, 'new');
		account.unshift(...added);
		const second = await trigger.poll();
		const third = await trigger.poll();

		expect(second.items?.map((item) => item.json)).toEqual([...added].reverse());
		expect(second.items?.map((item) => item.pairedItem)).toEqual([undefined, undefined, undefined]);
		expect(third).toEqual({});
		expect(requests).toHaveLength(3);
	});

	test('images sharing a timestamp are neither lost nor repeated', async () => {
		const sameTime = new Date(NOW).toISOString();
		const a = { ...makeImages(1, { idPrefix: 'a' })[0], createdDate: sameTime };
		const account = [a, ...makeImages(5, { newest: NOW - MINUTE })];
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		// b arrives with exactly a's timestamp, listed after a; c is newer still.
		const b = { ...makeImages(1, { idPrefix: 'b' })[0], createdDate: sameTime };
		const c = newImages(1, 'c')[0];
		account.splice(0, 1, c, a, b);
		expect(ids((await trigger.poll()).items)).toEqual([b.id, c.id]);
		expect(await trigger.poll()).toEqual({});

		// And two at the newest timestamp are both remembered.
		const d = { ...makeImages(1, { idPrefix: 'd' })[0], createdDate: c.createdDate };
		account.unshift(d);
		expect(ids((await trigger.poll()).items)).toEqual([d.id]);
		expect(await trigger.poll()).toEqual({});
	});

	test('an image listed later than a newer one (a slower model) is emitted once, when it appears', async () => {
		const account = makeImages(50, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		const [fast, slow] = newImages(2, 'model');
		account.unshift(fast);
		expect(ids((await trigger.poll()).items)).toEqual([fast.id]);

		// The slow model's image is older than `fast`, and shows up in the list only now.
		account.splice(1, 0, slow);
		expect(ids((await trigger.poll()).items)).toEqual([slow.id]);
		expect(await trigger.poll()).toEqual({});
	});

	test('with Download Image, an image listed before its file exists waits until it has a url', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		serveImageFiles();
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();

		const [ready, pending] = newImages(2, 'new');
		account.unshift(ready, { ...pending, url: null } as unknown as PictoryImage);
		expect(ids((await trigger.poll()).items)).toEqual([ready.id]);

		account.splice(1, 1, pending);
		const later = await trigger.poll();
		expect(ids(later.items)).toEqual([pending.id]);
		expect(later.items?.[0].binary?.data.fileName).toBe(`${pending.id}.png`);
	});

	test('an image without a readable createdDate is emitted once, by its id, and blocks nothing', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		const [undated, next] = newImages(2, 'new');
		account.unshift({ ...undated, createdDate: null } as unknown as PictoryImage);
		expect(ids((await trigger.poll()).items)).toEqual([undated.id]);
		expect(await trigger.poll()).toEqual({});

		account.unshift(next);
		expect(ids((await trigger.poll()).items)).toEqual([next.id]);
	});

	test('an image listed twice in one poll is emitted once', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		const [added] = newImages(1, 'new');
		account.unshift(added, added);
		expect(ids((await trigger.poll()).items)).toEqual([added.id]);
	});

	test('a poll that fails part-way emits nothing and remembers nothing; the next poll loses nothing', async () => {
		const account = makeImages(50, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();
		const position = trigger.staticData();

		// 150 new images: the second page fails on every attempt.
		const added = newImages(150, 'new');
		const failure = [500, { message: 'Internal error' }, { 'Retry-After': '0' }] as [
			number,
			unknown,
			Record<string, string>,
		];
		nock.cleanAll();
		const { requests } = answerInOrder(
			[200, { items: added.slice(0, 100), nextPageKey: 'page-2' }],
			failure,
			failure,
			failure,
			failure,
		);
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
		const account: PictoryImage[] = [];
		serveAccount(account);
		const trigger = activePictoryTrigger();

		expect(await trigger.poll()).toEqual({});
		expect(trigger.staticData()).toEqual({ newest: null, seen: {} });

		account.push(...makeImages(2, { newest: NOW }));
		expect((await trigger.poll()).items).toHaveLength(2);
	});

	test('activated on an empty account, every image made before the next check is emitted, however far apart', async () => {
		const account: PictoryImage[] = [];
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		// With the next check at 12:00: images made at 10:30, 10:00, 09:00 and 08:00 (newest first).
		const checkAt = Date.now();
		account.push(
			...[1.5, 2, 3, 4].map((hoursBefore) =>
				imageAt(`made-${hoursBefore}h-before`, checkAt - hoursBefore * HOUR),
			),
		);
		requests.length = 0;
		const { items } = await trigger.poll();

		expect(ids(items)).toEqual(account.map((image) => image.id).reverse());
		expect(requests).toHaveLength(1);
		expect(await trigger.poll()).toEqual({});
	});

	test('an image dated hours ahead of the clock neither hides the images made after it nor makes the trigger forget', async () => {
		const account = makeImages(50, { newest: Date.now() - 10 * MINUTE });
		const known = account.map((image) => image.id);
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();
		const seenIds = () => Object.keys((trigger.staticData() as { seen: object }).seen);

		// A time-zone slip: dated 3 hours ahead, so Pictory lists it first.
		const ahead = imageAt('ahead', Date.now() + 3 * HOUR);
		account.unshift(ahead);
		expect(ids((await trigger.poll()).items)).toEqual([ahead.id]);
		expect(seenIds()).toEqual(expect.arrayContaining([ahead.id, ...known]));

		// Three images made after it, dated right, so listed after it.
		await advanceClock(5 * MINUTE);
		const later = [1, 2, 3].map((minutes) =>
			imageAt(`later-${minutes}`, Date.now() - minutes * MINUTE),
		);
		account.splice(1, 0, ...later);
		expect(ids((await trigger.poll()).items)).toEqual(later.map((image) => image.id).reverse());
		expect(await trigger.poll()).toEqual({});

		// Once the clock has passed its date, it is still not emitted again.
		await advanceClock(4 * HOUR);
		expect(await trigger.poll()).toEqual({});
	});

	test('activated while the newest image is dated ahead of the clock: nothing made before is emitted later', async () => {
		const account = [
			imageAt('ahead', Date.now() + 3 * HOUR),
			...makeImages(50, { newest: Date.now() - 10 * MINUTE }),
		];
		serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		const added = imageAt('new', Date.now() - MINUTE);
		account.splice(1, 0, added);
		expect(ids((await trigger.poll()).items)).toEqual([added.id]);
	});

	test('n8n’s clock hours behind Pictory’s, every image dated ahead: each new one emitted once, none replayed, in bounded requests', async () => {
		// 700 images, 10 s apart, the oldest 2 hours ahead of n8n's clock.
		const ahead = Date.now() + 2 * HOUR;
		const account = Array.from({ length: 700 }, (_, index) =>
			imageAt(`ahead${index}`, ahead + (700 - index) * 10_000),
		);
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();
		expect(requests).toHaveLength(6);

		const added = imageAt('new', ahead + 701 * 10_000);
		account.unshift(added);
		requests.length = 0;
		expect(ids((await trigger.poll()).items)).toEqual([added.id]);
		expect(await trigger.poll()).toEqual({});
		expect(requests).toHaveLength(12);
	});

	test('a check that starts while the last one still runs does nothing: each image is emitted once, none is lost', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		// A slow image host: 20 s a file.
		const files = serveImageFiles({ delayMs: 20_000 });
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();

		const [first] = newImages(1, 'first', 1);
		const [second] = newImages(1, 'second', 2);
		account.unshift(first);
		const firstCheck = trigger.startPoll();
		// n8n's next tick comes while the first check is downloading, and finds one more image.
		await advanceClock(10_000);
		account.unshift(second);
		const [emitted, overlapping] = await onClock(Promise.all([firstCheck, trigger.startPoll()]));

		expect(ids(emitted.items)).toEqual([first.id]);
		expect(overlapping).toEqual({});
		expect(files.downloads).toEqual([first.id]);

		// The next check finds what the skipped one would have.
		expect(ids((await trigger.poll()).items)).toEqual([second.id]);
		expect(await trigger.poll()).toEqual({});
	});

	test('checks of triggers in two workflows run side by side', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		const triggers = ['workflow-a', 'workflow-b'].map((workflowId) =>
			activePictoryTrigger({}, { workflowId }),
		);
		for (const trigger of triggers) await trigger.poll();

		const [added] = newImages(1, 'new');
		account.unshift(added);
		const results = await onClock(
			Promise.all(triggers.map(async (trigger) => await trigger.startPoll())),
		);

		expect(results.map((result) => ids(result.items))).toEqual([[added.id], [added.id]]);
	});

	test('a burst of 800 new images is emitted whole; what it re-reads and remembers stays bounded', async () => {
		const account = makeImages(50, { newest: NOW });
		const { requests } = serveAccount(account);
		const trigger = activePictoryTrigger();
		await trigger.poll();

		// 800 new images within the hour, 4 seconds apart.
		const burst = Array.from({ length: 800 }, (_, index) => ({
			...makeImages(1, { idPrefix: `burst${index}` })[0],
			createdDate: new Date(NOW + (800 - index) * 4000).toISOString(),
		}));
		account.unshift(...burst);
		requests.length = 0;
		const { items } = await trigger.poll();

		expect(ids(items)).toEqual(burst.map((image) => image.id).reverse());
		expect(requests).toHaveLength(9);
		expect(Object.keys((trigger.staticData() as { seen: object }).seen)).toHaveLength(500);

		requests.length = 0;
		expect(await trigger.poll()).toEqual({});
		expect(requests).toHaveLength(6);
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

		const added = newImages(2, 'new');
		account.unshift(...added);
		const { items } = await trigger.poll();

		expect(items?.map((item) => item.binary?.data.fileName)).toEqual([
			`${added[1].id}.png`,
			`${added[0].id}.png`,
		]);
		expect(Buffer.from(items![0].binary!.data.data, 'base64')).toEqual(imageBytes(added[1].id));
	});

	test('a download failing for now fails the poll without remembering anything', async () => {
		const account = makeImages(10, { newest: NOW });
		serveAccount(account);
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();
		const position = trigger.staticData();

		const added = newImages(2, 'new');
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

		const added = newImages(2, 'new');
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
