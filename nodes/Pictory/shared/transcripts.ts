/**
 * What a transcript becomes: plain text, SRT and VTT subtitles, and the highlighted segments of a
 * highlights job, all computed from its timed words.
 */
import type { PictoryTranscriptSentence, PictoryTranscriptWord } from './types';

interface TimedWord {
	word: string;
	start: number;
	end: number;
	pause: boolean;
	highlight: boolean;
}

/** Times as numbers (Pictory's are; text such as "1.25" is read too); unreadable ones are 0. */
const seconds = (value: unknown) => {
	const number = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(number) ? number : 0;
};

function timed(word: PictoryTranscriptWord): TimedWord {
	const text = typeof word.word === 'string' ? word.word.trim() : '';
	return {
		word: text,
		start: seconds(word.start_time),
		end: seconds(word.end_time),
		pause: word.is_pause === true || text === '',
		highlight: word.highlight === true,
	};
}

const spoken = (sentence: PictoryTranscriptSentence) =>
	(Array.isArray(sentence.words) ? sentence.words : []).map(timed).filter((word) => !word.pause);

/** The transcript's words as text, sentence after sentence. */
export function plainText(sentences: PictoryTranscriptSentence[]): string {
	return sentences
		.map((sentence) =>
			spoken(sentence)
				.map(({ word }) => word)
				.join(' '),
		)
		.filter(Boolean)
		.join(' ');
}

/** A subtitle shows at most this many words: a long sentence takes several. */
const WORDS_PER_CUE = 12;

interface Cue {
	start: number;
	end: number;
	text: string;
}

function cues(sentences: PictoryTranscriptSentence[]): Cue[] {
	return sentences.flatMap((sentence) => {
		const words = spoken(sentence);
		const made: Cue[] = [];
		for (let first = 0; first < words.length; first += WORDS_PER_CUE) {
			const part = words.slice(first, first + WORDS_PER_CUE);
			made.push({
				start: part[0].start,
				end: part[part.length - 1].end,
				text: part.map(({ word }) => word).join(' '),
			});
		}
		return made;
	});
}

/** 83.5 s → "00:01:23,500" (SRT) or "00:01:23.500" (VTT). */
function timestamp(time: number, separator: ',' | '.'): string {
	const ms = Math.max(0, Math.round(time * 1000));
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	const hours = Math.floor(ms / 3_600_000);
	const minutes = Math.floor(ms / 60_000) % 60;
	const secs = Math.floor(ms / 1000) % 60;
	return `${pad(hours)}:${pad(minutes)}:${pad(secs)}${separator}${pad(ms % 1000, 3)}`;
}

/** The transcript as SRT subtitles: a cue per sentence (or per 12 words of a long one). */
export function srtOf(sentences: PictoryTranscriptSentence[]): string {
	return cues(sentences)
		.map(
			({ start, end, text }, index) =>
				`${index + 1}\n${timestamp(start, ',')} --> ${timestamp(end, ',')}\n${text}\n`,
		)
		.join('\n');
}

/** The same cues as WebVTT. */
export function vttOf(sentences: PictoryTranscriptSentence[]): string {
	const body = cues(sentences)
		.map(({ start, end, text }) => `${timestamp(start, '.')} --> ${timestamp(end, '.')}\n${text}\n`)
		.join('\n');
	return `WEBVTT\n\n${body}`;
}

/** A stretch of the recording Pictory chose: from `start` to `end` (seconds), and what is said. */
export interface HighlightSegment {
	start: number;
	end: number;
	text: string;
}

/**
 * The highlighted segments: each run of consecutive words Pictory marked `highlight: true`, across
 * pauses and sentence ends, from its first word's start to its last word's end. A word not marked
 * ends a segment; a pause neither ends one nor adds to it.
 */
export function highlightSegments(sentences: PictoryTranscriptSentence[]): HighlightSegment[] {
	const segments: HighlightSegment[] = [];
	let current: { start: number; end: number; words: string[] } | undefined;
	const close = () => {
		if (current)
			segments.push({ start: current.start, end: current.end, text: current.words.join(' ') });
		current = undefined;
	};
	for (const sentence of sentences) {
		for (const word of (Array.isArray(sentence.words) ? sentence.words : []).map(timed)) {
			if (word.pause) continue;
			if (!word.highlight) {
				close();
				continue;
			}
			current ??= { start: word.start, end: word.end, words: [] };
			current.end = Math.max(current.end, word.end);
			current.words.push(word.word);
		}
	}
	close();
	return segments;
}
