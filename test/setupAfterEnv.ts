import nock from 'nock';

// nock answers through Node's own timers module, which jest's fake clock does not replace: a reply,
// even an immediate one, would wait for real time. A reply's delay goes on the test's clock instead,
// and a reply without one comes on the next turn, as it would from a server on the same machine.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nockTimers = require('nock/lib/common') as { setTimeout: unknown };
nockTimers.setTimeout = (
	callback: (...args: unknown[]) => void,
	ms?: number,
	...args: unknown[]
) => (ms ? setTimeout(callback, ms, ...args) : setImmediate(callback, ...args));

// nock patches Node's http module, which all test files in a worker share: switch it on and off per file.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});
afterEach(() => {
	nock.cleanAll();
	// Timers a test left behind (a stopped run's wait, a reply never collected) must not fire in the next.
	jest.clearAllTimers();
});
afterAll(() => nock.restore());

// Backoffs and pauses have random jitter: a seeded sequence makes every run of a test the same.
beforeEach(() => {
	let seed = 0x2f6b_1e3d;
	jest.spyOn(Math, 'random').mockImplementation(() => {
		// mulberry32
		seed = (seed + 0x6d2b79f5) | 0;
		let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	});
});
