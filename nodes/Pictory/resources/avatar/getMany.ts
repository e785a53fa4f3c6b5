import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import type { OperationCall } from '../../shared/operation';
import { listPages } from '../../shared/paging';
import { AVATAR_LIST } from '../../shared/types';

export const AVATARS_PATH = '/v1/avatars';

export const getManyAvatarsDescription: INodeProperties[] = [
	...returnAllFields({ resource: ['avatar'], operation: ['getMany'] }),
];

/** Pictory's avatars, one item each, with their looks, as Pictory lists them. */
export async function getManyAvatars(
	this: IExecuteSingleFunctions,
	{ request, api }: OperationCall,
) {
	const avatars = await listPages(api, request, AVATAR_LIST, { limit: readLimit(this, 'avatars') });
	return avatars.map((json) => ({ json }));
}
