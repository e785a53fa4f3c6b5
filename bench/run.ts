/**
 * Benchmark: what Get Generated Images costs, against the physical floor and against n8n's
 * built-in way of paging. Runs the node through n8n-core's engine (as the tests do) against a
 * local Pictory stand-in and prints tables of requests, time and memory.
 *
 *   npm run bench                    # zero delay
 *   npm run bench -- --delay 20      # every answer 20 ms late, like a distant server
 *   npm run bench -- --runs 15       # more runs per figure (the median is printed; 9 by default)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

import { API_KEY, registerNodeType, runPictoryNode } from '../test/harness';
import { startPictoryStandIn, type PictoryStandIn } from '../test/pictoryStandIn';
import { genericPagingPictory } from './genericPagingNode';
import { PictoryHttpLoop } from './httpLoopNode';

const option = (name: string, fallback: number) => {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const DELAY_MS = option('delay', 0);
const RUNS = option('runs', 9);
const PAGE_SIZE = 100;

const gc = () => (global as { gc?: () => void }).gc?.();
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Measured {
	ms: number;
	requests: number;
	items: number;
	/** Heap growth at its peak while the run went on, in MB. */
	peakHeapMb: number;
}

/** Runs `work` once, counting the stand-in's requests and sampling the heap every 2 ms. */
async function measureOnce(
	standIn: PictoryStandIn,
	work: () => Promise<number>,
): Promise<Measured> {
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	let peak = heapBefore;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
	const requestsBefore = standIn.requests.length;
	const started = performance.now();
	const items = await work();
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	return {
		ms,
		requests: standIn.requests.length - requestsBefore,
		items,
		peakHeapMb: (peak - heapBefore) / 2 ** 20,
	};
}

/**
 * Measures several contenders on the same server, interleaved run by run so that they share the
 * machine's state (JIT, garbage, other load) fairly; one warm-up each, then the median of RUNS.
 */
async function measureInterleaved(
	standIn: PictoryStandIn,
	contenders: Array<() => Promise<number>>,
): Promise<Measured[]> {
	for (const work of contenders) await measureOnce(standIn, work);
	const runs: Measured[][] = contenders.map(() => []);
	for (let run = 0; run < RUNS; run++) {
		for (const [index, work] of contenders.entries())
			runs[index].push(await measureOnce(standIn, work));
	}
	return runs.map((measured) => ({
		ms: median(measured.map((run) => run.ms)),
		requests: measured[0].requests,
		items: measured[0].items,
		peakHeapMb: median(measured.map((run) => run.peakHeapMb)),
	}));
}

interface Scenario {
	name: string;
	/** How many images the scenario asks for: the floor is ceil(needed / 100) requests. */
	needed: number;
	parameters: Record<string, unknown>;
	limit: number;
	createdAfter?: string;
}

/** The node, run through n8n-core's engine; returns the number of items it output. */
async function runNode(
	standIn: PictoryStandIn,
	parameters: Record<string, unknown>,
	type = 'pictory',
) {
	const { items, error } = await runPictoryNode(
		{ resource: 'image', operation: 'getGeneratedImages', ...parameters },
		{ type, credentials: { pictoryApi: { apiKey: API_KEY, baseUrl: standIn.baseUrl } } },
	);
	if (error) throw new Error(`${type}: ${error.message} ${error.description ?? ''}`);
	return items.length;
}

/** The zero-overhead floor: a plain fetch loop over the same pages, stopping as the node does. */
async function rawFetchLoop(standIn: PictoryStandIn, { limit, createdAfter }: Scenario) {
	const after = createdAfter ? Date.parse(createdAfter) : -Infinity;
	const images: unknown[] = [];
	let nextPageKey: string | undefined;
	do {
		const url = new URL(`${standIn.baseUrl}/v1/aistudio/images`);
		if (nextPageKey) url.searchParams.set('nextPageKey', nextPageKey);
		const page = (await (await fetch(url, { headers: { Authorization: API_KEY } })).json()) as {
			items: Array<{ createdDate: string }>;
			nextPageKey?: string;
		};
		for (const image of page.items) {
			if (Date.parse(image.createdDate) <= after) return images.length;
			images.push(image);
			if (images.length >= limit) return images.length;
		}
		nextPageKey = page.nextPageKey;
	} while (nextPageKey);
	return images.length;
}

const format = {
	ms: (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`,
	mb: (value: number) => `${Math.max(0, value).toFixed(1)} MB`,
	ratio: (value: number) => `${value.toFixed(2)}×`,
};

function printTable(headers: string[], rows: string[][]) {
	console.log(`| ${headers.join(' | ')} |`);
	console.log(`| ${headers.map(() => '---').join(' | ')} |`);
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	console.log();
}

async function main() {
	registerNodeType(genericPagingPictory());
	registerNodeType(new PictoryHttpLoop());
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	console.log(
		`Pictory node benchmark — ${os.cpus().length} × ${cpu}, Node ${process.version}, ` +
			`median of ${RUNS} runs, stand-in delay ${DELAY_MS} ms per request\n`,
	);

	const standIn = await startPictoryStandIn({
		apiKey: API_KEY,
		imageCount: 10_000,
		delayMs: DELAY_MS,
	});
	const createdAfter = standIn.images[3].createdDate;
	const scenarios: Scenario[] = [
		{
			name: 'Return All (10,000)',
			needed: 10_000,
			limit: Infinity,
			parameters: { returnAll: true },
		},
		{ name: 'Limit 5', needed: 5, limit: 5, parameters: { limit: 5 } },
		{ name: 'Limit 150', needed: 150, limit: 150, parameters: { limit: 150 } },
		{ name: 'Limit 1,000', needed: 1000, limit: 1000, parameters: { limit: 1000 } },
		{
			name: 'Created After (3 match)',
			needed: 3,
			limit: Infinity,
			createdAfter,
			parameters: { returnAll: true, filters: { createdAfter } },
		},
	];

	const rows: string[][] = [];
	let returnAllRatio = NaN;
	for (const scenario of scenarios) {
		const [node, raw, httpLoop] = await measureInterleaved(standIn, [
			async () => await runNode(standIn, scenario.parameters),
			async () => await rawFetchLoop(standIn, scenario),
			async () =>
				await runNode(
					standIn,
					{
						limit: Number.isFinite(scenario.limit) ? scenario.limit : 0,
						createdAfter: scenario.createdAfter,
					},
					'pictoryHttpLoop',
				),
		]);
		const generic = await measureOnce(
			standIn,
			async () => await runNode(standIn, scenario.parameters, 'pictoryGenericPaging'),
		);
		const minimum = Math.max(1, Math.ceil(scenario.needed / PAGE_SIZE));
		if (node.items !== raw.items || httpLoop.items !== raw.items) {
			throw new Error(
				`${scenario.name}: node ${node.items}, fetch loop ${raw.items}, n8n loop ${httpLoop.items}`,
			);
		}
		if (scenario.limit === Infinity && !scenario.createdAfter) returnAllRatio = node.ms / raw.ms;
		rows.push([
			scenario.name,
			String(node.items),
			`${node.requests} / ${minimum}${node.requests === minimum ? ' ✓' : ' ✗'}`,
			String(generic.requests),
			format.ms(node.ms),
			format.ms(raw.ms),
			format.ratio(node.ms / raw.ms),
			format.ms(httpLoop.ms),
			format.ratio(node.ms / httpLoop.ms),
			format.mb(node.peakHeapMb),
		]);
	}
	await standIn.close();

	console.log('Get Generated Images on an account of 10,000 images (100 pages)\n');
	printTable(
		[
			'scenario',
			'items',
			'requests / minimum',
			'generic paging requests',
			'node time',
			'fetch loop time',
			'node / fetch loop',
			'n8n HTTP loop time',
			'node / n8n loop',
			'node peak heap',
		],
		rows,
	);

	console.log('Return All as the account grows\n');
	const growth: string[][] = [];
	for (const imageCount of [1_000, 10_000, 100_000]) {
		const account = await startPictoryStandIn({ apiKey: API_KEY, imageCount, delayMs: DELAY_MS });
		const node = await measureOnce(
			account,
			async () => await runNode(account, { returnAll: true }),
		);
		await account.close();
		if (node.items !== imageCount)
			throw new Error(`Return All on ${imageCount} gave ${node.items}`);
		growth.push([
			imageCount.toLocaleString('en-US'),
			String(node.requests),
			format.ms(node.ms),
			format.mb(node.peakHeapMb),
			`${((node.peakHeapMb * 2 ** 20) / imageCount / 1024).toFixed(2)} KB`,
		]);
	}
	printTable(['images', 'requests', 'time', 'peak heap', 'heap per image'], growth);

	console.log(
		`Target: node time ≤ 1.30× the fetch loop for Return All on 10,000 images at zero delay — ` +
			`measured ${format.ratio(returnAllRatio)}${DELAY_MS ? ` (at ${DELAY_MS} ms delay)` : ''}.`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
