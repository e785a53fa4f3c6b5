import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { passThroughDataField, webhookField } from '../../shared/descriptions';
import type { OperationCall } from '../../shared/operation';
import { VIDEO_ORDER } from '../../shared/orders';
import {
	readPassThroughData,
	readText,
	readWebhook,
	refuse,
	withoutEmpty,
} from '../../shared/values';
import { readRenderWait, renderedVideo, renderWaitFields } from './renderWait';

/** The request's path: `/v2/video/render/{{ previewJobId }}`, trimmed. */
export const RENDER_PREVIEW_PATH_EXPRESSION =
	'=/v2/video/render/{{ encodeURIComponent(String($parameter.previewJobId ?? "").trim()) }}';

const showOnlyForRenderPreview = { resource: ['video'], operation: ['renderPreview'] };

export const renderPreviewDescription: INodeProperties[] = [
	{
		displayName: 'Preview Job ID',
		name: 'previewJobId',
		type: 'string',
		displayOptions: { show: showOnlyForRenderPreview },
		required: true,
		default: '',
		placeholder: 'e.g. 7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60',
		description: 'The "jobId" of a completed Create Preview',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: showOnlyForRenderPreview },
		default: {},
		options: [passThroughDataField, webhookField],
	},
	...renderWaitFields(showOnlyForRenderPreview),
];

function readPreviewJobId(context: IExecuteSingleFunctions): string {
	const jobId = readText(context, 'previewJobId', 'Preview Job ID');
	if (!jobId) {
		refuse(
			context,
			'Preview Job ID is empty',
			'Give the "jobId" that Create Preview returned, e.g. with the expression {{ $json.jobId }}.',
		);
	}
	return jobId;
}

/**
 * Orders the render of a completed preview, as it is (never twice: each render is billed) and,
 * with Wait for Completion, returns the finished video like Create from Text.
 */
export async function renderPreview(this: IExecuteSingleFunctions, call: OperationCall) {
	readPreviewJobId(this);
	const fields = withoutEmpty({
		webhook: readWebhook(this),
		webhookInput: readPassThroughData(this),
	});
	const until = readRenderWait(this);

	// The routed request (its path names the preview) with the fields built here.
	const body = { ...(call.request.body as IDataObject), ...fields };
	const jobId = await call.order({ ...call.request, body }, VIDEO_ORDER);
	return await renderedVideo(this, call, jobId, until);
}
