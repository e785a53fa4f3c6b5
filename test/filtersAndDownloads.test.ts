import nock from 'nock';

import { advanceClock } from './clock';
import {
	imageBytes,
	makeImages,
	networkError,
	serveAccount,
	serveImageFiles,
	IMAGE_HOST,
} from './fakePictory';
import { runPictoryNode } from './harness';

const getGeneratedImages = (
	parameters: Record<string, unknown>,
	options?: Parameters<typeof runPictoryNode>[1],
) => runPictoryNode({ resource: 'image', operation: 'getGeneratedImages', ...parameters }, options);

describe('Created After / Created Before', () => {
	// 10,000 images, one minute apart: index i was created i minutes before the newest.
	const account = makeImages(10_000);
	const timeOf = (index: number) => account[index].createdDate;
	const msOf = (index: number) => Date.parse(timeOf(index));

	test('Created After matching 3 of 10,000 images costs one request, not 100', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(3) },
		});

		expect(items.map((item) => item.json)).toEqual(account.slice(0, 3));
		expect(requests).toHaveLength(1);
	});

	test('Created After deep in the list pages only as far as it needs', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(250) },
		});

		expect(items).toHaveLength(250);
		expect(requests).toHaveLength(3);
	});

	test.each([
		['ISO 8601 text', timeOf(3)],
		['epoch milliseconds', msOf(3)],
		['epoch milliseconds as text', String(msOf(3))],
		['epoch seconds', msOf(3) / 1000],
		['a Luxon DateTime from an expression', `={{ DateTime.fromISO("${timeOf(3)}") }}`],
		['a JS Date from an expression', `={{ new Date(${msOf(3)}) }}`],
	])('Created After given as %s', async (_, createdAfter) => {
		serveAccount(account);

		const { items, error } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(account.slice(0, 3).map((image) => image.id));
	});

	test('Created After and Limit: whichever ends first', async () => {
		const { requests } = serveAccount(account);

		const limited = await getGeneratedImages({ limit: 2, filters: { createdAfter: timeOf(3) } });
		const windowed = await getGeneratedImages({ limit: 50, filters: { createdAfter: timeOf(3) } });

		expect(limited.items.map((item) => item.json.id)).toEqual([account[0].id, account[1].id]);
		expect(windowed.items).toHaveLength(3);
		expect(requests).toHaveLength(2);
	});

	test('Created Before skips the newer images and pages on to fill the Limit', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({
			limit: 5,
			filters: { createdBefore: timeOf(149) },
		});

		expect(items.map((item) => item.json)).toEqual(account.slice(150, 155));
		expect(requests).toHaveLength(2);
	});

	test('both dates give the images in between', async () => {
		serveAccount(account);

		const { items } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(20), createdBefore: timeOf(9) },
		});

		expect(items.map((item) => item.json)).toEqual(account.slice(10, 20));
	});

	test('a date without a time zone is read in the workflow’s time zone', async () => {
		const images = makeImages(5, { newest: Date.parse('2026-04-04T12:00:00Z') });
		serveAccount(images);

		// 13:57 in Berlin (UTC+2 in April) is 11:57 UTC: the three images from 11:58 to 12:00 UTC.
		const { items } = await getGeneratedImages(
			{ returnAll: true, filters: { createdAfter: '2026-04-04T13:57:00' } },
			{ timezone: 'Europe/Berlin' },
		);

		expect(items.map((item) => item.json)).toEqual(images.slice(0, 3));
	});

	test.each([
		[{ createdAfter: 'last tuesday' }, 'Created After is not a valid date: last tuesday'],
		[
			{ createdAfter: timeOf(1), createdBefore: timeOf(5) },
			'Created After must be earlier than Created Before',
		],
	])('filters %j are refused before any request', async (filters, message) => {
		const { requests } = serveAccount(account);

		const { error } = await getGeneratedImages({ returnAll: true, filters });

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('an image without a readable createdDate is a clear error when filtering by date', async () => {
		serveAccount([{ ...account[0], createdDate: 'yesterday' }]);

		const { error } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(3) },
		});

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(`Image ${account[0].id} has no readable "createdDate"`);
	});
});

describe('Download Image', () => {
	const account = makeImages(30);

	test('each item carries its PNG as binary data: right bytes, mime type and file name', async () => {
		serveAccount(account);
		const files = serveImageFiles();

		const { items } = await getGeneratedImages({ limit: 3, downloadImage: true });

		expect(items.map((item) => item.json)).toEqual(account.slice(0, 3));
		for (const [index, item] of items.entries()) {
			const { id } = account[index];
			expect(item.binary?.data).toMatchObject({
				mimeType: 'image/png',
				fileName: `${id}.png`,
				fileExtension: 'png',
			});
			expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(imageBytes(id));
		}
		expect(files.downloads.sort()).toEqual(
			account
				.slice(0, 3)
				.map((image) => image.id)
				.sort(),
		);
	});

	test('downloads only the images returned, into the field chosen (trimmed)', async () => {
		serveAccount(account);
		const files = serveImageFiles();

		const { items } = await getGeneratedImages({
			limit: 2,
			downloadImage: true,
			binaryPropertyName: ' image ',
		});

		expect(Object.keys(items[0].binary ?? {})).toEqual(['image']);
		expect(files.downloads).toHaveLength(2);
	});

	test('a file is named by what it is: a JPEG is <id>.jpg, image/jpeg', async () => {
		serveAccount(account);
		const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.from('jpeg')]);
		serveImageFiles({
			bodies: { [account[0].id]: { body: jpeg, contentType: 'application/octet-stream' } },
		});

		const { items } = await getGeneratedImages({ limit: 1, downloadImage: true });

		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${account[0].id}.jpg`,
		});
	});

	test.each([
		[
			'an HTML error page',
			{ body: '<html>Access denied</html>', contentType: 'text/html' },
			'text/html, starting "<html>Access denied</html>"',
		],
		['an empty body', { body: '', contentType: 'image/png' }, 'an empty body'],
	])('%s answered with 200 is an error, not a broken file', async (_, answer, found) => {
		serveAccount(account);
		serveImageFiles({ bodies: { [account[0].id]: answer } });

		const { error } = await getGeneratedImages({ limit: 1, downloadImage: true });

		expect(error?.message).toBe(`The download of image ${account[0].id} is not an image file`);
		expect(error?.description).toContain(`answered with ${found}`);
	});

	test('downloads run at most 4 at a time and keep the list order', async () => {
		serveAccount(account);
		const files = serveImageFiles({ delayMs: 30 });

		const { items } = await getGeneratedImages({ limit: 12, downloadImage: true });

		expect(items.map((item) => item.binary?.data.fileName)).toEqual(
			account.slice(0, 12).map((image) => `${image.id}.png`),
		);
		expect(files.maxInFlight).toBe(4);
	});

	test('the downloads of all input items share the 4 places', async () => {
		serveAccount(account);
		const files = serveImageFiles({ delayMs: 30 });

		const { items } = await getGeneratedImages(
			{ limit: 6, downloadImage: true },
			{ inputItems: 3 },
		);

		expect(items).toHaveLength(18);
		expect(files.maxInFlight).toBe(4);
	});

	test('a download the image host fails for a moment is retried', async () => {
		serveAccount(account);
		const files = serveImageFiles({
			failing: { [account[0].id]: 503 },
			retryAfter: '0',
			failFirst: 1,
		});

		const { items, error } = await getGeneratedImages({ limit: 1, downloadImage: true });

		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe(`${account[0].id}.png`);
		expect(files.downloads).toEqual([account[0].id, account[0].id]);
	});

	test('a failed download fails the node with an error naming the image', async () => {
		serveAccount(account);
		serveImageFiles({ failing: { [account[1].id]: 403 } });

		const { error } = await getGeneratedImages({ limit: 3, downloadImage: true });

		expect(error?.message).toBe(`Could not download image ${account[1].id} (HTTP 403)`);
	});

	test('a download that cannot connect names the image and the connection error', async () => {
		serveAccount(account);
		nock(IMAGE_HOST)
			.get(new URL(account[1].url).pathname)
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));
		serveImageFiles();

		const { error } = await getGeneratedImages({ limit: 3, downloadImage: true });

		expect(error?.message).toBe(`Could not download image ${account[1].id}`);
		expect(error?.description).toContain('failed (ECONNREFUSED)');
	});

	test('once a download fails the run, the other downloads stop retrying', async () => {
		serveAccount(account);
		const files = serveImageFiles({ failing: { [account[0].id]: 403, [account[1].id]: 503 } });

		const { error } = await getGeneratedImages({ limit: 2, downloadImage: true });
		// Longer than the first retry's wait, which would fetch account[1] again.
		await advanceClock(5_000);

		expect(error?.message).toBe(`Could not download image ${account[0].id} (HTTP 403)`);
		expect(files.downloads.filter((id) => id === account[1].id)).toHaveLength(1);
	});

	test('with Continue On Fail, only the image that failed becomes an error item, with its id and url', async () => {
		serveAccount(account);
		serveImageFiles({ failing: { [account[1].id]: 404 } });

		const { items, error } = await getGeneratedImages(
			{ limit: 3, downloadImage: true },
			{ settings: { onError: 'continueRegularOutput' } },
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].binary?.data.fileName).toBe(`${account[0].id}.png`);
		expect(items[1].json).toEqual({
			error: `Could not download image ${account[1].id} (HTTP 404)`,
			details: {
				id: account[1].id,
				url: account[1].url,
				description: expect.stringContaining(account[1].url),
			},
		});
		expect(items[1].binary).toBeUndefined();
		expect(items[1].pairedItem).toEqual({ item: 0 });
		expect(items[2].binary?.data.fileName).toBe(`${account[2].id}.png`);
	});
});
