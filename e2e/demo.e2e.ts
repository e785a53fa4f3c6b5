/**
 * `npm run demo` as its user meets it: it prints where to sign in, the examples and the stand-in's
 * credential are there, an example runs, and Ctrl+C stops it all.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { N8nClient, OWNER, outputOf } from './n8nClient';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('./n8n');

const REPO = path.join(__dirname, '..');

let demo: ChildProcess;
let output = '';
let client: N8nClient;

beforeAll(async () => {
	execFileSync(process.execPath, [
		path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
		'-p',
		path.join(REPO, 'scripts', 'tsconfig.json'),
	]);
	const port = await freePort();
	demo = spawn(process.execPath, [path.join(REPO, 'scripts', '.build', 'scripts', 'demo.js')], {
		env: { ...process.env, N8N_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	demo.stdout!.on('data', (chunk) => (output += chunk));
	demo.stderr!.on('data', (chunk) => (output += chunk));
	const ready = new RegExp(`n8n is ready on (http://localhost:${port})\\n`);
	const deadline = Date.now() + 150_000;
	while (!ready.test(output)) {
		if (demo.exitCode !== null || Date.now() > deadline)
			throw new Error(`the demo did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	client = new N8nClient(ready.exec(output)![1]);
}, 180_000);

/** Stops the demo as Ctrl+C does (it stops n8n, which runs in a process group of its own). */
async function stopDemo() {
	if (demo.exitCode !== null || demo.signalCode !== null) return demo.exitCode;
	const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
	demo.kill('SIGINT');
	return await exited;
}

afterAll(async () => {
	if (demo) await stopDemo();
}, 30_000);

test('it says how to sign in, and nothing else of n8n’s start-up', async () => {
	expect(output).toContain(`Sign in with ${OWNER.email} and the password ${OWNER.password}.`);
	expect(output).not.toMatch(/ENOTFOUND|EBADENGINE|deprecat|Error/i);
	await client.login();
});

test('the example workflows are imported, with the stand-in’s credential', async () => {
	const workflows = await client.rest<Array<{ id: string; name: string }>>(
		'GET',
		'/rest/workflows',
	);
	const credentials = await client.rest<Array<{ name: string; type: string }>>(
		'GET',
		'/rest/credentials',
	);

	const examples = readdirSync(path.join(REPO, 'examples')).filter((file) =>
		file.endsWith('.json'),
	);
	expect(workflows).toHaveLength(examples.length);
	expect(credentials).toMatchObject([{ type: 'pictoryApi' }]);
	for (const { name } of workflows) expect(output).toContain(`  - ${name}\n`);
});

test('“list my newest images” runs at once, and its images are pictures', async () => {
	const [listed] = (
		await client.rest<Array<{ id: string; name: string }>>('GET', '/rest/workflows')
	).filter(({ name }) => name === 'Pictory: list my newest images');

	const execution = await client.run(listed.id, 'When clicking ‘Execute workflow’');

	expect(execution.status).toBe('success');
	const images = outputOf(execution, 'Get my newest images');
	expect(images).toHaveLength(5);
	const png = Buffer.from(await (await fetch(String(images[0].json.url))).arrayBuffer());
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([160, 90]);
});

test('Ctrl+C stops it', async () => {
	expect(await stopDemo()).toBe(0);
	await expect(fetch(`${client.url}/healthz`)).rejects.toThrow();
});
