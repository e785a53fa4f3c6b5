/** Pictory Trigger: Job Finished, through n8n-core's PollTriggerExecutor on the fake clock. */
import nock from 'nock';

import { jobKind, readJob } from '../../nodes/Pictory/shared/jobs';
import { JOBS_PATH, pageKeyFor } from '../fakePictory';
import { listPageAnswer } from '../fixtures';
import { API_KEY, activePictoryTrigger, BASE_URL, runPictoryNode } from '../harness';
import { COMPLETED_DATA, listedJob, type ListedKind } from '../jobFixtures';

type Listed = ReturnType<typeof listedJob>;

/** GET /v1/jobs over `jobs` (newest first, changed by the test between polls), `pageSize` a page. */
function serveJobs(jobs: Listed[], { pageSize = 100 } = {}) {
	const requests: Array<string | null> = [];
	const failing = { page: -1 };
	nock(BASE_URL)
		.persist()
		.get(JOBS_PATH)
		.query(true)
		.reply(function (uri) {
			const nextPageKey = new URL(uri, BASE_URL).searchParams.get('nextPageKey');
			requests.push(nextPageKey);
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			if (failing.page === requests.length) return [400, { message: 'Bad page' }];
			return listPageAnswer(jobs, nextPageKey, pageSize);
		});
	return { requests, failing };
}

const jobFinished = (parameters: Record<string, unknown> = {}) =>
	activePictoryTrigger({ event: 'jobFinished', ...parameters });

const ids = (items: Array<{ json: { jobId?: unknown } }> | undefined) =>
	items?.map((item) => item.json.jobId);

/** `count` completed renders, newest first: `<prefix>-<count>` … `<prefix>-1`. */
const renders = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, index) => listedJob(`${prefix}-${count - index}`));

describe('Pictory Trigger: Job Finished', () => {
	test('activation records the newest jobs and emits nothing; with nothing new a poll is one request', async () => {
		const jobs = renders(250, 'old');
		const { requests } = serveJobs(jobs);
		const trigger = jobFinished();

		expect(await trigger.poll()).toEqual({});
		expect(await trigger.poll()).toEqual({});
		expect(await trigger.poll()).toEqual({});

		expect(requests).toEqual([null, null, null]);
	});

	test('jobs finished since the last poll are emitted once, oldest first, with their kind', async () => {
		const jobs = renders(150, 'old');
		const { requests } = serveJobs(jobs);
		const trigger = jobFinished();
		await trigger.poll();

		jobs.unshift(listedJob('new-2', 'failed'), listedJob('new-1', 'completed', 'image'));
		const second = await trigger.poll();
		const third = await trigger.poll();

		expect(second.error).toBeUndefined();
		expect(ids(second.items)).toEqual(['new-1', 'new-2']);
		expect(second.items?.map((item) => [item.json.kind, item.json.status])).toEqual([
			['image', 'completed'],
			['other', 'failed'],
		]);
		expect(second.items?.[1].json).toMatchObject({
			errorCode: 'RENDER_FAILED',
			errorMessage: 'The video could not be rendered',
		});
		expect(third).toEqual({});
		expect(requests).toHaveLength(3);
	});

	test('a job seen in progress is emitted when it finishes, once', async () => {
		const jobs = [listedJob('running-at-activation', 'in-progress'), ...renders(20, 'old')];
		serveJobs(jobs);
		const trigger = jobFinished();
		await trigger.poll();

		jobs.unshift(listedJob('started-later', 'in-progress'));
		expect(await trigger.poll()).toEqual({});

		jobs[0] = listedJob('started-later', 'completed', 'preview');
		const third = await trigger.poll();
		jobs[1] = listedJob('running-at-activation', 'completed', 'transcription');
		const fourth = await trigger.poll();
		const fifth = await trigger.poll();

		expect(ids(third.items)).toEqual(['started-later']);
		expect(third.items?.[0].json.kind).toBe('preview');
		expect(ids(fourth.items)).toEqual(['running-at-activation']);
		expect(fourth.items?.[0].json.kind).toBe('transcription');
		expect(fifth).toEqual({});
	});

	test('a watched job on a later page is found by reading on, and only as far as it', async () => {
		const jobs = [listedJob('slow', 'in-progress'), ...renders(300, 'old')];
		const { requests } = serveJobs(jobs, { pageSize: 100 });
		const trigger = jobFinished();
		await trigger.poll();
		jobs.unshift(...renders(150, 'new'));
		const second = await trigger.poll();
		expect(second.items).toHaveLength(150);
		requests.length = 0;

		jobs[150] = listedJob('slow', 'completed');
		const third = await trigger.poll();

		expect(ids(third.items)).toEqual(['slow']);
		// 'slow' is 151st: two pages; the known jobs before it stop nothing, the next one ends it.
		expect(requests).toEqual([null, pageKeyFor(100)]);
	});

	test('a burst of 500 finished jobs costs ceil(500 / 100) + 1 requests and is emitted whole, oldest first', async () => {
		const jobs = renders(120, 'old');
		const { requests } = serveJobs(jobs);
		const trigger = jobFinished();
		await trigger.poll();
		requests.length = 0;

		jobs.unshift(...renders(500, 'burst'));
		const burst = await trigger.poll();
		const burstRequests = requests.length;
		const after = await trigger.poll();

		expect(ids(burst.items)).toEqual(Array.from({ length: 500 }, (_, i) => `burst-${i + 1}`));
		expect(burstRequests).toBe(Math.ceil(500 / 100) + 1);
		expect(after).toEqual({});
		expect(requests).toHaveLength(burstRequests + 1);
		const { jobsKnown } = trigger.staticData() as { jobsKnown: string[] };
		expect(jobsKnown.length).toBeLessThanOrEqual(1_000);
	});

	test('a poll that fails part-way emits nothing and moves nothing; the next emits everything once', async () => {
		const jobs = renders(10, 'old');
		const { failing } = serveJobs(jobs);
		const trigger = jobFinished();
		await trigger.poll();
		const before = trigger.staticData();

		jobs.unshift(...renders(150, 'new'));
		failing.page = 3; // the second page of the next poll
		const failed = await trigger.poll();
		failing.page = -1;

		expect(failed.items).toBeUndefined();
		expect(failed.error?.message).toContain('Pictory refused the request');
		expect(trigger.staticData()).toEqual(before);
		const next = await trigger.poll();
		expect(next.items).toHaveLength(150);
		expect(await trigger.poll()).toEqual({});
	});

	test.each([
		[{ jobKinds: ['videoRender'] }, ['render']],
		[{ jobKinds: ['image', 'aiStudioVideo'] }, ['image', 'aiVideo']],
		[{ jobKinds: ['transcription', 'highlights'] }, ['transcript', 'highlights']],
		[{ outcome: 'failed' }, ['failed']],
		[{ outcome: 'completed', jobKinds: ['other', 'preview'] }, ['preview']],
		[{}, ['render', 'preview', 'transcript', 'highlights', 'image', 'aiVideo', 'failed']],
	])('filtered by %j', async (filters, expected) => {
		const jobs = renders(3, 'old');
		serveJobs(jobs);
		const trigger = jobFinished(filters);
		await trigger.poll();

		jobs.unshift(
			listedJob('failed', 'failed'),
			listedJob('aiVideo', 'completed', 'aiStudioVideo'),
			listedJob('image', 'completed', 'image'),
			listedJob('highlights', 'completed', 'highlights'),
			listedJob('transcript', 'completed', 'transcription'),
			listedJob('preview', 'completed', 'preview'),
			listedJob('render', 'completed', 'videoRender'),
		);
		const { items } = await trigger.poll();

		expect(ids(items)).toEqual(expected);
		expect(await trigger.poll()).toEqual({});
	});

	test('jobKind tells each kind by what its job holds', () => {
		const node = { name: 'Pictory', type: 'x', typeVersion: 1, position: [0, 0] } as never;
		for (const kind of Object.keys(COMPLETED_DATA) as ListedKind[]) {
			expect(jobKind(readJob(node, 'j', listedJob('j', 'completed', kind)))).toBe(kind);
		}
		expect(jobKind(readJob(node, 'j', listedJob('j', 'failed')))).toBe('other');
	});

	test('"Fetch Test Event" shows the newest finished job that passes the filters, in one request', async () => {
		const jobs = [
			listedJob('running', 'in-progress'),
			listedJob('image', 'completed', 'image'),
			listedJob('render', 'completed'),
		];
		const { requests } = serveJobs(jobs);

		const { items, error } = await runPictoryNode(
			{ event: 'jobFinished', jobKinds: ['videoRender'] },
			{ type: 'pictoryTrigger' },
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.jobId, item.json.kind])).toEqual([
			['render', 'videoRender'],
		]);
		expect(requests).toHaveLength(1);
	});

	test('a rejected API key is the poll’s error', async () => {
		serveJobs(renders(3, 'old'));
		const trigger = activePictoryTrigger(
			{ event: 'jobFinished' },
			{ credentials: { pictoryApi: { apiKey: 'pictai_wrong' } } },
		);

		const { error, items } = await trigger.poll();

		expect(items).toBeUndefined();
		expect(error?.message).toMatch(/API key/);
		expect(JSON.stringify(error)).not.toContain('pictai_wrong');
	});
});
