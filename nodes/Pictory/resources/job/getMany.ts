import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import { readJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { listPages, type ListShape } from '../../shared/paging';
import { asObject, idText } from '../../shared/transport';

export const JOBS_PATH = '/v1/jobs';

export const getManyJobsDescription: INodeProperties[] = [
	...returnAllFields({ resource: ['job'], operation: ['getMany'] }),
];

/** A job as the list gives it: `{ success, data: { jobId, status, … } }`, or its id at the top. */
const jobIdOf = (item: IDataObject) =>
	idText(asObject(item.data)?.jobId ?? item.job_id ?? item.jobId);

const JOB_LIST: ListShape = {
	nextKeyField: 'nextPageKey',
	pageKeyParam: 'nextPageKey',
	noun: 'jobs',
	idOf: jobIdOf,
};

/** The account's jobs, newest first, each read like Job → Get reads one. */
export async function getManyJobs(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const jobs = await listPages(api, request, JOB_LIST, { limit: readLimit(this, 'jobs') });
	return jobs.map((job) => ({ json: readJob(this.getNode(), jobIdOf(job) ?? '', job) }));
}
