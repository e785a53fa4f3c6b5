import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationCall } from '../../shared/operation';
import { VIDEO_ORDER } from '../../shared/orders';
import { readRenderWait, renderedVideo } from '../video/renderWait';
import { readProjectId } from './locator';

/**
 * Renders a saved project as it stands in Pictory (POST /v2/projects/{id}/render: no body
 * [stated]), never twice, and waits and downloads like Create from Text.
 */
export async function renderProject(this: IExecuteSingleFunctions, call: OperationCall) {
	readProjectId(this);
	const until = readRenderWait(this);
	const jobId = await call.order(call.request, VIDEO_ORDER);
	return await renderedVideo(this, call, jobId, until);
}
