import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodeParameters,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { Pictory } from '../nodes/Pictory/Pictory.node';
import { nodeTypes } from './harness';

const { description } = new Pictory();

function nodeWith(parameters: INodeParameters): INode {
	return {
		id: 'pictory-node',
		name: 'Pictory',
		type: 'n8n-nodes-pictory.pictory',
		typeVersion: 1,
		position: [0, 0],
		parameters: NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			null,
			null,
		)!,
	};
}

describe('what the editor shows', () => {
	const operations = description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map(({ value, action }) => ({
				resource: property.displayOptions!.show!.resource![0] as string,
				operation: value as string,
				action,
			})),
		);

	test.each(operations)(
		'the subtitle of $resource → $operation names both, as n8n’s nodes do',
		({ resource, operation }) => {
			const node = nodeWith({ resource, operation });
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

			expect(
				workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {}),
			).toBe(`${operation}: ${resource}`);
		},
	);

	test('the resources and their operations', () => {
		expect(operations.map(({ resource, operation }) => `${resource}:${operation}`)).toEqual([
			'image:generate',
			'image:getGeneratedImages',
			'video:createFromText',
			'job:get',
			'job:getMany',
			'project:getMany',
		]);
	});

	test.each([
		['image', 'getGeneratedImages'],
		['job', 'getMany'],
		['project', 'getMany'],
	])('%s → %s shows Limit only while Return All is off', (resource, operation) => {
		const limit = description.properties.find(
			(property) =>
				property.name === 'limit' && property.displayOptions?.show?.resource?.includes(resource),
		)!;
		const shown = (returnAll: boolean) => {
			const node = nodeWith({ resource, operation, returnAll });
			return NodeHelpers.displayParameter(node.parameters, limit, node, description);
		};

		expect(shown(false)).toBe(true);
		expect(shown(true)).toBe(false);
	});

	test('Download Video and its field are shown only while waiting for the video', () => {
		const download = description.properties.find((property) => property.name === 'downloadVideo')!;
		const shown = (waitForCompletion: boolean) => {
			const node = nodeWith({ resource: 'video', operation: 'createFromText', waitForCompletion });
			return NodeHelpers.displayParameter(node.parameters, download, node, description);
		};

		expect(shown(true)).toBe(true);
		expect(shown(false)).toBe(false);
	});
});
