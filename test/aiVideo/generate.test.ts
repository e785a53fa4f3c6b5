/** AI Video → Generate: the exact order per model, model-specific refusals, the wait, the MP4. */
import nock from 'nock';

import {
	HttpAnswer,
	jobAnswer,
	JOBS_PATH,
	serveGeneration,
	VIDEO_HOST,
	videoBytes,
} from '../fakePictory';
import { runPictoryNode } from '../harness';
import { aiVideoCompleted, AI_VIDEOS_PATH } from '../templateFixtures';

const JOB_ID = 'a1v1de00-0000-4000-8000-000000000001';
const PROMPT = 'A slow drone shot over a misty pine forest';

const generate = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{
			resource: 'aiVideo',
			operation: 'generate',
			prompt: PROMPT,
			waitForCompletion: false,
			...parameters,
		},
		options,
	);

const serveVideo = (jobAnswers: unknown[] = [], generateAnswer?: [number, unknown]) =>
	serveGeneration(JOB_ID, jobAnswers, {
		orderPath: AI_VIDEOS_PATH,
		...(generateAnswer && { generateAnswer }),
	});

describe('AI Video → Generate', () => {
	test.each([
		[
			'the defaults: Pixverse 5.5, 16:9, 5 s',
			{},
			{ model: 'pixverse5.5', aspectRatio: '16:9', duration: '5s' },
		],
		[
			'Pixverse in 3:4 for 10 s',
			{ pixverseAspectRatio: '3:4', pixverseDuration: '10s' },
			{ model: 'pixverse5.5', aspectRatio: '3:4', duration: '10s' },
		],
		[
			'Veo 3.1 Fast, portrait, 8 s',
			{ model: 'veo3.1_fast', veoAspectRatio: '9:16', veoDuration: '8s' },
			{ model: 'veo3.1_fast', aspectRatio: '9:16', duration: '8s' },
		],
		[
			'Veo 3.1 from a first-frame image, with a webhook',
			{
				model: 'veo3.1',
				startFrom: 'firstFrameImage',
				firstFrameImageUrl: ' https://example.com/first.png ',
				additionalFields: {
					webhook: 'https://n8n.example.com/webhook/v',
					passThroughData: '{ "rowId": 7 }',
				},
			},
			{
				model: 'veo3.1',
				aspectRatio: '16:9',
				duration: '4s',
				firstFrameImageUrl: 'https://example.com/first.png',
				webhook: 'https://n8n.example.com/webhook/v',
				webhookInput: { rowId: 7 },
			},
		],
		[
			'extending a video',
			{ startFrom: 'extendVideo', extendVideoUrl: `${VIDEO_HOST}/videos/vid-1.mp4` },
			{
				model: 'pixverse5.5',
				aspectRatio: '16:9',
				duration: '5s',
				extendVideoUrl: `${VIDEO_HOST}/videos/vid-1.mp4`,
			},
		],
		[
			'a reference image, as a list of one',
			{ startFrom: 'referenceImage', referenceImageUrl: 'https://example.com/ref.png' },
			{
				model: 'pixverse5.5',
				aspectRatio: '16:9',
				duration: '5s',
				referenceImageUrls: ['https://example.com/ref.png'],
			},
		],
	])('%s', async (_, parameters, body) => {
		const { requests } = serveVideo();

		const { items, error } = await generate(parameters);

		expect(error).toBeUndefined();
		expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', AI_VIDEOS_PATH, { prompt: PROMPT, ...body }],
		]);
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
	});

	test.each([
		[{ model: 'veo3.1', veoAspectRatio: '1:1' }, 'Veo 3.1 does not make 1:1 videos'],
		[{ model: '={{ "veo3.1" }}', pixverseDuration: '10s' }, ''],
		[{ model: 'veo3.1_fast', veoDuration: '10s' }, 'Veo 3.1 Fast does not make 10s videos'],
		[{ pixverseDuration: '4s' }, 'Pixverse 5.5 does not make 4s videos'],
		[{ model: 'sora' }, 'Model must be one of pixverse5.5, veo3.1, veo3.1_fast, not "sora"'],
		[{ prompt: 'Hi' }, 'The prompt must be 5 to 5,000 characters long, not 2'],
		[{ startFrom: 'firstFrameImage', firstFrameImageUrl: ' ' }, 'First-Frame Image URL is empty'],
		[
			{ startFrom: 'extendVideo', extendVideoUrl: 'ftp://x' },
			'Video to Extend URL is not a web address: ftp://x',
		],
		[
			{ waitForCompletion: true, checkIntervalSeconds: 5 },
			'Check Every must be at least 10 seconds, not 5',
		],
	])('%j is refused before any request', async (parameters, message) => {
		const { requests } = serveVideo();

		const { error } = await generate(parameters);

		if (message) expect(error?.message).toBe(message);
		else expect(error?.message ?? 'sent').toBe('sent');
		expect(requests).toHaveLength(message ? 0 : 1);
	});

	test('waits for the video and downloads its MP4', async () => {
		const { requests } = serveVideo([jobAnswer.inProgress(JOB_ID), aiVideoCompleted(JOB_ID)]);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, videoBytes(), { 'Content-Type': 'video/mp4' });

		const { items, error } = await generate({ waitForCompletion: true, downloadVideo: true });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			jobId: JOB_ID,
			status: 'completed',
			url: `${VIDEO_HOST}/videos/${JOB_ID}.mp4`,
		});
		expect(items[0].binary?.data).toMatchObject({
			fileName: `${JOB_ID}.mp4`,
			mimeType: 'video/mp4',
		});
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 20_000],
			[`${JOBS_PATH}/${JOB_ID}`, 40_000],
		]);
	});

	test('a 5xx on the order is not sent again and points to Get Generated Videos', async () => {
		const { requests } = serveVideo([], [503, { message: 'Busy' }]);

		const { error } = await generate();

		expect(error?.description).toContain('look for the video with Get Generated Videos');
		expect(requests).toHaveLength(1);
	});

	test('an error while waiting names the job; a failed job says why', async () => {
		serveVideo([new HttpAnswer(500, { message: 'Internal error' })]);
		const broken = await generate({ waitForCompletion: true });
		expect(broken.error?.description).toContain(`The video was ordered as job ${JOB_ID}`);

		nock.cleanAll();
		serveVideo([jobAnswer.failed(JOB_ID)]);
		const failed = await generate({ waitForCompletion: true });
		expect(failed.error?.message).toBe('Pictory could not generate the video (CONTENT_POLICY)');
	});

	test('two items: each its own order, paired; a bad one stops both before any is sent', async () => {
		const { requests } = serveVideo();

		const good = await generate(
			{ prompt: '={{ $json.prompt }}' },
			{ input: [{ prompt: PROMPT }, { prompt: `${PROMPT}!` }] },
		);
		expect(good.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(requests).toHaveLength(2);

		const bad = await generate(
			{ prompt: '={{ $json.prompt }}' },
			{ input: [{ prompt: PROMPT }, { prompt: 'x' }] },
		);
		expect(bad.error).toBeDefined();
		expect(requests).toHaveLength(2);
	});
});
