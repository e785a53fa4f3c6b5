/**
 * Pictory's music filter lists (GET /v1/music/moods, genres, genres/groups, instruments,
 * purposes), for Music → Search's filters. These are multi-select fields, which a resource
 * locator cannot be, so they are options loaded with the node's credential; they sit in the
 * Filters collection, where n8n loads one only once it is added, so never before the credential
 * is attached.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pictoryClientFromCredential } from '../../shared/transport';
import { readNames } from '../../shared/types';

/** The lists, by the path after /v1/music/. */
export const MUSIC_LISTS = {
	genreGroups: 'genres/groups',
	genres: 'genres',
	moods: 'moods',
	instruments: 'instruments',
	purposes: 'purposes',
} as const;

/** One list's names, sorted, each its own value (Pictory's filters are case-sensitive). */
async function loadNames(
	context: ILoadOptionsFunctions,
	list: string,
): Promise<INodePropertyOptions[]> {
	const api = await pictoryClientFromCredential(context);
	const url = `/v1/music/${list}`;
	const names = readNames(context.getNode(), url, await api.send({ method: 'GET', url }));
	return names.sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}

export async function getMusicGenreGroups(this: ILoadOptionsFunctions) {
	return await loadNames(this, MUSIC_LISTS.genreGroups);
}

export async function getMusicGenres(this: ILoadOptionsFunctions) {
	return await loadNames(this, MUSIC_LISTS.genres);
}

export async function getMusicMoods(this: ILoadOptionsFunctions) {
	return await loadNames(this, MUSIC_LISTS.moods);
}

export async function getMusicInstruments(this: ILoadOptionsFunctions) {
	return await loadNames(this, MUSIC_LISTS.instruments);
}

export async function getMusicPurposes(this: ILoadOptionsFunctions) {
	return await loadNames(this, MUSIC_LISTS.purposes);
}
