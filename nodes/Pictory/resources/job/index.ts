import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import { getJob, JOB_PATH_EXPRESSION, jobIdField } from './get';
import { getManyJobs, getManyJobsDescription, JOBS_PATH } from './getMany';

/**
 * The Job resource: Pictory's jobs, image generations and video renders alike. Each operation
 * declares the request it sends and names the one function that handles it (see
 * shared/operation.ts).
 */
export const jobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a job',
				description:
					'Get an image or video job’s status and, once done, its results. No credits. Returns the status, the progress, and the URLs once completed.',
				routing: {
					request: { method: 'GET', url: JOB_PATH_EXPRESSION },
					...handledBy(getJob),
				},
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many jobs',
				description:
					'List the jobs of your account, newest first. No credits. Returns one item per job, with its status.',
				routing: {
					request: { method: 'GET', url: JOBS_PATH },
					...handledBy(getManyJobs),
				},
			},
		],
		default: 'get',
	},
	jobIdField({ resource: ['job'], operation: ['get'] }),
	...getManyJobsDescription,
];
