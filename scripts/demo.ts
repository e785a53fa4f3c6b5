/**
 * `npm run demo`: the nodes in a real n8n, without a Pictory account. Starts the Pictory stand-in
 * of the end-to-end tests (test/pictoryStandIn.ts) in Pictory's place, and a throw-away n8n
 * (e2e/n8n.js) with the built nodes, an owner account, a "Pictory API" credential for the stand-in
 * and the example workflows (examples/*.json) imported. Prints where to sign in; Ctrl+C stops both
 * and deletes the demo's n8n data.
 *
 *   npm run demo                                # http://localhost:5678
 *   N8N_PORT=5680 N8N_LISTEN_ADDRESS=0.0.0.0 npm run demo
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { exampleWorkflow, N8nClient, OWNER } from '../e2e/n8nClient';
import { startPictoryStandIn } from '../test/pictoryStandIn';

const REPO = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { listenSettings, startN8n, stopOnSignal } = require(path.join(REPO, 'e2e', 'n8n.js'));

/** The one key the stand-in accepts: not a Pictory key, and useless anywhere else. */
const DEMO_API_KEY = 'pictai_demo_stand_in_only';
const CREDENTIAL_NAME = 'Pictory demo (stand-in, no account)';

async function main() {
	const pictory = await startPictoryStandIn({
		apiKey: DEMO_API_KEY,
		imageCount: 24,
		pictures: true,
		renderChecks: 2,
	});
	const { port, listenAddress, editorUrl } = listenSettings();
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-pictory-demo-'));
	let n8n: { url: string; stop(): Promise<void> } | undefined;
	const stop = async () => {
		await n8n?.stop();
		await pictory.close();
		rmSync(userFolder, { recursive: true, force: true });
	};
	stopOnSignal(stop);
	try {
		console.log('Starting n8n with n8n-nodes-pictory and a local Pictory stand-in…');
		n8n = await startN8n({ port, listenAddress, userFolder, log: 'inherit' });
		const client = new N8nClient(n8n!.url);
		await client.setupOwner();
		const credential = await client.createCredential(CREDENTIAL_NAME, {
			apiKey: DEMO_API_KEY,
			baseUrl: pictory.baseUrl,
		});
		const imported: string[] = [];
		for (const file of readdirSync(path.join(REPO, 'examples')).filter((name) =>
			name.endsWith('.json'),
		)) {
			const workflow = exampleWorkflow(path.join(REPO, 'examples', file));
			for (const node of workflow.nodes) {
				if (node.credentials?.pictoryApi) node.credentials.pictoryApi = credential;
			}
			await client.createWorkflow(workflow);
			imported.push(workflow.name);
		}
		console.log(
			[
				'',
				`n8n is ready on ${editorUrl}`,
				`Sign in with ${OWNER.email} and the password ${OWNER.password}.`,
				'',
				`Pictory is played by a local stand-in at ${pictory.baseUrl}: ${pictory.images.length} images,`,
				'renders and previews that finish after a few checks, voices, layouts, brands, styles,',
				'avatars, jobs and projects.',
				`The credential "${CREDENTIAL_NAME}" points at it. The example workflows:`,
				...imported.map((name) => `  - ${name}`),
				'Open "Pictory: list my newest images" and select Execute workflow. The Slack, Google and',
				'Send Email nodes need your own credentials for those services.',
				'',
				'Ctrl+C stops n8n and the stand-in, and deletes this demo’s data. For a real Pictory',
				'account, use npm run dev.',
				'',
			].join('\n'),
		);
	} catch (error) {
		console.error((error as Error).message);
		await stop();
		process.exit(1);
	}
}

void main();
