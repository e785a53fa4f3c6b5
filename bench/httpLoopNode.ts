/**
 * The baseline "n8n's own HTTP floor": a hand-written node that loops over Pictory's pages with
 * n8n's authenticated HTTP helper and nothing else (no routing, no checks, no retries). Run through
 * the same engine as the Pictory node, it shows what the node adds on top of n8n itself. Only the
 * benchmark uses it.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

export class PictoryHttpLoop implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Pictory HTTP Loop',
		name: 'pictoryHttpLoop',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'Pictory HTTP Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pictoryApi', required: true }],
		properties: [
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
			{ displayName: 'Created After', name: 'createdAfter', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('pictoryApi');
		const limit = (this.getNodeParameter('limit', 0) as number) || Infinity;
		const after = Date.parse(this.getNodeParameter('createdAfter', 0) as string) || -Infinity;
		const items: INodeExecutionData[] = [];
		let nextPageKey: string | undefined;
		do {
			const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'pictoryApi', {
				url: `${baseUrl}/v1/aistudio/images`,
				qs: nextPageKey ? { nextPageKey } : {},
				json: true,
			})) as { items: IDataObject[]; nextPageKey?: string };
			for (const image of page.items) {
				if (Date.parse(image.createdDate as string) <= after) return [items];
				items.push({ json: image, pairedItem: { item: 0 } });
				if (items.length >= limit) return [items];
			}
			nextPageKey = page.nextPageKey;
		} while (nextPageKey);
		return [items];
	}
}
