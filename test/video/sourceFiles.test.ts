/**
 * Create from Text and Create Preview with a file from the item instead of a URL (Audio URL,
 * Video URL, your recording): uploaded through a signed URL, then its URL sent in the storyboard.
 */
import nock from 'nock';
import type { INodeExecutionData } from 'n8n-workflow';

import { PREVIEW_PATH, RENDER_PATH, serveGeneration } from '../fakePictory';
import { BASE_URL, runPictoryNode } from '../harness';
import {
	itemWithFile,
	MEDIA_HOST,
	signedUploadAnswer,
	UPLOAD_HOST,
	UPLOAD_PATH,
	uploadKey,
} from '../mediaFixtures';

const JOB_ID = 'e5f4a3b2-0000-4000-8000-000000000005';
const FILE = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0xfe, 0xff]);

const withFile = (fileName: string, mimeType: string, field?: string) =>
	itemWithFile(FILE, fileName, mimeType, field);

/** The signed URL and the PUT of `fileName`; `status` for the PUT. */
function serveUpload(fileName: string, status = 200) {
	const signed: unknown[] = [];
	const put: Buffer[] = [];
	nock(BASE_URL)
		.post(UPLOAD_PATH)
		.reply(200, (_uri, body) => {
			signed.push(body);
			return signedUploadAnswer(fileName);
		});
	nock(UPLOAD_HOST)
		.put(`/${uploadKey(fileName)}`)
		.query(true)
		.reply(status, (_uri, body) => {
			put.push(Buffer.from(body as string, 'hex'));
			return '';
		});
	return { signed, put, url: `${MEDIA_HOST}/${uploadKey(fileName)}` };
}

describe.each([
	['createFromText', RENDER_PATH],
	['createPreview', PREVIEW_PATH],
])('%s: a file from the item instead of a URL', (operation, orderPath) => {
	const run = (parameters: Record<string, unknown>, inputData: INodeExecutionData[]) =>
		runPictoryNode(
			{
				resource: 'video',
				operation,
				videoName: 'Launch teaser',
				waitForCompletion: false,
				...parameters,
			},
			{ inputData },
		);

	test.each([
		['a video to repurpose', 'videoUrl', 'webinar.mp4', 'video/mp4'],
		['a podcast', 'audioUrl', 'episode-12.mp3', 'audio/mpeg'],
	])('%s: uploaded, then its URL is the scene’s source', async (_, source, fileName, mimeType) => {
		const upload = serveUpload(fileName);
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });

		const { error } = await run(
			{
				source,
				[`${source}From`]: 'binary',
				[`${source}BinaryField`]: 'recording',
				audioLanguage: 'de-DE',
			},
			withFile(fileName, mimeType, 'recording'),
		);

		expect(error).toBeUndefined();
		expect(upload.signed).toEqual([{ fileName, contentType: mimeType }]);
		expect(upload.put[0].equals(FILE)).toBe(true);
		expect((requests[0].body as { scenes: unknown }).scenes).toEqual([
			{ [source]: upload.url, audioLanguage: 'de-DE' },
		]);
	});

	test('your recording from the item: uploaded, then sent as the external voice', async () => {
		const upload = serveUpload('narration.wav');
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });

		const { error } = await run(
			{ story: 'Hello there.', narration: 'voiceFile', voiceUrlFrom: 'binary' },
			withFile('narration.wav', 'audio/wav'),
		);

		expect(error).toBeUndefined();
		expect((requests[0].body as { voiceOver: unknown }).voiceOver).toEqual({
			enabled: true,
			externalVoice: { voiceUrl: upload.url, syncVoice: true, amplificationLevel: 0 },
		});
	});

	test('a missing binary field is refused before any request', async () => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });

		const { error } = await run(
			{ source: 'videoUrl', videoUrlFrom: 'binary', videoUrlBinaryField: 'video' },
			withFile('webinar.mp4', 'video/mp4'),
		);

		expect(error?.message).toBe('The item has no binary field "video"');
		expect(requests).toHaveLength(0);
	});

	test('a failed upload orders nothing and names the file', async () => {
		serveUpload('webinar.mp4', 403);
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });

		const { error } = await run(
			{ source: 'videoUrl', videoUrlFrom: 'binary' },
			withFile('webinar.mp4', 'video/mp4'),
		);

		expect(error?.message).toBe('Could not upload webinar.mp4 to Pictory (HTTP 403)');
		expect(requests).toHaveLength(0);
	});
});
