import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { passThroughDataField, waitFields, webhookField } from '../../shared/descriptions';
import { readWaitOptions, waitForJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { HIGHLIGHTS_ORDER } from '../../shared/orders';
import { highlightSegments } from '../../shared/transcripts';
import { asObject } from '../../shared/transport';
import { readTranscript } from '../../shared/types';
import {
	readBoolean,
	readChoice,
	readNumber,
	readPassThroughData,
	readText,
	readWebhook,
	refuse,
	withoutEmpty,
} from '../../shared/values';

/**
 * The request's path: a transcription job's highlights, or highlights of a transcript given in the
 * body.
 */
export const HIGHLIGHTS_PATH_EXPRESSION =
	'={{ $parameter.highlightsFrom === "transcript" ? "/v2/transcription/highlights" : "/v2/transcription/" + encodeURIComponent(String($parameter.transcriptionJobId ?? "").trim()) + "/highlights" }}';

export const MIN_HIGHLIGHTS_CHECK_SECONDS = 10;

const show = { resource: ['transcription'], operation: ['createHighlights'] };

const FROM = [
	{ name: 'Transcription Job', value: 'job' },
	{ name: 'Transcript', value: 'transcript' },
] as const;

/** The languages Pictory summarises in [stated: "en es fr de it pt ja ko zh ar hi ru …"]. */
const SUMMARY_LANGUAGES = [
	{ name: 'Arabic', value: 'ar' },
	{ name: 'Chinese', value: 'zh' },
	{ name: 'English', value: 'en' },
	{ name: 'French', value: 'fr' },
	{ name: 'German', value: 'de' },
	{ name: 'Hindi', value: 'hi' },
	{ name: 'Italian', value: 'it' },
	{ name: 'Japanese', value: 'ja' },
	{ name: 'Korean', value: 'ko' },
	{ name: 'Portuguese', value: 'pt' },
	{ name: 'Russian', value: 'ru' },
	{ name: 'Spanish', value: 'es' },
];

export const createHighlightsDescription: INodeProperties[] = [
	{
		displayName: 'Highlights Of',
		name: 'highlightsFrom',
		type: 'options',
		displayOptions: { show },
		options: [
			{
				name: 'Transcription Job',
				value: 'job',
				description: 'A completed Transcribe job: Pictory uses its transcript',
			},
			{
				name: 'Transcript',
				value: 'transcript',
				description: 'A transcript given by an expression, such as Transcribe’s "transcript"',
			},
		],
		default: 'job',
	},
	{
		displayName: 'Transcription Job ID',
		name: 'transcriptionJobId',
		type: 'string',
		displayOptions: { show: { ...show, highlightsFrom: ['job'] } },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.jobId }}',
		description: 'The "jobId" of a completed Transcribe',
	},
	{
		displayName: 'Transcript',
		name: 'transcript',
		type: 'json',
		displayOptions: { show: { ...show, highlightsFrom: ['transcript'] } },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.transcript }}',
		description:
			'Pictory’s transcript: its sentences with their timed words, as Transcribe gives it (or a list of { text, start, end } segments)',
	},
	{
		displayName: 'Target Length (Seconds)',
		name: 'highlightDuration',
		type: 'number',
		displayOptions: { show },
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'About how long the highlights should last together',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: SUMMARY_LANGUAGES,
				default: 'en',
				description: 'The language of the transcript',
			},
			passThroughDataField,
			{
				displayName: 'Recording Length (Seconds)',
				name: 'sourceDuration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description:
					'How long the recording of a given transcript lasts; by default the end of its last word',
				displayOptions: { show: { '/highlightsFrom': ['transcript'] } },
			},
			webhookField,
		],
	},
	...waitFields(show, {
		what: 'summary',
		getLater: 'Job → Get',
		checkEvery: {
			default: 10,
			min: MIN_HIGHLIGHTS_CHECK_SECONDS,
			hint: 'highlights are usually ready within a few minutes',
		},
		maxWaitMinutes: 15,
	}),
];

/** A transcript given by expression: Transcribe's list, an item holding it, or its JSON text. */
function readGivenTranscript(context: IExecuteSingleFunctions): unknown[] {
	let value = context.getNodeParameter('transcript', '') as unknown;
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) {
			refuse(
				context,
				'Transcript is empty',
				'Give the transcript with an expression, such as {{ $json.transcript }} after Transcribe.',
			);
		}
		try {
			value = JSON.parse(text) as unknown;
		} catch {
			refuse(
				context,
				'Transcript is not JSON',
				'Give Pictory’s transcript (a list of sentences with timed words) with an expression, such as {{ $json.transcript }} after Transcribe.',
			);
		}
	}
	const held = asObject(value)?.transcript;
	const list = Array.isArray(held) ? held : value;
	if (!Array.isArray(list) || !list.length || list.some((entry) => !asObject(entry))) {
		refuse(
			context,
			'Transcript must be a list of sentences',
			'Give Pictory’s transcript (a list of sentences with timed words) with an expression, such as {{ $json.transcript }} after Transcribe.',
		);
	}
	return list;
}

/** The recording's length: given, or where the transcript's last word (or segment) ends. */
function readSourceDuration(context: IExecuteSingleFunctions, transcript: unknown[]): number {
	const given = (context.getNodeParameter('additionalFields', {}) as IDataObject).sourceDuration;
	if (given !== undefined && given !== '') {
		return readNumber(context, 'additionalFields.sourceDuration', {
			label: 'Recording Length',
			fallback: 60,
			requirement: 'more than 0 seconds',
			isGood: (seconds) => seconds > 0,
			hint: 'Give how long the recording lasts, in seconds.',
		});
	}
	const ends = (readTranscript(transcript) ?? [])
		.flatMap((sentence) => sentence.words.map((word) => Number(word.end_time)))
		.concat(transcript.map((segment) => Number((segment as IDataObject).end)))
		.filter((end) => Number.isFinite(end));
	if (!ends.length) {
		refuse(
			context,
			'Recording Length is needed',
			'The transcript has no times: add Recording Length to Additional Fields.',
		);
	}
	return Math.ceil(Math.max(...ends));
}

/**
 * Orders highlights (a summary of the best moments) of a transcription job or of a transcript
 * (never twice) and, with Wait for Completion, returns Pictory's answer with the highlighted
 * segments as `{ start, end, text }`, computed from the words Pictory marks.
 */
export async function createHighlights(
	this: IExecuteSingleFunctions,
	{ request, api, order }: OperationCall,
) {
	const from = readChoice(this, 'highlightsFrom', 'Highlights Of', FROM, 'job');
	const fields: IDataObject = {
		highlight_duration: readNumber(this, 'highlightDuration', {
			label: 'Target Length',
			fallback: 30,
			requirement: 'more than 0 seconds',
			isGood: (seconds) => seconds > 0,
			hint: 'Give about how many seconds the highlights should last, such as 30 or 60.',
		}),
		...withoutEmpty({
			language: readText(this, 'additionalFields.language', 'Language'),
			webhook: readWebhook(this),
			webhookInput: readPassThroughData(this),
		}),
	};
	if (from === 'job') {
		if (!readText(this, 'transcriptionJobId', 'Transcription Job ID')) {
			refuse(
				this,
				'Transcription Job ID is empty',
				'Give the "jobId" that Transcribe returned, e.g. with the expression {{ $json.jobId }}.',
			);
		}
	} else {
		const transcript = readGivenTranscript(this);
		Object.assign(fields, { transcript, duration: readSourceDuration(this, transcript) });
	}
	const wait = readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
		? readWaitOptions(this, { minIntervalSeconds: MIN_HIGHLIGHTS_CHECK_SECONDS })
		: undefined;

	// The routed request (its path says which transcript) with the fields built here.
	const body = { ...(request.body as IDataObject), ...fields };
	const jobId = await order({ ...request, body }, HIGHLIGHTS_ORDER);
	if (!wait) return [{ json: { jobId } }];
	const job = await waitForJob(api, jobId, wait, HIGHLIGHTS_ORDER);
	const sentences = readTranscript(job.transcript) ?? [];
	return [{ json: { ...job, highlightSegments: highlightSegments(sentences) } }];
}
