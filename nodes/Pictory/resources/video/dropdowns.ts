/**
 * The dropdowns of Create from Text, loaded from Pictory with the node's credential. A wrong key
 * shows Pictory's "rejected the API key" in the dropdown, not an empty list.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { unreadableAnswer } from '../../shared/failures';
import { asObject, pictoryApiFromCredential } from '../../shared/transport';

/** The Voice choice that sends no voice-over at all. */
export const NO_NARRATION = 'none';

/** A list Pictory answers either as a bare array or as `{ items: [...] }`. */
async function loadList(context: ILoadOptionsFunctions, url: string): Promise<IDataObject[]> {
	const api = await pictoryApiFromCredential(context);
	const body = await api.send({ method: 'GET', url });
	const list = Array.isArray(body) ? body : asObject(body)?.items;
	if (!Array.isArray(list)) {
		throw unreadableAnswer(context.getNode(), `The answer to ${url} is not a list.`);
	}
	return list.filter((entry): entry is IDataObject => asObject(entry) !== undefined);
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Options named and valued by `nameField`, sorted, each once, after "Pictory's Default" (an empty
 * value: the field is left out of the request, so the dropdown's default is always a choice).
 */
function namedOptions(list: IDataObject[], nameField: string): INodePropertyOptions[] {
	const names = [...new Set(list.map((entry) => text(entry[nameField])).filter(Boolean))];
	return [
		{ name: 'Pictory’s Default', value: '' },
		...names.sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name })),
	];
}

/** Voices (GET /v1/voiceovers/tracks), searchable by name, language or accent. */
export async function searchVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const voices = await loadList(this, '/v1/voiceovers/tracks');
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = voices
		.filter((voice) => text(voice.name))
		.map((voice) => {
			const details = [voice.language, voice.accent, voice.gender].map(text).filter(Boolean);
			return {
				name: details.length ? `${text(voice.name)} (${details.join(', ')})` : text(voice.name),
				value: text(voice.name),
				...(text(voice.sample) && { url: text(voice.sample) }),
			};
		})
		.filter((voice) => !wanted || voice.name.toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	const none = { name: 'No Narration', value: NO_NARRATION };
	return { results: !wanted || 'no narration'.includes(wanted) ? [none, ...results] : results };
}

/** Smart layouts (GET /v1/smartlayouts), by name. */
export async function getSmartLayouts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return namedOptions(await loadList(this, '/v1/smartlayouts'), 'templateName');
}

/** Brands (GET /v1/brands/video), by name. */
export async function getBrands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return namedOptions(await loadList(this, '/v1/brands/video'), 'name');
}

/** Subtitle styles (GET /v1/styles), by name. */
export async function getSubtitleStyles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return namedOptions(await loadList(this, '/v1/styles'), 'name');
}
