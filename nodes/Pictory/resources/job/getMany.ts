import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../shared/descriptions';
import { readJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { listPages } from '../../shared/paging';
import { JOB_LIST, jobIdOf } from '../../shared/types';

export const JOBS_PATH = '/v1/jobs';

export const getManyJobsDescription: INodeProperties[] = [
	...returnAllFields({ resource: ['job'], operation: ['getMany'] }),
];

/** The account's jobs, newest first, each read like Job → Get reads one. */
export async function getManyJobs(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const jobs = await listPages(api, request, JOB_LIST, { limit: readLimit(this, 'jobs') });
	return jobs.map((job) => ({ json: readJob(this.getNode(), jobIdOf(job) ?? '', job) }));
}
