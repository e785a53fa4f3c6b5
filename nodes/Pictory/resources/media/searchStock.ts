import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationCall } from '../../shared/operation';
import { readStockSearch } from '../../shared/types';
import { readText, refuse, withoutEmpty } from '../../shared/values';

const show = { resource: ['media'], operation: ['searchStock'] };

export const searchStockDescription: INodeProperties[] = [
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		displayOptions: { show },
		required: true,
		default: '',
		placeholder: 'e.g. business meeting',
		description: 'What the videos and images should show',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. Nature/Landscapes',
		description:
			'Only media of this category, as Pictory names them: Parent/Child, such as Nature/Landscapes or Animals/Marine_Life. Leave empty for all.',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		displayOptions: { show },
		default: 'en',
		placeholder: 'e.g. en',
		description: 'The language of the keyword, as a code such as en, es or de',
	},
];

/** The search's query: the keyword, which Pictory requires, and the category and language when given. */
function stockQuery(context: IExecuteSingleFunctions) {
	const keyword = readText(context, 'keyword', 'Keyword');
	if (!keyword) {
		refuse(
			context,
			'Keyword is empty',
			'Give what the media should show, such as "sunrise over mountains", or an expression such as {{ $json.topic }}.',
		);
	}
	return withoutEmpty({
		keyword,
		category: readText(context, 'category', 'Category'),
		language: readText(context, 'language', 'Language'),
	});
}

/**
 * Pictory's stock videos and images for a keyword (Storyblocks, Getty…), one item per result as
 * Pictory sends it, in one request: Pictory answers one page and takes no page parameter.
 */
export async function searchStock(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const qs = { ...request.qs, ...stockQuery(this) };
	const results = readStockSearch(this.getNode(), await api.send({ ...request, qs }));
	return results.map((json) => ({ json }));
}
