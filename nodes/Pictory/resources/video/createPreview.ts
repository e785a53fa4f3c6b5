import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { waitFields } from '../../shared/descriptions';
import { readWaitOptions, waitForJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { PREVIEW_ORDER } from '../../shared/orders';
import { withUploads } from '../../shared/upload';
import { readBoolean } from '../../shared/values';
import { storyboardFields } from './createFromText';

export const PREVIEW_PATH = '/v2/video/storyboard';

export const MIN_PREVIEW_CHECK_SECONDS = 10;

/**
 * Create Preview's own fields: its wait. Its storyboard fields (source, voice, look…) are Create
 * from Text's, shown for both.
 */
export const createPreviewDescription: INodeProperties[] = [
	...waitFields(
		{ resource: ['video'], operation: ['createPreview'] },
		{
			what: 'preview',
			getLater: 'Job → Get',
			checkEvery: {
				default: 10,
				min: MIN_PREVIEW_CHECK_SECONDS,
				hint: 'a preview is ready sooner than a render',
			},
			maxWaitMinutes: 15,
		},
	),
];

/**
 * Orders a preview of the storyboard (never twice) and, with Wait for Completion, returns it once
 * ready: `previewUrl` to watch it, the `jobId` that Render Preview renders, the `renderParams`
 * and resolved `storyboard` Pictory made, and with Save as Project the project's id.
 */
export async function createPreview(
	this: IExecuteSingleFunctions,
	{ request, api, order }: OperationCall,
) {
	const fields = storyboardFields(this);
	const wait = readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
		? readWaitOptions(this, { minIntervalSeconds: MIN_PREVIEW_CHECK_SECONDS })
		: undefined;

	// The routed request with the fields built here (a file from the item uploaded for its URL):
	// each field is sent by one of the two.
	const body = await withUploads(this, api, { ...(request.body as IDataObject), ...fields });
	const jobId = await order({ ...request, body }, PREVIEW_ORDER);
	if (!wait) return [{ json: { jobId } }];
	return [{ json: await waitForJob(api, jobId, wait, PREVIEW_ORDER) }];
}
