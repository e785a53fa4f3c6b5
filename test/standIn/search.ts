/**
 * What the Pictory stand-in answers for searches and the account, and the fixtures the unit tests
 * share with it: stock media (GET /v1/media/search), music (POST /v1/music/search, paged by `page`
 * and `pageSize` as Pictory pages it, filtered as Pictory filters) and its filter lists, and the
 * AI credit ledger (GET /v1/aicredits/usage, refusing a year without a month as Pictory does).
 * The quota and the voices are the stand-in's own (QUOTA, dropdownLists).
 */
import type { ServerResponse } from 'node:http';

import { API_PATH } from '../fixtures';

export const MEDIA_SEARCH = `${API_PATH}/v1/media/search`;
export const MUSIC_SEARCH = `${API_PATH}/v1/music/search`;
export const AI_CREDIT_USAGE = `${API_PATH}/v1/aicredits/usage`;
export const musicListPath = (list: string) => `${API_PATH}/v1/music/${list}`;

/** Pictory's answer to a stock search for `keyword`, shaped as its documentation shows. */
export function stockSearchAnswer(keyword: string, count = 3) {
	const searchResults = Array.from({ length: count }, (_, index) => {
		const video = index % 3 !== 2;
		const id = 10900066 + index;
		return {
			assetId: id,
			id,
			duration: video ? 15 + index : 0,
			keyword,
			mediaDescription: `${keyword} ${index + 1}`,
			mediaType: video ? 'video' : 'image',
			preview: {
				jpg: `https://stock.example-cdn.net/thumbnails/${id}.jpg`,
				url: `https://stock.example-cdn.net/watermarks/${id}${video ? '_P480.mp4' : '.jpg'}`,
			},
			thumbnail: {
				jpg: `https://stock.example-cdn.net/thumbnails/${id}_180.jpg`,
				url: `https://stock.example-cdn.net/watermarks/${id}_P180.mp4`,
			},
			searchLibrary: index % 2 ? 'getty' : 'story_blocks',
		};
	});
	return { data: { page: 1, searchResults } };
}

/** Pictory's music filter lists (bare lists of names), a few of each. */
export const musicLists: Record<string, string[]> = {
	moods: ['Calm / Serene', 'Happy / Bright', 'Energetic / Lively', 'Dark / Ominous'],
	genres: ['Downtempo', 'Indie Rock', 'Techno', 'Country Rock'],
	'genres/groups': ['Electronic', 'Rock', 'Country'],
	instruments: ['Piano', 'Guitar - Acoustic', 'Synth', 'Drum Kit'],
	purposes: ['Corporate / Business', 'Wedding', 'Technology', 'Road Trip'],
};

/** The stand-in's music catalogue: `count` tracks, each with a mood, genre, instrument and purpose. */
export function musicTracks(count = 45) {
	const pick = (list: string, index: number) => musicLists[list][index % musicLists[list].length];
	return Array.from({ length: count }, (_, index) => ({
		id: 100 + index,
		title: `Track ${index + 1}`,
		audioUrl: `https://tracks.example-cdn.net/${100 + index}_stream.mp3`,
		duration: 60 + ((index * 17) % 180),
		genres: [pick('genres', index)],
		instruments: [pick('instruments', index), pick('instruments', index + 1)],
		moods: [pick('moods', index)],
		purposes: [pick('purposes', index)],
	}));
}

/** What a music search's body may hold [stated]. */
export interface MusicSearchBody {
	page?: number;
	pageSize?: number;
	sort?: string;
	query?: string;
	genreGroup?: string[];
	genre?: string[];
	mood?: string[];
	instrument?: string[];
	purpose?: string[];
	notGenre?: string[];
	notMood?: string[];
	notInstrument?: string[];
	notPurpose?: string[];
	minDuration?: number;
	maxDuration?: number;
}

type Track = ReturnType<typeof musicTracks>[number];

const GROUP_OF: Record<string, string> = {
	Downtempo: 'Electronic',
	Techno: 'Electronic',
	'Indie Rock': 'Rock',
	'Country Rock': 'Country',
};

/** Whether a track passes a search's filters, as Pictory applies them (exact, case-sensitive). */
function matches(track: Track, body: MusicSearchBody): boolean {
	const has = (values: string[] | undefined, of: string[]) =>
		!values?.length || values.some((value) => of.includes(value));
	const hasNone = (values: string[] | undefined, of: string[]) =>
		!values?.length || !values.some((value) => of.includes(value));
	const groups = track.genres.map((genre) => GROUP_OF[genre]);
	return (
		(!body.query || track.title.toLowerCase().includes(body.query.toLowerCase())) &&
		has(body.genreGroup, groups) &&
		has(body.genre, track.genres) &&
		has(body.mood, track.moods) &&
		has(body.instrument, track.instruments) &&
		has(body.purpose, track.purposes) &&
		hasNone(body.notGenre, track.genres) &&
		hasNone(body.notMood, track.moods) &&
		hasNone(body.notInstrument, track.instruments) &&
		hasNone(body.notPurpose, track.purposes) &&
		(body.minDuration === undefined || track.duration >= body.minDuration) &&
		(body.maxDuration === undefined || track.duration <= body.maxDuration)
	);
}

/**
 * Pictory's answer to a music search: the page asked for of the tracks that match, or its 400 for
 * a page below 1 or a page size outside 20–100 [stated].
 */
export function musicSearchAnswer(
	tracks: Track[],
	body: MusicSearchBody,
): [status: number, body: unknown] {
	const { page = 1, pageSize = 20 } = body;
	const fields: Array<{ name: string; errors: string }> = [];
	if (!Number.isInteger(page) || page < 1) fields.push({ name: 'page', errors: 'must be ≥ 1' });
	if (!Number.isInteger(pageSize) || pageSize < 20 || pageSize > 100) {
		fields.push({ name: 'pageSize', errors: 'must be between 20 and 100' });
	}
	if (fields.length) {
		return [400, { code: 'INVALID_REQUEST_BODY', message: 'Request body is invalid', fields }];
	}
	const found = tracks.filter((track) => matches(track, body));
	return [200, { items: found.slice((page - 1) * pageSize, page * pageSize) }];
}

/** The account's AI credit transactions this month, newest first. */
export const creditTransactions = [
	{
		transactionId: 'tx-3',
		type: 'debit',
		amount: 12,
		source: 'AI Avatar',
		description: 'AI avatar in a video',
		plan: 'Teams',
		transactionDate: '2026-04-03T10:00:00.000Z',
	},
	{
		transactionId: 'tx-2',
		type: 'debit',
		amount: 0.6,
		source: 'Text-to-Image',
		description: 'AI Studio image',
		plan: 'Teams',
		transactionDate: '2026-04-02T09:00:00.000Z',
	},
	{
		transactionId: 'tx-1',
		type: 'credit',
		amount: 1000,
		source: 'Monthly Reset',
		description: 'Monthly credits',
		plan: 'Teams',
		transactionDate: '2026-04-01T00:00:00.000Z',
	},
];

/** What a stand-in received for searches, for tests to check. */
export interface SearchRecord {
	stockSearches: Array<Record<string, string>>;
	musicSearches: MusicSearchBody[];
	creditUsageQueries: Array<Record<string, string>>;
}

const records = new WeakMap<object, SearchRecord>();

/** What `standIn` received for searches and the credit ledger, in order. */
export function searchRecordOf(standIn: object): SearchRecord {
	let record = records.get(standIn);
	if (!record) {
		record = { stockSearches: [], musicSearches: [], creditUsageQueries: [] };
		records.set(standIn, record);
	}
	return record;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
};

const catalogue = musicTracks();

/**
 * Answers an authorised API request about searches or credits; false when it is about something
 * else.
 */
export function answerSearch(
	standIn: object,
	method: string | undefined,
	url: URL,
	body: Buffer,
	response: ServerResponse,
): boolean {
	const record = searchRecordOf(standIn);
	const query = Object.fromEntries(url.searchParams);
	if (method === 'GET' && url.pathname === MEDIA_SEARCH) {
		record.stockSearches.push(query);
		if (!query.keyword) {
			json(response, 400, {
				code: 'INVALID_REQUEST',
				message: 'keyword is required',
				fields: [{ name: 'keyword', errors: 'is required' }],
			});
		} else json(response, 200, stockSearchAnswer(query.keyword));
		return true;
	}
	if (method === 'POST' && url.pathname === MUSIC_SEARCH) {
		const search = JSON.parse(body.toString() || '{}') as MusicSearchBody;
		record.musicSearches.push(search);
		json(response, ...musicSearchAnswer(catalogue, search));
		return true;
	}
	const list = Object.keys(musicLists).find((name) => url.pathname === musicListPath(name));
	if (method === 'GET' && list) {
		json(response, 200, musicLists[list]);
		return true;
	}
	if (method === 'GET' && url.pathname === AI_CREDIT_USAGE) {
		record.creditUsageQueries.push(query);
		if (query.year && !query.month) {
			json(response, 400, { code: 'INVALID_REQUEST', message: 'month is required with year' });
		} else json(response, 200, query.month ? [] : creditTransactions);
		return true;
	}
	return false;
}
