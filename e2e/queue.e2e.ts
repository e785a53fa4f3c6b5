/**
 * The package in n8n's queue mode, as installations that outgrow one process run it: a main
 * instance (editor, webhooks, triggers) and two `n8n worker` processes of the pinned n8n, each
 * with the package loaded from its own user folder, sharing one encryption key, with Postgres as
 * the database and Redis as the queue (Debian's packages, installed with apt when missing, each
 * on a free port on 127.0.0.1 with a throw-away data folder). Binary data is in n8n's queue-mode
 * default, the database.
 *
 * What it shows, with a Pictory stand-in on 127.0.0.1:
 * 1. 20 production executions of Get Generated Images started at once, through webhooks, across
 *    three workflows: Return All on the account's 237 images (7 runs), Limit 5 (7) and Limit 5
 *    with Download Image (6). Every one runs on a worker (each worker logs the executions it
 *    starts and finishes; main logs the ones it enqueues) and gives exactly the expected items.
 * 2. The Pictory Trigger, active on main with Download Image, polling every minute: each new image
 *    reaches the next node exactly once on a worker, an HTTP Request node that sends the PNG back
 *    to the stand-in, which compares it byte for byte with the file it served.
 * 3. A worker killed with SIGKILL while it runs a slow listing. n8n 2.41.1 does not run that
 *    execution again: it queues jobs with Bull's maxStalledCount 0, so once the dead worker's job
 *    lock expires the surviving worker's stalled-job check fails the job ("job stalled more than
 *    maxStalledCount"); main, after checking the database for 30 s in case the execution did
 *    finish, records it as failed: status "error", "This execution failed to be processed too
 *    many times and will no longer retry…". The job lock and the stalled check are shortened
 *    here (QUEUE_WORKER_LOCK_DURATION, QUEUE_WORKER_STALLED_INTERVAL) to see this in seconds
 *    rather than a minute. The other worker carries on, later executions succeed, and images
 *    that arrive meanwhile are delivered once.
 *
 * Everything started here is stopped and its folder removed in afterAll, also when a test fails.
 * Wall time: about 3 to 5 minutes, mostly waiting for the trigger's once-a-minute polls.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';

import type { IConnections, INode, IWorkflowBase } from 'n8n-workflow';

import { makeImages } from '../test/fixtures';
import { startPictoryStandIn, type PictoryStandIn } from '../test/pictoryStandIn';
import { N8nClient, outputOf, type Execution, type ExecutionSummary } from './n8nClient';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startN8n } = require('./n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { atExit, ensureInstalled, startPostgres, startRedis } = require('./queueServices');

const API_KEY = 'pictai_queue_0123456789abcdef';
const TRIGGER = 'New Pictory image';
const UPLOAD = 'Send the file back';
const LIST = 'Get images';
const MINUTE = 60_000;

interface Service {
	stop(): Promise<void>;
}
interface N8nProcess extends Service {
	name: string;
	url: string;
	userFolder: string;
	kill(): Promise<void>;
	output(): string;
	/** Execution ids this worker logged as started and as finished. */
	started: Set<string>;
	finished: Set<string>;
}

let postgres: Service & { host: string; port: number; user: string; database: string };
let redis: Service & { host: string; port: number };
let pictory: PictoryStandIn;
let main: N8nProcess;
const workers: N8nProcess[] = [];
let client: N8nClient;
let credential: { id: string; name: string };
let standInOrigin: string;

/** Starts an n8n process of the queue and follows, in its log, the executions it runs. */
async function startInstance(name: string, command: 'start' | 'worker', env: object) {
	const started = new Set<string>();
	const finished = new Set<string>();
	let pending = '';
	const onOutput = (chunk: string) => {
		const lines = (pending + chunk).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			const match = /Worker (started|finished) execution (\d+) \(job/.exec(line);
			if (match) (match[1] === 'started' ? started : finished).add(match[2]);
		}
	};
	const instance = await startN8n({ command, env, onOutput });
	// Should the test process be interrupted before afterAll, end this n8n with it.
	atExit(() => {
		try {
			process.kill(-instance.pid, 'SIGKILL');
		} catch {
			// already gone
		}
		rmSync(instance.userFolder, { recursive: true, force: true });
	});
	return { ...instance, name, started, finished } as N8nProcess;
}

/** Starts all, keeps in `keep` each one that started (for afterAll), and fails if any did not. */
async function startAll<T>(starts: Array<() => Promise<T>>, keep: (started: T) => void) {
	const results = await Promise.allSettled(starts.map(async (start) => await start()));
	for (const result of results) if (result.status === 'fulfilled') keep(result.value);
	const failed = results.find((result) => result.status === 'rejected');
	if (failed) throw failed.reason;
}

beforeAll(async () => {
	ensureInstalled();
	await startAll<typeof postgres | typeof redis>(
		[async () => await startPostgres(), async () => await startRedis()],
		(service) => ('user' in service ? (postgres = service) : (redis = service)),
	);
	pictory = await startPictoryStandIn({ apiKey: API_KEY, imageCount: 237 });
	standInOrigin = new URL(pictory.baseUrl).origin;

	const queueEnv = {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_DATABASE: postgres.database,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// A dead worker's job lock expires after 15 s (n8n's default: 60 s), checked every 5 s (30 s).
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		// Each process logs the executions it enqueues, starts and finishes.
		N8N_LOG_LEVEL: 'info',
	};
	// Main first: it creates the database's tables.
	main = await startInstance('main', 'start', queueEnv);
	await startAll(
		['worker 1', 'worker 2'].map(
			(name) => async () => await startInstance(name, 'worker', queueEnv),
		),
		(worker) => workers.push(worker),
	);
	workers.sort((a, b) => a.name.localeCompare(b.name));
	client = new N8nClient(main.url);
	await client.setupOwner();
	credential = await client.createCredential('Pictory stand-in', {
		apiKey: API_KEY,
		baseUrl: pictory.baseUrl,
	});
}, 10 * MINUTE);

afterAll(async () => {
	const n8nProcesses = [...workers, main].filter(Boolean);
	await Promise.allSettled(n8nProcesses.map(async (instance) => await instance.stop()));
	for (const instance of n8nProcesses)
		rmSync(instance.userFolder, { recursive: true, force: true });
	await Promise.allSettled(
		[postgres, redis, { stop: async () => await pictory?.close() }]
			.filter(Boolean)
			.map(async (service) => await service.stop()),
	);
}, 2 * MINUTE);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await check();
		if (result !== undefined) return result;
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s: ${what}`);
		await sleep(500);
	}
}

const isDone = (execution: ExecutionSummary) =>
	!['new', 'running', 'waiting', 'unknown'].includes(execution.status);

/** Waits until the workflow has `count` executions, all finished, and returns them oldest first. */
async function finishedExecutions(workflowId: string, count: number, timeoutMs = 3 * MINUTE) {
	return await waitFor(
		`${count} finished executions of workflow ${workflowId}`,
		async () => {
			const executions = await client.executions(workflowId);
			return executions.length >= count && executions.every(isDone)
				? executions.reverse()
				: undefined;
		},
		timeoutMs,
	);
}

function workflow(name: string, nodes: INode[], connections: IConnections) {
	return {
		name,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	} as Pick<IWorkflowBase, 'name' | 'nodes' | 'connections' | 'settings'>;
}

const node = (name: string, type: string, typeVersion: number, parameters: INode['parameters']) =>
	({ id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters }) as INode;

const connect = (from: string, to: string): IConnections => ({
	[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
});

/** Webhook → Get Generated Images, active: each call of its URL is one production execution. */
async function webhookListWorkflow(path: string, parameters: INode['parameters']) {
	const webhook = {
		...node('Webhook', 'n8n-nodes-base.webhook', 2, {
			httpMethod: 'POST',
			path,
			responseMode: 'onReceived',
			options: {},
		}),
		webhookId: randomUUID(),
	};
	const list = {
		...node(LIST, 'CUSTOM.pictory', 1, {
			resource: 'image',
			operation: 'getGeneratedImages',
			...parameters,
		}),
		credentials: { pictoryApi: credential },
	};
	const id = await client.createWorkflow(
		workflow(`Queue: ${path}`, [webhook, list], connect('Webhook', LIST)),
	);
	await client.activate(id);
	return { id, call: async () => await callWebhook(path) };
}

async function callWebhook(path: string) {
	const response = await fetch(`${main.url}/webhook/${path}`, { method: 'POST' });
	if (!response.ok) throw new Error(`webhook ${path}: ${response.status} ${await response.text()}`);
}

/**
 * The worker that logged the execution as started and finished (its log may come a moment after
 * the database says it finished); fails if none or both did.
 */
async function workerThatRan(executionId: string) {
	const ran = await waitFor(
		`a worker's log to show execution ${executionId} finished`,
		() => {
			const found = workers.filter(
				(worker) => worker.started.has(executionId) && worker.finished.has(executionId),
			);
			return found.length ? found : undefined;
		},
		30_000,
	);
	expect(ran.map((worker) => worker.name)).toHaveLength(1);
	return ran[0];
}

let returnAll: Awaited<ReturnType<typeof webhookListWorkflow>>;
let limit5: Awaited<ReturnType<typeof webhookListWorkflow>>;

test(
	'20 executions started at once all run on the workers and give exactly the expected items',
	async () => {
		returnAll = await webhookListWorkflow('pictory-return-all', { returnAll: true });
		limit5 = await webhookListWorkflow('pictory-limit-5', { limit: 5 });
		const download = await webhookListWorkflow('pictory-limit-5-download', {
			limit: 5,
			downloadImage: true,
		});
		const runs = [
			...Array.from({ length: 7 }, () => returnAll),
			...Array.from({ length: 7 }, () => limit5),
			...Array.from({ length: 6 }, () => download),
		];

		await Promise.all(runs.map(async (run) => await run.call()));

		const expectations = [
			{ workflow: returnAll, count: 7, images: pictory.images },
			{ workflow: limit5, count: 7, images: pictory.images.slice(0, 5) },
			{ workflow: download, count: 6, images: pictory.images.slice(0, 5) },
		];
		const ranOn: Record<string, number> = {};
		for (const {
			workflow: { id },
			count,
			images,
		} of expectations) {
			const executions = await finishedExecutions(id, count);
			expect(executions).toHaveLength(count);
			for (const summary of executions) {
				const execution = await client.execution(summary.id);
				expect([execution.status, execution.mode]).toEqual(['success', 'webhook']);
				const items = outputOf(execution, LIST);
				expect(items.map((item) => item.json)).toEqual(images);
				if (id === download.id) {
					expect(
						items.map(({ binary }) => [binary?.data?.fileName, binary?.data?.mimeType]),
					).toEqual(images.map((image) => [`${image.id}.png`, 'image/png']));
					// Queue mode keeps binary data in the database by default.
					for (const { binary } of items) expect(binary?.data?.id).toMatch(/^database:/);
				}
				const worker = await workerThatRan(summary.id);
				ranOn[worker.name] = (ranOn[worker.name] ?? 0) + 1;
			}
		}
		console.log('executions per worker:', ranOn);
		expect(main.output()).toMatch(/Enqueued execution \d+ \(job/);
	},
	5 * MINUTE,
);

/** A few images newer than the account's newest, as if just generated in Pictory. */
function newImages(count: number, idPrefix: string) {
	const newest = Date.parse(pictory.images[0].createdDate) + count * MINUTE;
	return makeImages(count, { newest, idPrefix, imageHost: standInOrigin });
}

const uploadsOf = (ids: string[]) => pictory.uploads.filter((upload) => ids.includes(upload.id));

let trigger: { id: string; delivered: string[] };

test(
	'the trigger, active on main, hands each new image once, with its PNG, to a node on a worker',
	async () => {
		const pictoryTrigger = {
			...node(TRIGGER, 'CUSTOM.pictoryTrigger', 1, {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'newGeneratedImage',
				downloadImage: true,
				binaryPropertyName: 'data',
			}),
			credentials: { pictoryApi: credential },
		};
		const upload = node(UPLOAD, 'n8n-nodes-base.httpRequest', 4.2, {
			method: 'POST',
			url: `={{ '${standInOrigin}/upload/' + $json.id }}`,
			sendBody: true,
			contentType: 'binaryData',
			inputDataFieldName: 'data',
			options: {},
		});
		const id = await client.createWorkflow(
			workflow('Queue: new image → upload', [pictoryTrigger, upload], connect(TRIGGER, UPLOAD)),
		);
		await client.activate(id);
		// Activation runs a first poll on main, which only notes where the account stands.
		await waitFor(
			'the first poll to note where the account stands',
			async () => {
				const { staticData } = await client.rest<{ staticData?: Record<string, object> }>(
					'GET',
					`/rest/workflows/${id}`,
				);
				return staticData?.[`node:${TRIGGER}`] ? true : undefined;
			},
			MINUTE,
		);

		const added = newImages(3, 'new');
		pictory.images.unshift(...added);
		const ids = added.map((image) => image.id);
		await waitFor(
			'the new images to be uploaded',
			() => uploadsOf(ids).length >= 3 || undefined,
			3 * MINUTE,
		);

		const executions = await finishedExecutions(id, 1);
		expect(executions.map((execution) => [execution.status, execution.mode])).toEqual([
			['success', 'trigger'],
		]);
		await workerThatRan(executions[0].id);
		// Oldest first, each once, each file exactly the one Pictory served.
		expect(uploadsOf(ids)).toEqual(
			[...ids]
				.reverse()
				.map((imageId) => ({ id: imageId, bytes: expect.any(Number), matches: true })),
		);
		trigger = { id, delivered: ids };
	},
	5 * MINUTE,
);

test(
	'a worker killed during a slow listing: that execution fails, the other worker carries on, no image is lost or sent twice',
	async () => {
		expect(trigger).toBeDefined();
		const executionsBefore = new Set(workers.flatMap((worker) => [...worker.started]));
		const listRequests = () =>
			pictory.requests.filter((request) => request.path.endsWith('/aistudio/images')).length;

		// Every answer 2 s late: Return All's three pages take over 6 s.
		pictory.delayMs = 2000;
		await returnAll.call();
		const [victim, executionId] = await waitFor(
			'a worker to start the slow execution',
			() => {
				for (const worker of workers) {
					const id = [...worker.started].find((started) => !executionsBefore.has(started));
					if (id) return [worker, id] as const;
				}
				return undefined;
			},
			MINUTE,
		);
		const requestsBefore = listRequests();
		await waitFor(
			'its first page request',
			() => listRequests() > requestsBefore || undefined,
			MINUTE,
		);
		await victim.kill();
		pictory.delayMs = 0;
		const survivor = workers.find((worker) => worker !== victim)!;
		console.log(`killed ${victim.name} while it ran execution ${executionId}`);

		// Images made while a worker is down.
		const added = newImages(3, 'later');
		pictory.images.unshift(...added);
		const ids = added.map((image) => image.id);

		// What n8n does with the execution the dead worker held: it fails it, and does not re-run it.
		const killed = await waitFor(
			'n8n to settle the killed execution',
			async () => {
				const execution = await client.execution(executionId);
				return isDone(execution) ? execution : undefined;
			},
			3 * MINUTE,
		);
		expect(killed.status).toBe('error');
		expect(killed.data.resultData.error?.message).toMatch(
			/^This execution failed to be processed too many times and will no longer retry/,
		);
		expect(survivor.started.has(executionId)).toBe(false);

		// Later executions run on the surviving worker and succeed.
		const before = (await client.executions(limit5.id)).length;
		await Promise.all(Array.from({ length: 4 }, async () => await limit5.call()));
		const later = (await finishedExecutions(limit5.id, before + 4)).slice(before);
		for (const summary of later) {
			const execution: Execution = await client.execution(summary.id);
			expect(execution.status).toBe('success');
			expect(outputOf(execution, LIST).map((item) => item.json)).toEqual(
				pictory.images.slice(0, 5),
			);
			expect(await workerThatRan(summary.id)).toBe(survivor);
		}

		// The trigger delivers the images made meanwhile once, through the surviving worker...
		await waitFor(
			'the later images to be uploaded',
			() => uploadsOf(ids).length >= 3 || undefined,
			3 * MINUTE,
		);
		// ...and one more poll afterwards delivers nothing again.
		const requestsAfterDelivery = listRequests();
		await waitFor(
			'one more poll',
			() => listRequests() > requestsAfterDelivery || undefined,
			2 * MINUTE,
		);
		const triggerExecutions = await finishedExecutions(trigger.id, 2);
		await sleep(5000);

		expect(triggerExecutions.map((execution) => execution.status)).toEqual(['success', 'success']);
		expect(await workerThatRan(triggerExecutions[1].id)).toBe(survivor);
		const all = [...trigger.delivered, ...ids];
		expect(pictory.uploads.map((upload) => upload.id).sort()).toEqual([...all].sort());
		expect(pictory.uploads.every((upload) => upload.matches)).toBe(true);
	},
	8 * MINUTE,
);
