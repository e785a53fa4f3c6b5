/** Job → Get Many: the account’s jobs, paged, every field kept. */
import nock from 'nock';

import { JOBS_PATH, VIDEO_HOST } from '../fakePictory';
import { BASE_URL, runPictoryNode } from '../harness';

describe('Job → Get Many', () => {
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
});
