import nock from 'nock';

import { advanceClock } from './clock';
import { API_KEY, runPictoryNode } from './harness';
import {
	imageBytes,
	jobCompleted,
	jobInProgress,
	networkError,
	serveGeneration,
	serveImageFiles,
	HttpAnswer,
	IMAGE_HOST,
} from './fakePictory';

const JOB_ID = '7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60';
const PROMPT = 'A man playing guitar on a beach during sunset';

const generate = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{ resource: 'image', operation: 'generate', prompt: PROMPT, ...parameters },
		options,
	);

describe('Generate', () => {
	test('sends the prompt and settings, then checks the job every 10 s until it is completed', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobInProgress(JOB_ID), jobCompleted(JOB_ID)]);

		const { items, error } = await generate({
			model: 'flux-schnell',
			aspectRatio: '16:9',
			additionalFields: { style: 'cartoon' },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				jobId: JOB_ID,
				status: 'completed',
				url: `${IMAGE_HOST}/images/user/a1b2c3d4/${JOB_ID}.png`,
				width: 1024,
				height: 1024,
				aiCreditsUsed: 2,
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
			{ method: 'GET', path: `/pictoryapis/v1/jobs/${JOB_ID}`, authorization: API_KEY },
			{ method: 'GET', path: `/pictoryapis/v1/jobs/${JOB_ID}`, authorization: API_KEY },
		]);
		expect(checks.map((check) => check.at - post.at)).toEqual([10_000, 20_000]);
	});

	test('defaults: Seedream 3.0, square, and only the fields that were set', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		await generate();

		expect(requests[0].body).toEqual({ prompt: PROMPT, model: 'seedream3.0', aspectRatio: '1:1' });
	});

	test('reference image and webhook URLs are passed on', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);
		const additionalFields = {
			referenceImageUrl: 'https://example.com/reference.png',
			webhook: 'https://n8n.example.com/webhook/pictory',
		};

		await generate({ additionalFields, waitForCompletion: false });

		expect(requests[0].body).toMatchObject(additionalFields);
	});

	test('without Wait for Completion, it returns the job id at once', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobInProgress(JOB_ID)]);

		const { items } = await generate({ waitForCompletion: false });

		expect(items.map((item) => item.json)).toEqual([{ jobId: JOB_ID }]);
		expect(requests.map((request) => request.method)).toEqual(['POST']);
	});

	test('a failed job is an error with Pictory’s error code and message', async () => {
		serveGeneration(JOB_ID, [
			jobInProgress(JOB_ID),
			{
				job_id: JOB_ID,
				success: false,
				error_code: 'CONTENT_POLICY',
				error_message: 'The prompt was rejected',
			},
		]);

		const { error } = await generate();

		expect(error?.message).toBe('Pictory could not generate the image (CONTENT_POLICY)');
		expect(error?.description).toBe(
			`Pictory said: The prompt was rejected. Job ID: ${JOB_ID}. Change the prompt or settings and generate again.`,
		);
	});

	test('a job still running after Maximum Wait fails with its job id, after 6 checks in a minute', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobInProgress(JOB_ID)]);

		const { error } = await generate({ maxWaitMinutes: 1 });

		expect(error?.message).toBe(`The image was not ready after 1 minute (job ${JOB_ID})`);
		expect(error?.description).toContain(`Get Job operation and Job ID ${JOB_ID}`);
		expect(requests.filter((request) => request.method === 'GET')).toHaveLength(6);
	});

	test('Maximum Wait is a deadline: checking every 10 minutes with 1 minute to wait checks once, at 1 minute', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobInProgress(JOB_ID)]);

		const { error } = await generate({ checkIntervalSeconds: 600, maxWaitMinutes: 1 });

		expect(error?.message).toBe(`The image was not ready after 1 minute (job ${JOB_ID})`);
		const [post, ...checks] = requests;
		expect(checks).toHaveLength(1);
		expect(checks[0].at - post.at).toBe(60_000);
	});

	test('a job Pictory does not know yet (404 just after Generate) counts as still in progress', async () => {
		const { requests } = serveGeneration(JOB_ID, [
			new HttpAnswer(404, { message: 'Job not found' }),
			jobCompleted(JOB_ID),
		]);

		const { items, error } = await generate();

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ jobId: JOB_ID, status: 'completed' });
		expect(requests.map((request) => request.method)).toEqual(['POST', 'GET', 'GET']);
	});

	test('a job Pictory is slow to register (404 for a while) is still waited for', async () => {
		const notFound = new HttpAnswer(404, { message: 'Job not found' });
		const { requests } = serveGeneration(JOB_ID, [
			notFound,
			notFound,
			notFound,
			jobCompleted(JOB_ID),
		]);

		const { items, error } = await generate({ checkIntervalSeconds: 5 });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'completed' });
		expect(requests.filter((request) => request.method === 'GET')).toHaveLength(4);
	});

	test('a job Pictory still does not know a minute after Generate is an error, not a 5-minute wait', async () => {
		const { requests } = serveGeneration(JOB_ID, [
			new HttpAnswer(404, { message: 'Job not found' }),
		]);

		const { error } = await generate();

		expect(error?.message).toBe(`Pictory does not know job ${JOB_ID}`);
		expect(error?.description).toContain(`The image was ordered as job ${JOB_ID}`);
		// Checks at 10, 20, … 60 s: the last one is past the minute's grace.
		expect(requests.filter((request) => request.method === 'GET')).toHaveLength(6);
	});

	test('a failed download of the finished image names the job to fetch it from', async () => {
		serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);
		serveImageFiles({ failing: { [JOB_ID]: 403 } });

		const { error } = await generate({ downloadImage: true });

		expect(error?.message).toBe(`Could not download image ${JOB_ID} (HTTP 403)`);
		expect(error?.description).toContain(
			`The image was ordered as job ${JOB_ID}: get it with the Get Job operation rather than generating it again.`,
		);
	});

	test('a failed job is not to be fetched later: its error says to generate again', async () => {
		serveGeneration(JOB_ID, [{ success: false, error_code: 'CONTENT_POLICY' }]);

		const { error } = await generate();

		expect(error?.message).toBe('Pictory could not generate the image (CONTENT_POLICY)');
		expect(error?.description).not.toContain('Get Job');
	});

	test('a connection broken during Generate warns that the image may be ordered', async () => {
		const scope = nock('https://api.pictory.ai')
			.post('/pictoryapis/v1/aistudio/images')
			.replyWithError(networkError('ECONNRESET', 'socket hang up'));

		const { error } = await generate();

		expect(error?.message).toBe('The connection to Pictory broke during the image request');
		expect(error?.description).toContain(
			'Look for it with Get Generated Images before generating again',
		);
		expect(scope.isDone()).toBe(true);
	});

	test('Pictory out of reach on Generate is a clear error', async () => {
		nock('https://api.pictory.ai')
			.post('/pictoryapis/v1/aistudio/images')
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const { error } = await generate();

		expect(error?.message).toBe('Could not reach Pictory');
		expect(error?.description).toContain('The connection failed (ECONNREFUSED)');
	});

	test('an error while waiting names the job, so the paid-for image is not ordered again', async () => {
		const { requests } = serveGeneration(JOB_ID, [new HttpAnswer(503, { message: 'Busy' })]);

		const { error } = await generate();

		expect(error?.message).toBe('Pictory had a server error (HTTP 503) after 4 attempts');
		expect(error?.description).toContain(
			`The image was ordered as job ${JOB_ID}: get it with the Get Job operation rather than generating it again.`,
		);
		// One check, retried three times with backoff; Generate itself is never sent again.
		expect(requests.map((request) => request.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);
	});

	test('a server error on Generate is not sent again, since it may have ordered the image', async () => {
		const { requests } = serveGeneration(JOB_ID, [], {
			generateAnswer: [500, { message: 'Internal error' }],
		});

		const { error } = await generate();

		expect(error?.message).toBe('Pictory had a server error (HTTP 500)');
		expect(requests.map((request) => request.method)).toEqual(['POST']);
	});

	test('Pictory answering "success: false" to Generate is an error saying why', async () => {
		const { requests } = serveGeneration(JOB_ID, [], {
			generateAnswer: [200, { success: false, message: 'Prompt violates the content policy' }],
		});

		const { error } = await generate();

		expect(error?.message).toBe('Pictory did not accept the image request');
		expect(error?.description).toBe(
			'Pictory said: Prompt violates the content policy. No image was ordered.',
		);
		expect(requests).toHaveLength(1);
	});

	test('stopping the execution while Generate is sent is not reported as a Pictory failure', async () => {
		let sent = false;
		nock('https://api.pictory.ai')
			.post('/pictoryapis/v1/aistudio/images')
			.delay(2_000)
			.reply(200, { success: true, data: { jobId: JOB_ID } })
			.on('request', () => (sent = true));

		const { error, run } = await generate({}, { stopWhen: () => sent });

		expect(run.status).toBe('canceled');
		expect(error?.message).not.toMatch(/Pictory/);
	});

	test('a stopped execution stops waiting at once', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobInProgress(JOB_ID)]);

		const { items } = await generate({}, { stopWhen: () => requests.length === 2 });
		await advanceClock(60_000);

		expect(items).toEqual([]);
		expect(requests.map((request) => request.method)).toEqual(['POST', 'GET']);
	});

	test('with Download Image, the finished image comes with its PNG', async () => {
		serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);
		serveImageFiles();

		const { items } = await generate({ downloadImage: true });

		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'image/png',
			fileName: `${JOB_ID}.png`,
		});
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(imageBytes(JOB_ID));
	});

	test.each([
		['too short', 'Cat', 'The prompt must be 5 to 5,000 characters long, not 3'],
		['only spaces', '         ', 'The prompt must be 5 to 5,000 characters long, not 0'],
		['too long', 'x'.repeat(5001), 'The prompt must be 5 to 5,000 characters long, not 5,001'],
	])('a prompt %s is refused before any request', async (_, prompt, message) => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { error } = await generate({ prompt });

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('a Reference Image URL that is not a web address is refused before any request', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { error } = await generate({ additionalFields: { referenceImageUrl: 'my-photo.png' } });

		expect(error?.message).toBe('Reference Image URL is not a web address: my-photo.png');
		expect(requests).toHaveLength(0);
	});

	test('checking more often than every 5 s is refused before any request', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { error } = await generate({ checkIntervalSeconds: 1 });

		expect(error?.message).toBe('Check Every must be at least 5 seconds');
		expect(requests).toHaveLength(0);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

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

	test('one image per input item', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { items } = await generate({ waitForCompletion: false }, { inputItems: 3 });

		expect(items).toHaveLength(3);
		expect(requests.filter((request) => request.method === 'POST')).toHaveLength(3);
	});
});

describe('Get Job', () => {
	const getJob = (jobId: string, options?: Parameters<typeof runPictoryNode>[1]) =>
		runPictoryNode({ resource: 'image', operation: 'getJob', jobId }, options);

	test('gives the status of a job in progress', async () => {
		serveGeneration(JOB_ID, [jobInProgress(JOB_ID)]);

		const { items } = await getJob(JOB_ID);

		expect(items.map((item) => item.json)).toEqual([{ jobId: JOB_ID, status: 'in-progress' }]);
	});

	test('gives the image of a completed job', async () => {
		serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { items } = await getJob(` ${JOB_ID} `);

		expect(items[0].json).toMatchObject({ jobId: JOB_ID, status: 'completed', aiCreditsUsed: 2 });
	});

	test.each([
		[
			'gives a failed job as data, with Pictory’s error code and message',
			{ success: false, error_code: 'CONTENT_POLICY', error_message: 'Rejected' },
			{ errorCode: 'CONTENT_POLICY', errorMessage: 'Rejected' },
		],
		[
			'a job reported as failed inside a successful answer is still failed',
			{
				success: true,
				data: { status: 'failed', error_code: 'TIMEOUT', error_message: 'Took too long' },
			},
			{ errorCode: 'TIMEOUT', errorMessage: 'Took too long' },
		],
	])('%s', async (_, answer, error) => {
		serveGeneration(JOB_ID, [answer]);

		const { items } = await getJob(JOB_ID);

		expect(items[0].json).toEqual({ jobId: JOB_ID, status: 'failed', ...error });
	});

	test('an answer without a status is a clear error', async () => {
		serveGeneration(JOB_ID, [{ success: true, data: {} }]);

		const { error } = await getJob(JOB_ID);

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(`The answer for job ${JOB_ID} has no "status".`);
	});

	test('a temporary server error (503) is retried', async () => {
		const { requests } = serveGeneration(JOB_ID, [
			new HttpAnswer(503, { message: 'Busy' }),
			jobCompleted(JOB_ID),
		]);

		const { items, error } = await getJob(JOB_ID);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'completed' });
		expect(requests).toHaveLength(2);
	});

	test('an unknown job id (404) says so plainly', async () => {
		serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { error } = await getJob('no-such-job');

		expect(error?.message).toBe('Pictory has no image generation job with ID no-such-job');
	});

	test('an empty Job ID is refused before any request', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { error } = await getJob('  ');

		expect(error?.message).toBe('Job ID is empty');
		expect(requests).toHaveLength(0);
	});

	test('a rejected API key says so', async () => {
		const { requests } = serveGeneration(JOB_ID, [jobCompleted(JOB_ID)]);

		const { error } = await getJob(JOB_ID, {
			credentials: { pictoryApi: { apiKey: 'pictai_revoked' } },
		});

		expect(error?.message).toBe('Pictory rejected the API key');
		// n8n-core sends a routed request again once after a 401, to refresh expirable credentials.
		expect(requests).toHaveLength(2);
	});
});
