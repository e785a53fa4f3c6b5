/**
 * `npm run scan` (scripts/scan.mjs), run on a temporary copy of the package: it fails, as n8n's
 * verification would, on a console.log or an fs import in nodes/ (even behind an eslint-disable
 * comment, which n8n ignores) and on a console.log that only the built, packed code contains.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'scan.mjs');

let work: string;

beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'scan-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The package's sources and package.json, with a stand-in for the build: one small module for each
 * node and credential package.json registers. (The real build is scanned by `npm run scan`.)
 */
function packageCopy(name: string): string {
	const dir = path.join(work, name);
	for (const entry of ['package.json', 'nodes', 'credentials']) {
		cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
	}
	const { n8n } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	for (const file of [...n8n.nodes, ...n8n.credentials] as string[]) {
		const className = path.basename(file).split('.')[0];
		mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
		writeFileSync(
			path.join(dir, file),
			`"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n` +
				`class ${className} {}\nexports.${className} = ${className};\n`,
		);
	}
	return dir;
}

function append(dir: string, file: string, text: string) {
	const target = path.join(dir, file);
	writeFileSync(target, `${readFileSync(target, 'utf8')}\n${text}\n`);
}

function prepend(dir: string, file: string, text: string) {
	const target = path.join(dir, file);
	writeFileSync(target, `${text}\n${readFileSync(target, 'utf8')}`);
}

async function scan(dir: string): Promise<{ code: number; output: string }> {
	return await new Promise((resolve) => {
		execFile(process.execPath, [SCRIPT, dir], { encoding: 'utf8' }, (error, stdout, stderr) => {
			resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr });
		});
	});
}

test('fails on a console.log (even behind eslint-disable) or an fs import in nodes/, and on a console.log in the built code', async () => {
	const dir = packageCopy('findings');
	append(
		dir,
		'nodes/Pictory/Pictory.node.ts',
		"// eslint-disable-next-line no-console\nconsole.log('debug');",
	);
	prepend(dir, 'nodes/Pictory/shared/download.ts', "import { readFileSync } from 'fs';");
	append(dir, 'dist/nodes/Pictory/Pictory.node.js', "console.log('debug');");

	const { code, output } = await scan(dir);
	expect(code).toBe(1);
	// Each line is an error of its own, and any one error fails n8n's scan; the counts show that
	// the rest of the copy passes (as `npm run scan` on the real package shows in CI).
	const [sources, tarball] = output.split(/^FAIL tarball/m);
	expect(sources).toContain('FAIL sources');
	expect(sources).toMatch(
		/nodes\/Pictory\/Pictory\.node\.ts\n\s+\d+:\d+\s+error\s+Unexpected console statement\s+no-console/,
	);
	expect(sources).toMatch(
		/nodes\/Pictory\/shared\/download\.ts\n\s+1:1\s+error\s+Import of 'fs' is not allowed.*no-restricted-imports/,
	);
	expect(sources).toContain('2 problems (2 errors, 0 warnings)');
	expect(tarball).toMatch(
		/dist\/nodes\/Pictory\/Pictory\.node\.js\n\s+\d+:\d+\s+error\s+Unexpected console statement\s+no-console/,
	);
	expect(tarball).toContain('1 problem (1 error, 0 warnings)');
});
