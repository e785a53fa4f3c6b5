import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import { binaryFieldFor, DOWNLOAD_IMAGE, downloadImageFields } from '../shared/descriptions';
import {
	IMAGE_FILE,
	itemsWithFiles,
	readDownload,
	VIDEO_FILE,
	type FileKind,
} from '../shared/download';
import { imageFile, IMAGES_PATH } from '../shared/images';
import { listPages } from '../shared/paging';
import { pictoryClientFromCredential } from '../shared/transport';
import {
	AI_VIDEO_LIST,
	createdAt,
	IMAGE_LIST,
	imageId,
	imageUrl,
	type PictoryImage,
	type PictoryList,
} from '../shared/types';
import { DOWNLOAD_VIDEO } from '../resources/video/renderWait';
import { oneCheckAtATime } from './oneCheckAtATime';

/** The event's fields (the Trigger On field is the node's). */
export const newGeneratedImageDescription: INodeProperties[] = [
	...downloadImageFields({ event: ['newGeneratedImage'] }),
];

/**
 * How far back each poll looks again, before the newest image it knew. An image can appear in the
 * list after a newer one (a slower model) or before its file exists: re-reading the last hour
 * finds it; the ids already emitted in that window keep it from being emitted twice. Bounded in
 * count too, so that one busy hour cannot make every poll page through thousands of images.
 */
export const LOOK_BACK = { ms: 60 * 60_000, images: 500 };

/**
 * Where the trigger stands, kept in the workflow's static data (so it survives restarts): the ids
 * it has emitted (or found on activation) within the look-back window, each with its image's
 * time, and the newest time seen that was not ahead of the clock. `newest` is null until the
 * account has such an image; a check then reads the whole list, as all of it is new.
 */
interface PollState extends IDataObject {
	newest: number | null;
	seen: Record<string, number>;
}

/**
 * Each listed image's time. Images without a readable time are placed at the time of the image
 * listed before them (the first at `fallback`).
 */
function timesOf(images: PictoryImage[], fallback: number): Map<PictoryImage, number> {
	const times = new Map<PictoryImage, number>();
	let previous = fallback;
	for (const image of images) {
		const time = createdAt(image);
		if (!Number.isNaN(time)) previous = time;
		times.set(image, previous);
	}
	return times;
}

/**
 * The ids to remember: within the look-back window of the newest, and at most LOOK_BACK.images.
 * An image dated ahead of the clock stays: Pictory lists it first until its date has passed.
 */
function remembered(seen: Record<string, number>, newest: number | null): Record<string, number> {
	const horizon = (newest ?? -Infinity) - LOOK_BACK.ms;
	const kept = Object.entries(seen)
		.filter(([, time]) => time > horizon)
		.sort(([, a], [, b]) => b - a)
		.slice(0, LOOK_BACK.images);
	return Object.fromEntries(kept);
}

/**
 * An AI Studio gallery the trigger watches: images, or videos (listed alike: `id`, `url`,
 * `createdDate`, newest first). Videos keep their position under `stateKey`, so that switching
 * the event never reads one gallery's position as the other's.
 */
interface Gallery {
	url: string;
	list: PictoryList<PictoryImage>;
	download: { name: string; label: string };
	file: FileKind;
	stateKey?: string;
}

const IMAGES: Gallery = {
	url: IMAGES_PATH,
	list: IMAGE_LIST,
	download: DOWNLOAD_IMAGE,
	file: IMAGE_FILE,
};

const VIDEOS: Gallery = {
	url: '/v1/aistudio/videos',
	list: AI_VIDEO_LIST as unknown as PictoryList<PictoryImage>,
	download: DOWNLOAD_VIDEO,
	file: VIDEO_FILE,
	stateKey: 'videos',
};

const showForVideos = { event: ['newGeneratedVideo'] };

/** New Generated Video's fields: Download Video and its output field. */
export const newGeneratedVideoDescription: INodeProperties[] = [
	{
		displayName: DOWNLOAD_VIDEO.label,
		name: DOWNLOAD_VIDEO.name,
		type: 'boolean',
		displayOptions: { show: showForVideos },
		default: false,
		description: "Whether to also download each video's MP4 into the item's binary data",
	},
	binaryFieldFor({ ...showForVideos, [DOWNLOAD_VIDEO.name]: [true] }),
];

/** Checks for new images, unless this trigger's last check still runs. */
export async function pollNewGeneratedImages(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	return await oneCheckAtATime(this, async function (this: IPollFunctions) {
		return await checkForNewImages.call(this, IMAGES);
	});
}

/** Checks for new AI Studio videos, as for images, unless the last check still runs. */
export async function pollNewGeneratedVideos(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	return await oneCheckAtATime(this, async function (this: IPollFunctions) {
		return await checkForNewImages.call(this, VIDEOS);
	});
}

/**
 * Emits the images generated since the last check, one item each, oldest first. The first check
 * of an active workflow only records where the account stands, as n8n's own polling triggers do;
 * "Fetch Test Event" shows the newest image without moving that position. An image is remembered
 * only once a check has fetched (and downloaded) everything, so a failed check loses nothing; an
 * image whose file can never be downloaded is emitted without it, with `downloadError`.
 *
 * No one odd answer moves the position past an image not yet emitted: a date ahead of the clock
 * moves neither where paging stops nor what is forgotten, and with no position yet (activated on
 * an empty account) a check reads the whole list.
 */
async function checkForNewImages(
	this: IPollFunctions,
	gallery: Gallery,
): Promise<INodeExecutionData[][] | null> {
	const api = await pictoryClientFromCredential(this);
	const { run } = api;
	const request = { method: 'GET' as const, url: gallery.url };
	const download = readDownload(this, gallery.download, 'keepWithoutFileIfPermanent');
	const toItems = async (images: PictoryImage[]) =>
		await itemsWithFiles(this, run, images, download, imageFile, gallery.file);
	const listImages = async (
		client: typeof api,
		listRequest: typeof request,
		options: Parameters<typeof listPages<PictoryImage>>[3],
	) => await listPages(client, listRequest, gallery.list, options);

	if (this.getMode() === 'manual') {
		const newest = await listImages(api, request, { limit: 1 });
		return newest.length ? [await toItems(newest)] : null;
	}

	const now = Date.now();
	const root = this.getWorkflowStaticData('node');
	// A gallery's own position is a copy, written back whole, so that n8n sees it change.
	const state = (
		gallery.stateKey ? { ...((root[gallery.stateKey] as IDataObject) ?? {}) } : root
	) as Partial<PollState>;
	const keep = () => {
		if (gallery.stateKey) root[gallery.stateKey] = { ...state };
	};
	const firstPoll = state.seen === undefined;
	const seen = state.seen ?? {};
	const newestBefore = state.newest ?? null;

	// Newest first: everything since the newest image of the last check, then the look-back window
	// before it, re-read (usually all on the first page). On activation the newest image listed
	// that is not dated ahead of the clock sets that window; with no position, nothing ends it.
	// Images dated ahead count as re-read, so that they cannot make a check page on and on.
	let reference = newestBefore;
	let reread = 0;
	const images = await listImages(api, request, {
		limit: Infinity,
		isPastEnd: (image) => {
			const time = createdAt(image);
			if (Number.isNaN(time)) return false;
			const ahead = time > now;
			if (firstPoll && !ahead) reference ??= time;
			if (reference !== null && time <= reference - LOOK_BACK.ms) return true;
			const rereading = ahead || (reference !== null && time <= reference);
			return rereading && ++reread > LOOK_BACK.images;
		},
	});
	const times = timesOf(images, newestBefore ?? now);
	let newest = newestBefore;
	for (const time of times.values()) {
		if (time <= now) newest = Math.max(newest ?? time, time);
	}
	const withTimes = (listedImages: PictoryImage[]) =>
		Object.fromEntries(
			listedImages.flatMap((image) => {
				const id = imageId(image);
				return id === undefined ? [] : [[id, times.get(image)!]];
			}),
		);

	if (firstPoll) {
		// Activation: everything listed now counts as seen, and nothing is emitted.
		Object.assign(state, { newest, seen: remembered(withTimes(images), newest) });
		keep();
		return null;
	}

	// New: not seen before, and, when its file is wanted, with a link to it already.
	const fresh = images.filter((image) => {
		const id = imageId(image);
		return (
			id !== undefined && seen[id] === undefined && (!download || imageUrl(image) !== undefined)
		);
	});
	if (!fresh.length) return null;

	const oldestFirst = fresh.reverse();
	const items = await toItems(oldestFirst);
	Object.assign(state, {
		newest,
		seen: remembered({ ...seen, ...withTimes(oldestFirst) }, newest),
	});
	keep();
	return [items];
}
