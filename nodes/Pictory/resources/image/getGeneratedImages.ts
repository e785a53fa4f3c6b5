import {
	NodeOperationError,
	tryToParseDateTime,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { downloadImageFields } from '../../shared/descriptions';
import { withImageFiles } from '../../shared/download';
import { createdAt, listImages, type ListImagesOptions } from '../../shared/images';
import { requestWithRetries } from '../../shared/transport';

const showOnlyForGetGeneratedImages = {
	resource: ['image'],
	operation: ['getGeneratedImages'],
};

export const getGeneratedImagesDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: showOnlyForGetGeneratedImages },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { ...showOnlyForGetGeneratedImages, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
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

function readLimit(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	const limit = context.getNodeParameter('limit', 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Limit must be a whole number of 1 or more, not ${limit}`,
			{
				description: 'Set Limit to how many of your newest images to get, or turn on Return All.',
			},
		);
	}
	return limit;
}

/** A date filter in ms; a value without a time zone is read in the workflow's time zone, as n8n does. */
function readDate(context: IExecutePaginationFunctions, name: 'createdAfter' | 'createdBefore') {
	const value = context.getNodeParameter(`filters.${name}`, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	try {
		return tryToParseDateTime(value, context.getTimezone()).toMillis();
	} catch {
		const label = name === 'createdAfter' ? 'Created After' : 'Created Before';
		throw new NodeOperationError(
			context.getNode(),
			`${label} is not a valid date: ${String(value)}`,
			{
				description:
					'Pick a date in the field, or give an ISO 8601 date such as 2026-04-01T00:00:00Z.',
			},
		);
	}
}

function readDateWindow(context: IExecutePaginationFunctions): Omit<ListImagesOptions, 'limit'> {
	const node = context.getNode();
	const after = readDate(context, 'createdAfter');
	const before = readDate(context, 'createdBefore');
	if (after !== undefined && before !== undefined && after >= before) {
		throw new NodeOperationError(node, 'Created After must be earlier than Created Before', {
			description: 'No image can be in that window: check the two dates in Filters.',
		});
	}
	return {
		isPastEnd: after === undefined ? undefined : (image) => createdAt(node, image) <= after,
		skip: before === undefined ? undefined : (image) => createdAt(node, image) >= before,
	};
}

/**
 * Pagination for Get Generated Images. A function rather than `type: 'generic'`, because the
 * generic paginator fetches every page before applying the Limit; this one stops as soon as it
 * has enough (or reaches Created After), checks every page Pictory sends, and then downloads the
 * files of just the images it returns.
 */
export async function paginateGeneratedImages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = { limit: readLimit(this), ...readDateWindow(this) };
	const fetchPage = async (nextPageKey: string | undefined) => {
		const qs = nextPageKey ? { ...requestData.options.qs, nextPageKey } : requestData.options.qs;
		const [page] = await requestWithRetries(
			this,
			async () =>
				await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, qs } }),
		);
		return page.json.body;
	};
	const images = await listImages(this.getNode(), fetchPage, options);

	if (!(this.getNodeParameter('downloadImage', false) as boolean)) {
		return images.map((json) => ({ json }));
	}
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 'data') as string;
	return await withImageFiles(this, images, binaryPropertyName, {
		onFailure: this.continueOnFail() ? 'errorItem' : 'fail',
	});
}
