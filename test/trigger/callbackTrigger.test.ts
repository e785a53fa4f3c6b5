/** Pictory Callback Trigger: calls to its production URL, run as n8n's WebhookService runs them. */
import nock from 'nock';

import { HttpAnswer, jobAnswer, JOBS_PATH, VIDEO_HOST } from '../fakePictory';
import { activeCallbackTrigger, API_KEY, BASE_URL } from '../harness';

const JOB_ID = 'e1d2c3b4-0000-4000-8000-0000000000c1';

/** GET /v1/jobs/<id>: each id's answers one after another (the last repeating); others unknown. */
function serveJobs(answers: Record<string, unknown[]>) {
	const reads: Array<{ path: string; authorization: unknown }> = [];
	const served: Record<string, number> = {};
	nock(BASE_URL)
		.persist()
		.get(new RegExp(`^${JOBS_PATH}/`))
		.reply(function (uri) {
			reads.push({ path: uri, authorization: this.req.headers.authorization });
			if (this.req.headers.authorization !== API_KEY) return [401, { message: 'Unauthorized' }];
			const id = decodeURIComponent(uri.slice(JOBS_PATH.length + 1));
			const list = answers[id];
			if (!list) return [404, jobAnswer.unknown];
			const answer = list[Math.min((served[id] = (served[id] ?? -1) + 1), list.length - 1)];
			return answer instanceof HttpAnswer ? [answer.status, answer.body] : [200, answer];
		});
	return { reads };
}

/** What Pictory POSTs when a render finishes [inferred: the job's answer, with webhookInput]. */
const callFor = (jobId: string, extra: Record<string, unknown> = {}) => ({
	...jobAnswer.videoCompleted(jobId),
	webhookInput: { rowId: 7 },
	...extra,
});

describe('Pictory Callback Trigger', () => {
	test('a genuine call emits the job as Pictory re-reads it, with its kind and pass-through data', async () => {
		const { reads } = serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const result = await trigger.call({ body: callFor(JOB_ID) });

		expect(result.status).toBe(200);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					jobId: JOB_ID,
					status: 'completed',
					videoURL: `${VIDEO_HOST}/videos/${JOB_ID}.mp4`,
					kind: 'videoRender',
					passThroughData: { rowId: 7 },
				}),
			},
		]);
		expect(reads).toEqual([{ path: `${JOBS_PATH}/${JOB_ID}`, authorization: API_KEY }]);
	});

	test('what the call says about the job is not trusted: the output is Pictory’s answer', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const forged = callFor(JOB_ID, {
			data: { jobId: JOB_ID, status: 'completed', videoURL: 'https://evil.example/x.mp4' },
		});
		const { items } = await trigger.call({ body: forged });

		expect(items?.[0].json.videoURL).toBe(`${VIDEO_HOST}/videos/${JOB_ID}.mp4`);
	});

	test('a failed job is finished too: emitted with its error', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.videoFailed(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const { status, items } = await trigger.call({ body: { job_id: JOB_ID } });

		expect(status).toBe(200);
		expect(items?.[0].json).toMatchObject({
			jobId: JOB_ID,
			status: 'failed',
			errorCode: 'TEXT_TO_VIDEO_FAILED',
			passThroughData: null,
		});
	});

	test.each([
		['an unknown job', { job_id: 'made-up-job' }, 404, 'Pictory has no job made-up-job'],
		[
			'a job still rendering',
			{
				job_id: 'still-rendering',
				data: { status: 'completed', videoURL: 'https://evil.example' },
			},
			409,
			'Job still-rendering has not finished (Pictory says "in-progress")',
		],
		['no job id', { data: { status: 'completed' } }, 400, expect.stringContaining('names no job')],
		['not JSON object', 'job done', 400, expect.stringContaining('names no job')],
	])('a forged call (%s) is refused and emits nothing', async (_, body, status, message) => {
		serveJobs({ 'still-rendering': [jobAnswer.inProgress('still-rendering', 40)] });
		const trigger = activeCallbackTrigger();

		const result = await trigger.call({ body });

		expect(result).toEqual({ status, answer: { message }, items: undefined });
		expect(trigger.staticData()).toEqual({});
	});

	test('a job refused while rendering is emitted when Pictory calls again once it is done', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.inProgress(JOB_ID, 90), jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const early = await trigger.call({ body: callFor(JOB_ID) });
		const done = await trigger.call({ body: callFor(JOB_ID) });

		expect(early.status).toBe(409);
		expect(early.items).toBeUndefined();
		expect(done.items).toHaveLength(1);
	});

	test('a second call for the same job emits nothing and reads nothing', async () => {
		const { reads } = serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const first = await trigger.call({ body: callFor(JOB_ID) });
		const second = await trigger.call({ body: callFor(JOB_ID) });

		expect(first.items).toHaveLength(1);
		expect(second).toEqual({
			status: 200,
			answer: { message: 'Already received' },
			items: undefined,
		});
		expect(reads).toHaveLength(1);
	});

	test('two calls at once for one job emit it once', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const [a, b] = await Promise.all([
			trigger.startCall({ body: callFor(JOB_ID) }),
			trigger.startCall({ body: callFor(JOB_ID) }),
		]);

		expect([a.items?.length, b.items?.length].sort()).toEqual([1, undefined]);
	});

	test.each([
		['no secret', {}],
		['a wrong secret', { secret: 's3cret-but-wrong' }],
		['a shorter one', { secret: 's3cret' }],
	])('with a Secret, a call with %s is refused before any request', async (_, query) => {
		const { reads } = serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger({ secret: 's3cret-value' });

		const result = await trigger.call({ body: callFor(JOB_ID), query });

		expect(result).toEqual({
			status: 403,
			answer: { message: 'The secret is missing or wrong' },
			items: undefined,
		});
		expect(reads).toHaveLength(0);
	});

	test('with the right secret, the call is checked and emitted', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger({ secret: 's3cret-value' });

		const { items } = await trigger.call({
			body: callFor(JOB_ID),
			query: { secret: 's3cret-value' },
		});

		expect(items).toHaveLength(1);
	});

	test('a re-read that fails is answered 503 (so Pictory may call again), emits nothing, and never shows the key', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_wrong_key' } } },
		);

		const result = await trigger.call({ body: callFor(JOB_ID) });

		expect(result.status).toBe(503);
		expect(result.items).toBeUndefined();
		expect(JSON.stringify(result)).not.toContain('pictai_');
		expect(trigger.staticData()).toEqual({});
	});

	test('the key is in no answer', async () => {
		serveJobs({ [JOB_ID]: [jobAnswer.videoCompleted(JOB_ID)] });
		const trigger = activeCallbackTrigger();

		const answers = [
			await trigger.call({ body: callFor(JOB_ID) }),
			await trigger.call({ body: callFor(JOB_ID) }),
			await trigger.call({ body: { job_id: 'unknown' } }),
		];

		expect(JSON.stringify(answers)).not.toContain(API_KEY);
	});
});
