/**
 * The unit tests' clock. Every test file runs on jest's fake timers (see jest.config.js): `Date`,
 * `setTimeout` and friends are fake, while `setImmediate`, `process.nextTick` and microtasks stay
 * real, so that in-process HTTP (nock) still runs. Fake time moves only when nothing else can:
 * first the work in flight runs until it stops moving, then the clock jumps to the next timer.
 * A wait of 10 s therefore takes exactly 10 s of fake time, whatever the machine is doing.
 */
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

// Every HTTP request the code under test makes (nock intercepts them below Node's http client),
// counted from start to close, so that the clock never moves while one is on its way.
let requestsInFlight = 0;
let requestEvents = 0;
diagnostics.subscribe('http.client.request.start', (message) => {
	requestsInFlight++;
	requestEvents++;
	(message as { request: ClientRequest }).request.once('close', () => {
		requestsInFlight--;
		requestEvents++;
	});
});

/**
 * Event-loop turns without a request starting or ending after which the work in flight has
 * stopped moving: with no request open, what follows an answer takes far fewer turns than this;
 * with requests open but silent, they are waiting for a timer (a reply's delay, a timeout).
 */
const QUIET_TURNS = { idle: 50, requestsWaiting: 500 };

const nextTurn = async () => await new Promise<void>((resolve) => setImmediate(resolve));

/** Lets everything that does not wait for a timer run, without moving the clock. */
export async function settle(): Promise<void> {
	let events = requestEvents;
	for (let quiet = 0; ;) {
		await nextTurn();
		if (requestEvents !== events) {
			events = requestEvents;
			quiet = 0;
		} else if (++quiet >= (requestsInFlight ? QUIET_TURNS.requestsWaiting : QUIET_TURNS.idle)) {
			return;
		}
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
			throw new Error('The run waits on nothing: no request in flight and no timer set');
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
