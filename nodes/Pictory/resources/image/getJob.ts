import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { readJob, unknownJobError } from '../../shared/jobs';
import { describeFailure, pictoryRequestError, requestWithRetries } from '../../shared/transport';

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

const jobIdOf = (context: IExecuteSingleFunctions) =>
	String(context.getNodeParameter('jobId', '')).trim();

/**
 * Drives Get Job's routed request. n8n hands a request to the routing's `pagination` function
 * when there is one; here it serves to retry the GET like every read (429, 5xx) and to name a 404
 * as an unknown job.
 */
export async function requestJobWithRetries(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await requestWithRetries(
		this,
		async () => await this.makeRoutingRequest(requestData),
		(error, attempts) =>
			describeFailure(error).status === 404
				? unknownJobError(node, jobIdOf(this))
				: pictoryRequestError(node, error, attempts),
	);
}

/** Gives the job's status and, once completed, its image; a failed job with Pictory's error. */
export async function returnJob(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: readJob(this.getNode(), jobIdOf(this), response.body) }];
}

/** An empty Job ID would ask for /v1/jobs/ itself: stop before any request. */
export async function requireJobId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	if (!jobIdOf(this)) {
		throw new NodeOperationError(this.getNode(), 'Job ID is empty', {
			description:
				'Give the "jobId" that Generate returned, e.g. with the expression {{ $json.jobId }}.',
			itemIndex: this.getItemIndex(),
		});
	}
	return requestOptions;
}
