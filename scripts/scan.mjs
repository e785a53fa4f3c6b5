#!/usr/bin/env node
/**
 * n8n's verification scan, run locally with the pinned @n8n/scan-community-package, on:
 *
 *   1. the sources, as n8n lints the GitHub commit named in a release's provenance:
 *      package.json and {nodes,credentials}/**;
 *   2. the tarball `npm pack` makes of the built package, as n8n lints the published one:
 *      **\/*.js and package.json.
 *
 * That is what n8n's verification runs (its CLI, `analyzePackageByName`), minus the provenance
 * check and the downloads, which need a published version. Like n8n, it ignores the repository's
 * eslint config and every inline eslint-disable comment.
 *
 *   node scripts/scan.mjs [package-dir]   # default: this repository; build first (npm run build)
 *
 * Exits 1 with the scanner's report when either scan finds an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = path.resolve(process.argv[2] ?? root);
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const require = createRequire(path.join(root, 'package.json'));
const scannerPackageJson = require.resolve('@n8n/scan-community-package/package.json');
const scannerVersion = JSON.parse(readFileSync(scannerPackageJson, 'utf8')).version;
const scannerPath = path.join(path.dirname(scannerPackageJson), 'scanner', 'scanner.mjs');
const glob = createRequire(scannerPath)('fast-glob');

// The scanner makes a temporary folder when it is loaded (for downloads this script never makes):
// give it one inside ours, so that nothing is left behind.
const work = mkdtempSync(path.join(tmpdir(), 'n8n-scan-'));
process.env.TMPDIR = work;
// Under NODE_ENV=test (which jest sets) eslint-plugin-n8n-nodes-base lints as in its own test suite,
// with made-up file names, and finds errors n8n's scan does not: scan as n8n does.
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;

const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);

let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	console.error(`\nThe scan could not run: ${error.message}`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);

async function main() {
	const packageJson = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	console.log(
		`n8n's scan (@n8n/scan-community-package ${scannerVersion}) of ${packageJson.name}@${packageJson.version}`,
	);

	const results = [];
	results.push(
		await scan(
			'sources',
			packageDir,
			SOURCE_FILE_PATTERNS,
			path.relative(process.cwd(), packageDir) || '.',
		),
	);

	const missing = [
		...(packageJson.n8n?.nodes ?? []),
		...(packageJson.n8n?.credentials ?? []),
	].filter((file) => !existsSync(path.join(packageDir, file)));
	if (missing.length > 0) {
		console.error(
			`\nFAIL tarball: ${missing.join(', ')} missing: run \`npm run build\` first, so that the tarball has the built nodes.`,
		);
		return 1;
	}
	warnIfStale();
	const { tarball, extracted } = pack();
	results.push(await scan('tarball', extracted, TARBALL_FILE_PATTERNS, tarball));

	const failed = results.filter((result) => !result.passed);
	if (failed.length === 0) {
		console.log('\nNo findings: n8n verification would accept this code (provenance aside).');
		return 0;
	}
	console.error(
		`\n${failed.map((result) => result.name).join(' and ')} failed n8n's scan. n8n's verification ` +
			'rejects the package for these errors; fix the code (an eslint-disable comment does not count).',
	);
	return 1;
}

/** One scan as n8n's CLI runs it, with how many files it read. */
async function scan(name, dir, patterns, label) {
	const files = glob.sync(patterns, {
		cwd: dir,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const started = Date.now();
	const result = await analyzePackage(dir, patterns);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const what = `${name}: ${label} (${patterns.join(', ')}): ${files.length} files`;
	if (result.passed && files.length > 0) {
		console.log(`PASS ${what}, ${seconds} s`);
		return { name, passed: true };
	}
	console.error(`FAIL ${what}`);
	if (files.length === 0) console.error('  nothing to scan: the patterns matched no file');
	else console.error(`  ${result.message}`);
	if (result.details) console.error(result.details.replaceAll(dir + path.sep, ''));
	return { name, passed: false };
}

/** `npm pack` into the work folder, unpacked as n8n unpacks a downloaded package. */
function pack() {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: packageDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	const tarball = packed[0].filename;
	const extracted = path.join(work, 'package');
	mkdirSync(extracted);
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', extracted, '--strip-components=1']);
	return { tarball, extracted };
}

/** A warning, not a failure: the tarball scan reads dist/, which may predate the sources. */
function warnIfStale() {
	const newest = (dir, patterns) =>
		Math.max(
			0,
			...glob
				.sync(patterns, { cwd: path.join(packageDir, dir), absolute: true })
				.map((file) => statSync(file).mtimeMs),
		);
	if (!existsSync(path.join(packageDir, 'dist'))) return;
	const sources = Math.max(newest('nodes', ['**/*.ts']), newest('credentials', ['**/*.ts']));
	if (sources > newest('dist', ['**/*.js'])) {
		console.warn(
			'  note: some sources are newer than dist/: the tarball scan reads the last build (npm run build).',
		);
	}
}
