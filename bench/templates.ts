/**
 * Benchmark: 100 sheet rows through Render from Template (no waiting) in n8n-core's engine,
 * against the HTTP stand-in with no limit and allowing 5 requests a second (429 with
 * Retry-After: 1 beyond, as a busy Pictory answers). Checks that every row was ordered exactly
 * once, and prints the requests and the time.
 *
 *   npm run bench:templates
 *   npm run bench:templates -- --rows 200 --per-second 5
 */
import { performance } from 'node:perf_hooks';

import { API_KEY, runPictoryNode } from '../test/harness';
import { startPictoryStandIn } from '../test/pictoryStandIn';
import { setRateLimit, templateRecords } from '../test/standIn/templates';

const option = (name: string, fallback: number) => {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROWS = option('rows', 100);
const PER_SECOND = option('per-second', 5);

const rows = Array.from({ length: ROWS }, (_, index) => ({
	name: `Customer ${index + 1}`,
	company: `Company ${index + 1}`,
	offer: `${(index % 9) + 1}0% off`,
}));

const schema = ['Name', 'Company', 'Offer'].map((id) => ({
	id,
	displayName: id,
	required: false,
	defaultMatch: false,
	display: true,
	type: 'string' as const,
	canBeUsedToMatch: false,
}));

async function scenario(perSecond: number | undefined) {
	const standIn = await startPictoryStandIn({ apiKey: API_KEY });
	setRateLimit(standIn, perSecond);
	const started = performance.now();
	const { items, error } = await runPictoryNode(
		{
			resource: 'video',
			operation: 'renderFromTemplate',
			template: { __rl: true, mode: 'id', value: 'tpl-welcome' },
			videoName: '=Welcome {{ $json.name }}',
			variables: {
				mappingMode: 'defineBelow',
				value: {
					Name: '={{ $json.name }}',
					Company: '={{ $json.company }}',
					Offer: '={{ $json.offer }}',
				},
				matchingColumns: [],
				schema,
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
			waitForCompletion: false,
		},
		{ input: rows, credentials: { pictoryApi: { apiKey: API_KEY, baseUrl: standIn.baseUrl } } },
	);
	const ms = performance.now() - started;
	await standIn.close();
	if (error) throw new Error(`${error.message} ${error.description ?? ''}`);

	const records = templateRecords(standIn);
	const ordered = records.templateOrders.map((order) => order.body.videoName);
	const once = rows.every(
		(row) => ordered.filter((name) => name === `Welcome ${row.name}`).length === 1,
	);
	const paired = items.every((item, index) => (item.pairedItem as { item: number }).item === index);
	const jobIds = new Set(items.map((item) => item.json.jobId));
	if (
		!once ||
		ordered.length !== ROWS ||
		!paired ||
		jobIds.size !== ROWS ||
		items.length !== ROWS
	) {
		throw new Error(
			`not every row ordered exactly once: ${ordered.length} orders for ${ROWS} rows`,
		);
	}
	return {
		limit: perSecond === undefined ? 'none' : `${perSecond} requests/s`,
		rows: ROWS,
		requests: standIn.requests.length,
		templateReads: standIn.requests.filter((request) => request.method === 'GET').length,
		orders: ordered.length,
		answered429: records.rateLimited,
		seconds: (ms / 1000).toFixed(1),
		ordersPerSecond: (ROWS / (ms / 1000)).toFixed(1),
	};
}

async function main() {
	const results = [await scenario(undefined), await scenario(PER_SECOND)];
	console.log(`Render from Template, ${ROWS} rows, no waiting (Node ${process.version})`);
	console.table(results);
	console.log('Every row was ordered exactly once, each output item paired with its row.');
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
