/**
 * The unit tests' clock. Every test file runs on jest's fake timers (see jest.config.js): `Date`,
 * `setTimeout` and friends are fake, while `setImmediate`, `process.nextTick` and microtasks stay
 * real, so that in-process HTTP (nock) still runs. Fake time moves only when nothing else can: the
 * clock follows every piece of work in flight outside it (below), and jumps to the next timer
 * only when there is none. A wait of 10 s therefore takes exactly 10 s of fake time, whatever the
 * machine is doing.
 */
import { createHook } from 'node:async_hooks';

/**
 * The work in flight that does not wait for the fake clock: callbacks queued on the event loop,
 * and requests handed to the system or to libuv's thread pool (files, DNS, crypto, zlib), by
 * async id. Each is over when its one callback starts. Not followed: ticks and promises (they
 * all run before the event loop's next turn, where the clock looks, and a promise that waits,
 * waits on work followed here), long-lived handles (sockets, HTTP requests, streams: what moves
 * them is followed), and Node's own real timers (a socket's time limit: a real wait, which no
 * test waits for).
 */
const inFlight = new Map<number, { type: string; resource: object }>();

/** Async resources that call back once, when their work is done. */
const ONE_CALLBACK = new Set([
	'Immediate',
	'FSREQCALLBACK',
	'FSREQPROMISE',
	'FILEHANDLECLOSEREQ',
	'GETADDRINFOREQWRAP',
	'GETNAMEINFOREQWRAP',
	'QUERYWRAP',
	'TCPCONNECTWRAP',
	'PIPECONNECTWRAP',
	'WRITEWRAP',
	'SHUTDOWNWRAP',
	'UDPSENDWRAP',
]);

/** A crypto job (HASHREQUEST, PBKDF2REQUEST…): on the thread pool when it has a callback. */
const isCryptoJob = (type: string) => type.endsWith('REQUEST') && type !== 'HTTPCLIENTREQUEST';

/** Work that ended without its callback: a cleared immediate, a crypto job run synchronously. */
function endedUncalled({ type, resource }: { type: string; resource: object }): boolean {
	if (type === 'Immediate') return (resource as { _destroyed?: boolean })._destroyed === true;
	if (isCryptoJob(type)) return typeof (resource as { ondone?: unknown }).ondone !== 'function';
	return false;
}

const tracking = createHook({
	init(asyncId, type, _triggerAsyncId, resource) {
		if (ONE_CALLBACK.has(type) || isCryptoJob(type)) inFlight.set(asyncId, { type, resource });
		// A zlib stream's handle lives as long as the stream: each chunk goes to the thread pool
		// with write() and comes back with one callback (its output, or the error).
		else if (type === 'ZLIB') {
			const handle = resource as { write: (...args: unknown[]) => unknown };
			const write = handle.write;
			handle.write = (...args) => {
				inFlight.set(asyncId, { type, resource });
				return write.apply(handle, args);
			};
		}
	},
	before(asyncId) {
		inFlight.delete(asyncId);
	},
});

/** Counts the tests that have ended, so that a wait left behind by one (timed out) ends too. */
let testsEnded = 0;

// For the test file that loads the clock; the benchmark (outside jest) runs on real time.
if (typeof jest !== 'undefined') {
	tracking.enable();
	afterEach(() => testsEnded++);
	afterAll(() => tracking.disable());
}

/** The clock's own turns of the event loop, which are not work in flight. */
const ownTurns = new WeakSet<object>();

function nothingInFlight(): boolean {
	for (const [asyncId, work] of inFlight) {
		if (ownTurns.has(work.resource)) continue;
		if (!endedUncalled(work)) return false;
		inFlight.delete(asyncId);
	}
	return true;
}

/**
 * Whether nothing is in flight, looked at on the event loop's next turn: at the start of an
 * immediate's callback, every tick and microtask queued before has run.
 */
const nextTurnIsIdle = () =>
	new Promise<boolean>((resolve) => {
		ownTurns.add(setImmediate(() => resolve(nothingInFlight())));
	});

/** Lets everything that does not wait for a timer run, without moving the clock. */
export async function settle(): Promise<void> {
	const test = testsEnded;
	while (!(await nextTurnIsIdle())) {
		if (testsEnded !== test) throw new Error('The test ended with work still in flight');
	}
}

/**
 * Moves the clock, timer by timer, until `isDone()`. Throws when nothing is left to wait for, as a
 * run that waits on nothing would hang in n8n too.
 */
export async function runClockUntil(isDone: () => boolean): Promise<void> {
	for (;;) {
		await settle();
		if (isDone()) return;
		if (jest.getTimerCount() === 0) {
			throw new Error('The run waits on nothing: no work in flight and no timer set');
		}
		jest.advanceTimersToNextTimer();
	}
}

/** Awaits `promise`, moving the clock as the work behind it needs (outside jest: real time). */
export async function onClock<T>(promise: Promise<T>): Promise<T> {
	if (typeof jest === 'undefined') return await promise;
	let done = false;
	const outcome = promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	void outcome.then(() => (done = true));
	await runClockUntil(() => done);
	const settled = await outcome;
	if ('error' in settled) throw settled.error;
	return settled.value;
}

/** Moves the clock by `ms`: every timer due by then fires, each with the work it starts. */
export async function advanceClock(ms: number): Promise<void> {
	let reached = false;
	setTimeout(() => (reached = true), ms);
	await runClockUntil(() => reached);
}
