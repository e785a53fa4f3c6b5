/** Media → Upload: the signed URL, the PUT of the bytes (streamed), its retries and errors. */
import { createHash } from 'node:crypto';
import https from 'node:https';
import { Readable } from 'node:stream';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import nock from 'nock';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { networkError } from '../fakePictory';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';
import {
	signedUploadAnswer,
	UPLOAD_HOST,
	UPLOAD_PATH,
	uploadKey,
	MEDIA_HOST,
} from '../mediaFixtures';

const RECORDING = Buffer.concat([
	Buffer.from([0, 0, 0, 0x18, 0xff, 0xfe]),
	Buffer.from('ftypisom recording of the quarterly review '.repeat(40)),
]);

const inMemoryFile = (
	bytes: Buffer,
	fileName = 'review.mp4',
	mimeType = 'video/mp4',
): IBinaryData => ({
	data: bytes.toString('base64'),
	mimeType,
	fileName,
	fileExtension: fileName.split('.').pop(),
	fileSize: `${bytes.length} B`,
});

const withFile = (binary: Record<string, IBinaryData>): INodeExecutionData[] => [
	{ json: { name: 'review' }, binary },
];

const upload = (
	parameters: Record<string, unknown> = {},
	options: Parameters<typeof runPictoryNode>[1] = {},
) =>
	runPictoryNode(
		{ resource: 'media', operation: 'upload', inputBinaryField: 'data', ...parameters },
		{ inputData: withFile({ data: inMemoryFile(RECORDING) }), ...options },
	);

interface Put {
	path: string;
	headers: Record<string, unknown>;
	bytes: Buffer;
	at: number;
}

/** Pictory's signed URL request, and the storage host taking PUTs (`answers` in turn, then 200). */
function serveUpload(answers: Array<number | Error> = [], fileName = 'review.mp4') {
	const signing: Array<{ body: unknown; authorization: unknown }> = [];
	const puts: Put[] = [];
	nock(BASE_URL)
		.persist()
		.post(UPLOAD_PATH)
		.reply(function (_uri, body) {
			signing.push({ body, authorization: this.req.headers.authorization });
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			return [200, signedUploadAnswer(fileName)];
		});
	const storage = nock(UPLOAD_HOST);
	const afterwards = nock(UPLOAD_HOST).persist();
	const record = (
		req: { headers: Record<string, unknown>; path: string },
		_: unknown,
		body: string,
	) =>
		puts.push({
			path: req.path,
			headers: { ...req.headers },
			bytes: Buffer.from(body, 'hex'),
			at: Date.now(),
		});
	storage.on('request', record);
	afterwards.on('request', record);
	const path = `/${uploadKey(fileName)}`;
	for (const answer of answers) {
		const put = storage.put(path).query(true);
		if (answer instanceof Error) put.replyWithError(answer);
		else put.reply(answer, '<Error><Code>AccessDenied</Code></Error>');
	}
	afterwards.put(path).query(true).reply(200, '');
	return { signing, puts };
}

describe('Media → Upload', () => {
	test('asks Pictory for a signed URL, PUTs the bytes there without the key, returns the URL', async () => {
		const { signing, puts } = serveUpload();

		const { items, error } = await upload();

		expect(error).toBeUndefined();
		expect(signing).toEqual([
			{ body: { fileName: 'review.mp4', contentType: 'video/mp4' }, authorization: API_KEY },
		]);
		expect(puts).toHaveLength(1);
		expect(puts[0].path).toMatch(new RegExp(`^/${uploadKey('review.mp4')}\\?X-Amz-Algorithm=`));
		expect(puts[0].headers['content-type']).toBe('video/mp4');
		expect(puts[0].headers['content-length']).toBe(String(RECORDING.length));
		expect(puts[0].headers.authorization).toBeUndefined();
		expect(JSON.stringify(puts[0].headers)).not.toContain(API_KEY);
		expect(puts[0].bytes.equals(RECORDING)).toBe(true);
		expect(items).toEqual([
			{
				json: {
					url: `${MEDIA_HOST}/${uploadKey('review.mp4')}`,
					fileName: 'review.mp4',
					mimeType: 'video/mp4',
					fileSize: RECORDING.length,
					key: uploadKey('review.mp4'),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a file without a name or type goes as <field>.<extension>, application/octet-stream', async () => {
		const { signing, puts } = serveUpload([], 'data');

		const { error } = await upload(
			{},
			{ inputData: withFile({ data: { data: RECORDING.toString('base64'), mimeType: '' } }) },
		);

		expect(error).toBeUndefined();
		expect(signing[0].body).toEqual({ fileName: 'data', contentType: 'application/octet-stream' });
		expect(puts[0].headers['content-type']).toBe('application/octet-stream');
	});

	test('a failed PUT is sent again, as a read is; the signed URL is asked for once', async () => {
		const { signing, puts } = serveUpload([503, networkError('ECONNRESET', 'socket hang up')]);

		const { items, error } = await upload();

		expect(error).toBeUndefined();
		expect(items[0].json.url).toBe(`${MEDIA_HOST}/${uploadKey('review.mp4')}`);
		expect(signing).toHaveLength(1);
		expect(puts).toHaveLength(3);
		for (const put of puts) expect(put.bytes.equals(RECORDING)).toBe(true);
		// 1 s, then 2 s, each with up to half again of jitter.
		expect(puts[1].at - puts[0].at).toBeGreaterThanOrEqual(1000);
		expect(puts[1].at - puts[0].at).toBeLessThan(1500);
		expect(puts[2].at - puts[1].at).toBeGreaterThanOrEqual(2000);
		expect(puts[2].at - puts[1].at).toBeLessThan(3000);
	});

	test('an upload that keeps failing names the file, after 4 attempts', async () => {
		const { puts } = serveUpload([500, 500, 500, 500]);

		const { error } = await upload();

		expect(puts).toHaveLength(4);
		expect(error?.message).toBe('Could not upload review.mp4 to Pictory (HTTP 500)');
		expect(error?.description).toBe(
			"The upload to Pictory's storage failed 4 times (HTTP 500). Nothing was billed: run the node again.",
		);
	});

	test('a refused PUT (403) is not sent again, and says the signed URL may have expired', async () => {
		const { puts } = serveUpload([403]);

		const { error } = await upload();

		expect(puts).toHaveLength(1);
		expect(error?.message).toBe('Could not upload review.mp4 to Pictory (HTTP 403)');
		expect(error?.description).toMatch(/signed URL expired/);
	});

	test('a rejected key fails before any byte is sent', async () => {
		const { signing, puts } = serveUpload();

		const { error } = await upload(
			{},
			{
				credentials: { pictoryApi: { apiKey: 'pictai_wrong' } },
				inputData: withFile({ data: inMemoryFile(RECORDING) }),
			},
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(signing).toHaveLength(1);
		expect(puts).toHaveLength(0);
	});

	test('an answer without the signed URL is an error, and nothing is PUT', async () => {
		nock(BASE_URL)
			.post(UPLOAD_PATH)
			.reply(200, { success: true, data: { key: 'x' } });

		const { error } = await upload();

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toMatch(/no "data.signedUrl" and "data.url"/);
	});

	test('a missing binary field is refused before any request, naming the fields there are', async () => {
		const { signing } = serveUpload();

		const { error } = await upload({ inputBinaryField: 'video' });

		expect(signing).toHaveLength(0);
		expect(error?.message).toBe('The item has no binary field "video"');
		expect(error?.description).toBe(
			'Its binary fields are "data": name one of them in Input Binary Field.',
		);
	});

	test('an item with no binary data at all is refused, saying where a file comes from', async () => {
		const { signing } = serveUpload();

		const { error } = await upload({}, { inputData: [{ json: { name: 'review' } }] });

		expect(signing).toHaveLength(0);
		expect(error?.message).toBe('The item has no binary field "data"');
		expect(error?.description).toMatch(/Google Drive/);
	});

	test('Continue On Fail: a failed upload is that item’s error item', async () => {
		serveUpload([403]);

		const { items, error } = await upload(
			{},
			{
				settings: { continueOnFail: true },
				inputData: withFile({ data: inMemoryFile(RECORDING) }),
			},
		);

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'Could not upload review.mp4 to Pictory (HTTP 403)',
					details: { description: expect.stringMatching(/Nothing was billed/) },
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('a big file from n8n’s binary data store', () => {
	const SIZE = 50 * 2 ** 20;
	const CHUNK = 64 * 1024;
	const CHUNK_BYTES = Buffer.alloc(CHUNK, 'pictory upload ');
	let produced = 0;

	/** A store whose file is made chunk by chunk as it is read, so nothing of it exists ahead. */
	beforeAll(() => {
		const generated = {
			async getAsStream() {
				produced = 0;
				return Readable.from(
					(function* () {
						for (; produced < SIZE; produced += CHUNK) yield Buffer.from(CHUNK_BYTES);
					})(),
					{ objectMode: false, highWaterMark: CHUNK },
				);
			},
			async getMetadata() {
				return { fileName: 'webinar.mp4', mimeType: 'video/mp4', fileSize: SIZE };
			},
		};
		// A store of its own mode, as n8n's S3 or database modes are: files are read by their id.
		const service = Container.get(BinaryDataService);
		const setManager = service.setManager.bind(service) as (mode: string, manager: unknown) => void;
		setManager('generated', generated);
	});

	test('50 MB stream through to the signed URL: never more than 1 MB ahead of what was sent', async () => {
		nock(BASE_URL).post(UPLOAD_PATH).reply(200, signedUploadAnswer('webinar.mp4'));
		let lengthHeader: unknown;
		nock(UPLOAD_HOST)
			.put(`/${uploadKey('webinar.mp4')}`)
			.query(true)
			.reply(function () {
				lengthHeader = this.req.headers['content-length'];
				return [200, ''];
			});
		// What leaves through the HTTP client, counted as it is written to the connection.
		const sent = { bytes: 0, maxAhead: 0, hash: createHash('sha256') };
		const request = https.request;
		const spy = jest.spyOn(https, 'request').mockImplementation(function (...args: unknown[]) {
			const req = (request as (...a: unknown[]) => ReturnType<typeof https.request>).apply(
				https,
				args,
			);
			if (req.method === 'PUT') {
				const write = req.write.bind(req) as (...a: unknown[]) => boolean;
				req.write = ((chunk: Buffer, ...rest: unknown[]) => {
					// Read from the store but not yet sent, this chunk included.
					sent.maxAhead = Math.max(sent.maxAhead, produced - sent.bytes);
					sent.bytes += chunk.length;
					sent.hash.update(chunk);
					return write(chunk, ...rest);
				}) as typeof req.write;
			}
			return req;
		});

		const { items, error } = await runPictoryNode(
			{ resource: 'media', operation: 'upload', inputBinaryField: 'data' },
			{
				inputData: [
					{
						json: {},
						binary: {
							data: {
								id: 'generated:webinar',
								data: 'generated',
								mimeType: 'video/mp4',
								fileName: 'webinar.mp4',
								fileSize: '50 MB',
							},
						},
					},
				],
			},
		);
		spy.mockRestore();

		expect(error).toBeUndefined();
		expect(items[0].json.fileSize).toBe(SIZE);
		expect(lengthHeader).toBe(String(SIZE));
		expect(sent.bytes).toBe(SIZE);
		const expected = createHash('sha256');
		for (let offset = 0; offset < SIZE; offset += CHUNK) expected.update(CHUNK_BYTES);
		expect(sent.hash.digest('hex')).toBe(expected.digest('hex'));
		expect(sent.maxAhead).toBeLessThanOrEqual(2 ** 20);
	});
});
