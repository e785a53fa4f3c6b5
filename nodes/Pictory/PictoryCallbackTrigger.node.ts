import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { jobKind, jobPath, readJobOnce } from './shared/jobs';
import { asObject, pictoryClientFromCredential } from './shared/transport';
import { jobIdOf, type JobResult } from './shared/types';

/**
 * How long the re-read of a called-back job may take, retries included, before the call is
 * answered 503: one request, well under the time any HTTP client waits for an answer.
 */
const REREAD_MS = 10_000;

/** How many call-backs' job ids are remembered, so that a second call for one emits nothing. */
const REMEMBERED_JOBS = 1_000;

/** Whether two texts are equal, in a time that does not tell how much of them matched. */
function sameText(given: string, expected: string): boolean {
	let differs = given.length ^ expected.length;
	for (let index = 0; index < expected.length; index++) {
		differs |=
			(given.charCodeAt(index % Math.max(given.length, 1)) ^ expected.charCodeAt(index)) | 0;
	}
	return differs === 0;
}

/** The call's `webhookInput` (Pass Through Data), at the top of Pictory's body or in `data`. */
function passThroughOf(...sources: Array<IDataObject | undefined>): IDataObject | undefined {
	for (const source of sources) {
		const given = asObject(source?.webhookInput) ?? asObject(asObject(source?.data)?.webhookInput);
		if (given) return given;
	}
	return undefined;
}

/** Jobs already emitted, by id, in the workflow's static data (it survives restarts). */
interface CallbackState extends IDataObject {
	emitted: Record<string, number>;
}

/** Jobs whose call is being checked now, so that two calls at once emit one. */
const checking = new Set<string>();

export class PictoryCallbackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pictory Callback Trigger',
		name: 'pictoryCallbackTrigger',
		icon: { light: 'file:pictory.svg', dark: 'file:pictory.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On Pictory’s call-back',
		description:
			'Starts the workflow when Pictory calls back for a finished job, once it has checked with Pictory that the job did finish',
		defaults: { name: 'Pictory Callback Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pictoryApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'pictory',
			},
		],
		properties: [
			{
				displayName:
					'Put this node’s Production URL in the Webhook URL of the Pictory node’s order (Create from Text, Generate…). Pictory signs nothing, so each call is checked: the job is read again from Pictory with the credential, and only a finished job starts the workflow, once.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Optional: when set, the Webhook URL must end in ?secret= followed by this value, and calls without it are refused before anything else',
			},
		],
	};

	// Pictory has no call-back registration: the URL goes in each order's Webhook URL. So there is
	// nothing to create, check or delete on Pictory's side when the workflow is activated.
	webhookMethods = {
		default: {
			checkExists: async () => true,
			create: async () => true,
			delete: async () => true,
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const refuse = (status: number, message: string): IWebhookResponseData => {
			response.status(status).json({ message });
			return { noWebhookResponse: true };
		};

		const secret = String(this.getNodeParameter('secret', '') ?? '');
		if (secret) {
			const given = (this.getQueryData() as IDataObject).secret;
			if (typeof given !== 'string' || !sameText(given, secret)) {
				return refuse(403, 'The secret is missing or wrong');
			}
		}

		const body = asObject(this.getBodyData());
		const jobId = body && jobIdOf(body);
		if (!jobId)
			return refuse(400, 'The call names no job: expected Pictory’s "job_id" or "data.jobId"');

		const state = this.getWorkflowStaticData('node') as Partial<CallbackState>;
		const emitted = state.emitted ?? {};
		const key = JSON.stringify([this.getWorkflow().id, this.getNode().name, jobId]);
		if (emitted[jobId] !== undefined || checking.has(key)) {
			response.status(200).json({ message: 'Already received' });
			return { noWebhookResponse: true };
		}

		// The re-read comes before the answer: one request, bounded, so that a forged call is
		// told no (and never starts the workflow) and a read that failed gets Pictory's retry.
		checking.add(key);
		let job: JobResult | undefined;
		try {
			const api = await pictoryClientFromCredential(this);
			job = await readJobOnce(
				api,
				jobId,
				{ method: 'GET', url: jobPath(jobId) },
				{ deadline: Date.now() + REREAD_MS, onUnknownJob: () => ({ jobId, status: 'unknown' }) },
			);
		} catch (error) {
			this.logger.warn(
				`Pictory Callback Trigger: job ${jobId} could not be read: ${(error as Error).message}`,
			);
			return refuse(503, `Job ${jobId} could not be checked with Pictory; call again later`);
		} finally {
			checking.delete(key);
		}
		if (job.status === 'unknown') return refuse(404, `Pictory has no job ${jobId}`);
		if (job.status !== 'completed' && job.status !== 'failed') {
			return refuse(409, `Job ${jobId} has not finished (Pictory says "${job.status}")`);
		}

		const kept = Object.entries({ ...emitted, [jobId]: Date.now() })
			.sort(([, a], [, b]) => b - a)
			.slice(0, REMEMBERED_JOBS);
		state.emitted = Object.fromEntries(kept);
		const passThroughData = passThroughOf(job, body) ?? null;
		return {
			workflowData: [[{ json: { ...job, kind: jobKind(job), passThroughData } }]],
		};
	}
}
