import type { IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readJobOnce, unknownJobError } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { readText, refuse } from '../../shared/values';

/** The Job ID field of Job → Get. */
export const jobIdField = (show: IDisplayOptions['show']): INodeProperties => ({
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	displayOptions: { show },
	required: true,
	default: '',
	placeholder: 'e.g. 7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60',
	description: 'The "jobId" that Generate or Create from Text returned',
});

/** The request's path: `/v1/jobs/{{ jobId }}`, trimmed. */
export const JOB_PATH_EXPRESSION =
	'=/v1/jobs/{{ encodeURIComponent(String($parameter.jobId ?? "").trim()) }}';

function readJobId(context: IExecuteSingleFunctions): string {
	const jobId = readText(context, 'jobId', 'Job ID');
	if (!jobId) {
		refuse(
			context,
			'Job ID is empty',
			'Give the "jobId" that Generate or Create from Text returned, e.g. with the expression {{ $json.jobId }}.',
		);
	}
	return jobId;
}

/**
 * Gives an image or video job's status: `renderProgress` while a video renders, the results once
 * completed, Pictory's error once failed, and a note that the results expired once cleaned.
 */
export async function getJob(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const jobId = readJobId(this);
	const job = await readJobOnce(api, jobId, request, {
		onUnknownJob: () => {
			throw unknownJobError(this.getNode(), jobId);
		},
	});
	return [{ json: job }];
}
