import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import type { OperationCall } from '../../shared/operation';
import { readVoices, type PictoryVoice } from '../../shared/types';
import { readText } from '../../shared/values';

const show = { resource: ['voice'], operation: ['getMany'] };

export const getManyVoicesDescription: INodeProperties[] = [
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. Spanish',
		description:
			'Only the voices of this language, as Pictory names it (English, Spanish…; any case). Leave empty for every voice.',
	},
	...returnAllFields(show),
];

/** Case and accents aside, so that "español" and "Espanol" are one. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Whether a voice's language is the one asked for: the whole name, or its start at a word
 * ("English" finds "English (India)"; "en" finds it and "en-US", but not "French").
 */
function speaks(voice: PictoryVoice, wanted: string): boolean {
	const language = typeof voice.language === 'string' ? folded(voice.language) : '';
	if (!language) return false;
	const at = language.indexOf(wanted);
	return at !== -1 && (at === 0 || !/\p{L}/u.test(language[at - 1]));
}

/**
 * Pictory's voices, one item each, every field as Pictory lists them (its `name` is what Create
 * from Text's Voice takes): the same list and reader as that dropdown. Pictory sends them in one
 * answer; Language and Limit are applied to it.
 */
export async function getManyVoices(
	this: IExecuteSingleFunctions,
	{ request, api }: OperationCall,
) {
	const wanted = folded(readText(this, 'language', 'Language'));
	const limit = readLimit(this, 'voices');
	const voices = readVoices(this.getNode(), await api.send(request));
	const matching = wanted ? voices.filter((voice) => speaks(voice, wanted)) : voices;
	return matching.slice(0, limit).map((json) => ({ json }));
}
