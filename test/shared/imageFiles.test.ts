/**
 * The logo, the reference image and AI video's start given as a file from the item instead of a
 * URL: the signed URL asked for, the bytes PUT, and only then the order with the uploaded URL.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { IMAGES_PATH, PREVIEW_PATH, RENDER_PATH, serveGeneration } from '../fakePictory';
import { BASE_URL, runPictoryNode } from '../harness';
import {
	itemWithFile,
	MEDIA_HOST,
	signedUploadAnswer,
	UPLOAD_HOST,
	UPLOAD_PATH,
	uploadKey,
} from '../mediaFixtures';
import { AI_VIDEOS_PATH } from '../templateFixtures';

const JOB_ID = 'f1e2d3c4-0000-4000-8000-000000000020';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

const withFile = (fileName: string, mimeType: string, field?: string) =>
	itemWithFile(PNG, fileName, mimeType, field);

/**
 * The signed URL and the PUT of `fileName`, each noting how many orders `ordered` held when it
 * came: both must come before the order.
 */
function serveUpload(fileName: string, ordered: unknown[]) {
	const log: Array<{ step: string; body: unknown; ordersBefore: number }> = [];
	nock(BASE_URL)
		.post(UPLOAD_PATH)
		.reply(200, (_uri, body) => {
			log.push({ step: 'POST generateurl', body, ordersBefore: ordered.length });
			return signedUploadAnswer(fileName);
		});
	nock(UPLOAD_HOST)
		.put(`/${uploadKey(fileName)}`)
		.query(true)
		.reply(function (_uri, body) {
			log.push({
				step: `PUT ${String(this.req.headers['content-type'])}`,
				body: Buffer.from(body as string, 'hex'),
				ordersBefore: ordered.length,
			});
			return [200, ''];
		});
	return { log, url: `${MEDIA_HOST}/${uploadKey(fileName)}` };
}

const OPERATIONS: Array<[string, INodeParameters, string, (url: string) => unknown]> = [
	[
		'Create from Text: the logo',
		{
			resource: 'video',
			operation: 'createFromText',
			videoName: 'Teaser',
			story: 'Hello there.',
			waitForCompletion: false,
			additionalFields: { logoUrlBinaryField: 'logo' },
		},
		RENDER_PATH,
		(url) => ({ logo: { url, position: 'top-right', width: '10%' } }),
	],
	[
		'Create Preview: the logo',
		{
			resource: 'video',
			operation: 'createPreview',
			videoName: 'Teaser',
			story: 'Hello there.',
			waitForCompletion: false,
			additionalFields: { logoUrlBinaryField: 'logo', logoPosition: 'bottom-left' },
		},
		PREVIEW_PATH,
		(url) => ({ logo: { url, position: 'bottom-left', width: '10%' } }),
	],
	[
		'Image → Generate: the reference image',
		{
			resource: 'image',
			operation: 'generate',
			prompt: 'A red bicycle in the rain',
			waitForCompletion: false,
			additionalFields: { referenceImageUrlBinaryField: 'logo' },
		},
		IMAGES_PATH,
		(url) => ({ prompt: 'A red bicycle in the rain', referenceImageUrl: url }),
	],
	[
		'AI Video → Generate: the first frame',
		{
			resource: 'aiVideo',
			operation: 'generate',
			prompt: 'A red bicycle in the rain',
			waitForCompletion: false,
			startFrom: 'firstFrameImage',
			firstFrameImageUrlFrom: 'binary',
			firstFrameImageUrlBinaryField: 'logo',
		},
		AI_VIDEOS_PATH,
		(url) => ({ firstFrameImageUrl: url }),
	],
	[
		'AI Video → Generate: the reference image',
		{
			resource: 'aiVideo',
			operation: 'generate',
			prompt: 'A red bicycle in the rain',
			waitForCompletion: false,
			startFrom: 'referenceImage',
			referenceImageUrlFrom: 'binary',
			referenceImageUrlBinaryField: 'logo',
		},
		AI_VIDEOS_PATH,
		(url) => ({ referenceImageUrls: [url] }),
	],
];

describe.each(OPERATIONS)('%s from the item', (_, parameters, orderPath, sent) => {
	test('is uploaded, then its URL is ordered', async () => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });
		const upload = serveUpload('brand.png', requests);

		const { items, error } = await runPictoryNode(parameters, {
			inputData: withFile('brand.png', 'image/png', 'logo'),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
		expect(upload.log).toEqual([
			{
				step: 'POST generateurl',
				body: { fileName: 'brand.png', contentType: 'image/png' },
				ordersBefore: 0,
			},
			{ step: 'PUT image/png', body: PNG, ordersBefore: 0 },
		]);
		expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`POST ${orderPath}`]);
		expect(requests[0].body).toMatchObject(sent(upload.url) as object);
	});

	test('a missing binary field is refused before any request', async () => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });
		const upload = serveUpload('brand.png', requests);

		const { error } = await runPictoryNode(parameters, {
			inputData: withFile('brand.png', 'image/png', 'data'),
		});

		expect(error?.message).toBe('The item has no binary field "logo"');
		expect(upload.log).toEqual([]);
		expect(requests).toHaveLength(0);
	});
});

test.each([
	[
		'video',
		{
			operation: 'createFromText',
			videoName: 'Teaser',
			story: 'Hello there.',
			additionalFields: { logoUrl: 'https://example.com/logo.png', logoUrlBinaryField: 'data' },
		},
		RENDER_PATH,
		'Give Logo URL or Logo Input Binary Field, not both',
	],
	[
		'image',
		{
			operation: 'generate',
			prompt: 'A red bicycle in the rain',
			additionalFields: {
				referenceImageUrl: 'https://example.com/ref.png',
				referenceImageUrlBinaryField: 'data',
			},
		},
		IMAGES_PATH,
		'Give Reference Image URL or Reference Image Input Binary Field, not both',
	],
])(
	'%s: a URL and a binary field both given are refused before any request',
	async (resource, parameters, orderPath, message) => {
		const { requests } = serveGeneration(JOB_ID, [], { orderPath });
		const upload = serveUpload('brand.png', requests);

		const { error } = await runPictoryNode(
			{ resource, waitForCompletion: false, ...parameters },
			{ inputData: withFile('brand.png', 'image/png') },
		);

		expect(error?.message).toBe(message);
		expect(upload.log).toEqual([]);
		expect(requests).toHaveLength(0);
	},
);
