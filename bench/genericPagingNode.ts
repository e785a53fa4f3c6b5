/**
 * The baseline "fetch every page, then apply the Limit": the Pictory node with Get Generated
 * Images paged by n8n's built-in `generic` paginator, as the HTTP Request node and most
 * declarative nodes page. Only the benchmark uses it.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Pictory } from '../nodes/Pictory/Pictory.node';

export function genericPagingPictory(): INodeType {
	const node = new Pictory();
	const properties = node.description.properties.map((property): INodeProperties => {
		if (property.name === 'operation') {
			return {
				...property,
				options: (property.options as INodePropertyOptions[]).map((option) =>
					option.value !== 'getGeneratedImages'
						? option
						: {
								...option,
								routing: {
									request: { method: 'GET', url: '/v1/aistudio/images' },
									send: { paginate: true },
									operations: {
										pagination: {
											type: 'generic',
											properties: {
												continue: '={{ !!$response.body.nextPageKey }}',
												request: { qs: { nextPageKey: '={{ $response.body.nextPageKey }}' } },
											},
										},
									},
									output: {
										postReceive: [{ type: 'rootProperty', properties: { property: 'items' } }],
									},
								},
							},
				),
			};
		}
		if (property.name === 'limit')
			return { ...property, routing: { output: { maxResults: '={{ $value }}' } } };
		return property;
	});
	node.description = { ...node.description, name: 'pictoryGenericPaging', properties };
	return node;
}
