/**
 * Call-backs in a real n8n against the Pictory stand-in: a render ordered by one workflow, with
 * the Pictory Callback Trigger's production URL and a row id passed through, reaches a second
 * workflow when the stand-in calls back; a forged call starts nothing; and the Pictory Trigger's
 * Job Finished event polls once when its workflow is activated.
 */
import type { INode } from 'n8n-workflow';

import { exampleWorkflow, outputOf, type ExecutionSummary } from './n8nClient';
import { startSession, type E2eSession } from './session';

const API_KEY = 'pictai_e2e_callbacks_0123456789';

let session: E2eSession;

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, renderMs: 1_000 });
});

afterAll(async () => await session?.stop());

/** A workflow's executions once `count` of them are there (at most `timeoutMs`). */
async function executionsWhen(workflowId: string, count: number, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions: ExecutionSummary[] = await session.client.executions(workflowId);
		const done = executions.filter((execution) => execution.status === 'success');
		if (done.length >= count || Date.now() > deadline) return executions;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** A Set node in place of a Google Sheets node: its fields, from these expressions. */
function asSetNode(workflowNode: INode, fields: Record<string, string>) {
	Object.assign(workflowNode, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		credentials: undefined,
		parameters: {
			assignments: {
				assignments: Object.entries(fields).map(([name, value]) => ({
					id: name,
					name,
					value,
					type: 'string',
				})),
			},
			options: {},
		},
	});
}

test('the examples: a sheet’s scripts rendered with the Callback Trigger’s URL; each call-back puts its link in its row; a forged call starts nothing', async () => {
	const { client, n8n, pictory } = session;

	// The second workflow first: the Callback Trigger, with the sheet update as a Set node.
	const catcherExample = exampleWorkflow('callback-link-into-row.json');
	const callbackNode = catcherExample.nodes[0];
	callbackNode.credentials = { pictoryApi: session.credential };
	const update = catcherExample.nodes[1];
	const columns = (update.parameters.columns as { value: Record<string, string> }).value;
	asSetNode(update, columns);
	const catcher = await client.createWorkflow(catcherExample);
	await client.activate(catcher);
	const callbackUrl = `${n8n.url}/webhook/${callbackNode.webhookId}/pictory`;

	// The first: the sheet's rows as a Set node (row 7), the order given the real n8n's URL.
	const ordersExample = exampleWorkflow('sheet-scripts-to-renders.json');
	const [manual, rows, order] = ordersExample.nodes;
	asSetNode(rows, { Title: 'Row 7', Script: 'A story from row seven.', row_number: '7' });
	order.credentials = { pictoryApi: session.credential };
	const added = order.parameters.additionalFields as Record<string, string>;
	expect(added.webhook).toBe(
		`https://your-n8n.example.com/webhook/${callbackNode.webhookId}/pictory`,
	);
	added.webhook = callbackUrl;
	const orderer = await client.createWorkflow(ordersExample);
	const ordered = await client.run(orderer, manual.name);
	expect(ordered.status).toBe('success');
	const { jobId } = outputOf(ordered, order.name)[0].json as { jobId: string };
	expect(pictory.renders.at(-1)).toMatchObject({
		webhook: callbackUrl,
		webhookInput: { rowNumber: '7' },
	});

	const [caught] = await executionsWhen(catcher, 1);
	expect(pictory.webhookCalls).toEqual([{ url: callbackUrl, status: 200 }]);
	const execution = await client.execution(caught.id);
	expect(outputOf(execution, callbackNode.name).map((item) => item.json)).toEqual([
		expect.objectContaining({
			jobId,
			status: 'completed',
			kind: 'videoRender',
			videoURL: expect.stringMatching(/\.mp4$/),
			passThroughData: { rowNumber: '7' },
		}),
	]);
	expect(outputOf(execution, update.name)[0].json).toEqual({
		row_number: '7',
		'Video URL': expect.stringMatching(/\.mp4$/),
		Status: 'completed',
	});

	// A forged call: a job Pictory does not know. Then Pictory's call again: already received.
	const forged = await fetch(callbackUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ job_id: 'render-999', data: { status: 'completed', videoURL: 'x' } }),
	});
	const again = await fetch(callbackUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ job_id: jobId }),
	});
	expect(forged.status).toBe(404);
	expect(await forged.text()).not.toContain(API_KEY);
	expect(again.status).toBe(200);
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	expect(await client.executions(catcher)).toHaveLength(1);
});

test('the example "any failed job → Slack": Job Finished polls once when activated, the account’s jobs its position', async () => {
	const { client } = session;
	const example = exampleWorkflow('failed-job-to-slack.json');
	const trigger = example.nodes[0];
	trigger.credentials = { pictoryApi: session.credential };
	// Slack needs its own credential: only the trigger is activated.
	const watcher = await client.createWorkflow({ ...example, nodes: [trigger], connections: {} });

	await client.activate(watcher);

	const saved = await client.rest<{ staticData?: Record<string, Record<string, unknown>> }>(
		'GET',
		`/rest/workflows/${watcher}`,
	);
	const position = saved.staticData?.[`node:${trigger.name}`];
	expect(position).toMatchObject({ jobsKnown: expect.arrayContaining(['render-1']) });
	expect(await client.executions(watcher)).toHaveLength(0);
});
