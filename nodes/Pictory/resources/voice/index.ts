import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { VOICES_PATH } from '../../shared/types';
import { getManyVoices, getManyVoicesDescription } from './getMany';

/**
 * The Voice resource: Pictory's AI voices, which Create from Text and Create Preview take as Voice
 * (see shared/operation.ts for `handledBy`).
 */
export const voiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voice'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many voices',
				description:
					'List Pictory’s AI voices, optionally of one language. No credits. Returns one item per voice: its name, language, accent, gender and a sample.',
				routing: {
					request: { method: 'GET', url: VOICES_PATH },
					...handledBy(getManyVoices),
				},
			},
		],
		default: 'getMany',
	},
	...getManyVoicesDescription,
];
