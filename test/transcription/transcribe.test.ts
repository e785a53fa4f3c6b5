/** Transcription → Transcribe: the order, its wait, the transcript's text, subtitles and files. */
import nock from 'nock';
import type { IBinaryData } from 'n8n-workflow';

import { HttpAnswer, jobAnswer, JOBS_PATH, serveGeneration } from '../fakePictory';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';
import {
	MEDIA_HOST,
	MEDIA_INFO,
	signedUploadAnswer,
	SRT,
	transcript,
	TRANSCRIPT_TEXT,
	TRANSCRIPTION_PATH,
	transcriptionJobAnswer,
	UPLOAD_HOST,
	UPLOAD_PATH,
	uploadKey,
	VTT,
} from '../mediaFixtures';

const JOB_ID = 'c3d2e1f0-0000-4000-8000-000000000003';
const FILE_URL = 'https://cdn.example.com/recordings/Quarterly%20review.mp4';

const transcribe = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{ resource: 'transcription', operation: 'transcribe', fileUrl: FILE_URL, ...parameters },
		options,
	);

const serveTranscription = (
	jobAnswers: unknown[],
	options: { generateAnswer?: [number, unknown] } = {},
) => serveGeneration(JOB_ID, jobAnswers, { ...options, orderPath: TRANSCRIPTION_PATH });

const textOf = (binary: IBinaryData) => Buffer.from(binary.data, 'base64').toString('utf8');

describe('Transcription → Transcribe', () => {
	test('orders the transcription of a URL: file, media type and language', async () => {
		const { requests } = serveTranscription([]);

		const { items, error } = await transcribe({
			mediaType: 'audio',
			language: 'de-DE',
			additionalFields: { webhook: 'https://n8n.example.com/webhook/transcripts' },
			waitForCompletion: false,
		});

		expect(error).toBeUndefined();
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: TRANSCRIPTION_PATH,
				authorization: API_KEY,
				body: {
					mediaType: 'audio',
					language: 'de-DE',
					fileUrl: FILE_URL,
					webhook: 'https://n8n.example.com/webhook/transcripts',
				},
			}),
		]);
		expect(items).toEqual([
			{ json: { jobId: JOB_ID, fileUrl: FILE_URL }, pairedItem: { item: 0 } },
		]);
	});

	test('waits every 15 s and returns the transcript, its text, SRT, VTT and media info', async () => {
		const { requests } = serveTranscription([
			jobAnswer.inProgress(JOB_ID),
			transcriptionJobAnswer(JOB_ID),
		]);

		const { items, error } = await transcribe();

		expect(error).toBeUndefined();
		expect(requests[0].body).toEqual({ mediaType: 'video', language: 'en-US', fileUrl: FILE_URL });
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 15_000],
			[`${JOBS_PATH}/${JOB_ID}`, 30_000],
		]);
		expect(items).toEqual([
			{
				json: {
					jobId: JOB_ID,
					status: 'completed',
					transcript: transcript(),
					txt: TRANSCRIPT_TEXT,
					text: TRANSCRIPT_TEXT,
					srt: SRT,
					vtt: VTT,
					mediaInfo: MEDIA_INFO,
					fileUrl: FILE_URL,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('the text and subtitles are made from the timed words when Pictory sends none', async () => {
		const completed = transcriptionJobAnswer(JOB_ID);
		const data: Record<string, unknown> = { ...completed.data };
		for (const field of ['txt', 'srt', 'vtt']) delete data[field];
		serveTranscription([{ ...completed, data }]);

		const { items } = await transcribe();

		expect(items[0].json.text).toBe(TRANSCRIPT_TEXT);
		expect(items[0].json.srt).toBe(
			[
				'1',
				'00:00:00,160 --> 00:00:02,160',
				'Welcome to the quarterly review.',
				'',
				'2',
				'00:00:02,460 --> 00:00:04,860',
				'Revenue grew twelve percent this quarter.',
				'',
				'3',
				'00:00:05,160 --> 00:00:07,960',
				'Our new planner app doubled its users.',
				'',
				'4',
				'00:00:07,960 --> 00:00:09,160',
				'Thanks for watching.',
				'',
			].join('\n'),
		);
		expect(String(items[0].json.vtt).split('\n').slice(0, 5)).toEqual([
			'WEBVTT',
			'',
			'00:00:00.160 --> 00:00:02.160',
			'Welcome to the quarterly review.',
			'',
		]);
	});

	test('subtitles Pictory gives as links are kept as srtUrl and vttUrl, and made as text', async () => {
		const completed = transcriptionJobAnswer(JOB_ID);
		const links = { srt: `${MEDIA_HOST}/${JOB_ID}.srt`, vtt: `${MEDIA_HOST}/${JOB_ID}.vtt` };
		serveTranscription([{ ...completed, data: { ...completed.data, ...links } }]);

		const { items } = await transcribe();

		expect(items[0].json).toMatchObject({ srtUrl: links.srt, vttUrl: links.vtt });
		expect(items[0].json.srt).toMatch(/^1\n00:00:00,160 --> /);
		expect(items[0].json.vtt).toMatch(/^WEBVTT\n/);
	});

	test('the picked files go in the binary fields txt, srt and vtt, named after the recording', async () => {
		serveTranscription([transcriptionJobAnswer(JOB_ID)]);

		const { items, error } = await transcribe({ transcriptFiles: ['txt', 'srt', 'vtt'] });

		expect(error).toBeUndefined();
		const { txt, srt, vtt } = items[0].binary!;
		expect([txt, srt, vtt].map(({ fileName, mimeType }) => [fileName, mimeType])).toEqual([
			['Quarterly review.txt', 'text/plain'],
			['Quarterly review.srt', 'application/x-subrip'],
			['Quarterly review.vtt', 'text/vtt'],
		]);
		expect([textOf(txt), textOf(srt), textOf(vtt)]).toEqual([TRANSCRIPT_TEXT, SRT, VTT]);
	});

	test('a recording from the item’s binary data is uploaded first, and its URL transcribed', async () => {
		const recording = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0xff]);
		const signing: unknown[] = [];
		nock(BASE_URL)
			.post(UPLOAD_PATH)
			.reply(200, (_uri, body) => {
				signing.push(body);
				return signedUploadAnswer('standup.m4a');
			});
		let uploaded: Buffer | undefined;
		nock(UPLOAD_HOST)
			.put(`/${uploadKey('standup.m4a')}`)
			.query(true)
			.reply(200, (_uri, body) => {
				uploaded = Buffer.from(body as string, 'hex');
				return '';
			});
		const { requests } = serveTranscription([transcriptionJobAnswer(JOB_ID)]);

		const { items, error } = await transcribe(
			{
				fileUrlFrom: 'binary',
				fileUrlBinaryField: 'audio',
				mediaType: 'audio',
				transcriptFiles: ['srt'],
			},
			{
				inputData: [
					{
						json: {},
						binary: {
							audio: {
								data: recording.toString('base64'),
								mimeType: 'audio/mp4',
								fileName: 'standup.m4a',
							},
						},
					},
				],
			},
		);

		expect(error).toBeUndefined();
		expect(signing).toEqual([{ fileName: 'standup.m4a', contentType: 'audio/mp4' }]);
		expect(uploaded?.equals(recording)).toBe(true);
		const fileUrl = `${MEDIA_HOST}/${uploadKey('standup.m4a')}`;
		expect(requests[0].body).toEqual({ mediaType: 'audio', language: 'en-US', fileUrl });
		expect(items[0].json.fileUrl).toBe(fileUrl);
		expect(items[0].binary!.srt.fileName).toBe('standup.srt');
	});

	test('a failed upload orders nothing, and names the file', async () => {
		nock(BASE_URL).post(UPLOAD_PATH).reply(200, signedUploadAnswer('standup.m4a'));
		nock(UPLOAD_HOST)
			.put(`/${uploadKey('standup.m4a')}`)
			.query(true)
			.reply(403, 'Denied');
		const { requests } = serveTranscription([]);

		const { error } = await transcribe(
			{ fileUrlFrom: 'binary', fileUrlBinaryField: 'data' },
			{
				inputData: [
					{
						json: {},
						binary: { data: { data: 'AAAA', mimeType: 'audio/mp4', fileName: 'standup.m4a' } },
					},
				],
			},
		);

		expect(error?.message).toBe('Could not upload standup.m4a to Pictory (HTTP 403)');
		expect(requests).toHaveLength(0);
	});

	test.each([
		['no URL', { fileUrl: '={{ " " }}' }, 'File URL is empty'],
		[
			'not a web address',
			{ fileUrl: 'ftp://example.com/a.mp4' },
			'File URL is not a web address: ftp://example.com/a.mp4',
		],
		[
			'no such binary field',
			{ fileUrlFrom: 'binary', fileUrlBinaryField: 'video' },
			'The item has no binary field "video"',
		],
		[
			'a wrong file list',
			{ transcriptFiles: '={{ "srt,docx" }}' },
			'Put Files in Binary Data must list txt, srt or vtt, not "docx"',
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const { requests } = serveTranscription([]);

		const { error } = await transcribe(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('a failed transcription is Pictory’s error, with the job id', async () => {
		serveTranscription([
			jobAnswer.failed(JOB_ID, 'MEDIA_DOWNLOAD_FAILED', 'The file could not be downloaded'),
		]);

		const { error } = await transcribe();

		expect(error?.message).toBe('Pictory could not transcribe the file (MEDIA_DOWNLOAD_FAILED)');
		expect(error?.description).toBe(
			`Pictory said: The file could not be downloaded. Job ID: ${JOB_ID}. Check that the file is a video or audio recording Pictory can download, and transcribe it again.`,
		);
	});

	test('a transcription whose results expired ("cleaned") says so', async () => {
		serveTranscription([jobAnswer.cleaned(JOB_ID)]);

		const { error } = await transcribe();

		expect(error?.message).toBe(`The results of job ${JOB_ID} have expired`);
	});

	test('Maximum Wait (30 minutes by default) ends with the job id, to fetch later', async () => {
		const { requests } = serveTranscription([jobAnswer.inProgress(JOB_ID)]);

		const { error } = await transcribe();

		expect(error?.message).toBe(`The transcript was not ready after 30 minutes (job ${JOB_ID})`);
		expect(error?.description).toContain(`Job → Get and Job ID ${JOB_ID}`);
		expect(requests.filter((request) => request.method === 'GET')).toHaveLength(120);
	});

	test('a job Pictory does not register within a minute is an error naming it', async () => {
		serveTranscription([new HttpAnswer(404, jobAnswer.unknown)]);

		const { error } = await transcribe();

		expect(error?.message).toBe(`Pictory does not know job ${JOB_ID}`);
	});

	test('a completed job without a transcript is an error, not an empty transcript', async () => {
		serveTranscription([{ job_id: JOB_ID, success: true, data: { status: 'completed' } }]);

		const { error } = await transcribe();

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(
			`The completed transcription job ${JOB_ID} has no "transcript" list.`,
		);
	});

	test('an error after the order was accepted names the job; the order is never sent again', async () => {
		const { requests } = serveTranscription([new HttpAnswer(500, { message: 'Internal error' })]);

		const { error } = await transcribe();

		expect(error?.description).toContain(
			`The transcript was ordered as job ${JOB_ID}: get it with Job → Get rather than transcribing it again.`,
		);
		expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	test('a 5xx on the order is not sent again and says where to look', async () => {
		const { requests } = serveTranscription([], { generateAnswer: [502, 'Bad Gateway'] });

		const { error } = await transcribe();

		expect(error?.description).toContain(
			'look for the transcript with Job → Get Many before transcribing again',
		);
		expect(requests).toHaveLength(1);
	});

	test('400 field errors are shown', async () => {
		serveTranscription([], {
			generateAnswer: [
				400,
				{
					code: 'INVALID_REQUEST_BODY',
					message: 'Request body is invalid',
					fields: [{ name: 'language', errors: 'must be one of en-US, …' }],
				},
			],
		});

		const { error } = await transcribe();

		expect(error?.message).toBe('Pictory refused the request (HTTP 400)');
		expect(error?.description).toBe(
			'Pictory said: Request body is invalid; language: must be one of en-US, …',
		);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveTranscription([]);

		const { error } = await transcribe(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});

	test('Continue On Fail: each item stands alone, paired with its input', async () => {
		const { requests } = serveTranscription([transcriptionJobAnswer(JOB_ID)]);

		const { items } = await transcribe(
			{ fileUrl: '={{ $json.url }}' },
			{ input: [{ url: FILE_URL }, { url: 'not a url' }], settings: { continueOnFail: true } },
		);

		expect(items.map((item) => [item.pairedItem, item.json.jobId ?? item.json.error])).toEqual([
			[{ item: 0 }, JOB_ID],
			[{ item: 1 }, 'File URL is not a web address: not a url'],
		]);
		expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});
});
