/**
 * Fixture data shaped like Pictory's, and Pictory's image-list paging over it. Shared by the nock
 * stand-in of the unit tests and the real HTTP stand-in of the end-to-end tests and benchmark.
 */
import type { PictoryImage } from '../nodes/Pictory/shared/images';

export const IMAGE_HOST = 'https://example.cloudfront.net';

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
	const offset = nextPageKey === null ? 0 : offsetOf(nextPageKey);
	if (offset === undefined) return [400, { message: 'Invalid nextPageKey' }];
	const end = offset + pageSize;
	const items = images.slice(offset, end);
	return [200, end < images.length ? { items, nextPageKey: pageKeyFor(end) } : { items }];
}
