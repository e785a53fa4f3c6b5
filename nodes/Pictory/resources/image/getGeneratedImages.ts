import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	DOWNLOAD_IMAGE,
	downloadImageFields,
	readLimit,
	returnAllFields,
} from '../../shared/descriptions';
import { IMAGE_FILE, itemsWithFiles, readDownload } from '../../shared/download';
import { createdAtOrFail, imageFile, listImages } from '../../shared/images';
import type { OperationCall } from '../../shared/operation';
import { readDate, refuse } from '../../shared/values';

const showOnlyForGetGeneratedImages = {
	resource: ['image'],
	operation: ['getGeneratedImages'],
};

export const getGeneratedImagesDescription: INodeProperties[] = [
	...returnAllFields(showOnlyForGetGeneratedImages),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: showOnlyForGetGeneratedImages },
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description:
					'Only images created after this time. Paging stops at the first older image, so recent images come back in one request however large the account.',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only images created before this time',
			},
		],
	},
	...downloadImageFields(showOnlyForGetGeneratedImages),
];

function readDateWindow(context: IExecuteSingleFunctions) {
	const after = readDate(context, 'filters.createdAfter', 'Created After');
	const before = readDate(context, 'filters.createdBefore', 'Created Before');
	if (after !== undefined && before !== undefined && after >= before) {
		refuse(
			context,
			'Created After must be earlier than Created Before',
			'No image can be in that window: check the two dates in Filters.',
		);
	}
	return { after, before };
}

/**
 * Lists the account's images, newest first: it stops paging as soon as it has the Limit or reaches
 * Created After, then downloads the files of just the images it returns.
 */
export async function getGeneratedImages(
	this: IExecuteSingleFunctions,
	{ request, api, run }: OperationCall,
) {
	const node = this.getNode();
	const limit = readLimit(this, 'images');
	const { after, before } = readDateWindow(this);
	const download = readDownload(this, DOWNLOAD_IMAGE, this.continueOnFail() ? 'errorItem' : 'fail');

	const images = await listImages(api, request, {
		limit,
		isPastEnd: after === undefined ? undefined : (image) => createdAtOrFail(node, image) <= after,
		skip: before === undefined ? undefined : (image) => createdAtOrFail(node, image) >= before,
	});
	return await itemsWithFiles(this, run, images, download, imageFile, IMAGE_FILE);
}
