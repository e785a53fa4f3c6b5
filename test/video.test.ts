/** Video → Create from Text, Job → Get / Get Many, Project → Get Many, and the dropdowns. */
import { Container } from '@n8n/di';
import { BinaryDataService, FileTooLargeError } from 'n8n-core';
import { NodeApiError, type INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import {
	dropdownLists,
	fileStart,
	HttpAnswer,
	imageBytes,
	jobAnswer,
	JOBS_PATH,
	PROJECTS_PATH,
	RENDER_PATH,
	serveGeneration,
	VIDEO_HOST,
	videoBytes,
} from './fakePictory';
import { Pictory } from '../nodes/Pictory/Pictory.node';
import { API_KEY, BASE_URL, loadDropdown, runPictoryNode } from './harness';

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

describe('Job → Get', () => {
	const getJob = (jobId: string) => runPictoryNode({ resource: 'job', operation: 'get', jobId });

	test.each([
		[
			'a render in progress, with its progress',
			jobAnswer.inProgress(JOB_ID, 42),
			{ status: 'in-progress', renderProgress: 42 },
		],
		[
			'a finished video, with its files',
			jobAnswer.videoCompleted(JOB_ID),
			{ status: 'completed', videoShareURL: `https://video.pictory.ai/share/${JOB_ID}` },
		],
		[
			'a failed render, with Pictory’s code and message',
			jobAnswer.videoFailed(JOB_ID),
			{ status: 'failed', errorCode: 'TEXT_TO_VIDEO_FAILED' },
		],
		[
			'a job whose results expired',
			jobAnswer.cleaned(JOB_ID),
			{ status: 'cleaned', errorMessage: expect.stringContaining('The results have expired') },
		],
		['an image job', jobAnswer.imageCompleted(JOB_ID), { status: 'completed', width: 1024 }],
	])('gives %s', async (_, answer, json) => {
		serveGeneration(JOB_ID, [answer]);

		const { items, error } = await getJob(JOB_ID);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ jobId: JOB_ID, ...json });
	});

	const videoURL = `${VIDEO_HOST}/videos/${JOB_ID}.mp4`;
	const createdAt = '2026-04-04T11:52:00.000Z';
	const failure = { error_code: 'TEXT_TO_VIDEO_FAILED', error_message: 'No scenes' };
	const failedJob = { videoName: 'Launch teaser', createdAt };
	const failedOutput = {
		status: 'failed',
		errorCode: 'TEXT_TO_VIDEO_FAILED',
		errorMessage: 'No scenes',
		...failedJob,
	};

	test.each([
		[
			'a completed job answered flat, "job_id" at the top',
			{ job_id: JOB_ID, status: 'completed', videoURL, videoDuration: 42.5 },
			{ status: 'completed', videoURL, videoDuration: 42.5 },
		],
		[
			'a job in progress answered flat, "jobId" at the top',
			{ jobId: JOB_ID, status: 'in-progress', renderProgress: 10, createdAt },
			{ status: 'in-progress', renderProgress: 10, createdAt },
		],
		[
			'a nested answer with fields beside "data"',
			{ job_id: JOB_ID, success: true, createdAt, data: { status: 'in-progress' } },
			{ status: 'in-progress', createdAt },
		],
		[
			'a failed job, nested, with its name and date',
			{ job_id: JOB_ID, success: false, data: { status: 'failed', ...failure, ...failedJob } },
			failedOutput,
		],
		[
			'a failed job, flat, with its name and date',
			{ job_id: JOB_ID, status: 'failed', ...failure, ...failedJob },
			failedOutput,
		],
		[
			'a failed job whose error code is a number',
			{ job_id: JOB_ID, success: false, error_code: 1010, error_message: 'No scenes' },
			{ status: 'failed', errorCode: '1010', errorMessage: 'No scenes' },
		],
	])('keeps every field of %s', async (_, answer, json) => {
		serveGeneration(JOB_ID, [answer]);

		const { items, error } = await getJob(JOB_ID);

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ jobId: JOB_ID, ...json });
	});
});

describe('Job → Get Many and Project → Get Many', () => {
	const jobPage = (from: number, count: number, nextPageKey?: string) => ({
		items: Array.from({ length: count }, (_, index) => ({
			success: true,
			data: { jobId: `job-${from + index}`, status: 'completed' },
		})),
		...(nextPageKey && { nextPageKey }),
	});

	test('jobs page over nextPageKey and stop at the Limit: 150 jobs, 2 requests', async () => {
		const scope = nock(BASE_URL)
			.get(JOBS_PATH)
			.reply(200, jobPage(1, 100, 'jobs-2'))
			.get(JOBS_PATH)
			.query({ nextPageKey: 'jobs-2' })
			.reply(200, jobPage(101, 100, 'jobs-3'));

		const { items } = await runPictoryNode({ resource: 'job', operation: 'getMany', limit: 150 });

		expect(items).toHaveLength(150);
		expect(items[0]).toEqual({
			json: { jobId: 'job-1', status: 'completed' },
			pairedItem: { item: 0 },
		});
		expect(scope.isDone()).toBe(true);
	});

	test('every field of every job is kept, whatever its shape: flat, nested, failed', async () => {
		const createdAt = '2026-04-04T11:52:00.000Z';
		const videoURL = `${VIDEO_HOST}/videos/job-1.mp4`;
		nock(BASE_URL)
			.get(JOBS_PATH)
			.reply(200, {
				items: [
					{ jobId: 'job-1', status: 'completed', videoURL, createdAt, videoName: 'Teaser' },
					{ job_id: 'job-2', status: 'in-progress', renderProgress: 5, createdAt },
					{ success: true, createdAt, data: { jobId: 'job-3', status: 'completed', videoURL } },
					{
						success: false,
						data: {
							jobId: 'job-4',
							status: 'failed',
							error_code: 'TEXT_TO_VIDEO_FAILED',
							error_message: 'No scenes',
							videoName: 'Failed teaser',
							createdAt,
						},
					},
				],
			});

		const { items, error } = await runPictoryNode({ resource: 'job', operation: 'getMany' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ jobId: 'job-1', status: 'completed', videoURL, createdAt, videoName: 'Teaser' },
			{ jobId: 'job-2', status: 'in-progress', renderProgress: 5, createdAt },
			{ jobId: 'job-3', status: 'completed', videoURL, createdAt },
			{
				jobId: 'job-4',
				status: 'failed',
				errorCode: 'TEXT_TO_VIDEO_FAILED',
				errorMessage: 'No scenes',
				videoName: 'Failed teaser',
				createdAt,
			},
		]);
	});

	test('projects page over "pagekey", answered as "pageKey", until it is null', async () => {
		const projects = (from: number) =>
			Array.from({ length: 3 }, (_, index) => ({
				id: `p${from + index}`,
				name: `Project ${from + index}`,
			}));
		const scope = nock(BASE_URL)
			.get(PROJECTS_PATH)
			.reply(200, { items: projects(1), pageKey: 'next page' })
			.get(PROJECTS_PATH)
			.query({ pagekey: 'next page' })
			.reply(200, { items: projects(4), pageKey: null });

		const { items } = await runPictoryNode({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
		});

		expect(items.map((item) => item.json.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
		expect(scope.isDone()).toBe(true);
	});

	test.each([['nextPageKey'], ['pagekey']])(
		'projects answered with the next page key as "%s" page on too, not stopping short',
		async (keyField) => {
			const scope = nock(BASE_URL)
				.get(PROJECTS_PATH)
				.reply(200, { items: [{ id: 'p1' }, { id: 'p2' }], [keyField]: 'next page' })
				.get(PROJECTS_PATH)
				.query({ pagekey: 'next page' })
				.reply(200, { items: [{ id: 'p3' }] });

			const { items, error } = await runPictoryNode({
				resource: 'project',
				operation: 'getMany',
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.id)).toEqual(['p1', 'p2', 'p3']);
			expect(scope.isDone()).toBe(true);
		},
	);

	test('jobs answered with the next page key as "pageKey" page on too, over "nextPageKey"', async () => {
		const scope = nock(BASE_URL)
			.get(JOBS_PATH)
			.reply(200, { ...jobPage(1, 2), pageKey: 'jobs-2' })
			.get(JOBS_PATH)
			.query({ nextPageKey: 'jobs-2' })
			.reply(200, jobPage(3, 1));

		const { items, error } = await runPictoryNode({
			resource: 'job',
			operation: 'getMany',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.jobId)).toEqual(['job-1', 'job-2', 'job-3']);
		expect(scope.isDone()).toBe(true);
	});

	test('a listed job whose id is spelled "data.job_id" keeps its id', async () => {
		nock(BASE_URL)
			.get(JOBS_PATH)
			.reply(200, {
				items: [
					{ success: true, data: { job_id: 'job-1', status: 'completed' } },
					{ success: true, data: { job_id: 'job-1', status: 'completed' } },
					{ success: true, data: { job_id: 'job-2', status: 'in-progress' } },
				],
			});

		const { items, error } = await runPictoryNode({ resource: 'job', operation: 'getMany' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ jobId: 'job-1', status: 'completed' },
			{ jobId: 'job-2', status: 'in-progress' },
		]);
	});

	test('a page key that repeats stops paging with an error, as for images', async () => {
		nock(BASE_URL)
			.get(PROJECTS_PATH)
			.reply(200, { items: [{ id: 'p1' }], pageKey: 'same' })
			.get(PROJECTS_PATH)
			.query({ pagekey: 'same' })
			.reply(200, { items: [{ id: 'p2' }], pageKey: 'same' });

		const { error } = await runPictoryNode({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
		});

		expect(error?.description).toContain('Pictory sent the same "pageKey" twice (after page 2)');
	});
});

describe('the dropdowns', () => {
	const serveList = (path: string, body: unknown) =>
		nock(BASE_URL)
			.get(`/pictoryapis${path}`)
			.matchHeader('authorization', API_KEY)
			.reply(200, body as nock.Body);

	test('Voice: every voice with its language and accent, after "No Narration"', async () => {
		serveList('/v1/voiceovers/tracks', dropdownLists.voices);

		const voices = await loadDropdown({ listSearch: 'searchVoices' });

		expect(voices).toEqual({
			results: [
				{ name: 'No Narration', value: 'none' },
				{ name: 'Amy (English, British, female)', value: 'Amy' },
				{ name: 'Brian (English, American, male)', value: 'Brian' },
				{ name: 'Lucia (Spanish, Castilian, female)', value: 'Lucia' },
			],
		});
	});

	test('Voice: searching by language', async () => {
		serveList('/v1/voiceovers/tracks', dropdownLists.voices);

		const voices = await loadDropdown({ listSearch: 'searchVoices', filter: 'spanish' });

		expect(voices).toEqual({
			results: [{ name: 'Lucia (Spanish, Castilian, female)', value: 'Lucia' }],
		});
	});

	test('every dropdown filled from Pictory is a searchable list loaded when opened, with a typed mode', () => {
		// An options field with loadOptionsMethod loads as soon as a new node shows it, before n8n has
		// attached the credential, and n8n's editor shows its failure as "[object Object]".
		const { description, methods } = new Pictory();
		const fields = description.properties.flatMap((property) => [
			property,
			...((property.options ?? []) as INodeProperties[]),
		]);

		expect(fields.filter((field) => field.typeOptions?.loadOptionsMethod)).toEqual([]);
		const locators = fields.filter((field) => field.type === 'resourceLocator');
		expect(
			locators.map(({ name, modes }) => [
				name,
				modes!.map((mode) => mode.typeOptions?.searchListMethod ?? mode.name),
			]),
		).toEqual([
			['voice', ['searchVoices', 'name']],
			['smartLayoutName', ['searchSmartLayouts', 'id']],
			['brandName', ['searchBrands', 'id']],
			['subtitleStyleName', ['searchSubtitleStyles', 'id']],
		]);
		for (const { modes } of locators) {
			expect(methods.listSearch).toHaveProperty(modes![0].typeOptions!.searchListMethod!);
			expect(modes![0].typeOptions?.searchable).toBe(true);
		}
	});

	const NAMED_LISTS = [
		['Smart Layout', 'searchSmartLayouts', '/v1/smartlayouts', dropdownLists.smartLayouts],
		['Brand', 'searchBrands', '/v1/brands/video', dropdownLists.brands],
		['Subtitle Style', 'searchSubtitleStyles', '/v1/styles', dropdownLists.styles],
	] as const;

	test.each(NAMED_LISTS)(
		'%s: “Pictory’s Default”, then every name from Pictory, sorted, each once',
		async (_, method, path, list) => {
			const entries: Array<{ name?: string; templateName?: string }> = Array.isArray(list)
				? list
				: list.items;
			const names = entries.map((entry) => entry.templateName ?? entry.name);
			serveList(path, { items: [...entries, ...entries] });

			const found = await loadDropdown({ listSearch: method });

			expect(found).toEqual({
				results: [
					{ name: 'Pictory’s Default', value: '' },
					...names.sort().map((name) => ({ name, value: name })),
				],
			});
		},
	);

	test.each([
		['wander', [{ name: 'Wanderlust', value: 'Wanderlust' }]],
		['  CORP ', [{ name: 'Corporate', value: 'Corporate' }]],
		["pictory's", [{ name: 'Pictory’s Default', value: '' }]],
		['nothing like it', []],
	])(
		'Smart Layout: the typed text %j finds the names that hold it, in any case',
		async (filter, results) => {
			serveList('/v1/smartlayouts', dropdownLists.smartLayouts);

			const found = await loadDropdown({ listSearch: 'searchSmartLayouts', filter });

			expect(found).toEqual({ results });
		},
	);

	test('an account without brands lists only “Pictory’s Default”', async () => {
		serveList('/v1/brands/video', []);

		const found = await loadDropdown({ listSearch: 'searchBrands' });

		expect(found).toEqual({ results: [{ name: 'Pictory’s Default', value: '' }] });
	});

	/**
	 * What n8n's REST API sends the editor for an error thrown by a list search (sendErrorResponse
	 * in n8n's response-helper.ts: the message and the NodeApiError's own fields), of which the
	 * editor shows `httpCode`, `message` and `description`.
	 */
	const sentToTheEditor = (error: Error) =>
		JSON.stringify(Object.assign({ code: 0, message: error.message }, error));

	test.each([
		['Voice', 'searchVoices', '/v1/voiceovers/tracks'],
		...NAMED_LISTS.map(([label, method, path]): [string, string, string] => [label, method, path]),
	])(
		'%s with a wrong key: Pictory’s "rejected the API key" and what to do, not an empty list',
		async (_, method, path) => {
			nock(BASE_URL).get(`/pictoryapis${path}`).reply(401, { message: 'Unauthorized' });

			const error = await loadDropdown(
				{ listSearch: method },
				{ credentials: { pictoryApi: { apiKey: 'pictai_wrong' } } },
			).catch((thrown: Error) => thrown);

			expect(error).toBeInstanceOf(NodeApiError);
			const sent = sentToTheEditor(error as Error);
			expect(JSON.parse(sent)).toMatchObject({
				name: 'NodeApiError',
				httpCode: '401',
				message: 'Pictory rejected the API key',
				description:
					'Open the Pictory API credential and paste the API key again: it starts with "pictai_" and is shown on the API Access page of your Pictory account.',
			});
			expect(sent).not.toContain('pictai_wrong');
		},
	);

	test('an answer that is not a list is a clear error', async () => {
		serveList('/v1/styles', { message: 'maintenance' });

		await expect(loadDropdown({ listSearch: 'searchSubtitleStyles' })).rejects.toThrow(
			'Pictory sent an answer the node cannot read',
		);
	});
});
