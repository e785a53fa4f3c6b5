/** Job → Get: image and video jobs, in every shape Pictory answers them. */
import nock from 'nock';

import { HttpAnswer, jobAnswer, JOBS_PATH, serveGeneration, VIDEO_HOST } from '../fakePictory';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';

const JOB_ID = 'e1d2c3b4-0000-4000-8000-000000000001';
const IMAGE_JOB_ID = '7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60';

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

describe('Job → Get, for image jobs', () => {
	const getJob = (jobId: unknown, options?: Parameters<typeof runPictoryNode>[1]) =>
		runPictoryNode({ resource: 'job', operation: 'get', jobId } as never, options);

	test.each([
		[
			'a job in progress',
			jobAnswer.inProgress(IMAGE_JOB_ID),
			{ jobId: IMAGE_JOB_ID, status: 'in-progress' },
		],
		[
			'a completed job, with its image',
			jobAnswer.imageCompleted(IMAGE_JOB_ID),
			{ ...jobAnswer.imageCompleted(IMAGE_JOB_ID).data, jobId: IMAGE_JOB_ID },
		],
		[
			'a failed job, as data, with Pictory’s error code and message',
			jobAnswer.failed(IMAGE_JOB_ID, 'CONTENT_POLICY', 'Rejected'),
			{
				jobId: IMAGE_JOB_ID,
				status: 'failed',
				errorCode: 'CONTENT_POLICY',
				errorMessage: 'Rejected',
			},
		],
		[
			'a job reported as failed inside a successful answer',
			{
				success: true,
				data: { status: 'failed', error_code: 'TIMEOUT', error_message: 'Took too long' },
			},
			{
				jobId: IMAGE_JOB_ID,
				status: 'failed',
				errorCode: 'TIMEOUT',
				errorMessage: 'Took too long',
			},
		],
	])('gives %s', async (_, answer, json) => {
		serveGeneration(IMAGE_JOB_ID, [answer]);

		const { items } = await getJob(` ${IMAGE_JOB_ID} `);

		expect(items).toEqual([{ json, pairedItem: { item: 0 } }]);
	});

	test('an answer without a status is a clear error', async () => {
		serveGeneration(IMAGE_JOB_ID, [{ success: true, data: {} }]);

		const { error } = await getJob(IMAGE_JOB_ID);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(`The answer for job ${IMAGE_JOB_ID} has no "status".`);
	});

	test('a temporary server error (503) is retried', async () => {
		const { requests } = serveGeneration(IMAGE_JOB_ID, [
			new HttpAnswer(503, { message: 'Busy' }),
			jobAnswer.imageCompleted(IMAGE_JOB_ID),
		]);

		const { items, error } = await getJob(IMAGE_JOB_ID);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'completed' });
		expect(requests).toHaveLength(2);
	});

	test.each([
		['a 404 "Job not found"', new HttpAnswer(404, { message: 'Job not found' })],
		['Pictory’s JOB_NOT_FOUND', jobAnswer.unknown],
	])('an unknown job id (%s) says so plainly', async (_, answer) => {
		nock(BASE_URL)
			.get(`${JOBS_PATH}/no-such-job`)
			.reply(
				answer instanceof HttpAnswer ? answer.status : 200,
				answer instanceof HttpAnswer ? (answer.body as nock.Body) : answer,
			);

		const { error } = await getJob('no-such-job');

		expect(error?.message).toBe('Pictory has no job with ID no-such-job');
	});

	test('a 404 from a wrong Base URL shows the address, not "no such job"', async () => {
		nock('https://gateway.example.com')
			.get(`/wrong/v1/jobs/${IMAGE_JOB_ID}`)
			.reply(404, '<html>Not Found</html>', { 'Content-Type': 'text/html' });

		const { error } = await getJob(IMAGE_JOB_ID, {
			credentials: {
				pictoryApi: { apiKey: API_KEY, baseUrl: 'https://gateway.example.com/wrong' },
			},
		});

		expect(error?.message).toBe('Pictory answered 404 Not Found');
		expect(error?.description).toContain(
			`Nothing answers at https://gateway.example.com/wrong/v1/jobs/${IMAGE_JOB_ID}.`,
		);
	});

	// (An empty field is refused by n8n itself, before the node runs.)
	test.each([['  '], ['={{ null }}'], ['={{ $json.jobId }}']])(
		'an empty Job ID (%p) is refused before any request',
		async (jobId) => {
			const { requests } = serveGeneration(IMAGE_JOB_ID, [jobAnswer.imageCompleted(IMAGE_JOB_ID)]);

			const { error } = await getJob(jobId);

			expect(error?.message).toBe('Job ID is empty');
			expect(requests).toHaveLength(0);
		},
	);

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveGeneration(IMAGE_JOB_ID, [jobAnswer.imageCompleted(IMAGE_JOB_ID)]);

		const { error } = await getJob(IMAGE_JOB_ID, {
			credentials: { pictoryApi: { apiKey: 'pictai_revoked' } },
		});

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});
});
