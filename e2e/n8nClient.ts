/**
 * Talks to a running n8n the way its editor does, through its REST API with the owner's session
 * cookie: set up the owner, create credentials and workflows, run a workflow, read the execution.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'flatted';
import type {
	ICredentialDataDecryptedObject,
	IRunExecutionData,
	IWorkflowBase,
} from 'n8n-workflow';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Pictory',
	lastName: 'Tester',
	password: 'Pictory-e2e-1',
};

/**
 * A workflow from examples/ (a file name there, or a full path), with this package's nodes
 * renamed as n8n names custom extensions.
 */
export function exampleWorkflow(
	file: string,
): Pick<IWorkflowBase, 'name' | 'nodes' | 'connections' | 'settings'> {
	const text = readFileSync(path.resolve(__dirname, '..', 'examples', file), 'utf8');
	return JSON.parse(text.replaceAll('"n8n-nodes-pictory.', '"CUSTOM.'));
}

export interface Execution {
	status: string;
	data: IRunExecutionData;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

export class N8nClient {
	private cookie = '';

	constructor(readonly url: string) {}

	/** The session cookie's value, for a browser. */
	get authToken() {
		return this.cookie.replace(/^n8n-auth=/, '');
	}

	async setupOwner() {
		await this.signIn('/rest/owner/setup', OWNER);
	}

	/** Signs in as the owner that setupOwner created (in an n8n set up earlier). */
	async login() {
		await this.signIn('/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}

	private async signIn(route: string, body: unknown) {
		const response = await fetch(`${this.url}${route}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
		const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (!auth) throw new Error(`${route} gave no n8n-auth cookie`);
		this.cookie = auth.split(';')[0];
	}

	async rest<T>(method: string, route: string, body?: unknown): Promise<T> {
		const request = async () =>
			await fetch(`${this.url}${route}`, {
				method,
				headers: { Cookie: this.cookie, 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let response: Response;
		try {
			response = await request();
		} catch (error) {
			// A kept-alive connection that n8n closed just as it was reused (likelier while n8n is
			// busy): a read is safe to send again, on a new connection.
			if (method !== 'GET' || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET')
				throw error;
			response = await request();
		}
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
		const json = JSON.parse(text) as { data?: T };
		return (json.data ?? json) as T;
	}

	async createCredential(name: string, data: ICredentialDataDecryptedObject, type = 'pictoryApi') {
		const { id } = await this.rest<{ id: string }>('POST', '/rest/credentials', {
			name,
			type,
			data,
		});
		return { id, name };
	}

	/** Replaces a credential's data, as saving it in the editor does. */
	async updateCredential(
		{ id, name }: { id: string; name: string },
		data: ICredentialDataDecryptedObject,
		type = 'pictoryApi',
	) {
		await this.rest('PATCH', `/rest/credentials/${id}`, { name, type, data });
	}

	/** What n8n's credential test answers (run when a credential is saved, and on Retry). */
	async testCredential(data: ICredentialDataDecryptedObject) {
		return await this.rest<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: { id: '', name: 'Pictory test', type: 'pictoryApi', data },
		});
	}

	async createWorkflow(
		workflow: Pick<IWorkflowBase, 'name' | 'nodes' | 'connections' | 'settings'>,
	) {
		const { id } = await this.rest<{ id: string }>('POST', '/rest/workflows', workflow);
		return id;
	}

	/**
	 * Activates (publishes) a saved workflow and waits until its triggers and webhooks are live:
	 * n8n 2.x publishes in the background and reports progress in the publication status.
	 */
	async activate(workflowId: string, timeoutMs = 60_000) {
		const { versionId } = await this.rest<{ versionId: string }>(
			'GET',
			`/rest/workflows/${workflowId}`,
		);
		await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const publication = await this.rest<{ status: string; liveVersionId: string | null }>(
				'GET',
				`/rest/workflows/${workflowId}/publication-status`,
			);
			if (publication.status === 'published' && publication.liveVersionId === versionId) return;
			if (['failed', 'partial'].includes(publication.status))
				throw new Error(`workflow ${workflowId}: ${JSON.stringify(publication)}`);
			if (Date.now() > deadline)
				throw new Error(`workflow ${workflowId} was not published in ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/** A workflow's executions, newest first (at most 100), without their data. */
	async executions(workflowId: string) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await this.rest<{ results: ExecutionSummary[] }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=100`,
		);
		return results;
	}

	/** One execution with its data. */
	async execution(executionId: string): Promise<Execution & ExecutionSummary> {
		const execution = await this.rest<ExecutionSummary & { data: string }>(
			'GET',
			`/rest/executions/${executionId}`,
		);
		return { ...execution, data: parse(execution.data) as IRunExecutionData };
	}

	/** Runs a saved workflow from the given trigger, as "Execute workflow" does, and waits for the result. */
	async run(
		workflowId: string,
		triggerName: string,
		timeoutMs = 60_000,
	): Promise<Execution & ExecutionSummary> {
		const { executionId } = await this.rest<{ executionId: string }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: triggerName } },
		);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const execution = await this.rest<ExecutionSummary & { data: string }>(
				'GET',
				`/rest/executions/${executionId}`,
			);
			if (!['new', 'running', 'waiting'].includes(execution.status)) {
				return { ...execution, data: parse(execution.data) as IRunExecutionData };
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`execution ${executionId} did not finish in ${timeoutMs / 1000} s`);
	}
}

/** The items a node output in an execution. */
export function outputOf(execution: Execution, nodeName: string) {
	const runs = execution.data.resultData.runData[nodeName] ?? [];
	return runs.at(-1)?.data?.main?.[0] ?? [];
}
