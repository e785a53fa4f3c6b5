#!/usr/bin/env node
/**
 * Validates the GitHub Actions workflows against GitHub's workflow schema, offline, with the pinned
 * @action-validator/core, so that a broken workflow fails here and not on the first pull request or
 * release.
 *
 *   node scripts/lint-workflows.mjs                 # every .github/workflows/*.yml and *.yaml
 *   node scripts/lint-workflows.mjs path/to/a.yml   # the files given
 *
 * Exits 1 and lists each problem, with where it is, when any file is invalid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import actionValidator from '@action-validator/core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = path.join(root, '.github', 'workflows');

const files =
	process.argv.length > 2
		? process.argv.slice(2).map((file) => path.resolve(file))
		: readdirSync(workflowsDir)
				.filter((file) => /\.ya?ml$/.test(file))
				.sort()
				.map((file) => path.join(workflowsDir, file));

if (files.length === 0) {
	console.error(`No workflow files found in ${path.relative(process.cwd(), workflowsDir)}`);
	process.exit(1);
}

let failed = 0;
for (const file of files) {
	const name = path.relative(process.cwd(), file);
	const { errors } = actionValidator.validateWorkflow(readFileSync(file, 'utf8'));
	if (errors.length === 0) {
		console.log(`ok      ${name}`);
		continue;
	}
	failed += 1;
	console.error(`invalid ${name}`);
	printErrors(errors, '  ');
}

if (failed > 0) {
	console.error(
		`\n${failed} of ${files.length} workflow files are not valid GitHub Actions workflows.`,
	);
	process.exit(1);
}
console.log(`${files.length} workflow files valid.`);

/** Each error with where it is; for "one of" errors, what each alternative would have needed. */
function printErrors(errors, indent) {
	for (const error of errors) {
		const where = error.path
			? ` at ${error.path}`
			: error.location
				? ` at line ${error.location.line}, column ${error.location.column}`
				: '';
		console.error(`${indent}- ${error.title}${where}${error.detail ? `: ${error.detail}` : ''}`);
		(error.states ?? []).forEach((state, index) => {
			console.error(`${indent}    either (${index + 1}):`);
			printErrors(state.errors, `${indent}      `);
		});
	}
}
