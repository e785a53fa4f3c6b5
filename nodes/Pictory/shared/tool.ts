/**
 * What an AI Agent or an MCP client sees of each operation when the node is one of its tools.
 *
 * n8n offers a `usableAsTool` node as a "Pictory Tool" node, and tells the model what a tool does
 * with its Description parameter; by default only "<action> in Pictory". Here each operation gets
 * a Description of its own, shown only on the tool (`@tool`), whose default is its action and its
 * description (what it does, costs and returns): the model reads that unless the user writes
 * another. It is derived from the Operation fields, so a new operation gets one by itself.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** What the model is told an operation does, costs and returns. */
export function toolDescriptionOf({ action, description }: INodePropertyOptions): string {
	return `${action} in Pictory. ${description ?? ''}`.trim();
}

/** One Description per operation of `properties`' Operation fields, shown on the tool only. */
export function toolDescriptionFields(properties: INodeProperties[]): INodeProperties[] {
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((operationField) =>
			(operationField.options as INodePropertyOptions[]).map((option): INodeProperties => ({
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 3 },
				displayOptions: {
					show: {
						'@tool': [true],
						...operationField.displayOptions?.show,
						operation: [option.value],
					},
				},
				required: true,
				default: toolDescriptionOf(option),
				description:
					'What the AI model is told this tool does, costs and returns. The default says it for this operation.',
			})),
		);
}
