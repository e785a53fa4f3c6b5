/**
 * Fixture data shaped like Pictory's, and Pictory's paging over it. Shared by the nock stand-in of
 * the unit tests (fakePictory.ts) and the real HTTP stand-in of the end-to-end tests and the
 * benchmark (pictoryStandIn.ts).
 */
import type { PictoryImage } from '../nodes/Pictory/shared/types';

export const IMAGE_HOST = 'https://example.cloudfront.net';

/** Pictory's API paths, below its base URL. */
export const API_PATH = '/pictoryapis';
export const IMAGES_PATH = `${API_PATH}/v1/aistudio/images`;
export const JOBS_PATH = `${API_PATH}/v1/jobs`;
export const RENDER_PATH = `${API_PATH}/v2/video/storyboard/render`;
export const PROJECTS_PATH = `${API_PATH}/v2/projects`;
export const VIDEO_HOST = 'https://video.example-cdn.net';

const NEWEST = Date.parse('2026-04-04T06:03:38.665Z');

/**
 * `count` images, newest first, one minute apart from `newest` (ms); every third one was generated
 * with a style and a reference image. Ids are `<idPrefix>-<number>`, the oldest numbered 1.
 */
export function makeImages(
	count: number,
	{ newest = NEWEST, idPrefix = 'img', imageHost = IMAGE_HOST } = {},
): PictoryImage[] {
	return Array.from({ length: count }, (_, index) => {
		const id = `${idPrefix}-${String(count - index).padStart(6, '0')}`;
		const image: PictoryImage = {
			url: `${imageHost}/images/user/a1b2c3d4/${id}.png`,
			id,
			prompt: `Prompt for ${id}`,
			aspectRatio: index % 2 ? '1:1' : '16:9',
			createdDate: new Date(newest - index * 60_000).toISOString(),
			model: index % 2 ? 'flux-schnell' : 'seedream3.0',
			width: 1280,
			height: 720,
		};
		if (index % 3 === 0) {
			image.style = 'photorealistic';
			image.referenceImageUrl = `${imageHost}/images/user/a1b2c3d4/ref-${id}.png`;
		}
		return image;
	});
}

const PAGE_KEY_PREFIX = 'eyJwYXJ0aXRpb25LZXkiOiJ1c2VyI+/';

/** Page keys as Pictory's look: base64 that holds "+", "/" and "=". */
export const pageKeyFor = (offset: number) =>
	`${PAGE_KEY_PREFIX}${Buffer.from(`offset:${offset}`).toString('base64')}`;

function offsetOf(pageKey: string): number | undefined {
	if (!pageKey.startsWith(PAGE_KEY_PREFIX)) return undefined;
	const match = /^offset:(\d+)$/.exec(
		Buffer.from(pageKey.slice(PAGE_KEY_PREFIX.length), 'base64').toString(),
	);
	return match ? Number(match[1]) : undefined;
}

/**
 * The bytes the image host serves for an image: a PNG signature followed by the image id, then
 * zeros up to `size` bytes when a size is given (large files for memory measurements).
 */
export function imageBytes(id: string, size = 0) {
	const bytes = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(id)]);
	if (size <= bytes.length) return bytes;
	const padded = Buffer.alloc(size);
	bytes.copy(padded);
	return padded;
}

/** Pictory's answer to GET /v1/aistudio/images?nextPageKey=… over `images`, `pageSize` a page. */
export function imageListAnswer(
	images: PictoryImage[],
	nextPageKey: string | null,
	pageSize = 100,
): [number, { items: PictoryImage[]; nextPageKey?: string } | { message: string }] {
	return listPageAnswer(images, nextPageKey, pageSize);
}

/** Pictory's answer for one page of a list paged by `nextPageKey` (images, avatars). */
export function listPageAnswer<T>(
	entries: T[],
	nextPageKey: string | null,
	pageSize: number,
): [number, { items: T[]; nextPageKey?: string } | { message: string }] {
	const offset = nextPageKey === null ? 0 : offsetOf(nextPageKey);
	if (offset === undefined) return [400, { message: 'Invalid nextPageKey' }];
	const end = offset + pageSize;
	const items = entries.slice(offset, end);
	return [200, end < entries.length ? { items, nextPageKey: pageKeyFor(end) } : { items }];
}

/** Pictory's answers to GET /v1/jobs/{id}, as its documentation shows them. */
export const jobAnswer = {
	inProgress: (jobId: string, renderProgress?: number) => ({
		job_id: jobId,
		success: true,
		data: { status: 'in-progress', ...(renderProgress !== undefined && { renderProgress }) },
	}),
	imageCompleted: (jobId: string, imageHost = IMAGE_HOST) => ({
		job_id: jobId,
		success: true,
		data: {
			status: 'completed',
			url: `${imageHost}/images/user/a1b2c3d4/${jobId}.png`,
			width: 1024,
			height: 1024,
			aiCreditsUsed: 2,
		},
	}),
	failed: (
		jobId: string,
		errorCode = 'CONTENT_POLICY',
		errorMessage = 'The prompt was rejected',
	) => ({
		job_id: jobId,
		success: false,
		error_code: errorCode,
		error_message: errorMessage,
	}),
	unknown: { success: false, error_code: '5000', error_message: 'JOB_NOT_FOUND' },
	videoCompleted: (jobId: string, videoHost: string = VIDEO_HOST) => ({
		job_id: jobId,
		success: true,
		data: {
			status: 'completed',
			videoURL: `${videoHost}/videos/${jobId}.mp4`,
			shareVideoURL: `https://video.pictory.ai/share/${jobId}`,
			thumbnail: `${videoHost}/videos/${jobId}.jpg`,
			srtFile: `${videoHost}/videos/${jobId}.srt`,
			vttFile: `${videoHost}/videos/${jobId}.vtt`,
			txtFile: `${videoHost}/videos/${jobId}.txt`,
			videoDuration: 42.5,
			aiCreditsUsed: 12,
		},
	}),
	videoFailed: (jobId: string) => ({
		job_id: jobId,
		success: false,
		data: {
			status: 'failed',
			error_code: 'TEXT_TO_VIDEO_FAILED',
			error_message: 'The story could not be split into scenes',
		},
	}),
	cleaned: (jobId: string) => ({ job_id: jobId, success: true, data: { status: 'cleaned' } }),
};

/** The first bytes of an MP4 file ("ftyp" box), then `size` bytes in all. */
export function videoBytes(size = 64): Buffer {
	const bytes = Buffer.alloc(size);
	Buffer.from('000000206674797069736f6d', 'hex').copy(bytes);
	return bytes;
}

/** A file's first bytes, from text (Latin-1) and byte lists: `fileStart('RIFF', [0, 0, 0, 0], 'WEBP')`. */
export const fileStart = (...parts: Array<string | number[]>) =>
	Buffer.concat(
		parts.map((part) =>
			typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
		),
	);

/** Pictory's lists for Create from Text's dropdowns. */
export const dropdownLists = {
	voices: [
		{
			id: 1,
			name: 'Brian',
			voice: 'brian',
			gender: 'male',
			accent: 'American',
			language: 'English',
		},
		{ id: 2, name: 'Amy', voice: 'amy', gender: 'female', accent: 'British', language: 'English' },
		{
			id: 3,
			name: 'Lucia',
			voice: 'lucia',
			gender: 'female',
			accent: 'Castilian',
			language: 'Spanish',
		},
	],
	smartLayouts: {
		items: [
			{ templateId: 't1', templateName: 'Wanderlust' },
			{ templateId: 't2', templateName: 'Corporate' },
		],
	},
	brands: [{ id: 'b1', name: 'Acme' }],
	styles: [
		{ id: 's1', name: 'Bold yellow' },
		{ id: 's2', name: 'Classic' },
	],
};

/** Pictory's answer to an accepted order (Generate, render). */
export const orderAccepted = (jobId: string) => ({ success: true, data: { jobId } });

// ---- Previews (POST /v2/video/storyboard, PUT /v2/video/render/{id}) and avatars ----

export const PREVIEW_PATH = `${API_PATH}/v2/video/storyboard`;
export const renderPreviewPath = (previewJobId: string) =>
	`${API_PATH}/v2/video/render/${encodeURIComponent(previewJobId)}`;
export const AVATARS_PATH = `${API_PATH}/v1/avatars`;

/** What a completed preview holds: the composition Pictory made, its elements in a list. */
export const previewRenderParams = (jobId: string) => ({
	output: { name: `preview ${jobId}`, width: 1920, height: 1080 },
	elements: [
		{ id: 'bgMusic', elementType: 'audioElement', type: 'audio', startTime: 0, duration: 12 },
		{ id: 'SceneText_1', elementType: 'SceneText', type: 'text', startTime: 0, duration: 6 },
	],
});

/** Pictory's answers to GET /v1/jobs/{id} for a preview. */
export const previewJobAnswer = {
	/** `storyboard` is what the preview was made from, resolved (Pictory adds its choices). */
	completed: (jobId: string, storyboard: object = {}, previewHost: string = VIDEO_HOST) => ({
		job_id: jobId,
		success: true,
		data: {
			status: 'completed',
			previewUrl: `${previewHost}/preview/${jobId}`,
			renderParams: previewRenderParams(jobId),
			storyboard: { ...storyboard, storyboardVersion: 'v3' },
		},
	}),
	/** As legacy v1 previews answered: the link as `preview`, and the job id at the top. */
	legacy: (jobId: string) => ({
		jobId,
		success: true,
		data: {
			status: 'completed',
			preview: `${VIDEO_HOST}/preview/${jobId}`,
			renderParams: previewRenderParams(jobId),
		},
	}),
	failed: (jobId: string) => ({
		job_id: jobId,
		success: false,
		data: {
			status: 'failed',
			error_code: 'SCENE_BACKGROUND_VISUAL_NOT_FOUND',
			error_message: 'No visual was found for scene 2',
		},
	}),
};

/** Pictory's avatars, each with its looks (ids as Pictory's look like). */
export const avatars = [
	{
		id: 'annie',
		name: 'Annie',
		gender: 'Female',
		looks: [
			{
				id: 'Annie_expressive12_public',
				name: 'Expressive',
				previewImage: `${VIDEO_HOST}/avatars/annie-expressive.webp`,
				previewVideo: `${VIDEO_HOST}/avatars/annie-expressive.webm`,
			},
			{
				id: 'Annie_office3_public',
				name: 'Office',
				previewImage: `${VIDEO_HOST}/avatars/annie-office.webp`,
			},
		],
	},
	{
		id: 'marcus',
		name: 'Marcus',
		gender: 'Male',
		looks: [{ id: 'Marcus_casual1_public', name: 'Casual' }],
	},
	{ id: 'kai', name: 'Kai', gender: null, looks: [{ id: 'Kai_studio2_public' }] },
];

/** GET /v1/avatars?nextPageKey=…, `pageSize` avatars a page. */
export const avatarListAnswer = (nextPageKey: string | null, pageSize = 2) =>
	listPageAnswer(avatars, nextPageKey, pageSize);
