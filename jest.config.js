/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	setupFiles: ['<rootDir>/test/setup.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
	// Every test runs on a fake clock that moves only when nothing is in flight (test/clock.ts):
	// timers and Date are fake; immediates, ticks and microtasks stay real for in-process HTTP.
	fakeTimers: {
		enableGlobally: true,
		doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
		now: Date.parse('2026-04-04T12:00:00.000Z'),
	},
	// One worker per core (jest's default leaves one core idle).
	maxWorkers: 2,
	// n8n's own logger reports every failed node run on the console; the tests check errors directly.
	silent: true,
};
