import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationCall } from '../../shared/operation';
import { readQuota } from '../../shared/types';

export const QUOTA_PATH = '/v1/quota';

/**
 * This billing term's use and limits (video, transcription and ElevenLabs voice-over minutes, AI
 * credits), as one item, every field as Pictory sends it.
 */
export async function getUsage(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	return [{ json: readQuota(this.getNode(), await api.send(request)) }];
}
