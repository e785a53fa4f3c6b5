import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { passThroughDataField, waitFields, webhookField } from '../../shared/descriptions';
import { readWaitOptions, waitForJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { TRANSCRIPTION_ORDER } from '../../shared/orders';
import { unreadableAnswer } from '../../shared/failures';
import { plainText, srtOf, vttOf } from '../../shared/transcripts';
import { readTranscript, type JobResult } from '../../shared/types';
import {
	fileUrlOf,
	readFileSource,
	urlOrBinaryFields,
	type FileFieldSettings,
} from '../../shared/upload';
import {
	readBoolean,
	readPassThroughData,
	readWebhook,
	refuse,
	withoutEmpty,
} from '../../shared/values';
import { SPEECH_LANGUAGES } from '../video/sources';

export const TRANSCRIPTION_PATH = '/v2/transcription';
export const MIN_TRANSCRIPTION_CHECK_SECONDS = 10;

const show = { resource: ['transcription'], operation: ['transcribe'] };

export const RECORDING: FileFieldSettings = {
	name: 'fileUrl',
	label: 'File URL',
	what: 'the video or audio recording',
	placeholder: 'e.g. https://example.com/recordings/webinar.mp4',
	description: 'A public link to an MP4, MOV, AVI, MP3, WAV or M4A file that Pictory can download',
};

/** The files Transcribe can put in the item's binary data: each in the field named as its type. */
const FILES = [
	{ name: 'Text (.txt)', value: 'txt', mimeType: 'text/plain' },
	{ name: 'SRT Subtitles (.srt)', value: 'srt', mimeType: 'application/x-subrip' },
	{ name: 'WebVTT Subtitles (.vtt)', value: 'vtt', mimeType: 'text/vtt' },
] as const;

type FileFormat = (typeof FILES)[number]['value'];

export const transcribeDescription: INodeProperties[] = [
	...urlOrBinaryFields(show, RECORDING),
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Video', value: 'video' },
			{ name: 'Audio', value: 'audio' },
		],
		default: 'video',
		description: 'Whether the file is a video or an audio recording',
		routing: { send: { type: 'body', property: 'mediaType' } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		displayOptions: { show },
		options: SPEECH_LANGUAGES,
		default: 'en-US',
		description: 'The language spoken in the recording',
		routing: { send: { type: 'body', property: 'language' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [passThroughDataField, webhookField],
	},
	...waitFields(show, {
		what: 'transcript',
		getLater: 'Job → Get',
		checkEvery: {
			default: 15,
			min: MIN_TRANSCRIPTION_CHECK_SECONDS,
			hint: 'a transcript is usually ready in less time than the recording lasts',
		},
		maxWaitMinutes: 30,
	}),
	{
		displayName: 'Put Files in Binary Data',
		name: 'transcriptFiles',
		type: 'multiOptions',
		displayOptions: { show: { ...show, waitForCompletion: [true] } },
		options: FILES.map(({ name, value }) => ({ name, value })),
		default: [],
		description:
			'Which files to add to the item, each in the binary field named as its type (txt, srt, vtt), ready for nodes such as Google Drive',
	},
];

function readFiles(context: IExecuteSingleFunctions): FileFormat[] {
	const value = context.getNodeParameter('transcriptFiles', []) as unknown;
	const picked = Array.isArray(value) ? value : String(value ?? '').split(',');
	return picked
		.map((format) => String(format).trim().toLowerCase())
		.filter(Boolean)
		.map((format) => {
			const file = FILES.find(({ value }) => value === format.replace(/^\./, ''));
			if (!file) {
				refuse(
					context,
					`Put Files in Binary Data must list txt, srt or vtt, not "${format}"`,
					'Pick the files in the list.',
				);
			}
			return file.value;
		});
}

/** The files' name, without extension: the uploaded file's, the URL's last part, or the job's. */
function baseNameOf(source: { fileName?: string; url: string }, jobId: string): string {
	const named =
		source.fileName ?? decodeURIComponent(new URL(source.url).pathname.split('/').pop() ?? '');
	const base = named.replace(/\.[^.]*$/, '').trim();
	return base || `transcript-${jobId}`;
}

const isWebAddress = (value: unknown) => typeof value === 'string' && /^https?:\/\//i.test(value);

/**
 * A completed transcription as an item: every field Pictory sent, `text` (Pictory's `txt`, or the
 * words joined), and `srt` and `vtt` as subtitle text: Pictory's, or, when Pictory sends none or
 * a link instead (kept as `srtUrl`, `vttUrl`), made from the timed words.
 */
export function transcriptionItem(context: IExecuteSingleFunctions, job: JobResult): IDataObject {
	const sentences = readTranscript(job.transcript);
	if (!sentences) {
		throw unreadableAnswer(
			context.getNode(),
			`The completed transcription job ${job.jobId} has no "transcript" list.`,
		);
	}
	const subtitles = (format: 'srt' | 'vtt', make: typeof srtOf): IDataObject => {
		const given = job[format];
		if (typeof given === 'string' && given.trim() && !isWebAddress(given))
			return { [format]: given };
		return { [format]: make(sentences), ...(isWebAddress(given) && { [`${format}Url`]: given }) };
	};
	const text = typeof job.txt === 'string' && job.txt.trim() ? job.txt : plainText(sentences);
	return { ...job, text, ...subtitles('srt', srtOf), ...subtitles('vtt', vttOf) };
}

/**
 * Orders a transcription of the recording (given by URL, or uploaded from the item first; never
 * ordered twice) and, with Wait for Completion, returns the transcript, its text and subtitles,
 * and the files picked.
 */
export async function transcribe(this: IExecuteSingleFunctions, call: OperationCall) {
	const { request, api, order } = call;
	const source = readFileSource(this, RECORDING);
	const webhook = readWebhook(this);
	const webhookInput = readPassThroughData(this);
	const wait = readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
		? readWaitOptions(this, { minIntervalSeconds: MIN_TRANSCRIPTION_CHECK_SECONDS })
		: undefined;
	const files = wait ? readFiles(this) : [];

	const { url: fileUrl, uploaded } = await fileUrlOf(this, api, source);
	// The routed request (Media Type, Language) with the fields built here.
	const body = {
		...(request.body as IDataObject),
		fileUrl,
		...withoutEmpty({ webhook, webhookInput }),
	};
	const jobId = await order({ ...request, body }, TRANSCRIPTION_ORDER);
	if (!wait) return [{ json: { jobId, fileUrl } }];

	const json = transcriptionItem(this, await waitForJob(api, jobId, wait, TRANSCRIPTION_ORDER));
	const item: INodeExecutionData = { json: { ...json, fileUrl } };
	if (files.length) {
		const base = baseNameOf({ fileName: uploaded?.fileName, url: fileUrl }, jobId);
		const binary: Record<string, IBinaryData> = {};
		for (const format of files) {
			const { mimeType } = FILES.find(({ value }) => value === format)!;
			const content = format === 'txt' ? String(json.text) : String(json[format]);
			binary[format] = await this.helpers.prepareBinaryData(
				Buffer.from(content, 'utf8'),
				`${base}.${format}`,
				mimeType,
			);
		}
		item.binary = binary;
	}
	return [item];
}
