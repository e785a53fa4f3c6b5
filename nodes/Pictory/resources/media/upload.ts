import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationCall } from '../../shared/operation';
import { readInputFile, uploadInputFile } from '../../shared/upload';
import { readText } from '../../shared/values';

export { SIGNED_URL_PATH as UPLOAD_PATH } from '../../shared/upload';

export const uploadDescription: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'inputBinaryField',
		type: 'string',
		displayOptions: { show: { resource: ['media'], operation: ['upload'] } },
		required: true,
		default: 'data',
		hint: 'The name of the input binary field that holds the file to upload',
		description:
			'The file goes to Pictory’s storage; its URL can then be given to Transcribe or as a video’s source, narration or logo',
	},
];

/**
 * Uploads the item's file to Pictory's storage through a signed URL (the routed request asks for
 * it) and returns the URL Pictory reads it from.
 */
export async function uploadMedia(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const file = readInputFile(
		this,
		readText(this, 'inputBinaryField', 'Input Binary Field'),
		'Input Binary Field',
	);
	return [{ json: { ...(await uploadInputFile(this, api, file, request)) } }];
}
