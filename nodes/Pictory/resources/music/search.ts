import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import type { OperationCall } from '../../shared/operation';
import { collectPages } from '../../shared/paging';
import { idText } from '../../shared/transport';
import { readTracks, type PictoryList, type PictoryTrack } from '../../shared/types';
import { readChoice, readNumber, readText, refuse, withoutEmpty } from '../../shared/values';

const show = { resource: ['music'], operation: ['search'] };

/** Each filter: its body field and its twin that excludes [stated], and the list it picks from. */
const FILTERS = [
	{ label: 'Genre Groups', field: 'genreGroup', method: 'getMusicGenreGroups' },
	{ label: 'Genres', field: 'genre', method: 'getMusicGenres' },
	{ label: 'Moods', field: 'mood', method: 'getMusicMoods' },
	{ label: 'Instruments', field: 'instrument', method: 'getMusicInstruments' },
	{ label: 'Purposes', field: 'purpose', method: 'getMusicPurposes' },
];

const notField = (field: string) => `not${field[0].toUpperCase()}${field.slice(1)}`;

const filterFields: INodeProperties[] = FILTERS.flatMap(({ label, field, method }) => [
	{
		displayName: label,
		name: field,
		type: 'multiOptions' as const,
		typeOptions: { loadOptionsMethod: method },
		default: [],
		description: `Only tracks with any of these ${label.toLowerCase()}, as Pictory lists them. Choose from the list, or specify values using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	},
	{
		displayName: `Exclude ${label}`,
		name: notField(field),
		type: 'multiOptions' as const,
		typeOptions: { loadOptionsMethod: method },
		default: [],
		description: `No tracks with any of these ${label.toLowerCase()}. Choose from the list, or specify values using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	},
]);

/** The filters and the durations, in alphabetical order as n8n lists a collection's options. */
const filterOptions = (
	[
		...filterFields,
		{
			displayName: 'Max Duration (Seconds)',
			name: 'maxDuration',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 180,
			description: 'Only tracks at most this long',
		},
		{
			displayName: 'Min Duration (Seconds)',
			name: 'minDuration',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30,
			description: 'Only tracks at least this long',
		},
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

const SORTS = [
	{ name: 'Pictory’s Default', value: '' },
	{ name: 'Featured', value: 'featured' },
	{ name: 'Latest', value: 'latest' },
	{ name: 'Shuffle', value: 'shuffle' },
];

export const searchMusicDescription: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. journey',
		description:
			'Words in the track’s title or description. Leave empty to search by filters only.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		displayOptions: { show },
		placeholder: 'Add Filter',
		default: {},
		options: filterOptions,
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		displayOptions: { show },
		options: SORTS,
		default: '',
		description: 'In which order Pictory lists the tracks',
	},
	...returnAllFields(show),
];

/**
 * A filter's names: the picked list, or from an expression a list or one text of names separated
 * by commas (Pictory's names have none). Each trimmed, empty ones dropped.
 */
function readNameList(context: IExecuteSingleFunctions, name: string, label: string): string[] {
	const value = context.getNodeParameter(`filters.${name}`, []) as unknown;
	const values = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(values) || values.some((entry) => typeof entry !== 'string')) {
		refuse(
			context,
			`${label} must be a list of names`,
			`Pick ${label} in the list, or give names separated by commas, such as "Calm / Serene, Happy / Bright".`,
		);
	}
	return [...new Set((values as string[]).map((entry) => entry.trim()).filter(Boolean))];
}

function readDuration(context: IExecuteSingleFunctions, name: string, label: string) {
	const value = context.getNodeParameter(`filters.${name}`, '') as unknown;
	if (value === '' || value === undefined || value === null) return undefined;
	return readNumber(context, `filters.${name}`, {
		label,
		fallback: 0,
		requirement: 'a number of seconds, 0 or more',
		isGood: (seconds) => seconds >= 0,
		hint: `Give ${label} in seconds, or remove it.`,
	});
}

/** The search's fields: what Pictory filters and sorts by, without paging. */
function musicSearchFields(context: IExecuteSingleFunctions): IDataObject {
	const lists: IDataObject = {};
	for (const { label, field } of FILTERS) {
		const only = readNameList(context, field, label);
		const not = readNameList(context, notField(field), `Exclude ${label}`);
		if (only.length) lists[field] = only;
		if (not.length) lists[notField(field)] = not;
	}
	const minDuration = readDuration(context, 'minDuration', 'Min Duration (Seconds)');
	const maxDuration = readDuration(context, 'maxDuration', 'Max Duration (Seconds)');
	if (minDuration !== undefined && maxDuration !== undefined && minDuration > maxDuration) {
		refuse(
			context,
			`Min Duration (${minDuration} s) is more than Max Duration (${maxDuration} s)`,
			'No track can be both: lower Min Duration or raise Max Duration.',
		);
	}
	return withoutEmpty({
		query: readText(context, 'query', 'Query'),
		...lists,
		minDuration,
		maxDuration,
		sort: readChoice(context, 'sort', 'Sort', SORTS, ''),
	});
}

/** Pictory's page sizes for music [stated]: 20 to 100. */
const PAGE_SIZE = { min: 20, max: 100 };

/** Music pages by number in the body: a page shorter than asked for is the last. */
const MUSIC_LIST: PictoryList<PictoryTrack> = {
	noun: 'tracks',
	pageKeyParam: 'page',
	nextKeyFields: [],
	idOf: (track) => idText(track.id),
};

/**
 * Pictory's tracks for a query and filters, one item each as Pictory sends them. Pages of 100
 * for Return All; for a Limit, pages of that size (20 to 100), so that a Limit of L costs
 * ceil(L / 100) requests, and one for up to 100.
 */
export async function searchMusic(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const limit = readLimit(this, 'tracks');
	const fields = musicSearchFields(this);
	const pageSize = Math.min(PAGE_SIZE.max, Math.max(PAGE_SIZE.min, limit));
	const node = this.getNode();
	const tracks = await collectPages(node, {
		list: MUSIC_LIST,
		limit,
		fetchPage: async (pageKey) => {
			const page = Number(pageKey ?? 1);
			const body = { ...(request.body as IDataObject), ...fields, page, pageSize };
			const items = readTracks(node, await api.send({ ...request, body }));
			return {
				items,
				...(items.length >= pageSize && { nextPageKey: String(page + 1), nextKeyField: 'page' }),
			};
		},
	});
	return tracks.map((json) => ({ json }));
}
