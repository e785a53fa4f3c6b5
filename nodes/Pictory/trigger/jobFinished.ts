import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import { JOB_KINDS, jobKind, readJob, type JobKind } from '../shared/jobs';
import { listPages } from '../shared/paging';
import { pictoryClientFromCredential } from '../shared/transport';
import { JOB_LIST, jobIdOf, type JobResult, type PictoryJobAnswer } from '../shared/types';
import { readChoice, refuse } from '../shared/values';
import { oneCheckAtATime } from './oneCheckAtATime';

const JOBS_PATH = '/v1/jobs';

const OUTCOMES = [
	{ name: 'Completed or Failed', value: 'any' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Failed', value: 'failed' },
] as const;

const showForJobFinished = { event: ['jobFinished'] };

/** The event's fields (the Trigger On field is the node's). */
export const jobFinishedDescription: INodeProperties[] = [
	{
		displayName: 'Job Kinds',
		name: 'jobKinds',
		type: 'multiOptions',
		displayOptions: { show: showForJobFinished },
		options: JOB_KINDS.map(({ name, value }) => ({ name, value })),
		default: [],
		description:
			'Which kinds of job to start the workflow for; none picked: every kind. Pictory names no kind: it is told by what the job holds, so a failed job that holds only its error is "Other".',
	},
	{
		displayName: 'Outcome',
		name: 'outcome',
		type: 'options',
		displayOptions: { show: showForJobFinished },
		options: OUTCOMES.map(({ name, value }) => ({ name, value })),
		default: 'any',
		description: 'Whether to start the workflow for jobs that completed, failed, or both',
	},
];

/**
 * How many jobs a check reads past the newest one it knew, at most, to find the jobs it saw
 * unfinished; and how many ids it keeps. A job still unfinished once this many older jobs are
 * listed before it is no longer watched.
 */
export const JOB_WINDOW = { reread: 500, remembered: 1_000, onActivation: 100 };

/**
 * Where the trigger stands, in the workflow's static data (so it survives restarts): the ids of
 * the newest jobs it has seen finished (emitted or not wanted), newest first, and those it saw
 * unfinished and watches. Pictory's job list has no dates [stated: items { success, data }], so
 * the position is by id: what is listed before the first known job is new.
 */
interface JobPollState extends IDataObject {
	jobsKnown: string[];
	jobsWatching: string[];
}

const FINISHED = new Set(['completed', 'failed', 'cleaned']);

interface Filters {
	kinds: Set<JobKind>;
	outcome: (typeof OUTCOMES)[number]['value'];
}

function readFilters(context: IPollFunctions): Filters {
	const picked = context.getNodeParameter('jobKinds', []) as unknown;
	const known = JOB_KINDS.map(({ value }) => value as string);
	if (!Array.isArray(picked) || picked.some((kind) => !known.includes(String(kind)))) {
		refuse(
			context,
			`Job Kinds must be a list of ${known.join(', ')}`,
			'Pick the kinds in the list, or none for every kind.',
		);
	}
	return {
		kinds: new Set(picked as JobKind[]),
		outcome: readChoice(context, 'outcome', 'Outcome', OUTCOMES, 'any'),
	};
}

/** A listed job, read as Job → Get reads it, or undefined when Pictory gave no readable status. */
function readListed(context: IPollFunctions, job: PictoryJobAnswer): JobResult | undefined {
	try {
		return readJob(context.getNode(), jobIdOf(job) ?? '', job);
	} catch {
		return undefined;
	}
}

const isFinished = (job: JobResult | undefined): job is JobResult =>
	job !== undefined && FINISHED.has(job.status);

/** Whether a finished job is one the filters ask for. */
function isWanted(job: JobResult, { kinds, outcome }: Filters): boolean {
	const failed = job.status === 'failed';
	if (outcome === 'completed' && failed) return false;
	if (outcome === 'failed' && !failed) return false;
	return kinds.size === 0 || kinds.has(jobKind(job));
}

const itemOf = (job: JobResult): INodeExecutionData => ({ json: { ...job, kind: jobKind(job) } });

/** Checks for jobs that finished, unless this trigger's last check still runs. */
export async function pollJobFinished(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	return await oneCheckAtATime(this, checkForFinishedJobs);
}

/**
 * Emits the jobs that finished since the last check (completed or failed, as filtered), one item
 * each, oldest first: those listed before the first job it knew, and those it saw unfinished. The
 * first check of an active workflow only records where the account stands (watching the jobs then
 * unfinished); "Fetch Test Event" shows the newest finished job without moving that position. The
 * position moves only once a check has read everything, so a failed check loses nothing.
 *
 * Cost: the list up to the first known job, then on only while a watched job is not yet found:
 * one request when nothing is new.
 */
async function checkForFinishedJobs(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const filters = readFilters(this);
	const api = await pictoryClientFromCredential(this);
	const request = { method: 'GET' as const, url: JOBS_PATH };

	if (this.getMode() === 'manual') {
		let read = 0;
		const newest = await listPages(api, request, JOB_LIST, {
			limit: 1,
			isPastEnd: () => ++read > JOB_WINDOW.onActivation,
			skip: (listed) => {
				const job = readListed(this, listed);
				return !isFinished(job) || !isWanted(job, filters);
			},
		});
		const job = newest[0] && readListed(this, newest[0]);
		return job ? [[itemOf(job)]] : null;
	}

	const state = this.getWorkflowStaticData('node') as Partial<JobPollState>;
	if (state.jobsKnown === undefined) {
		// Activation: the newest jobs count as seen; those unfinished are watched.
		const listed = await listPages(api, request, JOB_LIST, { limit: JOB_WINDOW.onActivation });
		const known: string[] = [];
		const watching: string[] = [];
		for (const entry of listed) {
			const id = jobIdOf(entry);
			if (id !== undefined) (isFinished(readListed(this, entry)) ? known : watching).push(id);
		}
		Object.assign(state, { jobsKnown: known, jobsWatching: watching });
		return null;
	}

	const known = new Set(state.jobsKnown);
	const watched = new Set(state.jobsWatching ?? []);
	const fresh = new Set<string>();
	const watchedSeen = new Set<string>();
	let reachedKnown = false;
	let reread = 0;
	const listed = await listPages(api, request, JOB_LIST, {
		limit: Infinity,
		isPastEnd: (entry) => {
			const id = jobIdOf(entry);
			if (id === undefined) return reachedKnown && ++reread > JOB_WINDOW.reread;
			const isWatched = watched.has(id);
			if (isWatched) watchedSeen.add(id);
			if (isWatched || known.has(id)) reachedKnown = true;
			if (!reachedKnown) {
				fresh.add(id);
				return false;
			}
			// Past the jobs it knew: on only to find the watched ones, and not for ever.
			if (isWatched) return false;
			return watchedSeen.size >= watched.size || ++reread > JOB_WINDOW.reread;
		},
	});

	const finished: JobResult[] = [];
	const stillWatching: string[] = [];
	const nowKnown: string[] = [];
	for (const entry of listed) {
		const id = jobIdOf(entry);
		if (id === undefined || !(fresh.has(id) || watched.has(id))) continue;
		const job = readListed(this, entry);
		if (isFinished(job)) {
			finished.push(job);
			nowKnown.push(id);
		} else {
			stillWatching.push(id);
		}
	}

	// Watched jobs not found again were left behind the window: no longer watched.
	Object.assign(state, {
		jobsKnown: [...new Set([...nowKnown, ...(state.jobsKnown ?? [])])].slice(
			0,
			JOB_WINDOW.remembered,
		),
		jobsWatching: stillWatching.slice(0, JOB_WINDOW.remembered),
	});
	const items = finished
		.filter((job) => isWanted(job, filters))
		.reverse()
		.map(itemOf);
	return items.length ? [items] : null;
}
