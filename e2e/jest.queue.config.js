/**
 * The queue-mode end-to-end test (npm run test:e2e:queue): n8n main, two workers, Postgres and
 * Redis, all started by the test itself. It waits for the trigger's once-a-minute polls.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testMatch: ['**/e2e/queue.e2e.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 8 * 60_000,
};
