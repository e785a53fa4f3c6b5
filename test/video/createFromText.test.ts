/** Video → Create from Text: what is sent, the render and its wait, the download. */
import { Container } from '@n8n/di';
import { BinaryDataService, FileTooLargeError } from 'n8n-core';
import nock from 'nock';

import {
	fileStart,
	HttpAnswer,
	imageBytes,
	jobAnswer,
	JOBS_PATH,
	RENDER_PATH,
	serveGeneration,
	VIDEO_HOST,
	videoBytes,
} from '../fakePictory';
import { API_KEY, runPictoryNode } from '../harness';

const JOB_ID = 'e1d2c3b4-0000-4000-8000-000000000001';
const STORY = 'Our new app plans your week in seconds.\nTry it free today.';

const createVideo = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{
			resource: 'video',
			operation: 'createFromText',
			videoName: 'Launch teaser',
			story: STORY,
			...parameters,
		},
		options,
	);

const serveRender = (jobAnswers: unknown[], options: { generateAnswer?: [number, unknown] } = {}) =>
	serveGeneration(JOB_ID, jobAnswers, { ...options, orderPath: RENDER_PATH });

/** A dropdown's value as the editor saves it: picked From List, or typed in another mode. */
const picked = (value: string, mode = 'list') => ({ __rl: true, mode, value });

const DEFAULT_BODY = {
	videoName: 'Launch teaser',
	aspectRatio: '16:9',
	scenes: [{ story: STORY, createSceneOnNewLine: true, createSceneOnEndOfSentence: true }],
	backgroundMusic: { enabled: true, autoMusic: true, volume: 0.1 },
};

describe('Video → Create from Text: what is sent', () => {
	test.each([
		[
			'the defaults: no narration, scenes on lines and sentences, auto music at 0.1',
			{},
			DEFAULT_BODY,
		],
		[
			'a voice from the list: enabled, with its speaker, speed and amplification',
			{ voice: picked('Brian'), additionalFields: { voiceSpeed: 120, voiceAmplification: 0.5 } },
			{
				...DEFAULT_BODY,
				voiceOver: {
					enabled: true,
					aiVoices: [{ speaker: 'Brian', speed: 120, amplificationLevel: 0.5 }],
				},
			},
		],
		[
			'a voice by name from an expression',
			{ voice: picked('={{ "Amy" }}', 'name') },
			{
				...DEFAULT_BODY,
				voiceOver: {
					enabled: true,
					aiVoices: [{ speaker: 'Amy', speed: 100, amplificationLevel: 0 }],
				},
			},
		],
		['"none" by name: no narration', { voice: picked('none', 'name') }, DEFAULT_BODY],
		[
			'layout, brand, subtitle style picked From List; language, webhook, project',
			{
				smartLayoutName: picked('Wanderlust'),
				aspectRatio: '9:16',
				additionalFields: {
					brandName: picked('Acme'),
					subtitleStyleName: picked('Classic'),
					language: 'es',
					webhook: 'https://n8n.example.com/webhook-waiting/42',
					saveProject: true,
				},
			},
			{
				...DEFAULT_BODY,
				aspectRatio: '9:16',
				smartLayoutName: 'Wanderlust',
				brandName: 'Acme',
				subtitleStyleName: 'Classic',
				language: 'es',
				webhook: 'https://n8n.example.com/webhook-waiting/42',
				saveProject: true,
			},
		],
		[
			'layout, brand, subtitle style typed By Name or ID, an expression too',
			{
				smartLayoutName: picked('={{ "Modern" }}', 'id'),
				additionalFields: {
					brandName: picked(' Acme ', 'id'),
					subtitleStyleName: picked('Bold', 'id'),
				},
			},
			{ ...DEFAULT_BODY, smartLayoutName: 'Modern', brandName: 'Acme', subtitleStyleName: 'Bold' },
		],
		[
			'a brand named by a number from an expression: its digits',
			{ additionalFields: { brandName: picked('={{ 2024 }}', 'id') } },
			{ ...DEFAULT_BODY, brandName: '2024' },
		],
		[
			'layout, brand, subtitle style as plain text, as workflows saved before they were searchable hold them',
			{
				smartLayoutName: 'Modern',
				additionalFields: { brandName: 'Acme', subtitleStyleName: '={{ "Classic" }}' },
			},
			{
				...DEFAULT_BODY,
				smartLayoutName: 'Modern',
				brandName: 'Acme',
				subtitleStyleName: 'Classic',
			},
		],
		[
			'“Pictory’s Default” picked, typed empty or saved as plain text: each field left out',
			{
				smartLayoutName: picked(''),
				additionalFields: { brandName: picked('  ', 'id'), subtitleStyleName: '' },
			},
			DEFAULT_BODY,
		],
		[
			'scenes only on lines, music off (its volume still sent)',
			{ createSceneOnEndOfSentence: false, backgroundMusic: false },
			{
				...DEFAULT_BODY,
				scenes: [{ story: STORY, createSceneOnNewLine: true, createSceneOnEndOfSentence: false }],
				backgroundMusic: { enabled: false, autoMusic: false, volume: 0 },
			},
		],
		[
			'switches and numbers given as text by expressions',
			{ createSceneOnNewLine: '={{ "false" }}', musicVolume: '={{ "0.3" }}' },
			{
				...DEFAULT_BODY,
				scenes: [{ story: STORY, createSceneOnNewLine: false, createSceneOnEndOfSentence: true }],
				backgroundMusic: { enabled: true, autoMusic: true, volume: 0.3 },
			},
		],
	])('%s', async (_, parameters, body) => {
		const { requests } = serveRender([jobAnswer.videoCompleted(JOB_ID)]);

		const { items, error } = await createVideo({ ...parameters, waitForCompletion: false });

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
		expect(requests).toEqual([
			expect.objectContaining({ method: 'POST', path: RENDER_PATH, authorization: API_KEY, body }),
		]);
	});

	test.each([
		[{ story: '   ' }, 'The story must be 1 to 15,000 characters long, not 0'],
		[{ story: 'x'.repeat(15_001) }, 'The story must be 1 to 15,000 characters long, not 15,001'],
		[{ videoName: '  ' }, 'Video Name is empty'],
		[{ additionalFields: { webhook: 'not a url' } }, 'Webhook URL is not a web address: not a url'],
		[
			{ additionalFields: { webhook: `https://example.com/${'x'.repeat(500)}` } },
			'Webhook URL is longer than 500 characters',
		],
		[
			{ smartLayoutName: picked('={{ ["Wanderlust"] }}', 'id') },
			'Smart Layout must be text, not a list',
		],
		[
			{ additionalFields: { language: '={{ { code: "es" } }}' } },
			'Language must be text, not an object',
		],
		[{ musicVolume: 2 }, 'Music Volume must be a number from 0 to 1, not 2'],
		[
			{ voice: picked('Brian'), additionalFields: { voiceSpeed: 300 } },
			'Voice Speed must be a number from 50 to 200, not 300',
		],
		[{ checkIntervalSeconds: 5 }, 'Check Every must be at least 10 seconds, not 5'],
	])('%j is refused before any request', async (parameters, message) => {
		const { requests } = serveRender([jobAnswer.videoCompleted(JOB_ID)]);

		const { error } = await createVideo(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('a story of 15,000 characters is accepted', async () => {
		const { requests } = serveRender([jobAnswer.videoCompleted(JOB_ID)]);

		const { error } = await createVideo({ story: 'x'.repeat(15_000), waitForCompletion: false });

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
	});
});

describe('Video → Create from Text: the render and the wait', () => {
	test('waits, checking every 30 s, and returns the finished video with everything Pictory sent', async () => {
		const { requests } = serveRender([
			jobAnswer.inProgress(JOB_ID, 10),
			jobAnswer.inProgress(JOB_ID, 80),
			jobAnswer.videoCompleted(JOB_ID),
		]);

		const { items, error } = await createVideo();

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			jobId: JOB_ID,
			...jobAnswer.videoCompleted(JOB_ID).data,
			status: 'completed',
			videoShareURL: `https://video.pictory.ai/share/${JOB_ID}`,
		});
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 30_000],
			[`${JOBS_PATH}/${JOB_ID}`, 60_000],
			[`${JOBS_PATH}/${JOB_ID}`, 90_000],
		]);
	});

	test('a render completed in a flat answer is waited for and downloaded, its videoURL kept', async () => {
		const videoURL = `${VIDEO_HOST}/videos/${JOB_ID}.mp4`;
		serveRender([
			{ job_id: JOB_ID, status: 'in-progress', renderProgress: 50 },
			{ job_id: JOB_ID, status: 'completed', videoURL, videoDuration: 42.5 },
		]);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, videoBytes(), { 'Content-Type': 'video/mp4' });

		const { items, error } = await createVideo({ downloadVideo: true });

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			jobId: JOB_ID,
			status: 'completed',
			videoURL,
			videoDuration: 42.5,
		});
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(videoBytes());
	});

	test('a failed render is an error with Pictory’s code and message, not pointing to Job → Get', async () => {
		serveRender([jobAnswer.inProgress(JOB_ID), jobAnswer.videoFailed(JOB_ID)]);

		const { error } = await createVideo();

		expect(error?.message).toBe('Pictory could not render the video (TEXT_TO_VIDEO_FAILED)');
		expect(error?.description).toBe(
			`Pictory said: The story could not be split into scenes. Job ID: ${JOB_ID}. Change the story or settings and render again.`,
		);
	});

	test('results already expired ("cleaned") say so', async () => {
		serveRender([jobAnswer.cleaned(JOB_ID)]);

		const { error } = await createVideo();

		expect(error?.message).toBe(`The results of job ${JOB_ID} have expired`);
	});

	test('Maximum Wait (30 minutes by default) is a deadline, and the error names the job', async () => {
		const { requests } = serveRender([jobAnswer.inProgress(JOB_ID, 50)]);

		const { error } = await createVideo();

		expect(error?.message).toBe(`The video was not ready after 30 minutes (job ${JOB_ID})`);
		expect(requests.filter((request) => request.method === 'GET')).toHaveLength(60);
		expect(requests.at(-1)!.at - requests[0].at).toBe(30 * 60_000);
	});

	test('429 and 5xx on job checks are retried; the render POST never is', async () => {
		const { requests } = serveRender([
			new HttpAnswer(429, { message: 'Slow down' }),
			new HttpAnswer(502, 'Bad Gateway'),
			jobAnswer.videoCompleted(JOB_ID),
		]);

		const { items, error } = await createVideo();

		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('completed');
		expect(requests.map((request) => request.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
	});

	test('a 5xx on the render POST is not sent again and says the video may have been ordered', async () => {
		const { requests } = serveRender([], { generateAnswer: [503, { message: 'Busy' }] });

		const { error } = await createVideo();

		expect(error?.message).toBe('Pictory had a server error (HTTP 503)');
		expect(error?.description).toContain(
			'Pictory may still have received the order: look for the video with Job → Get Many before rendering again.',
		);
		expect(requests).toHaveLength(1);
	});

	test('400 INVALID_REQUEST_BODY shows Pictory’s message and its field errors', async () => {
		serveRender([], {
			generateAnswer: [
				400,
				{
					code: 'INVALID_REQUEST_BODY',
					message: 'Request body is invalid',
					fields: [{ name: 'scenes', errors: 'must have at least one scene' }],
				},
			],
		});

		const { error } = await createVideo();

		expect(error?.message).toBe('Pictory refused the request (HTTP 400)');
		expect(error?.description).toBe(
			'Pictory said: Request body is invalid; scenes: must have at least one scene',
		);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveRender([jobAnswer.videoCompleted(JOB_ID)]);

		const { error } = await createVideo(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});

	test('an error after the render was accepted names the job', async () => {
		serveRender([new HttpAnswer(500, { message: 'Internal error' })]);

		const { error } = await createVideo();

		expect(error?.description).toContain(
			`The video was ordered as job ${JOB_ID}: get it with Job → Get rather than rendering it again.`,
		);
	});

	test('a stopped execution stops waiting at once', async () => {
		const { requests } = serveRender([jobAnswer.inProgress(JOB_ID)]);

		const { items, run } = await createVideo({}, { stopWhen: () => requests.length === 2 });

		expect(run.status).toBe('canceled');
		expect(items).toEqual([]);
		expect(requests).toHaveLength(2);
	});

	test('with Download Video, the MP4 comes as binary data, named by the job', async () => {
		serveRender([jobAnswer.videoCompleted(JOB_ID)]);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, videoBytes(4096), { 'Content-Type': 'video/mp4' });

		const { items, error } = await createVideo({
			downloadVideo: true,
			binaryPropertyName: 'video',
		});

		expect(error).toBeUndefined();
		expect(items[0].binary?.video).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${JOB_ID}.mp4`,
		});
		expect(Buffer.from(items[0].binary!.video.data, 'base64')).toEqual(videoBytes(4096));
	});

	test('a video larger than n8n’s binary data store takes is an error saying what to set', async () => {
		serveRender([jobAnswer.videoCompleted(JOB_ID)]);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, videoBytes(3 * 2 ** 20), {
				'Content-Type': 'video/mp4',
				'Content-Length': String(3 * 2 ** 20),
			});
		// n8n's database binary mode (queue mode's default), here with a 2 MB cap, refuses the file as
		// n8n's own database manager does.
		const binaryData = Container.get(BinaryDataService);
		binaryData.setManager('filesystem-v2', {
			async store(
				_location: unknown,
				stream: AsyncIterable<Buffer>,
				metadata: { fileName?: string },
			) {
				let bytes = 0;
				for await (const chunk of stream) bytes += chunk.length;
				throw new FileTooLargeError({
					fileSizeMb: bytes / 2 ** 20,
					maxFileSizeMb: 2,
					fileId: 'file-1',
					fileName: metadata.fileName,
				});
			},
		} as never);

		try {
			const { error } = await createVideo({ downloadVideo: true });

			expect(error?.message).toBe(`n8n could not store the video file of ${JOB_ID} (3 MB)`);
			expect(error?.description).toContain('exceeds the max size limit of 2 MB');
			expect(error?.description).toContain('N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE');
			expect(error?.description).toContain(`The video was ordered as job ${JOB_ID}`);
		} finally {
			binaryData.setManager('filesystem-v2', undefined as never);
		}
	});

	test('a download link answering with an error page is an error naming the job', async () => {
		serveRender([jobAnswer.videoCompleted(JOB_ID)]);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, '<Error>AccessDenied</Error>', { 'Content-Type': 'application/xml' });

		const { error } = await createVideo({ downloadVideo: true });

		expect(error?.message).toBe(`The download of video ${JOB_ID} is not a video file`);
		expect(error?.description).toContain(`The video was ordered as job ${JOB_ID}`);
	});
});

describe('Video → Create from Text: what a download is', () => {
	const serveVideoFile = (body: Buffer | string, contentType: string) => {
		serveRender([jobAnswer.videoCompleted(JOB_ID)]);
		nock(VIDEO_HOST).get(`/videos/${JOB_ID}.mp4`).reply(200, body, { 'Content-Type': contentType });
	};

	test.each([
		[
			'an HTML page labelled video/mp4',
			'<html><body>Request has expired</body></html>',
			'video/mp4, starting "<html><body>Request has expired</body></"',
		],
		[
			'an S3 XML error labelled video/mp4',
			'<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>',
			'video/mp4, starting "<?xml version="1.0"?><Error><Code>Access"',
		],
		['JSON labelled video/mp4', '{"error":"expired"}', 'video/mp4, starting "{"error":"expired"}"'],
		['an image labelled video/mp4', imageBytes(JOB_ID), 'a file of type image/png (PNG)'],
		[
			'an audio-only MP4 labelled video/mp4',
			fileStart([0, 0, 0, 24], 'ftypM4A ', [0, 0, 0, 0], 'M4A isom'),
			'a file of type audio/mp4 (M4A)',
		],
	])('%s is an error naming the job, not a video', async (_, body, found) => {
		serveVideoFile(body, 'video/mp4');

		const { error, items } = await createVideo({ downloadVideo: true });

		expect(items).toEqual([]);
		expect(error?.message).toBe(`The download of video ${JOB_ID} is not a video file`);
		expect(error?.description).toContain(`answered with ${found}`);
		expect(error?.description).toContain(
			'a video must be MP4, MOV, M4V, 3GP, 3G2, WebM, Matroska, AVI, FLV, WMV, MPEG or MPEG-TS',
		);
		expect(error?.description).toContain(`The video was ordered as job ${JOB_ID}`);
	});

	const tsPackets = Buffer.alloc(188 * 3);
	for (let packet = 0; packet < 3; packet++) tsPackets[packet * 188] = 0x47;

	test.each([
		['MOV', fileStart([0, 0, 0, 20], 'ftypqt  ', [0, 0, 2, 0], 'qt  '), 'video/quicktime', 'mov'],
		['old MOV', fileStart([0, 0, 0, 8], 'wide', [0, 0, 0, 8], 'mdat'), 'video/quicktime', 'mov'],
		['M4V', fileStart([0, 0, 0, 20], 'ftypM4V ', [0, 0, 0, 1], 'isom'), 'video/x-m4v', 'm4v'],
		['3GP', fileStart([0, 0, 0, 20], 'ftyp3gp4', [0, 0, 0, 0], 'isom'), 'video/3gpp', '3gp'],
		[
			'WebM',
			fileStart([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84], 'webm'),
			'video/webm',
			'webm',
		],
		[
			'Matroska',
			fileStart([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], 'matroska'),
			'video/x-matroska',
			'mkv',
		],
		['AVI', fileStart('RIFF', [0, 1, 0, 0], 'AVI LIST'), 'video/x-msvideo', 'avi'],
		['FLV', fileStart('FLV', [1, 5, 0, 0, 0, 9]), 'video/x-flv', 'flv'],
		[
			'WMV',
			fileStart([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9]),
			'video/x-ms-wmv',
			'wmv',
		],
		['MPEG', fileStart([0, 0, 1, 0xba, 0x44]), 'video/mpeg', 'mpg'],
		['MPEG-TS', tsPackets, 'video/mp2t', 'ts'],
	])(
		'%s sent as application/octet-stream: stored as what its bytes say',
		async (_, body, mimeType, extension) => {
			serveVideoFile(body, 'application/octet-stream');

			const { items, error } = await createVideo({ downloadVideo: true });

			expect(error).toBeUndefined();
			expect(items[0].binary?.data).toMatchObject({
				mimeType,
				fileName: `${JOB_ID}.${extension}`,
				fileExtension: extension,
			});
			expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(body);
		},
	);

	test('the video streams into n8n’s binary data store: only its first bytes are read first', async () => {
		serveVideoFile(videoBytes(2 * 2 ** 20), 'video/mp4');
		const stored: Array<{ streamed: boolean; bytes: Buffer }> = [];
		const binaryData = Container.get(BinaryDataService);
		binaryData.setManager('filesystem-v2', {
			async store(_location: unknown, file: Buffer | AsyncIterable<Buffer>) {
				const chunks: Buffer[] = [];
				if (!Buffer.isBuffer(file)) for await (const chunk of file) chunks.push(chunk);
				stored.push({ streamed: !Buffer.isBuffer(file), bytes: Buffer.concat(chunks) });
				return { fileId: 'file-1', fileSize: Buffer.concat(chunks).length };
			},
		} as never);

		try {
			const { items, error } = await createVideo({ downloadVideo: true });

			expect(error).toBeUndefined();
			expect(items[0].binary?.data).toMatchObject({
				id: 'filesystem-v2:file-1',
				mimeType: 'video/mp4',
			});
			expect(stored).toHaveLength(1);
			expect(stored[0].streamed).toBe(true);
			expect(stored[0].bytes.equals(videoBytes(2 * 2 ** 20))).toBe(true);
		} finally {
			binaryData.setManager('filesystem-v2', undefined as never);
		}
	});
});
