/** Video → Render Preview: the PUT of a completed preview, its wait and download, its errors. */
import nock from 'nock';

import {
	HttpAnswer,
	jobAnswer,
	JOBS_PATH,
	renderPreviewPath,
	serveGeneration,
	VIDEO_HOST,
	videoBytes,
} from '../fakePictory';
import { API_KEY, runPictoryNode } from '../harness';

const PREVIEW_JOB_ID = 'b7a6c5d4-0000-4000-8000-000000000002';
const RENDER_JOB_ID = 'e1d2c3b4-0000-4000-8000-000000000003';

const renderPreview = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{ resource: 'video', operation: 'renderPreview', previewJobId: PREVIEW_JOB_ID, ...parameters },
		options,
	);

const serveRender = (jobAnswers: unknown[], options: { generateAnswer?: [number, unknown] } = {}) =>
	serveGeneration(RENDER_JOB_ID, jobAnswers, {
		...options,
		orderPath: renderPreviewPath(PREVIEW_JOB_ID),
		orderMethod: 'PUT',
	});

describe('Video → Render Preview', () => {
	test.each([
		['no webhook: an empty body', {}, {}],
		[
			'a webhook',
			{ additionalFields: { webhook: ' https://n8n.example.com/webhook-waiting/7 ' } },
			{ webhook: 'https://n8n.example.com/webhook-waiting/7' },
		],
	])('%s, PUT to the preview’s path', async (_, parameters, body) => {
		const { requests } = serveRender([]);

		const { items, error } = await renderPreview({ ...parameters, waitForCompletion: false });

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { jobId: RENDER_JOB_ID }, pairedItem: { item: 0 } }]);
		expect(requests).toEqual([
			{
				method: 'PUT',
				path: renderPreviewPath(PREVIEW_JOB_ID),
				authorization: API_KEY,
				at: expect.any(Number),
				nextPageKey: null,
				...(Object.keys(body).length && { body }),
			},
		]);
	});

	test('the preview job id from an expression, trimmed, in the path', async () => {
		const { requests } = serveRender([]);

		const { error } = await renderPreview(
			{ previewJobId: '={{ $json.jobId }}', waitForCompletion: false },
			{ input: [{ jobId: ` ${PREVIEW_JOB_ID} ` }] },
		);

		expect(error).toBeUndefined();
		expect(requests.map((request) => request.path)).toEqual([renderPreviewPath(PREVIEW_JOB_ID)]);
	});

	test.each([
		[{ previewJobId: '  ' }, 'Preview Job ID is empty'],
		[{ additionalFields: { webhook: 'ftp://x' } }, 'Webhook URL is not a web address: ftp://x'],
		[{ checkIntervalSeconds: 3 }, 'Check Every must be at least 10 seconds, not 3'],
		[{ downloadVideo: true, binaryPropertyName: ' ' }, 'Put Output File in Field is empty'],
	])('%j is refused before any request', async (parameters, message) => {
		const { requests } = serveRender([]);

		const { error } = await renderPreview(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('waits like a render and downloads the MP4', async () => {
		const { requests } = serveRender([
			jobAnswer.inProgress(RENDER_JOB_ID, 40),
			jobAnswer.videoCompleted(RENDER_JOB_ID),
		]);
		nock(VIDEO_HOST)
			.get(`/videos/${RENDER_JOB_ID}.mp4`)
			.reply(200, videoBytes(), { 'Content-Type': 'video/mp4' });

		const { items, error } = await renderPreview({ downloadVideo: true });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			jobId: RENDER_JOB_ID,
			status: 'completed',
			videoURL: `${VIDEO_HOST}/videos/${RENDER_JOB_ID}.mp4`,
			videoShareURL: `https://video.pictory.ai/share/${RENDER_JOB_ID}`,
		});
		expect(items[0].binary?.data).toMatchObject({ fileName: `${RENDER_JOB_ID}.mp4` });
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${RENDER_JOB_ID}`, 30_000],
			[`${JOBS_PATH}/${RENDER_JOB_ID}`, 60_000],
		]);
	});

	test.each([
		[
			'a preview not completed yet (400)',
			[400, { message: 'Storyboard job is not completed' }],
			'Pictory refused the request (HTTP 400)',
			'Pictory said: Storyboard job is not completed',
		],
		[
			'an unknown preview (404 from Pictory)',
			[404, { success: false, error_code: '5000', error_message: 'JOB_NOT_FOUND' }],
			'',
			'JOB_NOT_FOUND',
		],
	] as const)('%s is Pictory’s refusal, sent once', async (_, answer, message, description) => {
		const { requests } = serveRender([], { generateAnswer: [...answer] });

		const { error } = await renderPreview();

		if (message) expect(error?.message).toBe(message);
		expect(error?.description).toContain(description);
		expect(requests).toHaveLength(1);
	});

	test('a failed render names the job; an error while waiting names it too', async () => {
		serveRender([jobAnswer.videoFailed(RENDER_JOB_ID)]);
		const failed = await renderPreview();
		expect(failed.error?.description).toContain(`Job ID: ${RENDER_JOB_ID}.`);

		nock.cleanAll();
		serveRender([new HttpAnswer(500, { message: 'Internal error' })]);
		const broken = await renderPreview();
		expect(broken.error?.description).toContain(
			`The video was ordered as job ${RENDER_JOB_ID}: get it with Job → Get rather than rendering it again.`,
		);
	});

	test('a 5xx on the PUT is not sent again', async () => {
		const { requests } = serveRender([], { generateAnswer: [503, { message: 'Busy' }] });

		const { error } = await renderPreview();

		expect(error?.description).toContain('look for the video with Job → Get Many');
		expect(requests).toHaveLength(1);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveRender([]);

		const { error } = await renderPreview(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});

	test('Continue On Fail: an item without a preview job id is its own error, the others render', async () => {
		const { requests } = serveRender([jobAnswer.videoCompleted(RENDER_JOB_ID)]);

		const { items } = await renderPreview(
			{ previewJobId: '={{ $json.jobId }}', waitForCompletion: false },
			{ input: [{ jobId: PREVIEW_JOB_ID }, {}], settings: { continueOnFail: true } },
		);

		expect(items.map((item) => [item.pairedItem, item.json.jobId ?? item.json.error])).toEqual([
			[{ item: 0 }, RENDER_JOB_ID],
			[{ item: 1 }, 'Preview Job ID is empty'],
		]);
		expect(requests).toHaveLength(1);
	});

	test('a stopped execution stops waiting at once', async () => {
		const { requests } = serveRender([jobAnswer.inProgress(RENDER_JOB_ID)]);

		const { run } = await renderPreview({}, { stopWhen: () => requests.length === 2 });

		expect(run.status).toBe('canceled');
		expect(requests).toHaveLength(2);
	});
});
