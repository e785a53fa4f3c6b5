import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { readJob, unknownJobError } from '../../shared/jobs';
import { throwIfPictoryFailed } from '../../shared/transport';

export const getJobDescription: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		displayOptions: { show: { resource: ['image'], operation: ['getJob'] } },
		required: true,
		default: '',
		placeholder: 'e.g. 7f0c2a9e-3b1d-4c6e-9a8f-2d5b7e1c4f60',
		description: 'The "jobId" that Generate returned',
	},
];

/** Gives the job's status and, once completed, its image; an unknown id says so plainly. */
export async function returnJob(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const jobId = String(this.getNodeParameter('jobId')).trim();
	if (response.statusCode === 404) throw unknownJobError(node, jobId);
	throwIfPictoryFailed(node, response);
	return [{ json: readJob(node, jobId, response.body) }];
}

/** An empty Job ID would ask for /v1/jobs/ itself: stop before any request. */
export async function requireJobId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	if (!String(this.getNodeParameter('jobId', '')).trim()) {
		throw new NodeOperationError(this.getNode(), 'Job ID is empty', {
			description:
				'Give the "jobId" that Generate returned, e.g. with the expression {{ $json.jobId }}.',
			itemIndex: this.getItemIndex(),
		});
	}
	return requestOptions;
}
