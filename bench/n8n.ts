/**
 * Benchmark in a real n8n (the pinned n8n 2.41.1 that e2e/setup.js installs): Get Generated
 * Images against what a user builds instead, n8n's HTTP Request node with its Pagination option
 * followed by Split Out (and Limit or Filter), on a Pictory stand-in holding 10,000 images; then
 * the memory of Download Image on 1,000 images of 2 MB each. Prints the tables and writes them
 * into bench/README.md.
 *
 *   npm run bench:n8n                      # 5 runs each (median), stand-in at 0 and 20 ms
 *   npm run bench:n8n -- --runs 9
 *   npm run bench:n8n -- --skip-memory     # only the peer table
 *   npm run bench:n8n -- --memory-only
 *   npm run bench:n8n -- --only Limit     # only the scenarios whose name contains "Limit"
 *
 * Time is the execution's own duration as n8n records it (startedAt → stoppedAt of the
 * execution), not the REST round trip around it. Requests are counted by the stand-in.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { N8nClient, outputOf, type Execution } from '../e2e/n8nClient';
import { startPictoryStandIn, type PictoryStandIn } from '../test/pictoryStandIn';

const REPO = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startN8n } = require(path.join(REPO, 'e2e', 'n8n.js'));

const API_KEY = 'pictai_bench_0123456789abcdef';
const option = (name: string, fallback: number) => {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const RUNS = option('runs', 5);
const DELAYS = [0, 20];
const MEMORY_IMAGES = 1000;
const MEMORY_FILE_SIZE = 2 * 2 ** 20;
const MEMORY_VIDEO_SIZE = 200 * 2 ** 20;
const MEMORY_UPLOAD_SIZE = 500 * 2 ** 20;

/** The downloads whose memory is measured, each with the growth it must stay under. */
const MEMORY_RUNS = [
	{
		label: `Download Image, ${MEMORY_IMAGES.toLocaleString('en')} images of 2 MB`,
		limitMb: 200,
		files: MEMORY_IMAGES,
		field: 'data',
		parameters: {
			resource: 'image',
			operation: 'getGeneratedImages',
			returnAll: true,
			downloadImage: true,
		},
		warmUp: { resource: 'image', operation: 'getGeneratedImages', limit: 5, downloadImage: true },
	},
	{
		label: 'Download Video, one video of 200 MB',
		limitMb: 64,
		files: 1,
		field: 'data',
		parameters: {
			resource: 'video',
			operation: 'createFromText',
			videoName: 'Memory',
			story: 'One scene.',
			checkIntervalSeconds: 10,
			downloadVideo: true,
		},
	},
	{
		// The file to upload comes from Download Video (streamed to disk, measured above), as a file
		// from Google Drive would: the run's peak holds both, the upload's own rise is at most that.
		label: 'Media → Upload, one file of 500 MB (after Download Video)',
		limitMb: 64,
		files: 1,
		field: 'data',
		videoFileSize: MEMORY_UPLOAD_SIZE,
		parameters: {
			resource: 'video',
			operation: 'createFromText',
			videoName: 'Memory',
			story: 'One scene.',
			checkIntervalSeconds: 10,
			downloadVideo: true,
		},
		upload: { resource: 'media', operation: 'upload', inputBinaryField: 'data' },
	},
];

type N8n = {
	url: string;
	output(): string;
	pid: number;
	userFolder: string;
	stop(): Promise<void>;
};

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let nodeCount = 0;
const node = (
	name: string,
	type: string,
	typeVersion: number,
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
) =>
	({
		id: `00000000-0000-4000-8000-${String(++nodeCount).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [nodeCount * 220, 0],
		parameters,
		...extra,
	}) as INode;

/** A chain of nodes after a Manual Trigger, each feeding the next. */
function chain(name: string, nodes: INode[]) {
	const all = [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}), ...nodes];
	const connections: IConnections = {};
	for (let index = 0; index + 1 < all.length; index++)
		connections[all[index].name] = {
			main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]],
		};
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' as const } };
}

interface Contender {
	label: string;
	workflow: ReturnType<typeof chain>;
	/** The node whose output is the result. */
	last: string;
}

interface Scenario {
	name: string;
	items: number;
	contenders: Contender[];
}

function scenarios(
	standIn: PictoryStandIn,
	pictoryCredential: object,
	headerCredential: object,
): Scenario[] {
	const createdAfter = standIn.images[3].createdDate;
	const pictory = (parameters: INode['parameters']): Contender => ({
		label: 'Pictory node',
		last: 'Pictory',
		workflow: chain('Pictory', [
			node(
				'Pictory',
				'CUSTOM.pictory',
				1,
				{ resource: 'image', operation: 'getGeneratedImages', ...parameters },
				{ credentials: { pictoryApi: pictoryCredential } } as Partial<INode>,
			),
		]),
	});
	/** HTTP Request with Pagination over nextPageKey, then Split Out on `items`, then `after`. */
	const http = (
		label: string,
		{
			maxPages,
			completeWhen,
			after = [],
		}: {
			maxPages?: number;
			completeWhen?: string;
			after?: INode[];
		} = {},
	): Contender => {
		const pagination: INodeParameters = {
			paginationMode: 'updateAParameterInEachRequest',
			parameters: {
				parameters: [
					{ type: 'qs', name: 'nextPageKey', value: '={{ $response.body.nextPageKey }}' },
				],
			},
			paginationCompleteWhen: 'other',
			completeExpression: `={{ ${completeWhen ?? '!$response.body.nextPageKey'} }}`,
		};
		if (maxPages) Object.assign(pagination, { limitPagesFetched: true, maxRequests: maxPages });
		const nodes = [
			node(
				'HTTP Request',
				'n8n-nodes-base.httpRequest',
				4.2,
				{
					method: 'GET',
					url: `${standIn.baseUrl}/v1/aistudio/images`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					options: { pagination: { pagination } },
				},
				{ credentials: { httpHeaderAuth: headerCredential } } as Partial<INode>,
			),
			node('Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'items', options: {} }),
			...after,
		];
		return { label, last: nodes.at(-1)!.name, workflow: chain(label, nodes) };
	};
	const limit = (maxItems: number) => node('Limit', 'n8n-nodes-base.limit', 1, { maxItems });
	const filter = () =>
		node('Filter', 'n8n-nodes-base.filter', 2.2, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [
					{
						id: '00000000-0000-4000-8000-0000000000ff',
						leftValue: '={{ $json.createdDate }}',
						rightValue: createdAfter,
						operator: { type: 'dateTime', operation: 'after' },
					},
				],
				combinator: 'and',
			},
			options: {},
		});
	return [
		{
			name: 'Return All (10,000)',
			items: 10_000,
			contenders: [pictory({ returnAll: true }), http('HTTP Request + pagination + Split Out')],
		},
		{
			name: 'Limit 5',
			items: 5,
			contenders: [
				pictory({ limit: 5 }),
				http('HTTP Request + pagination + Split Out + Limit', { after: [limit(5)] }),
				http('same, tuned by hand: Max Pages 1', { maxPages: 1, after: [limit(5)] }),
			],
		},
		{
			name: 'Limit 150',
			items: 150,
			contenders: [
				pictory({ limit: 150 }),
				http('HTTP Request + pagination + Split Out + Limit', { after: [limit(150)] }),
				http('same, tuned by hand: Max Pages 2', { maxPages: 2, after: [limit(150)] }),
			],
		},
		{
			name: 'Created After (3 match)',
			items: 3,
			contenders: [
				pictory({ returnAll: true, filters: { createdAfter } }),
				http('HTTP Request + pagination + Split Out + Filter', { after: [filter()] }),
				http('same, tuned by hand: stop at a page that ends before the date', {
					completeWhen: `!$response.body.nextPageKey || $response.body.items.at(-1).createdDate <= '${createdAfter}'`,
					after: [filter()],
				}),
			],
		},
	];
}

interface Measured {
	ms: number;
	requests: number;
	items: number;
	execution: Execution;
}

async function runOnce(
	client: N8nClient,
	standIn: PictoryStandIn,
	workflowId: string,
	last: string,
): Promise<Measured> {
	const before = standIn.requests.length;
	const execution = await client.run(workflowId, 'Start', 10 * 60_000);
	const requests = standIn.requests.length - before;
	if (execution.status !== 'success') {
		throw new Error(
			`workflow ${workflowId}: ${execution.status} ${execution.data.resultData.error?.message}`,
		);
	}
	return {
		ms: Date.parse(execution.stoppedAt!) - Date.parse(execution.startedAt!),
		requests,
		items: outputOf(execution, last).length,
		execution,
	};
}

const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`);

function table(headers: string[], rows: string[][]) {
	return [
		`| ${headers.join(' | ')} |`,
		`| ${headers.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');
}

async function peerTable(): Promise<string> {
	const standIn = await startPictoryStandIn({ apiKey: API_KEY, imageCount: 10_000 });
	const n8n: N8n = await startN8n();
	try {
		const client = new N8nClient(n8n.url);
		await client.setupOwner();
		const pictoryCredential = await client.createCredential('Pictory', {
			apiKey: API_KEY,
			baseUrl: standIn.baseUrl,
		});
		const headerCredential = await client.createCredential(
			'Pictory key as a header',
			{ name: 'Authorization', value: API_KEY },
			'httpHeaderAuth',
		);
		const rows: string[][] = [];
		const only = process.argv[process.argv.indexOf('--only') + 1];
		for (const scenario of scenarios(standIn, pictoryCredential, headerCredential)) {
			if (flag('only') && !scenario.name.includes(only)) continue;
			const ids = [];
			for (const contender of scenario.contenders)
				ids.push(await client.createWorkflow(contender.workflow));
			for (const delay of DELAYS) {
				standIn.delayMs = delay;
				// One warm-up each, then RUNS runs interleaved, so that all share the machine's state.
				const runs: Array<Array<Omit<Measured, 'execution'>>> = scenario.contenders.map(() => []);
				for (let run = 0; run <= RUNS; run++) {
					for (const [index, contender] of scenario.contenders.entries()) {
						const measured = await runOnce(client, standIn, ids[index], contender.last);
						if (measured.items !== scenario.items)
							throw new Error(`${contender.label}: ${measured.items} items, not ${scenario.items}`);
						const { ms, requests, items } = measured;
						if (run > 0) runs[index].push({ ms, requests, items });
					}
				}
				const pictoryMs = median(runs[0].map((run) => run.ms));
				for (const [index, contender] of scenario.contenders.entries()) {
					const ms = median(runs[index].map((run) => run.ms));
					const row = [
						scenario.name,
						`${delay} ms`,
						contender.label,
						String(runs[index][0].requests),
						formatMs(ms),
						index === 0 ? '1.00×' : `${(ms / pictoryMs).toFixed(2)}×`,
					];
					rows.push(row);
					console.log(row.join(' | '));
				}
			}
		}
		return table(
			['scenario', 'stand-in delay', 'workflow', 'requests', 'median time', 'time / Pictory node'],
			rows,
		);
	} catch (error) {
		console.error(`--- n8n output ---\n${n8n.output()}`);
		throw error;
	} finally {
		await n8n.stop();
		await standIn.close();
		rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

/** The resident memory of a process, current and peak since the last reset, in MB. */
function memoryOf(pid: number) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
	return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

function folderSize(folder: string): number {
	let total = 0;
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const full = path.join(folder, entry.name);
		total += entry.isDirectory() ? folderSize(full) : statSync(full).size;
	}
	return total;
}

async function memoryTable(): Promise<string> {
	const standIn = await startPictoryStandIn({
		apiKey: API_KEY,
		imageCount: MEMORY_IMAGES,
		imageFileSize: MEMORY_FILE_SIZE,
		videoFileSize: MEMORY_VIDEO_SIZE,
		renderChecks: 1,
	});
	const n8n: N8n = await startN8n({ env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
	try {
		const client = new N8nClient(n8n.url);
		await client.setupOwner();
		const credential = await client.createCredential('Pictory', {
			apiKey: API_KEY,
			baseUrl: standIn.baseUrl,
		});
		const pictoryNode = (name: string, parameters: INode['parameters']) =>
			node(name, 'CUSTOM.pictory', 1, parameters, {
				credentials: { pictoryApi: credential },
			} as Partial<INode>);
		const workflow = async (
			name: string,
			parameters: INode['parameters'],
			upload?: INode['parameters'],
		) =>
			await client.createWorkflow(
				chain(name, [
					pictoryNode('Pictory', parameters),
					...(upload ? [pictoryNode('Upload', upload)] : []),
				]),
			);
		// A small run first, so that everything the measured runs need is loaded before a baseline.
		await runOnce(client, standIn, await workflow('Warm-up', MEMORY_RUNS[0].warmUp!), 'Pictory');

		const rows: string[][] = [];
		for (const run of MEMORY_RUNS) {
			standIn.videoFileSize = run.videoFileSize ?? MEMORY_VIDEO_SIZE;
			const measuredWorkflow = await workflow(run.label, run.parameters, run.upload);
			const storedBefore = folderSize(n8n.userFolder);
			await sleep(3000);
			const baseline = memoryOf(n8n.pid).rss;
			// Resets the process's peak resident size (VmHWM) to its current size.
			writeFileSync(`/proc/${n8n.pid}/clear_refs`, '5');
			let sampledPeak = baseline;
			const sampler = setInterval(
				() => (sampledPeak = Math.max(sampledPeak, memoryOf(n8n.pid).rss)),
				20,
			);
			const measured = await runOnce(
				client,
				standIn,
				measuredWorkflow,
				run.upload ? 'Upload' : 'Pictory',
			);
			clearInterval(sampler);
			const peak = Math.max(sampledPeak, memoryOf(n8n.pid).hwm);

			const items = outputOf(measured.execution, 'Pictory');
			const binaryIds = items.map((item) => String(item.binary?.[run.field]?.id));
			if (items.length !== run.files || !binaryIds.every((id) => id.startsWith('filesystem'))) {
				throw new Error(`${run.label}: expected ${run.files} files on disk, got ${binaryIds[0]}`);
			}
			const received = standIn.media.uploads.at(-1)?.bytes;
			if (run.upload && received !== run.videoFileSize) {
				throw new Error(`${run.label}: the stand-in received ${received} bytes`);
			}
			const storedMb = (folderSize(n8n.userFolder) - storedBefore) / 2 ** 20;
			const growth = peak - baseline;
			console.log(
				`${run.label}: baseline ${baseline.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, growth ` +
					`${growth.toFixed(0)} MB; ${measured.requests} requests in ${formatMs(measured.ms)}; ` +
					`${storedMb.toFixed(0)} MB of files written`,
			);
			rows.push([
				run.label,
				String(measured.requests),
				formatMs(measured.ms),
				storedMb >= 1024 ? `${(storedMb / 1024).toFixed(2)} GB` : `${storedMb.toFixed(0)} MB`,
				`${baseline.toFixed(0)} MB`,
				`${peak.toFixed(0)} MB`,
				`${growth.toFixed(0)} MB`,
				`${growth < run.limitMb ? 'yes' : '**no**'} (< ${run.limitMb} MB)`,
			]);
		}
		return table(
			[
				'run',
				'requests',
				'time',
				'files written',
				'n8n RSS before',
				'peak',
				'peak growth',
				'within the goal',
			],
			rows,
		);
	} finally {
		await n8n.stop();
		await standIn.close();
		rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

/** Replaces what lies between `<!-- name -->` and `<!-- /name -->` in bench/README.md. */
function keep(name: string, text: string) {
	const file = path.join(REPO, 'bench', 'README.md');
	const readme = readFileSync(file, 'utf8');
	const start = `<!-- ${name} -->`;
	const end = `<!-- /${name} -->`;
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from < 0 || to < from) throw new Error(`bench/README.md has no ${start} … ${end}`);
	writeFileSync(file, `${readme.slice(0, from + start.length)}\n${text}\n${readme.slice(to)}`);
	execFileSync('npx', ['prettier', '--write', file], { cwd: REPO, stdio: 'ignore' });
}

async function main() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const machine =
		`${new Date().toISOString().slice(0, 10)}: n8n 2.41.1 (regular mode, SQLite), ` +
		`${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`;
	console.log(`Pictory node in a real n8n — ${machine}, median of ${RUNS} runs\n`);
	if (!flag('memory-only')) {
		const peers = await peerTable();
		console.log(`\n${peers}\n`);
		keep(
			'bench:n8n peers',
			`Run of ${machine}, median of ${RUNS} runs after one warm-up.\n\n${peers}`,
		);
	}
	if (!flag('skip-memory')) {
		const memory = await memoryTable();
		console.log(`\n${memory}\n`);
		keep('bench:n8n memory', `Run of ${machine}, binary data mode \`filesystem\`.\n\n${memory}`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
