/**
 * The services n8n's queue mode needs, for the queue-mode end-to-end test: a Postgres and a Redis
 * from Debian's packages (installed with apt when missing), each started on 127.0.0.1 on a free
 * port with a throw-away data folder, in a process group of its own so that stop() ends all of it.
 *
 * Everything started here is also ended, and its folder removed, if the process exits or is
 * interrupted (Ctrl+C) before stop() ran.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('./n8n');

const isRoot = process.getuid?.() === 0;

function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function redisServer() {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat('/usr/bin')) {
		const candidate = path.join(dir, 'redis-server');
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Installs Debian's postgresql and redis-server when either is missing (as root only). */
function ensureInstalled() {
	if (postgresBinDir() && redisServer()) return;
	if (!isRoot) {
		throw new Error(
			'Queue mode needs Postgres and Redis: `sudo apt-get install postgresql redis-server`',
		);
	}
	console.log('[queue services] installing postgresql and redis-server with apt');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql', 'redis-server'], {
		env,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (!postgresBinDir() || !redisServer())
		throw new Error('apt did not install Postgres and Redis');
}

/** Everything started and not yet stopped: ended synchronously if the process goes away. */
const running = new Set();
/** More clean-up to do then, such as ending n8n processes: see atExit(). */
const exitHandlers = new Set();

/** Runs `handler` (synchronous) if the process exits or is interrupted; returns a remover. */
function atExit(handler) {
	exitHandlers.add(handler);
	return () => exitHandlers.delete(handler);
}

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

function endAllNow() {
	for (const handler of exitHandlers) {
		try {
			handler();
		} catch {
			// keep ending the rest
		}
	}
	exitHandlers.clear();
	for (const service of running) {
		killGroup(service.child, 'SIGKILL');
		fs.rmSync(service.dir, { recursive: true, force: true });
	}
	running.clear();
}
process.once('exit', endAllNow);
process.once('SIGINT', () => {
	endAllNow();
	process.exit(130);
});

/** Spawns `command` in its own process group, keeps its output, and registers it for clean-up. */
function startService(name, command, args, dir) {
	const child = spawn(command, args, {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	const keep = (chunk) => (output = (output + chunk).slice(-20_000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const service = { name, child, dir };
	running.add(service);

	const stop = async () => {
		if (!running.has(service)) return;
		running.delete(service);
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			// SIGINT is Postgres's fast shutdown; Redis ends on it too.
			killGroup(child, 'SIGINT');
			const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return { child, stop, output: () => output };
}

async function waitFor(name, check, child, output, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${name} exited:\n${output()}`);
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * A Postgres cluster in a new folder under the system's temporary folder, trusting local
 * connections, listening on 127.0.0.1:<port> only (its socket in its own folder). As root, it
 * runs as the `postgres` user, since Postgres refuses to run as root.
 */
async function startPostgres() {
	const bin = postgresBinDir();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pictory-postgres-'));
	const data = path.join(dir, 'data');
	const asPostgres = (command, args) =>
		isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
	const [initCommand, initArgs] = asPostgres(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
	]);
	execFileSync(initCommand, initArgs, { cwd: dir, stdio: 'ignore' });

	const port = await freePort();
	const [command, args] = asPostgres(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	const service = startService('postgres', command, args, dir);
	const ready = () => {
		try {
			execFileSync(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]);
			return true;
		} catch {
			return false;
		}
	};
	try {
		await waitFor('postgres', ready, service.child, service.output);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database: 'postgres',
		dir,
		stop: service.stop,
		output: service.output,
	};
}

/** Answers whether a Redis on 127.0.0.1:<port> says PONG. */
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			socket.destroy();
			resolve(String(data).startsWith('+PONG'));
		});
		socket.on('error', () => resolve(false));
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** A Redis on 127.0.0.1:<port>, saving nothing to disk, working in a new temporary folder. */
async function startRedis() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pictory-redis-'));
	const port = await freePort();
	const service = startService(
		'redis',
		redisServer(),
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		dir,
	);
	try {
		await waitFor('redis', () => redisPing(port), service.child, service.output);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return { host: '127.0.0.1', port, dir, stop: service.stop, output: service.output };
}

module.exports = { atExit, ensureInstalled, startPostgres, startRedis };
