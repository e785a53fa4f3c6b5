/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
	// Every test runs on a fake clock that moves only when no work is in flight (test/clock.ts):
	// timers and Date are fake; immediates, ticks and microtasks stay real for in-process HTTP.
	fakeTimers: {
		enableGlobally: true,
		doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
		now: Date.parse('2026-04-04T12:00:00.000Z'),
	},
	// No test depends on real time (the fake clock makes it exact), but how long a test takes
	// does: thousands of requests through n8n's HTTP stack, or a scan, on a busy machine. The
	// real-time limit only stops a test that hangs.
	testTimeout: 300_000,
	// One worker per core (jest's default leaves one core idle).
	maxWorkers: 2,
};
