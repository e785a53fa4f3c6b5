/**
 * The sources of Create from Text and Create Preview (story, article, PowerPoint, AI-written
 * script, audio, video) and the voice and look (your recording, avatar, logo): the scene and
 * fields sent for each, and what is refused before any request, for renders and previews alike.
 */
import { PREVIEW_PATH, RENDER_PATH, serveGeneration } from '../fakePictory';
import { runPictoryNode } from '../harness';

const JOB_ID = 'c1d2e3f4-0000-4000-8000-000000000004';

const OPERATIONS = [
	['createFromText', RENDER_PATH],
	['createPreview', PREVIEW_PATH],
] as const;

/** What one operation sends for these parameters (without waiting), or its error. */
async function sent(operation: string, orderPath: string, parameters: Record<string, unknown>) {
	const { requests } = serveGeneration(JOB_ID, [], { orderPath });
	const { error } = await runPictoryNode({
		resource: 'video',
		operation,
		videoName: 'Launch teaser',
		waitForCompletion: false,
		...parameters,
	});
	return { error, requests, body: requests[0]?.body as Record<string, unknown> | undefined };
}

const ARTICLE = 'https://example.com/blog/our-new-planner';

describe.each(OPERATIONS)('%s: each source is one scene', (operation, orderPath) => {
	test.each([
		[
			'an article, split on lines and sentences as a story is',
			{ source: 'blogUrl', blogUrl: ` ${ARTICLE} `, createSceneOnEndOfSentence: false },
			{ blogUrl: ARTICLE, createSceneOnNewLine: true, createSceneOnEndOfSentence: false },
		],
		[
			'a PowerPoint narrated from its slides',
			{ source: 'pptUrl', pptUrl: 'https://example.com/q3.pptx' },
			{ pptUrl: 'https://example.com/q3.pptx', useSpeakerNotes: false },
		],
		[
			'a PowerPoint narrated from its speaker notes',
			{ source: 'pptUrl', pptUrl: 'https://example.com/q3.pptx', pptNarration: 'speakerNotes' },
			{ pptUrl: 'https://example.com/q3.pptx', useSpeakerNotes: true },
		],
		[
			'an AI-written script with its defaults',
			{ source: 'storyCoPilot', scriptPrompt: 'Why plan on Mondays' },
			{
				storyCoPilot: {
					prompt: 'Why plan on Mondays',
					videoType: 'Explainer',
					duration: 60,
					platform: 'YouTube',
					tone: 'informative',
				},
			},
		],
		[
			'an AI-written script for TikTok, its duration from an expression',
			{
				source: 'storyCoPilot',
				scriptPrompt: 'Three tips for focus',
				scriptVideoType: 'Marketing',
				scriptDuration: '={{ "45" }}',
				scriptPlatform: 'TikTok',
				scriptTone: 'humorous',
			},
			{
				storyCoPilot: {
					prompt: 'Three tips for focus',
					videoType: 'Marketing',
					duration: 45,
					platform: 'TikTok',
					tone: 'humorous',
				},
			},
		],
		[
			'a podcast, in US English by default',
			{ source: 'audioUrl', audioUrl: 'https://example.com/ep12.mp3' },
			{ audioUrl: 'https://example.com/ep12.mp3', audioLanguage: 'en-US' },
		],
		[
			'a webinar to repurpose, spoken in German',
			{ source: 'videoUrl', videoUrl: 'https://example.com/webinar.mp4', audioLanguage: 'de-DE' },
			{ videoUrl: 'https://example.com/webinar.mp4', audioLanguage: 'de-DE' },
		],
	])('%s', async (_, parameters, scene) => {
		const { error, body } = await sent(operation, orderPath, parameters);

		expect(error).toBeUndefined();
		expect(body?.scenes).toEqual([scene]);
	});

	test.each([
		[{ source: 'blogUrl', blogUrl: '={{ "" }}' }, 'Article URL is empty'],
		[
			{ source: 'blogUrl', blogUrl: 'example.com/post' },
			'Article URL is not a web address: example.com/post',
		],
		[
			{ source: 'pptUrl', pptUrl: 'file:///deck.pptx' },
			'PowerPoint URL is not a web address: file:///deck.pptx',
		],
		[{ source: 'audioUrl', audioUrl: ' ' }, 'Audio URL is empty'],
		[
			{ source: 'videoUrl', videoUrl: 'webinar.mp4' },
			'Video URL is not a web address: webinar.mp4',
		],
		[
			{
				source: 'videoUrl',
				videoUrl: 'https://example.com/a.mp4',
				audioLanguage: '={{ "english" }}',
			},
			'Speech Language must be one of nl-NL, en-AU',
		],
		[
			{ source: 'storyCoPilot', scriptPrompt: '  ' },
			'The prompt must be 1 to 5,000 characters long, not 0',
		],
		[
			{ source: 'storyCoPilot', scriptPrompt: 'x'.repeat(5001) },
			'The prompt must be 1 to 5,000 characters long, not 5,001',
		],
		[
			{ source: 'storyCoPilot', scriptPrompt: 'Tips', scriptDuration: 601 },
			'Duration must be a whole number of seconds from 1 to 600, not 601',
		],
		[
			{ source: 'storyCoPilot', scriptPrompt: 'Tips', scriptDuration: 0 },
			'Duration must be a whole number of seconds from 1 to 600, not 0',
		],
		[
			{ source: 'storyCoPilot', scriptPrompt: 'Tips', scriptPlatform: '={{ "Myspace" }}' },
			'Platform must be one of Facebook, Instagram, LinkedIn, TikTok, Twitter, YouTube, not "Myspace"',
		],
		[{ story: ' ' }, 'The story must be 1 to 15,000 characters long, not 0'],
	])('%j is refused before any request', async (parameters, message) => {
		const { error, requests } = await sent(operation, orderPath, parameters);

		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});

	test('a saved workflow without Source sends its story, as before', async () => {
		const { body } = await sent(operation, orderPath, { story: 'Hello.' });

		expect(body?.scenes).toEqual([
			{ story: 'Hello.', createSceneOnNewLine: true, createSceneOnEndOfSentence: true },
		]);
	});
});

describe.each(OPERATIONS)('%s: your recording, an avatar, a logo', (operation, orderPath) => {
	const STORY = { story: 'Hello there.' };
	const recording = {
		narration: 'voiceFile',
		voiceUrl: 'https://example.com/voice.mp3',
	};

	test.each([
		[
			'your recording, synced, at the amplification set',
			{ ...recording, additionalFields: { voiceAmplification: 0.5, voiceSpeed: 150 } },
			{
				voiceOver: {
					enabled: true,
					externalVoice: {
						voiceUrl: 'https://example.com/voice.mp3',
						syncVoice: true,
						amplificationLevel: 0.5,
					},
				},
			},
		],
		[
			'your recording not synced: no AI voice even when one is picked',
			{ ...recording, syncVoice: false, voice: { __rl: true, mode: 'list', value: 'Brian' } },
			{
				voiceOver: {
					enabled: true,
					externalVoice: {
						voiceUrl: 'https://example.com/voice.mp3',
						syncVoice: false,
						amplificationLevel: 0,
					},
				},
			},
		],
		[
			'an avatar with an AI voice, placed where Pictory puts it by default',
			{
				voice: { __rl: true, mode: 'list', value: 'Brian' },
				additionalFields: {
					avatar: { __rl: true, mode: 'list', value: 'Annie_expressive12_public' },
				},
			},
			{
				voiceOver: {
					enabled: true,
					aiVoices: [{ speaker: 'Brian', speed: 100, amplificationLevel: 0 }],
				},
				avatar: { avatarId: 'Annie_expressive12_public', position: 'bottom-right', width: '25%' },
			},
		],
		[
			'an avatar by id with your recording, placed and sized',
			{
				...recording,
				additionalFields: {
					avatar: { __rl: true, mode: 'id', value: ' Marcus_casual1_public ' },
					avatarPosition: 'bottom-left',
					avatarWidth: 30,
				},
			},
			{
				voiceOver: {
					enabled: true,
					externalVoice: {
						voiceUrl: 'https://example.com/voice.mp3',
						syncVoice: true,
						amplificationLevel: 0,
					},
				},
				avatar: { avatarId: 'Marcus_casual1_public', position: 'bottom-left', width: '30%' },
			},
		],
		[
			'a logo, top right at 10% unless set',
			{ additionalFields: { logoUrl: 'https://example.com/logo.png' } },
			{ logo: { url: 'https://example.com/logo.png', position: 'top-right', width: '10%' } },
		],
		[
			'a logo placed and sized',
			{
				additionalFields: {
					logoUrl: 'https://example.com/logo.png',
					logoPosition: 'bottom-center',
					logoWidth: '={{ 15 }}',
				},
			},
			{ logo: { url: 'https://example.com/logo.png', position: 'bottom-center', width: '15%' } },
		],
	])('%s', async (_, parameters, fields) => {
		const { error, body } = await sent(operation, orderPath, { ...STORY, ...parameters });

		expect(error).toBeUndefined();
		expect(body).toMatchObject(fields);
		if (!('voiceOver' in fields)) expect(body).not.toHaveProperty('voiceOver');
	});

	test.each([
		[{ ...recording, voiceUrl: ' ' }, 'Recording URL is empty'],
		[{ ...recording, voiceUrl: 'voice.mp3' }, 'Recording URL is not a web address: voice.mp3'],
		[
			{
				additionalFields: {
					avatar: { __rl: true, mode: 'list', value: 'Annie_expressive12_public' },
				},
			},
			'An avatar needs narration',
		],
		[
			{
				voice: { __rl: true, mode: 'list', value: 'Brian' },
				additionalFields: { avatar: { __rl: true, mode: 'list', value: '' } },
			},
			'Avatar is empty',
		],
		[
			{ additionalFields: { avatarPosition: 'top-left' } },
			'Avatar Position and Width need an Avatar',
		],
		[
			{
				voice: { __rl: true, mode: 'list', value: 'Brian' },
				additionalFields: { avatar: { __rl: true, mode: 'id', value: 'a' }, avatarWidth: 120 },
			},
			'Avatar Width must be a whole number from 1 to 100, not 120',
		],
		[{ additionalFields: { logoUrl: '' } }, 'Logo URL is empty'],
		[{ additionalFields: { logoWidth: 5 } }, 'Logo Position and Width need a Logo URL'],
		[
			{
				additionalFields: { logoUrl: 'https://example.com/l.png', logoPosition: '={{ "middle" }}' },
			},
			'Logo Position must be one of bottom-center',
		],
	])('%j is refused before any request', async (parameters, message) => {
		const { error, requests } = await sent(operation, orderPath, { ...STORY, ...parameters });

		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});
});
