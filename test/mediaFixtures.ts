/**
 * Fixtures for uploads, transcriptions and highlights, shaped like Pictory's answers: shared by the
 * unit tests and the HTTP stand-in (test/standIn/media.ts).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { API_PATH } from './fixtures';

export const UPLOAD_PATH = `${API_PATH}/v1/media/generateurl`;
export const TRANSCRIPTION_PATH = `${API_PATH}/v2/transcription`;
export const HIGHLIGHTS_PATH = `${API_PATH}/v2/transcription/highlights`;
export const jobHighlightsPath = (jobId: string) =>
	`${API_PATH}/v2/transcription/${encodeURIComponent(jobId)}/highlights`;

/** The storage host signed URLs point to (not Pictory's API host). */
export const UPLOAD_HOST = 'https://pictory-uploads.s3.us-east-2.amazonaws.com';
/** Where Pictory reads uploaded files from. */
export const MEDIA_HOST = 'https://media.pictory-cdn.example';

export const uploadKey = (fileName: string) => `user-uploads/a1b2c3d4/${fileName}`;

/** Pictory's answer to POST /v1/media/generateurl [stated shape]. */
/** One input item holding `bytes` as the binary field `field`, as n8n's default in-memory mode keeps it. */
export const itemWithFile = (
	bytes: Buffer,
	fileName: string,
	mimeType: string,
	field = 'data',
): INodeExecutionData[] => [
	{ json: {}, binary: { [field]: { data: bytes.toString('base64'), fileName, mimeType } } },
];

export const signedUploadAnswer = (
	fileName: string,
	{ uploadHost = UPLOAD_HOST, mediaHost = MEDIA_HOST } = {},
) => ({
	success: true,
	data: {
		signedUrl: `${uploadHost}/${uploadKey(fileName)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=0f1e2d3c`,
		url: `${mediaHost}/${uploadKey(fileName)}`,
		key: uploadKey(fileName),
	},
});

type Word = {
	uid: string;
	word: string;
	start_time: number;
	end_time: number;
	speakerId: number;
	sentence_index: number;
	is_pause?: boolean;
	pause_size?: string;
	highlight?: boolean;
};

/** Words of one sentence, timed one after another from `start` (s), a pause as "" . */
function sentence(index: number, start: number, text: string[]): { words: Word[]; end: number } {
	let time = start;
	const words = text.map((word, position): Word => {
		const length = word ? 0.4 : 0.3;
		const entry: Word = {
			uid: `w${index}-${position}`,
			word,
			start_time: Math.round(time * 100) / 100,
			end_time: Math.round((time + length) * 100) / 100,
			speakerId: 1,
			sentence_index: index,
			...(word === '' && { is_pause: true, pause_size: 'small' }),
		};
		time += length;
		return entry;
	});
	return { words, end: time };
}

const SENTENCES = [
	['Welcome', 'to', 'the', 'quarterly', 'review.', ''],
	['Revenue', 'grew', 'twelve', 'percent', 'this', 'quarter.', ''],
	['Our', 'new', 'planner', 'app', 'doubled', 'its', 'users.'],
	['Thanks', 'for', 'watching.'],
];

/** A transcript as Pictory gives it [stated shape]: sentences of timed words, pauses among them. */
export function transcript() {
	let time = 0.16;
	return SENTENCES.map((words, index) => {
		const made = sentence(index, time, words);
		time = made.end;
		return { uid: `s${index}`, speakerId: 1, words: made.words };
	});
}

export const TRANSCRIPT_TEXT = SENTENCES.map((words) => words.filter(Boolean).join(' ')).join(' ');

export const SRT = [
	'1',
	'00:00:00,160 --> 00:00:02,460',
	'Welcome to the quarterly review.',
	'',
	'2',
	'00:00:02,460 --> 00:00:05,160',
	'Revenue grew twelve percent this quarter.',
	'',
].join('\n');

export const VTT = `WEBVTT\n\n${SRT.replace(/,(\d{3})/g, '.$1').replace(/^\d+\n/gm, '')}`;

export const MEDIA_INFO = { duration: 10.66, width: 1920, height: 1080, aspectRatio: '16:9' };

/** A completed transcription job [stated shape: transcript, txt, srt, vtt, mediaInfo]. */
export const transcriptionJobAnswer = (jobId: string) => ({
	job_id: jobId,
	success: true,
	data: {
		status: 'completed',
		transcript: transcript(),
		txt: TRANSCRIPT_TEXT,
		srt: SRT,
		vtt: VTT,
		mediaInfo: MEDIA_INFO,
	},
});

/**
 * The words Pictory marks in a completed highlights job: "Revenue … quarter." then "Our new
 * planner app" across a pause, and "Thanks for watching."
 */
export const HIGHLIGHTED = new Set([
	'w1-0',
	'w1-1',
	'w1-2',
	'w1-3',
	'w1-4',
	'w1-5',
	'w1-6',
	'w2-0',
	'w2-1',
	'w2-2',
	'w2-3',
	'w3-0',
	'w3-1',
	'w3-2',
]);

/** A completed highlights job: the transcript again, the chosen words marked `highlight: true`. */
export const highlightsJobAnswer = (jobId: string) => ({
	job_id: jobId,
	success: true,
	data: {
		status: 'completed',
		transcript: transcript().map((entry) => ({
			...entry,
			words: entry.words.map((word) => ({ ...word, highlight: HIGHLIGHTED.has(word.uid) })),
		})),
	},
});
