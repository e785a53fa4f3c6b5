import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { MUSIC_SEARCH_PATH } from '../../shared/types';
import { searchMusic, searchMusicDescription } from './search';

export {
	getMusicGenreGroups,
	getMusicGenres,
	getMusicInstruments,
	getMusicMoods,
	getMusicPurposes,
} from './lists';

/** The Music resource: Pictory's music library (see shared/operation.ts for `handledBy`). */
export const musicDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['music'] } },
		options: [
			{
				name: 'Search',
				value: 'search',
				action: 'Search music',
				description:
					'Find background music by words, genre, mood, instrument, purpose and length. No credits. Returns one item per track, with its link.',
				routing: {
					request: { method: 'POST', url: MUSIC_SEARCH_PATH },
					...handledBy(searchMusic),
				},
			},
		],
		default: 'search',
	},
	...searchMusicDescription,
];
