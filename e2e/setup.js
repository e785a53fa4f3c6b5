#!/usr/bin/env node
/**
 * Installs what `npm run dev` and the end-to-end tests need, inside e2e/ only: the n8n app pinned
 * in e2e/package.json and a Node.js 24 to run it (n8n 2.x needs Node 24; the package itself builds
 * and tests on Node 20). Does nothing when e2e/package-lock.json has not changed since last time.
 *
 * Why the steps: a plain install fails building n8n's Kafka client, which downloads sources, so
 * scripts are skipped; then the `node` package fetches the Node 24 binary for this platform from
 * the npm registry, and the two native modules n8n needs (sqlite3, isolated-vm) are compiled
 * against that Node's headers, with nothing else downloaded.
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { nodeForN8n } = require('./n8n');

const E2E = __dirname;
const STAMP = path.join(E2E, 'node_modules', '.n8n-nodes-pictory-e2e-installed');

// Under `npm run`, npm passes its settings to children as npm_* variables, among them the
// repository's ignore-scripts=true: e2e/ is a project of its own, so start its npm from a clean slate.
const cleanEnv = Object.fromEntries(
	Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
);

// n8n's packages declare Node 22 or later, and npm warns (EBADENGINE) for each of them on the
// Node 20 that runs this script (n8n itself runs on the Node 24 installed here): only errors show.
function run(args, env = cleanEnv) {
	console.log(`[e2e setup] npm ${args.join(' ')}`);
	execFileSync('npm', [...args, '--loglevel=error'], { cwd: E2E, env, stdio: 'inherit' });
}

function main() {
	const lockHash = createHash('sha256')
		.update(fs.readFileSync(path.join(E2E, 'package-lock.json')))
		.digest('hex');
	if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === lockHash) {
		console.log('[e2e setup] n8n and Node 24 are installed in e2e/');
		return;
	}

	const started = Date.now();
	run(['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
	run(['rebuild', 'node', '--ignore-scripts=false']);
	const { node, binDir, nodeDir } = nodeForN8n();
	const node24Env = {
		...cleanEnv,
		PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDir,
	};
	run(['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false'], node24Env);

	// Prove the result before recording it: n8n's Node runs and loads both native modules.
	execFileSync(node, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: E2E,
		env: node24Env,
	});
	fs.writeFileSync(STAMP, lockHash);
	console.log(`[e2e setup] done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main();
