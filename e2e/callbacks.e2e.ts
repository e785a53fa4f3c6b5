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
const WEBHOOK_ID = '5f1e2d3c-4b5a-4968-8776-a1b2c3d4e5f6';

let session: E2eSession;

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, renderMs: 1_000 });
});

afterAll(async () => await session?.stop());

const node = (name: string, type: string, parameters: INode['parameters'], x = 0): INode => ({
	id: `00000000-0000-4000-8000-${String(x).padStart(12, '0')}`,
	name,
	type,
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: { pictoryApi: session.credential },
});

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

test('a render’s call-back starts the Callback Trigger’s workflow with the video and the row id; a forged call starts nothing', async () => {
	const { client, n8n, pictory } = session;
	const callbackUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/pictory`;

	const catcher = await client.createWorkflow({
		name: 'Catch Pictory call-backs',
		nodes: [
			{
				...node('Pictory Callback Trigger', 'CUSTOM.pictoryCallbackTrigger', {}),
				webhookId: WEBHOOK_ID,
			},
		],
		connections: {},
		settings: {},
	});
	await client.activate(catcher);

	const example = exampleWorkflow('list-newest-images.json');
	const [manual] = example.nodes;
	const order = node(
		'Render',
		'CUSTOM.pictory',
		{
			resource: 'video',
			operation: 'createFromText',
			videoName: 'Row 7',
			story: 'A story from row seven.',
			waitForCompletion: false,
			additionalFields: { webhook: callbackUrl, passThroughData: '{ "rowId": 7 }' },
		},
		220,
	);
	const orderer = await client.createWorkflow({
		name: 'Order a render',
		nodes: [manual, order],
		connections: { [manual.name]: { main: [[{ node: order.name, type: 'main', index: 0 }]] } },
		settings: {},
	});
	const ordered = await client.run(orderer, manual.name);
	expect(ordered.status).toBe('success');
	const { jobId } = outputOf(ordered, 'Render')[0].json as { jobId: string };

	const [caught] = await executionsWhen(catcher, 1);
	expect(pictory.webhookCalls).toEqual([{ url: callbackUrl, status: 200 }]);
	const execution = await client.execution(caught.id);
	expect(outputOf(execution, 'Pictory Callback Trigger').map((item) => item.json)).toEqual([
		expect.objectContaining({
			jobId,
			status: 'completed',
			kind: 'videoRender',
			videoURL: expect.stringMatching(/\.mp4$/),
			passThroughData: { rowId: 7 },
		}),
	]);

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

test('Job Finished polls once when its workflow is activated: the account’s jobs are its position', async () => {
	const { client } = session;
	const watcher = await client.createWorkflow({
		name: 'Every finished Pictory job',
		nodes: [
			node('Pictory Trigger', 'CUSTOM.pictoryTrigger', {
				pollTimes: { item: [{ mode: 'everyHour' }] },
				event: 'jobFinished',
				outcome: 'failed',
			}),
		],
		connections: {},
		settings: {},
	});

	await client.activate(watcher);

	const saved = await client.rest<{ staticData?: Record<string, Record<string, unknown>> }>(
		'GET',
		`/rest/workflows/${watcher}`,
	);
	const position = saved.staticData?.['node:Pictory Trigger'];
	expect(position).toMatchObject({ jobsKnown: expect.arrayContaining(['render-1']) });
	expect(await client.executions(watcher)).toHaveLength(0);
});
