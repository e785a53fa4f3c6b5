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
	const operations = description.properties.find((property) => property.name === 'operation')!
		.options as INodePropertyOptions[];

	test.each(operations.map(({ value, action }) => [value, action]))(
		'the subtitle of operation %s is its action, "%s"',
		(operation, subtitle) => {
			const node = nodeWith({ resource: 'image', operation });
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

			expect(
				workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {}),
			).toBe(subtitle);
		},
	);

	test('there are three operations', () => {
		expect(operations.map((operation) => operation.value)).toEqual([
			'generate',
			'getGeneratedImages',
			'getJob',
		]);
	});

	test('Limit is shown only while Return All is off', () => {
		const limit = description.properties.find((property) => property.name === 'limit')!;
		const shown = (returnAll: boolean) => {
			const node = nodeWith({ resource: 'image', operation: 'getGeneratedImages', returnAll });
			return NodeHelpers.displayParameter(node.parameters, limit, node, description);
		};

		expect(shown(false)).toBe(true);
		expect(shown(true)).toBe(false);
	});
});
