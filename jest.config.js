/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	setupFiles: ['<rootDir>/test/setup.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
	// n8n's own logger reports every failed node run on the console; the tests check errors directly.
	silent: true,
};
