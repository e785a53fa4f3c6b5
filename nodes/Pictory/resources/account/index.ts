import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { AI_CREDIT_USAGE_PATH } from '../../shared/types';
import { getAiCreditUsage, getAiCreditUsageDescription } from './getAiCreditUsage';
import { getUsage, QUOTA_PATH } from './getUsage';

/**
 * The Account resource: what the plan allows and what was used (see shared/operation.ts for
 * `handledBy`). Two operations, as Pictory's two reports answer differently: the quota is one
 * item of totals, the AI credit history one item per transaction.
 */
export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get AI Credit Usage',
				value: 'getAiCreditUsage',
				action: 'Get AI credit usage',
				description:
					'List the AI credits spent and added in a month. No credits. Returns one item per transaction, with its amount and what spent it.',
				routing: {
					request: { method: 'GET', url: AI_CREDIT_USAGE_PATH },
					...handledBy(getAiCreditUsage),
				},
			},
			{
				name: 'Get Usage',
				value: 'getUsage',
				action: 'Get account usage',
				description:
					'Get this billing term’s video, transcription and voice-over minutes and AI credits. No credits. Returns what is used and the limit of each.',
				routing: {
					request: { method: 'GET', url: QUOTA_PATH },
					...handledBy(getUsage),
				},
			},
		],
		default: 'getUsage',
	},
	...getAiCreditUsageDescription,
];
