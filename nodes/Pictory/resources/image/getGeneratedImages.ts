import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { listImages } from '../../shared/images';
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
];

/**
 * Keeps each page's body whole in one item, so the paginator reads exactly what Pictory sent
 * (the engine would otherwise split a JSON array into items).
 */
export async function keepPageBody(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { body: response.body as IDataObject } }];
}

function readLimit(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	const limit = context.getNodeParameter('limit', 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of 1 or more, not ${limit}`, {
			description: 'Set Limit to how many of your newest images to get, or turn on Return All.',
		});
	}
	return limit;
}

/**
 * Pagination for Get Generated Images. A function rather than `type: 'generic'`, because the
 * generic paginator fetches every page before applying the Limit; this one stops as soon as it
 * has enough, and checks every page Pictory sends.
 */
export async function paginateGeneratedImages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(this);
	const fetchPage = async (nextPageKey: string | undefined) => {
		const qs = nextPageKey ? { ...requestData.options.qs, nextPageKey } : requestData.options.qs;
		const [page] = await requestWithRetries(this, async () =>
			await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, qs } }),
		);
		return page.json.body;
	};
	const images = await listImages(this.getNode(), fetchPage, { limit });
	return images.map((json) => ({ json }));
}
