import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { passThroughDataField, webhookField } from '../../shared/descriptions';
import type { OperationCall } from '../../shared/operation';
import { VIDEO_ORDER } from '../../shared/orders';
import { binaryAlternativeFields, readUrlOrFile, withUploads } from '../../shared/upload';
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
import { NO_NARRATION, PICTORY_DEFAULT } from './dropdowns';
import { avatarFields, logoFields, readAvatar, readLogo } from './look';
import { readRenderWait, renderedVideo, renderWaitFields } from './renderWait';
import { readScene, sourceFields } from './sources';
import { readVimeo, vimeoFields } from './vimeo';

export const RENDER_PATH = '/v2/video/storyboard/render';

const showOnlyForCreate = { resource: ['video'], operation: ['createFromText'] };
/** The storyboard's fields are also Create Preview's: the same request body, another endpoint. */
const showForStoryboard = { resource: ['video'], operation: ['createFromText', 'createPreview'] };

const NARRATIONS = [
	{
		name: 'AI Voice',
		value: 'aiVoice',
		description: 'One of Pictory’s voices reads the text, or No Narration',
	},
	{
		name: 'Your Recording',
		value: 'voiceFile',
		description: 'An audio file of your own, in place of an AI voice',
	},
];

const LANGUAGES: Array<[name: string, code: string]> = [
	['Arabic', 'ar'],
	['Chinese', 'zh'],
	['Dutch', 'nl'],
	['English', 'en'],
	['French', 'fr'],
	['German', 'de'],
	['Hindi', 'hi'],
	['Indonesian', 'id'],
	['Italian', 'it'],
	['Japanese', 'ja'],
	['Korean', 'ko'],
	['Marathi', 'mr'],
	['Polish', 'pl'],
	['Portuguese', 'pt'],
	['Russian', 'ru'],
	['Spanish', 'es'],
	['Tamil', 'ta'],
	['Turkish', 'tr'],
	['Urdu', 'ur'],
	['Vietnamese', 'vi'],
];

/**
 * A field whose value Pictory lists (GET on the account), sent trimmed under its own name by
 * renderFields: picked From List (searchable, loaded when opened) or typed (mode "id", which n8n's
 * editor labels "By ID"). "Pictory's Default", the default, leaves it out of the request.
 * Workflows saved when it was a plain dropdown hold plain text, which reads the same.
 */
function listedByPictory(
	name: string,
	displayName: string,
	searchListMethod: string,
	example: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: PICTORY_DEFAULT.value, cachedResultName: PICTORY_DEFAULT.name },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				// n8n's editor shows an empty value as the placeholder, not as its cached name.
				placeholder: PICTORY_DEFAULT.name,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By Name or ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				hint: `The ${displayName.toLowerCase()}'s name as Pictory lists it; empty for Pictory's default`,
			},
		],
	};
}

/** Your narration: by URL, or from the item's binary data, uploaded just before the order. */
const VOICE_FILE = {
	name: 'voiceUrl',
	label: 'Recording URL',
	what: 'an audio file with your narration',
};
const voiceFile = binaryAlternativeFields(
	{ ...showForStoryboard, narration: ['voiceFile'] },
	VOICE_FILE,
);

export const createFromTextDescription: INodeProperties[] = [
	{
		displayName: 'Video Name',
		name: 'videoName',
		type: 'string',
		displayOptions: { show: showForStoryboard },
		required: true,
		default: '',
		placeholder: 'e.g. Product launch teaser',
		description: 'The name of the video in Pictory',
	},
	...sourceFields(showForStoryboard),
	{
		displayName: 'Narration',
		name: 'narration',
		type: 'options',
		displayOptions: { show: showForStoryboard },
		options: NARRATIONS,
		default: 'aiVoice',
		description: 'Who narrates the video',
	},
	{
		displayName: 'Voice',
		name: 'voice',
		type: 'resourceLocator',
		displayOptions: { show: { ...showForStoryboard, narration: ['aiVoice'] } },
		default: { mode: 'list', value: NO_NARRATION, cachedResultName: 'No Narration' },
		description: 'The AI voice that narrates the story, or No Narration',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchVoices', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Brian',
				hint: `A voice's name as Pictory lists it, or "${NO_NARRATION}" for no narration`,
			},
		],
	},
	voiceFile.from,
	{
		displayName: 'Recording URL',
		name: 'voiceUrl',
		type: 'string',
		displayOptions: voiceFile.showUrl,
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/voice/launch-teaser.mp3',
		description: 'An audio file (MP3, WAV…) Pictory can download, with your narration of the text',
	},
	voiceFile.binaryField,
	{
		displayName: 'Sync Scenes to Recording',
		name: 'syncVoice',
		type: 'boolean',
		displayOptions: { show: { ...showForStoryboard, narration: ['voiceFile'] } },
		default: true,
		description: 'Whether Pictory times the scenes and subtitles to the words of the recording',
	},
	{
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		displayOptions: { show: showForStoryboard },
		options: [
			{ name: 'Landscape (16:9)', value: '16:9' },
			{ name: 'Portrait (9:16)', value: '9:16' },
			{ name: 'Square (1:1)', value: '1:1' },
			{ name: 'Vertical (4:5)', value: '4:5' },
		],
		default: '16:9',
		routing: { send: { type: 'body', property: 'aspectRatio' } },
	},
	{
		...listedByPictory('smartLayoutName', 'Smart Layout', 'searchSmartLayouts', 'Wanderlust'),
		displayOptions: { show: showForStoryboard },
		description: 'The visual layout of the scenes',
	},
	{
		displayName: 'Background Music',
		name: 'backgroundMusic',
		type: 'boolean',
		displayOptions: { show: showForStoryboard },
		default: true,
		description: 'Whether Pictory picks background music to fit the video',
	},
	{
		displayName: 'Music Volume',
		name: 'musicVolume',
		type: 'number',
		displayOptions: { show: { ...showForStoryboard, backgroundMusic: [true] } },
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.1,
		description: 'From 0 (silent) to 1 (full); 0.1 keeps the music under the voice',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: showForStoryboard },
		default: {},
		options: [
			...avatarFields,
			{
				...listedByPictory('brandName', 'Brand', 'searchBrands', 'Acme'),
				description: 'A brand kit of your account (logo, colours, fonts)',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: LANGUAGES.map(([name, value]) => ({ name, value })),
				default: 'en',
				description: 'The language of the story',
			},
			...logoFields,
			passThroughDataField,
			{
				displayName: 'Save as Project',
				name: 'saveProject',
				type: 'boolean',
				default: false,
				description: 'Whether to also keep the video as a project you can edit in Pictory',
			},
			{
				...listedByPictory(
					'subtitleStyleName',
					'Subtitle Style',
					'searchSubtitleStyles',
					'Classic',
				),
				description: 'How subtitles look',
			},
			{
				displayName: 'Voice Amplification',
				name: 'voiceAmplification',
				type: 'number',
				typeOptions: { minValue: -1, maxValue: 1, numberPrecision: 2 },
				default: 0,
				description: 'Louder or softer narration (an AI voice or your recording), from -1 to 1',
			},
			{
				displayName: 'Voice Speed',
				name: 'voiceSpeed',
				type: 'number',
				typeOptions: { minValue: 50, maxValue: 200 },
				default: 100,
				description: 'AI narration speed in percent, from 50 to 200',
			},
			webhookField,
		],
	},
	...vimeoFields(showOnlyForCreate),
	...renderWaitFields(showOnlyForCreate),
];

function readVideoName(context: IExecuteSingleFunctions): string {
	const videoName = readText(context, 'videoName', 'Video Name');
	if (!videoName) refuse(context, 'Video Name is empty', 'Give the video a name.');
	return videoName;
}

/** Save as Project: sent only once added to Additional Fields. */
function readSaveProject(context: IExecuteSingleFunctions): boolean | undefined {
	const added = context.getNodeParameter('additionalFields', {}, { rawExpressions: true });
	if ((added as IDataObject).saveProject === undefined) return undefined;
	return readBoolean(context, 'additionalFields.saveProject', 'Save as Project', false);
}

function readAmplification(context: IExecuteSingleFunctions): number {
	return readNumber(context, 'additionalFields.voiceAmplification', {
		label: 'Voice Amplification',
		fallback: 0,
		requirement: 'a number from -1 to 1',
		isGood: (value) => value >= -1 && value <= 1,
		hint: 'Use 0 for the voice as it is, up to 1 louder or down to -1 softer.',
	});
}

const readVoiceFileUrl = (context: IExecuteSingleFunctions) => readUrlOrFile(context, VOICE_FILE);

/**
 * The voice-over: your recording (`externalVoice`), or an AI voice; none without a voice (No
 * Narration). Pictory takes one or the other, never both [stated].
 */
function readVoiceOver(context: IExecuteSingleFunctions): IDataObject | undefined {
	if (readChoice(context, 'narration', 'Narration', NARRATIONS, 'aiVoice') === 'voiceFile') {
		const externalVoice = {
			voiceUrl: readVoiceFileUrl(context),
			syncVoice: readBoolean(context, 'syncVoice', 'Sync Scenes to Recording', true),
			amplificationLevel: readAmplification(context),
		};
		return { enabled: true, externalVoice };
	}
	const voice = readText(context, 'voice', 'Voice');
	if (!voice || voice.toLowerCase() === NO_NARRATION) return undefined;
	const speed = readNumber(context, 'additionalFields.voiceSpeed', {
		label: 'Voice Speed',
		fallback: 100,
		requirement: 'a number from 50 to 200',
		isGood: (value) => value >= 50 && value <= 200,
		hint: 'Pictory speaks at 50% to 200% of the voice’s normal speed.',
	});
	const amplificationLevel = readAmplification(context);
	return { enabled: true, aiVoices: [{ speaker: voice, speed, amplificationLevel }] };
}

function readBackgroundMusic(context: IExecuteSingleFunctions): IDataObject {
	const music = readBoolean(context, 'backgroundMusic', 'Background Music', true);
	const volume = music
		? readNumber(context, 'musicVolume', {
				label: 'Music Volume',
				fallback: 0.1,
				requirement: 'a number from 0 to 1',
				isGood: (value) => value >= 0 && value <= 1,
				hint: 'Use 0.1 to keep the music under the voice, 1 for full volume.',
			})
		: 0;
	// Pictory's default volume is not documented the same way everywhere: it is always sent.
	return { enabled: music, autoMusic: music, volume };
}

/**
 * The storyboard's fields that are checked, trimmed, converted or nested, so not routed: read here
 * from the parameters, an empty optional one left out. Create from Text and Create Preview send
 * them alike.
 */
export function storyboardFields(context: IExecuteSingleFunctions): IDataObject {
	const voiceOver = readVoiceOver(context);
	return withoutEmpty({
		videoName: readVideoName(context),
		scenes: [readScene(context)],
		smartLayoutName: readText(context, 'smartLayoutName', 'Smart Layout'),
		brandName: readText(context, 'additionalFields.brandName', 'Brand'),
		language: readText(context, 'additionalFields.language', 'Language'),
		saveProject: readSaveProject(context),
		subtitleStyleName: readText(context, 'additionalFields.subtitleStyleName', 'Subtitle Style'),
		webhook: readWebhook(context),
		webhookInput: readPassThroughData(context),
		voiceOver,
		backgroundMusic: readBackgroundMusic(context),
		avatar: readAvatar(context, voiceOver),
		logo: readLogo(context),
	});
}

/**
 * Orders a video rendered from its source (never twice: each render is billed) and, with Wait for
 * Completion, waits for the job and returns the finished video, with its MP4 on Download Video.
 */
export async function createVideoFromText(this: IExecuteSingleFunctions, call: OperationCall) {
	const fields = { ...storyboardFields(this), ...readVimeo(this) };
	const until = readRenderWait(this);

	// The routed request with the fields built here (a file from the item uploaded for its URL):
	// each field is sent by one of the two.
	const body = await withUploads(this, call.api, {
		...(call.request.body as IDataObject),
		...fields,
	});
	const jobId = await call.order({ ...call.request, body }, VIDEO_ORDER);
	return await renderedVideo(this, call, jobId, until);
}
