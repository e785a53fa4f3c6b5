import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { AVATARS_PATH, getManyAvatars, getManyAvatarsDescription } from './getMany';

/**
 * The Avatar resource: Pictory's AI presenters, whose looks Create from Text and Create Preview
 * take as Avatar (see shared/operation.ts for `handledBy`).
 */
export const avatarDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['avatar'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many avatars',
				description:
					'List Pictory’s AI avatars and their looks. No credits. Returns one item per avatar, with the look IDs videos take.',
				routing: {
					request: { method: 'GET', url: AVATARS_PATH },
					...handledBy(getManyAvatars),
				},
			},
		],
		default: 'getMany',
	},
	...getManyAvatarsDescription,
];
