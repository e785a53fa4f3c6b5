#!/usr/bin/env node
/**
 * Starts a real n8n (installed in e2e/ by setup.js) with this package's built nodes loaded as
 * custom extensions, on 127.0.0.1 only, with no calls to n8n's own servers (telemetry, version
 * checks, templates, banners) and personalisation off.
 *
 *   node e2e/n8n.js        # npm run dev: http://localhost:5678, data kept in e2e/.n8n
 *                          # (N8N_PORT and N8N_LISTEN_ADDRESS change where it listens)
 *
 * The end-to-end tests use startN8n() with a throw-away user folder and free ports; the queue-mode
 * test also starts `n8n worker` processes with it.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const E2E = __dirname;
const PACKAGE_DIST = path.join(E2E, '..', 'dist');

/** The Node.js that runs n8n: this one if it is 24 or later, else the one setup.js installed. */
function nodeForN8n() {
	if (Number(process.versions.node.split('.')[0]) >= 24) {
		const binDir = path.dirname(process.execPath);
		return { node: process.execPath, binDir, nodeDir: path.dirname(binDir) };
	}
	const nodeDir = path.join(
		E2E,
		'node_modules',
		'node',
		'node_modules',
		`node-${process.platform}-${process.arch}`,
	);
	const binDir = path.join(nodeDir, 'bin');
	return { node: path.join(binDir, 'node'), binDir, nodeDir };
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Copies the built package to `<userFolder>/custom/n8n-nodes-pictory`. A copy, not a link: from
 * there `n8n-workflow` resolves to n8n's own copy, as for an installed community package, and not
 * to the repository's dev dependency.
 */
function stageBuiltPackage(userFolder) {
	if (!fs.existsSync(path.join(PACKAGE_DIST, 'nodes', 'Pictory', 'Pictory.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const target = path.join(userFolder, 'custom', 'n8n-nodes-pictory');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(PACKAGE_DIST, target, { recursive: true });
	return target;
}

async function waitUntilReady(url, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			// /healthz answers before the app is usable; /healthz/readiness once it is.
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n was not ready at ${url} after ${timeoutMs / 1000} s`);
}

/** Where to reach an n8n listening on `address`: itself, or this machine for "any address". */
function reachableHost(address) {
	if (['0.0.0.0', '::', ''].includes(address)) return '127.0.0.1';
	return address.includes(':') ? `[${address}]` : address;
}

/**
 * Starts n8n and resolves once it is ready. `userFolder` defaults to a new temporary folder,
 * `port` to a free one, `listenAddress` to 127.0.0.1. `command` 'worker' starts `n8n worker` instead of the main instance (ready
 * once its health check answers, on a free port); `env` adds or overrides environment variables.
 * `onOutput` receives the output as it comes. Returns its URL (a worker's health check URL), the
 * pid of n8n's own Node.js process, how long start-up took, stop() and kill() (SIGKILL, at once).
 */
async function startN8n({
	port,
	listenAddress = '127.0.0.1',
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pictory-')),
	log = 'pipe',
	timeoutMs = 120_000,
	command = 'start',
	env: extraEnv = {},
	onOutput,
} = {}) {
	port ??= await freePort();
	const healthPort = command === 'worker' ? await freePort() : undefined;
	const customDir = stageBuiltPackage(userFolder);
	const { node, binDir } = nodeForN8n();
	// jest sets NODE_ENV=test, with which n8n exits at start-up.
	const { NODE_ENV: _jestNodeEnv, ...inherited } = process.env;
	const env = {
		...inherited,
		PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: listenAddress,
		N8N_HOST: 'localhost',
		N8N_CUSTOM_EXTENSIONS: customDir,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// No calls to n8n's servers: telemetry, version and "what's new" checks, templates,
		// banners, the lists of verified community nodes and of MCP servers.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? (log === 'inherit' ? 'error' : 'warn'),
		...(healthPort && {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		}),
		...extraEnv,
	};
	const started = Date.now();
	const child = spawn(node, [path.join(E2E, 'node_modules', 'n8n', 'bin', 'n8n'), command], {
		env,
		stdio: log === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		detached: process.platform !== 'win32',
	});
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-20_000);
		onOutput?.(String(chunk));
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);

	const url = `http://${command === 'worker' ? '127.0.0.1' : reachableHost(listenAddress)}:${healthPort ?? port}`;
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		// n8n starts child processes of its own: stop the whole group.
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			child.kill('SIGTERM');
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
		}, 10_000);
		await exited;
		clearTimeout(timer);
	};
	/** Ends n8n and its children at once, as a crash or an out-of-memory kill would. */
	const kill = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			child.kill('SIGKILL');
		}
		await exited;
	};
	try {
		await waitUntilReady(url, child, timeoutMs);
	} catch (error) {
		await stop();
		throw new Error(`${error.message}\n--- n8n output ---\n${output}`);
	}
	return {
		url,
		port,
		pid: child.pid,
		userFolder,
		startupMs: Date.now() - started,
		stop,
		kill,
		output: () => output,
	};
}

/**
 * Where `npm run dev` and `npm run demo` listen: N8N_PORT (5678) and N8N_LISTEN_ADDRESS
 * (127.0.0.1), and the address to open in a browser.
 */
function listenSettings(env = process.env) {
	const port = Number(env.N8N_PORT || 5678);
	const listenAddress = env.N8N_LISTEN_ADDRESS || '127.0.0.1';
	const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(listenAddress)
		? 'localhost'
		: reachableHost(listenAddress);
	return { port, listenAddress, editorUrl: `http://${host}:${port}` };
}

/** Stops n8n (and anything else `stop` ends) on Ctrl+C or SIGTERM, then exits. */
function stopOnSignal(stop) {
	const shutdown = () => stop().then(() => process.exit(0));
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

module.exports = { nodeForN8n, freePort, startN8n, listenSettings, stopOnSignal };

if (require.main === module) {
	const { port, listenAddress, editorUrl } = listenSettings();
	const userFolder = path.join(E2E, '.n8n');
	startN8n({ port, listenAddress, userFolder, log: 'inherit' })
		.then(({ stop, startupMs }) => {
			console.log(
				`\nn8n is ready on ${editorUrl} with n8n-nodes-pictory loaded (started in ${(startupMs / 1000).toFixed(1)} s).` +
					`\nOpen it, set up the owner account on first use, and add the "Pictory" node. Ctrl+C stops n8n.\n`,
			);
			stopOnSignal(stop);
		})
		.catch((error) => {
			console.error(error.message);
			process.exit(1);
		});
}
