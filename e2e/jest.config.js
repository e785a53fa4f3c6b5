/** End-to-end tests: a real n8n started by the tests themselves (see e2e/n8n.js). */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	rootDir: '..',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// The queue-mode test has a command and a config of its own (jest.queue.config.js).
	testPathIgnorePatterns: ['/node_modules/', '/e2e/queue\\.e2e\\.ts$'],
	testTimeout: 180_000,
	// Each file starts its own n8n; one at a time keeps a 2-core machine responsive.
	maxWorkers: 1,
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
};
