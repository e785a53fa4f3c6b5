/**
 * What a video is made from (Create from Text and Create Preview): a story, an article, a
 * PowerPoint, a script Pictory writes, or a recording to repurpose. Pictory takes each as a scene
 * with exactly one source field [stated]; the node sends one scene and lets Pictory cut it.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeProperties,
} from 'n8n-workflow';

import {
	readBoolean,
	readChoice,
	readNumber,
	readRequiredWebUrl,
	readText,
	refuse,
} from '../../shared/values';
import { binaryAlternativeFields, readUrlOrFile } from '../../shared/upload';

export const STORY_MAX_LENGTH = 15_000;
export const SCRIPT_PROMPT_MAX_LENGTH = 5_000;

type Show = IDisplayOptions['show'];

const options = <T extends string>(choices: Array<[name: string, value: T]>) =>
	choices.map(([name, value]) => ({ name, value }));

/** The Source choices; each value is the scene field Pictory takes it in. */
const SOURCES = options([
	['AI-Written Script', 'storyCoPilot'],
	['Article / Blog URL', 'blogUrl'],
	['Audio URL (Podcast)', 'audioUrl'],
	['PowerPoint URL', 'pptUrl'],
	['Story', 'story'],
	['Video URL (Repurpose, Shorts)', 'videoUrl'],
] as const);

type Source = (typeof SOURCES)[number]['value'];

const SOURCE_DESCRIPTIONS: Record<Source, string> = {
	story: 'Your text, narrated and shown as subtitles',
	blogUrl: 'A public web page (no paywall or login): Pictory turns its text into scenes',
	pptUrl: 'A PowerPoint file: its slides become the scenes',
	storyCoPilot: 'Pictory writes the script from your prompt',
	audioUrl: 'A recording such as a podcast: its speech becomes the video, with visuals to match',
	videoUrl: 'A video to repurpose, such as a webinar into a short',
};

const SCRIPT_VIDEO_TYPES = options([
	['Explainer', 'Explainer'],
	['Internal Communication', 'Internal Communication'],
	['Marketing', 'Marketing'],
	['Product', 'Product'],
	['Tutorial', 'Tutorial'],
]);

const SCRIPT_PLATFORMS = options([
	['Facebook', 'Facebook'],
	['Instagram', 'Instagram'],
	['LinkedIn', 'LinkedIn'],
	['TikTok', 'TikTok'],
	['Twitter', 'Twitter'],
	['YouTube', 'YouTube'],
]);

const SCRIPT_TONES = options([
	['Casual', 'casual'],
	['Conversational', 'conversational'],
	['Educational', 'educational'],
	['Exciting', 'exciting'],
	['Friendly', 'friendly'],
	['Humorous', 'humorous'],
	['Informative', 'informative'],
	['Persuasive', 'persuasive'],
	['Professional', 'professional'],
	['Serious', 'serious'],
]);

/** The languages Pictory recognises speech in, for audio and video sources [stated]. */
export const SPEECH_LANGUAGES = options([
	['Dutch', 'nl-NL'],
	['English (Australia)', 'en-AU'],
	['English (India)', 'en-IN'],
	['English (Ireland)', 'en-IE'],
	['English (Scotland)', 'en-AB'],
	['English (UK)', 'en-GB'],
	['English (US)', 'en-US'],
	['English (Wales)', 'en-WL'],
	['French (Canada)', 'fr-CA'],
	['French (France)', 'fr-FR'],
	['German (Germany)', 'de-DE'],
	['German (Switzerland)', 'de-CH'],
	['Hindi', 'hi-IN'],
	['Italian', 'it-IT'],
	['Japanese', 'ja-JP'],
	['Korean', 'ko-KR'],
	['Marathi', 'mr-IN'],
	['Portuguese (Brazil)', 'pt-BR'],
	['Russian', 'ru-RU'],
	['Spanish (Spain)', 'es-ES'],
	['Spanish (US)', 'es-US'],
	['Tamil', 'ta-IN'],
]);

const PPT_NARRATION = options([
	['Slide Text', 'slideText'],
	['Speaker Notes', 'speakerNotes'],
]);

/** The Source field and the fields of each source, shown for `show`. */
export function sourceFields(show: Show): INodeProperties[] {
	const forSource = (...sources: Source[]) => ({ show: { ...show, source: sources } });
	const audio = binaryAlternativeFields(forSource('audioUrl').show, AUDIO_FILE);
	const video = binaryAlternativeFields(forSource('videoUrl').show, VIDEO_FILE);
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: SOURCES.map((source) => ({
				...source,
				description: SOURCE_DESCRIPTIONS[source.value],
			})),
			default: 'story',
			description: 'What Pictory makes the video from',
		},
		{
			displayName: 'Story',
			name: 'story',
			type: 'string',
			typeOptions: { rows: 6 },
			displayOptions: forSource('story'),
			required: true,
			default: '',
			placeholder: 'e.g. Our new app plans your week in seconds. Try it free today.',
			description:
				'The text of the video, up to 15,000 characters: narrated with the Voice and shown as subtitles',
		},
		{
			displayName: 'Article URL',
			name: 'blogUrl',
			type: 'string',
			displayOptions: forSource('blogUrl'),
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/blog/our-new-planner',
			description:
				'A blog post or article Pictory can open without a login or paywall: its text becomes the scenes',
		},
		{
			displayName: 'Create a Scene on Each New Line',
			name: 'createSceneOnNewLine',
			type: 'boolean',
			displayOptions: forSource('story', 'blogUrl'),
			default: true,
			description: 'Whether each line of the text starts a new scene',
		},
		{
			displayName: 'Create a Scene on Each Sentence',
			name: 'createSceneOnEndOfSentence',
			type: 'boolean',
			displayOptions: forSource('story', 'blogUrl'),
			default: true,
			description: 'Whether each sentence of the text starts a new scene',
		},
		{
			displayName: 'PowerPoint URL',
			name: 'pptUrl',
			type: 'string',
			displayOptions: forSource('pptUrl'),
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/decks/quarterly-review.pptx',
			description: 'A .pptx file Pictory can download: each slide becomes a scene',
		},
		{
			displayName: 'Narration From',
			name: 'pptNarration',
			type: 'options',
			displayOptions: forSource('pptUrl'),
			options: PPT_NARRATION,
			default: 'slideText',
			description:
				"Whether the narration and subtitles come from the slides' text or their speaker notes",
		},
		{
			displayName: 'Prompt',
			name: 'scriptPrompt',
			type: 'string',
			typeOptions: { rows: 4 },
			displayOptions: forSource('storyCoPilot'),
			required: true,
			default: '',
			placeholder: 'e.g. Why small teams should plan their week on Monday morning',
			description: 'What the video is about, up to 5,000 characters: Pictory writes the script',
		},
		{
			displayName: 'Video Type',
			name: 'scriptVideoType',
			type: 'options',
			displayOptions: forSource('storyCoPilot'),
			options: SCRIPT_VIDEO_TYPES,
			default: 'Explainer',
		},
		{
			displayName: 'Duration (Seconds)',
			name: 'scriptDuration',
			type: 'number',
			displayOptions: forSource('storyCoPilot'),
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 60,
			description: 'How long the script runs when narrated, from 1 to 600 seconds',
		},
		{
			displayName: 'Platform',
			name: 'scriptPlatform',
			type: 'options',
			displayOptions: forSource('storyCoPilot'),
			options: SCRIPT_PLATFORMS,
			default: 'YouTube',
			description: 'Where the video will be watched: Pictory writes for it',
		},
		{
			displayName: 'Tone',
			name: 'scriptTone',
			type: 'options',
			displayOptions: forSource('storyCoPilot'),
			options: SCRIPT_TONES,
			default: 'informative',
		},
		audio.from,
		{
			displayName: 'Audio URL',
			name: 'audioUrl',
			type: 'string',
			displayOptions: audio.showUrl,
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/podcast/episode-12.mp3',
			description: 'An audio file Pictory can download, such as a podcast episode',
		},
		audio.binaryField,
		video.from,
		{
			displayName: 'Video URL',
			name: 'videoUrl',
			type: 'string',
			displayOptions: video.showUrl,
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/webinars/launch.mp4',
			description: 'A video file Pictory can download, such as a webinar recording',
		},
		video.binaryField,
		{
			displayName: 'Speech Language',
			name: 'audioLanguage',
			type: 'options',
			displayOptions: forSource('audioUrl', 'videoUrl'),
			options: SPEECH_LANGUAGES,
			default: 'en-US',
			description: 'The language spoken in the recording',
		},
	];
}

/**
 * Text of 1 to `max` characters (as people count them, not UTF-16 units), or an error naming
 * `noun` that says what to do: `tooLong` when it is too long, `empty` when there is none.
 */
function readTextUpTo(
	context: IExecuteSingleFunctions,
	[name, label, noun]: [name: string, label: string, noun: string],
	max: number,
	{ tooLong, empty }: { tooLong: string; empty: string },
): string {
	const text = readText(context, name, label);
	const length = [...text].length;
	if (!length || length > max) {
		refuse(
			context,
			`The ${noun} must be 1 to ${max.toLocaleString('en-US')} characters long, not ${length.toLocaleString('en-US')}`,
			length ? tooLong : empty,
		);
	}
	return text;
}

const readStory = (context: IExecuteSingleFunctions) =>
	readTextUpTo(context, ['story', 'Story', 'story'], STORY_MAX_LENGTH, {
		tooLong: 'Shorten the story, or split it into several videos.',
		empty: 'Give the text of the video.',
	});

function readSceneSplits(context: IExecuteSingleFunctions): IDataObject {
	return {
		createSceneOnNewLine: readBoolean(
			context,
			'createSceneOnNewLine',
			'Create a Scene on Each New Line',
			true,
		),
		createSceneOnEndOfSentence: readBoolean(
			context,
			'createSceneOnEndOfSentence',
			'Create a Scene on Each Sentence',
			true,
		),
	};
}

// One reader per URL field: where a file from the item's binary data may later stand in for it.

const readArticleUrl = (context: IExecuteSingleFunctions) =>
	readRequiredWebUrl(context, 'blogUrl', 'Article URL', 'a public article or blog post');

const readPowerPointUrl = (context: IExecuteSingleFunctions) =>
	readRequiredWebUrl(context, 'pptUrl', 'PowerPoint URL', 'a PowerPoint (.pptx) file');

// A recording may also come from the item's binary data: uploaded just before the order.
const AUDIO_FILE = { name: 'audioUrl', label: 'Audio URL', what: 'an audio file, such as an MP3' };
const VIDEO_FILE = { name: 'videoUrl', label: 'Video URL', what: 'a video file, such as an MP4' };

const readAudioUrl = (context: IExecuteSingleFunctions) => readUrlOrFile(context, AUDIO_FILE);

const readVideoUrl = (context: IExecuteSingleFunctions) => readUrlOrFile(context, VIDEO_FILE);

const readSpeechLanguage = (context: IExecuteSingleFunctions) =>
	readChoice(context, 'audioLanguage', 'Speech Language', SPEECH_LANGUAGES);

/** Pictory's story co-pilot: what to write about, and for whom [stated]. */
function readScriptRequest(context: IExecuteSingleFunctions): IDataObject {
	const prompt = readTextUpTo(
		context,
		['scriptPrompt', 'Prompt', 'prompt'],
		SCRIPT_PROMPT_MAX_LENGTH,
		{
			tooLong: 'Shorten the prompt.',
			empty: 'Say what the video is about.',
		},
	);
	return {
		prompt,
		videoType: readChoice(context, 'scriptVideoType', 'Video Type', SCRIPT_VIDEO_TYPES),
		duration: readNumber(context, 'scriptDuration', {
			label: 'Duration',
			fallback: 60,
			requirement: 'a whole number of seconds from 1 to 600',
			isGood: (seconds) => Number.isInteger(seconds) && seconds >= 1 && seconds <= 600,
			hint: 'Pictory writes scripts of 1 second to 10 minutes.',
		}),
		platform: readChoice(context, 'scriptPlatform', 'Platform', SCRIPT_PLATFORMS),
		tone: readChoice(context, 'scriptTone', 'Tone', SCRIPT_TONES),
	};
}

/** Each source's scene, read and checked from its fields. */
const SCENE_OF: Record<Source, (context: IExecuteSingleFunctions) => IDataObject> = {
	story: (context) => ({ story: readStory(context), ...readSceneSplits(context) }),
	blogUrl: (context) => ({ blogUrl: readArticleUrl(context), ...readSceneSplits(context) }),
	// The guides spell the PowerPoint source as a top-level `url` with `useSpeakerNotes`, the
	// code samples as a scene's `pptUrl` [stated both]: the scene is sent, with the choice beside it.
	pptUrl: (context) => ({
		pptUrl: readPowerPointUrl(context),
		useSpeakerNotes:
			readChoice(context, 'pptNarration', 'Narration From', PPT_NARRATION) === 'speakerNotes',
	}),
	storyCoPilot: (context) => ({ storyCoPilot: readScriptRequest(context) }),
	audioUrl: (context) => ({
		audioUrl: readAudioUrl(context),
		audioLanguage: readSpeechLanguage(context),
	}),
	videoUrl: (context) => ({
		videoUrl: readVideoUrl(context),
		audioLanguage: readSpeechLanguage(context),
	}),
};

/** The scene of the chosen Source (Story in workflows saved before there was a choice). */
export function readScene(context: IExecuteSingleFunctions): IDataObject {
	return SCENE_OF[readChoice(context, 'source', 'Source', SOURCES)](context);
}
