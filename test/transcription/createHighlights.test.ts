/** Transcription → Create Highlights: from a job or a transcript, its wait, and the segments. */
import { highlightSegments } from '../../nodes/Pictory/shared/transcripts';
import { HttpAnswer, jobAnswer, JOBS_PATH, serveGeneration } from '../fakePictory';
import { API_KEY, runPictoryNode } from '../harness';
import {
	HIGHLIGHTS_PATH,
	highlightsJobAnswer,
	jobHighlightsPath,
	transcript,
} from '../mediaFixtures';

const TRANSCRIPTION_JOB = 'c3d2e1f0-0000-4000-8000-000000000003';
const JOB_ID = 'd4e3f2a1-0000-4000-8000-000000000004';

const SEGMENTS = [
	{ start: 2.46, end: 6.76, text: 'Revenue grew twelve percent this quarter. Our new planner app' },
	{ start: 7.96, end: 9.16, text: 'Thanks for watching.' },
];

const createHighlights = (
	parameters: Record<string, unknown> = {},
	options?: Parameters<typeof runPictoryNode>[1],
) =>
	runPictoryNode(
		{
			resource: 'transcription',
			operation: 'createHighlights',
			transcriptionJobId: TRANSCRIPTION_JOB,
			...parameters,
		},
		options,
	);

const serveHighlights = (
	jobAnswers: unknown[],
	{
		orderPath = jobHighlightsPath(TRANSCRIPTION_JOB),
		generateAnswer,
	}: { orderPath?: string; generateAnswer?: [number, unknown] } = {},
) => serveGeneration(JOB_ID, jobAnswers, { orderPath, ...(generateAnswer && { generateAnswer }) });

describe('the highlighted segments', () => {
	test('each run of marked words, across pauses and sentence ends, from its first start to its last end', () => {
		const marked = highlightsJobAnswer(JOB_ID).data.transcript;

		expect(highlightSegments(marked)).toEqual(SEGMENTS);
	});

	test('no word marked: no segment; times given as text are read', () => {
		expect(highlightSegments(transcript())).toEqual([]);
		expect(
			highlightSegments([
				{
					words: [
						{ word: 'Hello', start_time: '1.5', end_time: '2', highlight: true },
						{ word: 'there', start_time: '2', end_time: '2.25', highlight: true },
					] as never,
				},
			]),
		).toEqual([{ start: 1.5, end: 2.25, text: 'Hello there' }]);
	});
});

describe('Transcription → Create Highlights', () => {
	test('from a transcription job: its highlights path, the target length; waits and gives the segments', async () => {
		const { requests } = serveHighlights([
			jobAnswer.inProgress(JOB_ID),
			highlightsJobAnswer(JOB_ID),
		]);

		const { items, error } = await createHighlights({
			highlightDuration: 45,
			additionalFields: { language: 'en', webhook: 'https://n8n.example.com/webhook/h' },
		});

		expect(error).toBeUndefined();
		expect(requests[0]).toMatchObject({
			method: 'POST',
			path: jobHighlightsPath(TRANSCRIPTION_JOB),
			authorization: API_KEY,
			body: {
				highlight_duration: 45,
				language: 'en',
				webhook: 'https://n8n.example.com/webhook/h',
			},
		});
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 10_000],
			[`${JOBS_PATH}/${JOB_ID}`, 20_000],
		]);
		expect(items).toEqual([
			{
				json: {
					jobId: JOB_ID,
					status: 'completed',
					transcript: highlightsJobAnswer(JOB_ID).data.transcript,
					highlightSegments: SEGMENTS,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('from a transcript given by expression: sent with the recording’s length, from its last word', async () => {
		const { requests } = serveHighlights([highlightsJobAnswer(JOB_ID)], {
			orderPath: HIGHLIGHTS_PATH,
		});

		const { items, error } = await createHighlights(
			{ highlightsFrom: 'transcript', transcript: '={{ $json.transcript }}' },
			{ input: [{ transcript: transcript() }] },
		);

		expect(error).toBeUndefined();
		expect(requests[0]).toMatchObject({
			method: 'POST',
			path: HIGHLIGHTS_PATH,
			body: { highlight_duration: 30, transcript: transcript(), duration: 10 },
		});
		expect(items[0].json.highlightSegments).toEqual(SEGMENTS);
	});

	test.each([
		['Transcribe’s whole item', '={{ $json }}', { transcript: transcript() }],
		['JSON text', JSON.stringify(transcript()), {}],
	])('a transcript given as %s is read the same', async (_, given, input) => {
		const { requests } = serveHighlights([highlightsJobAnswer(JOB_ID)], {
			orderPath: HIGHLIGHTS_PATH,
		});

		const { error } = await createHighlights(
			{ highlightsFrom: 'transcript', transcript: given, waitForCompletion: false },
			{ input: [input] },
		);

		expect(error).toBeUndefined();
		expect(requests[0].body).toEqual({
			highlight_duration: 30,
			transcript: transcript(),
			duration: 10,
		});
	});

	test('segments { text, start, end } are sent as they are; a given Recording Length goes as duration', async () => {
		const segments = [
			{ text: 'Welcome to the review.', start: 0, end: 2.5 },
			{ text: 'Revenue grew.', start: 2.5, end: 4 },
		];
		const { requests } = serveHighlights([], { orderPath: HIGHLIGHTS_PATH });

		const { items } = await createHighlights({
			highlightsFrom: 'transcript',
			transcript: JSON.stringify(segments),
			additionalFields: { sourceDuration: 300 },
			waitForCompletion: false,
		});

		expect(requests[0].body).toEqual({
			highlight_duration: 30,
			transcript: segments,
			duration: 300,
		});
		expect(items[0].json).toEqual({ jobId: JOB_ID });
	});

	test.each([
		['an empty job id', { transcriptionJobId: '={{ " " }}' }, 'Transcription Job ID is empty'],
		[
			'a transcript that is not JSON',
			{ highlightsFrom: 'transcript', transcript: 'hello' },
			'Transcript is not JSON',
		],
		[
			'a transcript that is not a list',
			{ highlightsFrom: 'transcript', transcript: '{"text": "hi"}' },
			'Transcript must be a list of sentences',
		],
		[
			'a transcript without times',
			{ highlightsFrom: 'transcript', transcript: '[{"text": "hi"}]' },
			'Recording Length is needed',
		],
		[
			'a target length of 0',
			{ highlightDuration: 0 },
			'Target Length must be more than 0 seconds, not 0',
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const { requests } = serveHighlights([]);

		const { error } = await createHighlights(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('failed highlights are Pictory’s error, with the job id', async () => {
		serveHighlights([
			jobAnswer.failed(JOB_ID, 'TRANSCRIPT_TOO_SHORT', 'The transcript is too short'),
		]);

		const { error } = await createHighlights();

		expect(error?.message).toBe('Pictory could not create the highlights (TRANSCRIPT_TOO_SHORT)');
		expect(error?.description).toContain(`Job ID: ${JOB_ID}.`);
	});

	test('Maximum Wait (15 minutes by default) ends with the job id', async () => {
		serveHighlights([jobAnswer.inProgress(JOB_ID)]);

		const { error } = await createHighlights();

		expect(error?.message).toBe(`The summary was not ready after 15 minutes (job ${JOB_ID})`);
	});

	test('an unknown transcription job is Pictory’s 404 refusal, and nothing was ordered', async () => {
		serveHighlights([], {
			generateAnswer: [404, { success: false, error_code: '5000', error_message: 'JOB_NOT_FOUND' }],
		});

		const { error } = await createHighlights();

		expect(error?.message).toBe('Pictory refused the request (HTTP 404)');
		expect(error?.description).toBe('Pictory said: JOB_NOT_FOUND');
	});

	test('an error after the order was accepted names the job; the order is never sent again', async () => {
		const { requests } = serveHighlights([new HttpAnswer(503, { message: 'Busy' })]);

		const { error } = await createHighlights();

		expect(error?.description).toContain(
			`The summary was ordered as job ${JOB_ID}: get it with Job → Get rather than creating it again.`,
		);
		expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	test('a rejected API key says so after one request', async () => {
		const { requests } = serveHighlights([]);

		const { error } = await createHighlights(
			{},
			{ credentials: { pictoryApi: { apiKey: 'pictai_revoked' } } },
		);

		expect(error?.message).toBe('Pictory rejected the API key');
		expect(requests).toHaveLength(1);
	});
});
