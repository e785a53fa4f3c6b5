/**
 * The dropdowns of Create from Text, searchable lists loaded from Pictory with the node's
 * credential when opened. They are resource locators, not `options` fields: n8n loads an options
 * field as soon as a new node shows it, before the credential is attached, and shows a failed
 * load as "[object Object]"; a resource locator loads on opening and shows the error's message
 * and description (a wrong key: Pictory's "rejected the API key"), the chosen value kept in view.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { listPages } from '../../shared/paging';
import { pictoryClientFromCredential } from '../../shared/transport';
import {
	AVATAR_LIST,
	avatarLooks,
	readEntries,
	readPage,
	readVoices,
	VOICES_PATH,
	type PictoryBrand,
	type PictorySmartLayout,
	type PictorySubtitleStyle,
} from '../../shared/types';
import { AVATARS_PATH } from '../avatar/getMany';

/** The Voice choice that sends no voice-over at all. */
export const NO_NARRATION = 'none';

/** The choice that leaves a field out of the request, so that Pictory uses its own default. */
export const PICTORY_DEFAULT = { name: 'Pictory’s Default', value: '' };

/** One of Pictory's lists, loaded with the node's credential. */
async function loadList<T extends IDataObject>(
	context: ILoadOptionsFunctions,
	url: string,
): Promise<T[]> {
	const api = await pictoryClientFromCredential(context);
	return readEntries<T>(context.getNode(), url, await api.send({ method: 'GET', url }));
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Lower case, with typographic apostrophes as typed ones, so "pictory's" finds "Pictory’s". */
export const searchable = (name: string) => name.toLowerCase().replaceAll('’', "'");

/**
 * What a dropdown shows for the typed text: the entries whose name holds it (in any case), sorted,
 * after `first`, the choice that sends nothing, when it matches too.
 */
function searchResult(
	first: INodeListSearchItems,
	entries: INodeListSearchItems[],
	filter = '',
): INodeListSearchResult {
	const wanted = searchable(filter.trim());
	const matches = (entry: INodeListSearchItems) => searchable(entry.name).includes(wanted);
	const results = entries.filter(matches).sort((a, b) => a.name.localeCompare(b.name));
	return { results: matches(first) ? [first, ...results] : results };
}

/** Voices (GET /v1/voiceovers/tracks, as Voice → Get Many reads them), searchable by name, language or accent. */
export async function searchVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await pictoryClientFromCredential(this);
	const voices = readVoices(this.getNode(), await api.send({ method: 'GET', url: VOICES_PATH }))
		.filter((voice) => text(voice.name))
		.map((voice) => {
			const details = [voice.language, voice.accent, voice.gender].map(text).filter(Boolean);
			return {
				name: details.length ? `${text(voice.name)} (${details.join(', ')})` : text(voice.name),
				value: text(voice.name),
				...(text(voice.sample) && { url: text(voice.sample) }),
			};
		});
	return searchResult({ name: 'No Narration', value: NO_NARRATION }, voices, filter);
}

/** Entries named by `nameField` and valued by their name, each once, after "Pictory's Default". */
async function searchNames<T extends IDataObject>(
	context: ILoadOptionsFunctions,
	url: string,
	nameField: keyof T & string,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = await loadList<T>(context, url);
	const names = new Set(list.map((entry) => text(entry[nameField])).filter(Boolean));
	return searchResult(
		PICTORY_DEFAULT,
		[...names].map((name) => ({ name, value: name })),
		filter,
	);
}

/** Smart layouts (GET /v1/smartlayouts), by name. */
export async function searchSmartLayouts(this: ILoadOptionsFunctions, filter?: string) {
	return await searchNames<PictorySmartLayout>(this, '/v1/smartlayouts', 'templateName', filter);
}

/** Brands (GET /v1/brands/video), by name. */
export async function searchBrands(this: ILoadOptionsFunctions, filter?: string) {
	return await searchNames<PictoryBrand>(this, '/v1/brands/video', 'name', filter);
}

/** Subtitle styles (GET /v1/styles), by name. */
export async function searchSubtitleStyles(this: ILoadOptionsFunctions, filter?: string) {
	return await searchNames<PictorySubtitleStyle>(this, '/v1/styles', 'name', filter);
}

/**
 * Avatars (GET /v1/avatars), one entry per look: its name and a link to its picture, valued by the
 * look's id. Page by page as the list scrolls; a search walks every page, as Pictory has no search.
 */
export async function searchAvatars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await pictoryClientFromCredential(this);
	const request = { method: 'GET' as const, url: AVATARS_PATH };
	const wanted = searchable(filter?.trim() ?? '');
	let avatars;
	let nextPageKey: string | undefined;
	if (wanted) {
		avatars = await listPages(api, request, AVATAR_LIST, { limit: Infinity });
	} else {
		const qs = paginationToken ? { [AVATAR_LIST.pageKeyParam]: paginationToken } : undefined;
		const page = readPage(this.getNode(), await api.send({ ...request, qs }), AVATAR_LIST);
		avatars = page.items;
		nextPageKey = page.nextPageKey;
	}
	const looks = avatars.flatMap((avatar) =>
		avatarLooks(avatar).map((look) => {
			const lookName = text(look.name) || String(look.id);
			return {
				name: text(avatar.name) ? `${text(avatar.name)}: ${lookName}` : lookName,
				value: String(look.id),
				...(text(look.previewImage) && { url: text(look.previewImage) }),
			};
		}),
	);
	const results = looks.filter((look) => searchable(look.name).includes(wanted));
	return { results, ...(nextPageKey && { paginationToken: nextPageKey }) };
}
