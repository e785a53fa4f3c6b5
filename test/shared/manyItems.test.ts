/**
 * Many input items in one run, as from a sheet: n8n starts every item's request at once, so the
 * node shares one bound on requests in flight, waits out 429s together, checks every item before
 * ordering anything, and names the orders Pictory accepted when the run fails.
 */
import nock from 'nock';
import { defaultMaxListeners, getEventListeners } from 'node:events';

import {
	IMAGES_PATH,
	jobAnswer,
	JOBS_PATH,
	orderAccepted,
	serveBusyPictory,
	serveGeneration,
} from '../fakePictory';
import { BASE_URL, runPictoryNode } from '../harness';

const PROMPTS = (count: number) =>
	Array.from({ length: count }, (_, row) => `Prompt of row ${row + 1}`);

/** The node after a node giving one item per prompt: its Prompt is `{{ $json.prompt }}`. */
const generateFor = (
	prompts: string[],
	parameters: Record<string, unknown> = {},
	options: Parameters<typeof runPictoryNode>[1] = {},
) =>
	runPictoryNode(
		{ resource: 'image', operation: 'generate', prompt: '={{ $json.prompt }}', ...parameters },
		{ ...options, input: prompts.map((prompt) => ({ prompt })) },
	);

describe('many rows against a Pictory that allows 5 requests a second', () => {
	test.each([30, 100])(
		'%i rows → Generate: every row gets its job, each image ordered once, in about rows ÷ 5 seconds',
		async (rows) => {
			const pictory = serveBusyPictory({ perSecond: 5 });
			const started = Date.now();

			const { items, error } = await generateFor(PROMPTS(rows), { waitForCompletion: false });

			expect(error).toBeUndefined();
			expect(items.map((item) => item.pairedItem)).toEqual(
				PROMPTS(rows).map((_, row) => ({ item: row })),
			);
			expect(new Set(items.map((item) => item.json.jobId)).size).toBe(rows);
			expect([...pictory.orders.values()].every((jobIds) => jobIds.length === 1)).toBe(true);
			expect(pictory.orders.size).toBe(rows);
			const seconds = (Date.now() - started) / 1000;
			expect(seconds).toBeGreaterThanOrEqual(rows / 5 - 1);
			expect(seconds).toBeLessThanOrEqual((rows / 5) * 1.5);
		},
	);

	test('30 rows → Job → Get: every row gets its job, in about 6 seconds', async () => {
		const pictory = serveBusyPictory({ perSecond: 5, checksToComplete: 1 });
		await generateFor(PROMPTS(30), { waitForCompletion: false });
		const jobIds = [...pictory.orders.values()].flat();
		const started = Date.now();

		const { items, error } = await runPictoryNode(
			{ resource: 'job', operation: 'get', jobId: '={{ $json.jobId }}' },
			{ input: jobIds.map((jobId) => ({ jobId })) },
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.jobId, item.json.status])).toEqual(
			jobIds.map((jobId) => [jobId, 'completed']),
		);
		expect((Date.now() - started) / 1000).toBeLessThanOrEqual(9);
	});

	test('30 rows → Generate and wait: every row gets its finished image, each ordered once', async () => {
		const pictory = serveBusyPictory({ perSecond: 5, checksToComplete: 2 });

		const { items, error } = await generateFor(PROMPTS(30));

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status)).toEqual(Array(30).fill('completed'));
		expect([...pictory.orders.values()].every((jobIds) => jobIds.length === 1)).toBe(true);
	});

	test('rows waiting at once do not pile listeners on one signal (Node reports more than 10 as a leak)', async () => {
		serveBusyPictory({ perSecond: 5, checksToComplete: 2 });
		let most = 0;
		const { addEventListener } = EventTarget.prototype;
		const listening = jest
			.spyOn(EventTarget.prototype, 'addEventListener')
			.mockImplementation(function (this: EventTarget, ...args) {
				addEventListener.apply(this, args);
				if (this instanceof AbortSignal) {
					most = Math.max(most, getEventListeners(this, 'abort').length);
				}
			});
		try {
			const { items } = await generateFor(PROMPTS(30));

			expect(items.map((item) => item.json.status)).toEqual(Array(30).fill('completed'));
			expect(most).toBeGreaterThan(0);
			expect(most).toBeLessThanOrEqual(defaultMaxListeners);
		} finally {
			listening.mockRestore();
		}
	});

	test('no more than 4 requests of a run are in flight at once', async () => {
		let inFlight = 0;
		let most = 0;
		let jobs = 0;
		nock(BASE_URL)
			.persist()
			.post(IMAGES_PATH)
			.delay(500)
			.reply(() => [200, orderAccepted(`job-${++jobs}`)])
			.on('request', () => (most = Math.max(most, ++inFlight)))
			.on('replied', () => inFlight--);

		const { items } = await generateFor(PROMPTS(12), { waitForCompletion: false });

		expect(items).toHaveLength(12);
		expect(most).toBe(4);
	});
});

describe('no paid work lost', () => {
	test('a bad row stops the run before any row is ordered', async () => {
		const { requests } = serveGeneration('job-1', [jobAnswer.imageCompleted('job-1')]);

		const { error } = await generateFor(['A lighthouse at dawn', 'Cat']);

		expect(error?.message).toBe('The prompt must be 5 to 5,000 characters long, not 3');
		expect(requests).toHaveLength(0);
	});

	test('with Continue On Fail, the good rows are ordered and the bad row gets its own error item', async () => {
		const { requests } = serveGeneration('job-1', [jobAnswer.imageCompleted('job-1')]);

		const { items } = await generateFor(
			['A lighthouse at dawn', 'Cat', 'A forest in the fog'],
			{ waitForCompletion: false },
			{ settings: { onError: 'continueRegularOutput' } },
		);

		expect(items).toEqual([
			{ json: { jobId: 'job-1' }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'The prompt must be 5 to 5,000 characters long, not 3',
					details: { description: 'Describe the image you want in a few words or more.' },
				},
				pairedItem: { item: 1 },
			},
			{ json: { jobId: 'job-1' }, pairedItem: { item: 2 } },
		]);
		expect(requests.map((request) => request.method)).toEqual(['POST', 'POST']);
	});

	test('when one row’s order fails, the error names the jobs Pictory accepted for the others', async () => {
		let order = 0;
		nock(BASE_URL)
			.persist()
			.post(IMAGES_PATH)
			.reply(() =>
				++order === 3 ? [500, { message: 'Internal error' }] : [200, orderAccepted(`job-${order}`)],
			);

		const { error } = await generateFor(PROMPTS(4), { waitForCompletion: false });

		expect(error?.message).toBe('Pictory had a server error (HTTP 500)');
		expect(error?.description).toContain(
			'The node stopped after Pictory had accepted the orders of other items (item 1: job-1, item 2: job-2, item 4: job-4): get those with Job → Get too rather than running the node again.',
		);
		expect(order).toBe(4);
	});

	test('when one waited-for job fails and another completed, the error names the completed one', async () => {
		nock(BASE_URL)
			.post(IMAGES_PATH)
			.reply(200, orderAccepted('job-good'))
			.post(IMAGES_PATH)
			.reply(200, orderAccepted('job-bad'))
			.get(`${JOBS_PATH}/job-good`)
			.reply(200, jobAnswer.imageCompleted('job-good'))
			.get(`${JOBS_PATH}/job-bad`)
			.reply(200, jobAnswer.failed('job-bad'));

		const { error } = await generateFor(PROMPTS(2));

		expect(error?.message).toBe('Pictory could not generate the image (CONTENT_POLICY)');
		expect(error?.description).toContain('(item 1: job-good)');
		expect(error?.description).not.toContain('The image was ordered as job job-bad');
	});

	test('once a row fails, the other rows stop waiting: no more checks for a run that has failed', async () => {
		const checks: string[] = [];
		nock(BASE_URL)
			.post(IMAGES_PATH)
			.reply(200, orderAccepted('job-a'))
			.post(IMAGES_PATH)
			.reply(200, orderAccepted('job-b'));
		nock(BASE_URL)
			.persist()
			.get(/\/jobs\/job-[ab]$/)
			.reply((uri) => {
				const jobId = uri.split('/').pop()!;
				checks.push(`${jobId} at ${(Date.now() - started) / 1000} s`);
				const failing = jobId === 'job-a' && checks.length > 2;
				return failing ? [400, { message: 'Bad job' }] : [200, jobAnswer.inProgress(jobId)];
			});
		const started = Date.now();

		const { error } = await generateFor(PROMPTS(2), { maxWaitMinutes: 5 });

		expect(error?.message).toBe('Pictory refused the request (HTTP 400)');
		expect(error?.description).toContain('(item 2: job-b)');
		expect(checks).toEqual(['job-a at 10 s', 'job-b at 10 s', 'job-a at 20 s', 'job-b at 20 s']);
		expect(Date.now() - started).toBe(20_000);
	});
});
