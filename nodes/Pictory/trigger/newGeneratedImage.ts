import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import { downloadImageFields } from '../shared/descriptions';
import { withImageFiles } from '../shared/download';
import { createdAt, listImages, type PictoryImage } from '../shared/images';
import { pictoryApiRequest } from '../shared/transport';

export const newGeneratedImageDescription: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Generated Image',
				value: 'newGeneratedImage',
				description: 'An image was generated in Pictory AI Studio',
			},
		],
		default: 'newGeneratedImage',
	},
	...downloadImageFields(),
];

/**
 * Where the trigger stands, kept in the workflow's static data: the newest `createdDate` it has
 * emitted and the ids of the images with exactly that time, so that images sharing a timestamp are
 * neither lost nor emitted twice. `lastCreatedDate` is null when the account had no images yet.
 */
interface PollPosition extends IDataObject {
	lastCreatedDate: string | null;
	idsAtLastCreatedDate: string[];
}

function positionAfter(
	node: ReturnType<IPollFunctions['getNode']>,
	images: PictoryImage[],
	previous?: PollPosition,
): PollPosition {
	let position: PollPosition = previous
		? { ...previous }
		: { lastCreatedDate: null, idsAtLastCreatedDate: [] };
	for (const image of images) {
		const time = createdAt(node, image);
		const last =
			position.lastCreatedDate === null ? -Infinity : Date.parse(position.lastCreatedDate);
		if (time > last)
			position = { lastCreatedDate: image.createdDate, idsAtLastCreatedDate: [image.id] };
		else if (time === last)
			position.idsAtLastCreatedDate = [...position.idsAtLastCreatedDate, image.id];
	}
	return position;
}

async function toItems(
	context: IPollFunctions,
	images: PictoryImage[],
): Promise<INodeExecutionData[]> {
	if (!(context.getNodeParameter('downloadImage', false) as boolean))
		return images.map((json) => ({ json }));
	return await withImageFiles(
		context,
		images,
		context.getNodeParameter('binaryPropertyName', 'data') as string,
		{ onFailure: 'keepWithoutFileIfPermanent' },
	);
}

/** The newest image and any sharing its timestamp: usually one image, in one request. */
async function newestImages(
	node: ReturnType<IPollFunctions['getNode']>,
	fetchPage: (nextPageKey: string | undefined) => Promise<unknown>,
): Promise<PictoryImage[]> {
	let newest: number | undefined;
	return await listImages(node, fetchPage, {
		limit: Infinity,
		isPastEnd: (image) => {
			const time = createdAt(node, image);
			newest ??= time;
			return time < newest;
		},
	});
}

/**
 * Emits the images generated since the last poll, one item each, oldest first. The first poll of
 * an active workflow only records where the account stands, as n8n's own polling triggers do;
 * "Fetch Test Event" shows the newest image without moving that position. The position advances
 * only after a poll has fetched (and downloaded) everything, so a failed poll loses nothing; an
 * image whose file can never be downloaded is emitted without it, with `downloadError`.
 */
export async function pollNewGeneratedImages(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const node = this.getNode();
	const fetchPage = async (nextPageKey: string | undefined) =>
		await pictoryApiRequest.call(this, 'GET', '/v1/aistudio/images', {
			qs: nextPageKey ? { nextPageKey } : undefined,
		});

	if (this.getMode() === 'manual') {
		const newest = await listImages(node, fetchPage, { limit: 1 });
		return newest.length ? [await toItems(this, newest)] : null;
	}

	const staticData = this.getWorkflowStaticData('node') as Partial<PollPosition>;
	if (staticData.lastCreatedDate === undefined) {
		// First poll of an active workflow: note where the account stands and emit nothing.
		Object.assign(staticData, positionAfter(node, await newestImages(node, fetchPage)));
		return null;
	}

	const position = staticData as PollPosition;
	const since =
		position.lastCreatedDate === null ? -Infinity : Date.parse(position.lastCreatedDate);
	const seen = new Set(position.idsAtLastCreatedDate);
	const fresh = await listImages(node, fetchPage, {
		limit: Infinity,
		isPastEnd: (image) => createdAt(node, image) < since,
		skip: (image) => createdAt(node, image) === since && seen.has(image.id),
	});
	if (!fresh.length) return null;

	const oldestFirst = fresh.reverse();
	const items = await toItems(this, oldestFirst);
	Object.assign(staticData, positionAfter(node, oldestFirst, position));
	return [items];
}
