/** Download Image: files streamed into binary data, typed by their bytes, four at a time. */
import nock from 'nock';

import { advanceClock } from '../clock';
import {
	fileStart,
	imageBytes,
	makeImages,
	networkError,
	serveAccount,
	serveImageFiles,
	videoBytes,
	IMAGE_HOST,
} from '../fakePictory';
import { activePictoryTrigger, runPictoryNode } from '../harness';

const getGeneratedImages = (
	parameters: Record<string, unknown>,
	options?: Parameters<typeof runPictoryNode>[1],
) => runPictoryNode({ resource: 'image', operation: 'getGeneratedImages', ...parameters }, options);

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

	test.each([
		[
			'an HTML 403 page labelled image/png',
			{ body: '<!DOCTYPE html><html><h1>403 Forbidden</h1></html>', contentType: 'image/png' },
			'image/png, starting "<!DOCTYPE html><html><h1>403 Forbidden</"',
		],
		[
			'an S3 XML error labelled image/jpeg',
			{
				body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code></Error>',
				contentType: 'image/jpeg',
			},
			'image/jpeg, starting "<?xml version="1.0" encoding="UTF-8"?>.<',
		],
		[
			'JSON labelled image/png',
			{ body: '{"message":"Forbidden"}', contentType: 'image/png; charset=utf-8' },
			'image/png, starting "{"message":"Forbidden"}"',
		],
		[
			'a video labelled image/png',
			{ body: videoBytes(), contentType: 'image/png' },
			'a file of type video/mp4 (MP4)',
		],
	])(
		'%s is an error, not an image: the bytes decide, not the Content-Type',
		async (_, answer, found) => {
			serveAccount(account);
			serveImageFiles({ bodies: { [account[0].id]: answer } });

			const { error, items } = await getGeneratedImages({ limit: 1, downloadImage: true });

			expect(items).toEqual([]);
			expect(error?.message).toBe(`The download of image ${account[0].id} is not an image file`);
			expect(error?.description).toContain(`${account[0].url} answered with ${found}`);
			expect(error?.description).toContain(
				'an image must be PNG, JPEG, GIF, WebP, AVIF, HEIC, HEIF, BMP, TIFF or JPEG XL',
			);
		},
	);

	test.each([
		['a PNG labelled image/jpeg', imageBytes('x'), 'image/jpeg', 'image/png', 'png'],
		['GIF', fileStart('GIF89a', [1, 0, 1, 0]), 'application/octet-stream', 'image/gif', 'gif'],
		[
			'WebP labelled image/png',
			fileStart('RIFF', [36, 0, 0, 0], 'WEBPVP8 '),
			'image/png',
			'image/webp',
			'webp',
		],
		[
			'AVIF',
			fileStart([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'),
			'',
			'image/avif',
			'avif',
		],
		[
			'AVIF under the general HEIF brand',
			fileStart([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'),
			'binary/octet-stream',
			'image/avif',
			'avif',
		],
		[
			'HEIC',
			fileStart([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'),
			'image/heic',
			'image/heic',
			'heic',
		],
		[
			'HEIF',
			fileStart([0, 0, 0, 16], 'ftypmif1', [0, 0, 0, 0]),
			'image/heif',
			'image/heif',
			'heif',
		],
		[
			'BMP',
			fileStart('BM', [70, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0]),
			'image/x-ms-bmp',
			'image/bmp',
			'bmp',
		],
		['TIFF (Intel)', fileStart('II', [42, 0, 8, 0, 0, 0]), 'image/tiff', 'image/tiff', 'tif'],
		['TIFF (Motorola)', fileStart('MM', [0, 42, 0, 0, 0, 8]), 'image/tiff', 'image/tiff', 'tif'],
		['JPEG XL', fileStart([0xff, 0x0a, 0xfa, 0x1f]), 'image/jxl', 'image/jxl', 'jxl'],
	])('%s: stored as what its bytes say', async (_, body, contentType, mimeType, extension) => {
		serveAccount(account);
		serveImageFiles({ bodies: { [account[0].id]: { body, contentType } } });

		const { items, error } = await getGeneratedImages({ limit: 1, downloadImage: true });

		expect(error).toBeUndefined();
		expect(items[0].binary?.data).toMatchObject({
			mimeType,
			fileName: `${account[0].id}.${extension}`,
			fileExtension: extension,
		});
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(body);
	});

	test('the trigger takes an error page labelled image/png for what it is: the image comes without it', async () => {
		const account = makeImages(10);
		serveAccount(account);
		const trigger = activePictoryTrigger({ downloadImage: true });
		await trigger.poll();

		const added = makeImages(1, {
			newest: Date.parse(account[0].createdDate) + 60_000,
			idPrefix: 'new',
		});
		account.unshift(...added);
		serveImageFiles({
			bodies: { [added[0].id]: { body: '<html>Access denied</html>', contentType: 'image/png' } },
		});
		const { items, error } = await trigger.poll();

		expect(error).toBeUndefined();
		expect(items?.map((item) => item.json)).toEqual([
			{ ...added[0], downloadError: `The download of image ${added[0].id} is not an image file` },
		]);
		expect(items?.[0].binary).toBeUndefined();
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
