/**
 * The fake clock waits for every piece of work in flight that does not wait for it, however long
 * that work takes in real time, before it moves: so each of these finds the clock where it was.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns';
import { readFile } from 'node:fs';
import { readFile as readFileAsPromised } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';

import { advanceClock, onClock, runClockUntil } from './clock';

/** Starts `work`, runs the clock for a minute, and gives the clock's time when `work` finished. */
async function finishedAt(work: (done: () => void) => void): Promise<number> {
	const started = Date.now();
	let finished: number | undefined;
	work(() => (finished = Date.now() - started));
	await advanceClock(60_000);
	if (finished === undefined) throw new Error('the work never finished');
	return finished;
}

/** Callbacks one after another, each on the event loop's next turn: `turns` of them. */
const turnAfterTurn = (turns: number, done: () => void) => {
	const next = (left: number) => (left ? setImmediate(() => next(left - 1)) : done());
	next(turns);
};

describe('the clock does not move while work is in flight', () => {
	test('callbacks queued one after another, for thousands of turns', async () => {
		expect(await finishedAt((done) => turnAfterTurn(5_000, done))).toBe(0);
	});

	test('ticks and microtasks between the turns', async () => {
		const work = (left: number, done: () => void): void => {
			if (!left) return done();
			process.nextTick(() =>
				queueMicrotask(() => void Promise.resolve().then(() => work(left - 1, done))),
			);
		};
		expect(await finishedAt((done) => setImmediate(() => work(1_000, done)))).toBe(0);
	});

	test('a file read on the thread pool, with a callback or a promise', async () => {
		expect(await finishedAt((done) => readFile(__filename, done))).toBe(0);
		expect(await finishedAt((done) => void readFileAsPromised(__filename).then(done))).toBe(0);
	});

	test('a crypto job on the thread pool, for as long as it takes', async () => {
		const slowHash = (done: () => void) => pbkdf2('secret', 'salt', 200_000, 32, 'sha256', done);
		expect(await finishedAt(slowHash)).toBe(0);
	});

	test('a stream through zlib on the thread pool', async () => {
		const compressed = gzipSync(Buffer.alloc(20_000_000, 'pictory'));
		const unzipped = (done: () => void) =>
			void pipeline(Readable.from([compressed]), createGunzip(), async (chunks) => {
				for await (const chunk of chunks) void chunk;
			}).then(done);
		expect(await finishedAt(unzipped)).toBe(0);
	});

	test('a corrupt zlib stream, which ends with an error rather than an answer', async () => {
		const corrupt = (done: () => void) => {
			const gunzip = createGunzip().on('error', () => done());
			gunzip.end(Buffer.from('not gzip at all'));
		};
		expect(await finishedAt(corrupt)).toBe(0);
	});

	test('a DNS lookup', async () => {
		expect(await finishedAt((done) => lookup('localhost', () => done()))).toBe(0);
	});

	test('work that then waits: the wait starts when the work ends, and takes its exact time', async () => {
		const started = Date.now();
		let firedAt: number | undefined;
		turnAfterTurn(2_000, () => setTimeout(() => (firedAt = Date.now() - started), 1_000));
		await advanceClock(500);
		expect(firedAt).toBeUndefined();
		await advanceClock(500);
		expect(firedAt).toBe(1_000);
	});
});

describe('the clock moves when only timers are left', () => {
	test('a cleared immediate is no work in flight', async () => {
		clearImmediate(setImmediate(() => {}));
		const started = Date.now();
		await onClock(new Promise((resolve) => setTimeout(resolve, 10_000)));
		expect(Date.now() - started).toBe(10_000);
	});

	test('a crypto job run synchronously is no work in flight', async () => {
		randomBytes(16);
		const started = Date.now();
		await onClock(new Promise((resolve) => setTimeout(resolve, 10_000)));
		expect(Date.now() - started).toBe(10_000);
	});

	test('a run that waits on nothing fails rather than hangs', async () => {
		await expect(runClockUntil(() => false)).rejects.toThrow('The run waits on nothing');
	});
});
