/** Image → Generate: what is sent, what is never sent twice, stopping, and checks before any request. */
import nock from 'nock';

import {
	HttpAnswer,
	imageBytes,
	IMAGE_HOST,
	IMAGES_PATH,
	jobAnswer,
	JOBS_PATH,
	networkError,
	serveGeneration,
	serveImageFiles,
} from '../fakePictory';
import { advanceClock } from '../clock';
import { API_KEY, BASE_URL, runPictoryNode } from '../harness';

const JOB_ID = '7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60';
const JOB_PATH = `${JOBS_PATH}/${JOB_ID}`;
const PROMPT = 'A man playing guitar on a beach during sunset';
const ORDERED_NOTE = `The image was ordered as job ${JOB_ID}: get it with Job → Get rather than generating it again.`;

const generate = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{ resource: 'image', operation: 'generate', prompt: PROMPT, ...parameters },
		options,
	);

const methods = (requests: Array<{ method: string }>) => requests.map((request) => request.method);

describe('Generate', () => {
	test('sends the prompt and settings, then checks the job every 10 s until it is completed', async () => {
		const { requests } = serveGeneration(JOB_ID, [
			jobAnswer.inProgress(JOB_ID),
			jobAnswer.imageCompleted(JOB_ID),
		]);

		const { items, error } = await generate({
			model: 'flux-schnell',
			aspectRatio: '16:9',
			additionalFields: { style: 'cartoon' },
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					jobId: JOB_ID,
					status: 'completed',
					url: `${IMAGE_HOST}/images/user/a1b2c3d4/${JOB_ID}.png`,
					width: 1024,
					height: 1024,
					aiCreditsUsed: 2,
				},
				pairedItem: { item: 0 },
			},
		]);
		const [post, ...checks] = requests;
		expect(post).toMatchObject({
			method: 'POST',
			authorization: API_KEY,
			body: { prompt: PROMPT, model: 'flux-schnell', aspectRatio: '16:9', style: 'cartoon' },
		});
		expect(
			checks.map(({ method, path, authorization }) => ({ method, path, authorization })),
		).toEqual([
			{ method: 'GET', path: JOB_PATH, authorization: API_KEY },
			{ method: 'GET', path: JOB_PATH, authorization: API_KEY },
		]);
		expect(checks.map((check) => check.at - post.at)).toEqual([10_000, 20_000]);
	});

	test.each([
		['defaults: Seedream 3.0, square, and only the fields that were set', {}, {}],
		[
			'reference image and webhook URLs are passed on, trimmed',
			{
				additionalFields: {
					referenceImageUrl: ' https://example.com/reference.png',
					webhook: 'https://n8n.example.com/webhook/pictory ',
				},
			},
			{
				referenceImageUrl: 'https://example.com/reference.png',
				webhook: 'https://n8n.example.com/webhook/pictory',
			},
		],
		['empty URL fields are left out', { additionalFields: { webhook: '  ' } }, {}],
		['the prompt is sent exactly as checked: trimmed', { prompt: `  ${PROMPT}\n` }, {}],
		[
			'a number as the prompt is sent as its text',
			{ prompt: '={{ 123456 }}' },
			{ prompt: '123456' },
		],
	])('%s', async (_, parameters, sent) => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);

		await generate({ ...parameters, waitForCompletion: false });

		expect(requests[0].body).toEqual({
			prompt: PROMPT,
			model: 'seedream3.0',
			aspectRatio: '1:1',
			...sent,
		});
	});

	test('without Wait for Completion, it returns the job id at once', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID)]);

		const { items } = await generate({ waitForCompletion: false });

		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
		expect(methods(requests)).toEqual(['POST']);
	});

	test.each([
		[
			'a failed job',
			jobAnswer.failed(JOB_ID, 'CONTENT_POLICY', 'The prompt was rejected'),
			'Pictory said: The prompt was rejected. ',
		],
		['a failed job without a message', { success: false, error_code: 'CONTENT_POLICY' }, ''],
	])(
		'%s is an error with Pictory’s error code, saying to generate again, not to Job → Get',
		async (_, failed, said) => {
			serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID), failed]);

			const { error } = await generate();

			expect(error?.message).toBe('Pictory could not generate the image (CONTENT_POLICY)');
			expect(error?.description).toBe(
				`${said}Job ID: ${JOB_ID}. Change the prompt or settings and generate again.`,
			);
		},
	);

	test('a job still running after Maximum Wait fails with its job id, after 6 checks in a minute', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID)]);

		const { error } = await generate({ maxWaitMinutes: 1 });

		expect(error?.message).toBe(`The image was not ready after 1 minute (job ${JOB_ID})`);
		expect(error?.description).toContain(`Job → Get and Job ID ${JOB_ID}`);
		expect(requests.slice(1).map((check) => check.at - requests[0].at)).toEqual([
			10_000, 20_000, 30_000, 40_000, 50_000, 60_000,
		]);
	});

	test('Maximum Wait is a deadline: checking every 10 minutes with 1 minute to wait checks once, at 1 minute', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID)]);

		const { error } = await generate({ checkIntervalSeconds: 600, maxWaitMinutes: 1 });

		expect(error?.message).toBe(`The image was not ready after 1 minute (job ${JOB_ID})`);
		expect(requests.slice(1).map((check) => check.at - requests[0].at)).toEqual([60_000]);
	});

	test('Maximum Wait holds when a check hangs: the run ends by the minute plus one request’s 30 s', async () => {
		nock(BASE_URL)
			.post(IMAGES_PATH)
			.reply(200, { success: true, data: { jobId: JOB_ID } });
		nock(BASE_URL)
			.persist()
			.get(JOB_PATH)
			.delay(10 * 60_000)
			.reply(200, jobAnswer.inProgress(JOB_ID));
		const started = Date.now();

		const { error } = await generate({ maxWaitMinutes: 1 });

		// The check at 10 s hangs until its 30 s are up; so does its retry; a third would start too late.
		expect(error?.message).toBe('Pictory did not answer in time after 2 attempts');
		expect(error?.description).toContain(ORDERED_NOTE);
		expect(Date.now() - started).toBeLessThanOrEqual(60_000 + 30_000);
	});

	test.each([
		[
			'404 just after Generate counts as still in progress',
			[new HttpAnswer(404, { message: 'Job not found' }), jobAnswer.imageCompleted(JOB_ID)],
			{ checkIntervalSeconds: 10 },
			2,
		],
		[
			'a job Pictory is slow to register (404 for a while) is still waited for',
			[
				...Array.from({ length: 3 }, () => new HttpAnswer(404, jobAnswer.unknown)),
				jobAnswer.imageCompleted(JOB_ID),
			],
			{ checkIntervalSeconds: 5 },
			4,
		],
	])('%s', async (_, answers, parameters, checks) => {
		const { requests } = serveGeneration(JOB_ID, answers);

		const { items, error } = await generate(parameters);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ jobId: JOB_ID, status: 'completed' });
		expect(methods(requests)).toEqual(['POST', ...Array(checks).fill('GET')]);
	});

	test('a job Pictory still does not know a minute after Generate is an error, not a 5-minute wait', async () => {
		const { requests } = serveGeneration(JOB_ID, [
			new HttpAnswer(404, { message: 'Job not found' }),
		]);

		const { error } = await generate();

		expect(error?.message).toBe(`Pictory does not know job ${JOB_ID}`);
		expect(error?.description).toContain(ORDERED_NOTE);
		// Checks at 10, 20, … 60 s: the last one is past the minute's grace.
		expect(methods(requests)).toEqual(['POST', ...Array(6).fill('GET')]);
	});

	test('a failed download of the finished image names the job to fetch it from', async () => {
		serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);
		serveImageFiles({ failing: { [JOB_ID]: 403 } });

		const { error } = await generate({ downloadImage: true });

		expect(error?.message).toBe(`Could not download image ${JOB_ID} (HTTP 403)`);
		expect(error?.description).toContain(ORDERED_NOTE);
	});

	test('a finished image whose link gives an S3 error labelled image/png is an error naming the job', async () => {
		serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);
		const s3Error = '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>';
		serveImageFiles({ bodies: { [JOB_ID]: { body: s3Error, contentType: 'image/png' } } });

		const { error, items } = await generate({ downloadImage: true });

		expect(items).toEqual([]);
		expect(error?.message).toBe(`The download of image ${JOB_ID} is not an image file`);
		expect(error?.description).toContain('answered with image/png, starting "<?xml');
		expect(error?.description).toContain(ORDERED_NOTE);
	});

	test('an error while waiting names the job, so the paid-for image is not ordered again', async () => {
		const { requests } = serveGeneration(JOB_ID, [new HttpAnswer(503, { message: 'Busy' })]);

		const { error } = await generate();

		expect(error?.message).toBe('Pictory had a server error (HTTP 503) after 4 attempts');
		expect(error?.description).toContain(ORDERED_NOTE);
		// One check, retried three times with backoff; Generate itself is never sent again.
		expect(methods(requests)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);
	});

	test('with Download Image, the finished image comes with its PNG', async () => {
		serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);
		serveImageFiles();

		const { items } = await generate({ downloadImage: true });

		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'image/png',
			fileName: `${JOB_ID}.png`,
		});
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(imageBytes(JOB_ID));
	});

	test('one image per input item, each linked to its item', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);

		const { items } = await generate({ waitForCompletion: false }, { inputItems: 3 });

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(methods(requests)).toEqual(['POST', 'POST', 'POST']);
	});
});

describe('Generate: what is never sent twice', () => {
	test('a 429 on Generate means nothing was ordered: it is sent again as Retry-After asks', async () => {
		const scope = nock(BASE_URL)
			.post(IMAGES_PATH)
			.reply(429, { message: 'Too many requests' }, { 'Retry-After': '2' })
			.post(IMAGES_PATH)
			.reply(200, { success: true, data: { jobId: JOB_ID } });

		const { items, error } = await generate({ waitForCompletion: false });

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ jobId: JOB_ID });
		expect(scope.isDone()).toBe(true);
	});

	test('a server error on Generate is not sent again, and says the image may have been ordered', async () => {
		const { requests } = serveGeneration(JOB_ID, [], {
			generateAnswer: [500, { message: 'Internal error' }],
		});

		const { error } = await generate();

		expect(error?.message).toBe('Pictory had a server error (HTTP 500)');
		expect(error?.description).toContain(
			'Pictory may still have received the order: look for the image with Get Generated Images before generating again.',
		);
		expect(methods(requests)).toEqual(['POST']);
	});

	test.each([
		[
			'a connection broken during Generate',
			networkError('ECONNRESET', 'socket hang up'),
			'ECONNRESET',
		],
		['a Generate that gets no answer in time', undefined, 'no answer in time'],
	])('%s is not sent again and warns the image may be ordered', async (_, failure, reason) => {
		const post = nock(BASE_URL).post(IMAGES_PATH);
		const scope = failure
			? post.replyWithError(failure)
			: post.delay(10 * 60_000).reply(200, { success: true, data: { jobId: JOB_ID } });

		const { error } = await generate();

		expect(error?.message).toBe('The connection to Pictory broke during the image request');
		expect(error?.description).toBe(
			`Pictory may have received it and be making the image (${reason}). Look for it with Get Generated Images before generating again.`,
		);
		expect(scope.isDone()).toBe(true);
	});

	test('Pictory out of reach on Generate is a clear error: nothing was sent', async () => {
		nock(BASE_URL)
			.post(IMAGES_PATH)
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const { error } = await generate();

		expect(error?.message).toBe('Could not reach Pictory');
		expect(error?.description).toContain('The connection failed (ECONNREFUSED)');
	});

	test('a redirect (an http:// Base URL) is not followed: a POST must not turn into a GET', async () => {
		const scope = nock('http://api.pictory.ai')
			.post(IMAGES_PATH)
			.reply(301, '', { Location: `${BASE_URL}${IMAGES_PATH}` });

		const { error } = await generate(
			{},
			{
				credentials: {
					pictoryApi: { apiKey: API_KEY, baseUrl: 'http://api.pictory.ai/pictoryapis' },
				},
			},
		);

		expect(error?.message).toBe('Pictory answered with a redirect (HTTP 301)');
		expect(error?.description).toContain(
			`It points to ${BASE_URL}${IMAGES_PATH}. Nothing was ordered.`,
		);
		expect(scope.isDone()).toBe(true);
	});

	test.each([
		[
			'with "success: false"',
			[200, { success: false, message: 'Prompt violates the content policy' }],
		],
	])(
		'Pictory answering Generate %s is an error saying why: nothing was ordered',
		async (_, answer) => {
			const { requests } = serveGeneration(JOB_ID, [], {
				generateAnswer: answer as [number, unknown],
			});

			const { error } = await generate();

			expect(error?.message).toBe('Pictory did not accept the image request');
			expect(error?.description).toBe(
				'Pictory said: Prompt violates the content policy. No image was ordered.',
			);
			expect(requests).toHaveLength(1);
		},
	);

	test('an answer to Generate without a job id says the image may have been ordered, never "try again"', async () => {
		serveGeneration(JOB_ID, [], { generateAnswer: [200, { items: [] }] });

		const { error } = await generate();

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toBe(
			'The answer to the order has no "data.jobId". Pictory may have received the order and be making the image: look for it with Get Generated Images before generating again.',
		);
		expect(error?.description).not.toMatch(/try again/i);
	});

	test('a job id sent as a number is used as text', async () => {
		serveGeneration('4242', [jobAnswer.imageCompleted('4242')], {
			generateAnswer: [200, { success: true, data: { jobId: 4242 } }],
		});

		const { items, error } = await generate();

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ jobId: '4242', status: 'completed' });
	});

	test.each([
		['"data.job_id"', { success: true, data: { job_id: JOB_ID } }],
		['"jobId" at the top', { success: true, jobId: JOB_ID }],
		['"job_id" at the top', { success: true, job_id: JOB_ID }],
	])('a job id spelled %s, as older endpoints answer, is read', async (_, answer) => {
		const { requests } = serveGeneration(JOB_ID, [], { generateAnswer: [200, answer] });

		const { items, error } = await generate({ waitForCompletion: false });

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
		expect(methods(requests)).toEqual(['POST']);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);

		const { error } = await generate(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});

	test('Pictory refusing the request shows what it said', async () => {
		serveGeneration(JOB_ID, [], { generateAnswer: [400, { message: 'Insufficient AI credits' }] });

		const { error } = await generate();

		expect(error?.message).toBe('Pictory refused the request (HTTP 400)');
		expect(error?.description).toBe('Pictory said: Insufficient AI credits');
	});
});

describe('Generate: stopping', () => {
	test('stopping the execution while Generate is sent is not reported as a Pictory failure', async () => {
		let sent = false;
		nock(BASE_URL)
			.post(IMAGES_PATH)
			.delay(2_000)
			.reply(200, { success: true, data: { jobId: JOB_ID } })
			.on('request', () => (sent = true));

		const { error, run } = await generate({}, { stopWhen: () => sent });

		expect(run.status).toBe('canceled');
		expect(error?.message).not.toMatch(/Pictory/);
	});

	test('a stopped execution stops waiting at once', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.inProgress(JOB_ID)]);

		const { items } = await generate({}, { stopWhen: () => requests.length === 2 });
		await advanceClock(60_000);

		expect(items).toEqual([]);
		expect(methods(requests)).toEqual(['POST', 'GET']);
	});
});

describe('Generate: parameters are checked before any request', () => {
	test.each([
		[{ prompt: 'Cat' }, 'The prompt must be 5 to 5,000 characters long, not 3'],
		[{ prompt: '         ' }, 'The prompt must be 5 to 5,000 characters long, not 0'],
		[{ prompt: 'x'.repeat(5001) }, 'The prompt must be 5 to 5,000 characters long, not 5,001'],
		[{ prompt: '={{ ["a list", "of prompts"] }}' }, 'Prompt must be text, not a list'],
		[{ prompt: '={{ { text: "an object" } }}' }, 'Prompt must be text, not an object'],
		[
			{ additionalFields: { referenceImageUrl: 'my-photo.png' } },
			'Reference Image URL is not a web address: my-photo.png',
		],
		[{ checkIntervalSeconds: 1 }, 'Check Every must be at least 5 seconds, not 1'],
		[{ maxWaitMinutes: 0 }, 'Maximum Wait must be more than 0 minutes, not 0'],
		[
			{ waitForCompletion: '={{ "maybe" }}' },
			'Wait for Completion must be true or false, not "maybe"',
		],
	])('%j is refused', async (parameters, message) => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);

		const { error } = await generate(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('a prompt of 5,000 characters and a newline is 5,000 characters: accepted, sent trimmed', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);
		const prompt = 'x'.repeat(5000);

		const { error } = await generate({ prompt: `${prompt}\n`, waitForCompletion: false });

		expect(error).toBeUndefined();
		expect((requests[0].body as { prompt: string }).prompt).toBe(prompt);
	});

	test.each([
		['"false"', '={{ "false" }}', ['POST']],
		['"true"', '={{ "TRUE " }}', ['POST', 'GET']],
	])(
		'Wait for Completion given as the text %s is read as it says',
		async (_, waitForCompletion, sent) => {
			const { requests } = serveGeneration(JOB_ID, [jobAnswer.imageCompleted(JOB_ID)]);

			const { error } = await generate({ waitForCompletion });

			expect(error).toBeUndefined();
			expect(methods(requests)).toEqual(sent);
		},
	);
});
