/**
 * The GitHub Actions workflows: valid by GitHub's schema (`npm run lint:workflows`, which fails on a
 * broken one), and a publish workflow that checks a release before it publishes it with provenance.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'lint-workflows.mjs');

function lint(...files: string[]) {
	const { status, stdout, stderr } = spawnSync(process.execPath, [SCRIPT, ...files], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	return { status, output: stdout + stderr };
}

describe('npm run lint:workflows', () => {
	test("passes on the repository's workflows", () => {
		const { status, output } = lint();
		expect(output).toContain('ok      .github/workflows/ci.yml');
		expect(output).toContain('ok      .github/workflows/publish.yml');
		expect(status).toBe(0);
	});

	test('fails on a broken workflow, saying where', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'workflows-'));
		try {
			const broken = path.join(dir, 'broken.yml');
			// A job without runs-on, and a misspelt key in a step.
			writeFileSync(
				broken,
				[
					'name: Broken',
					'on: push',
					'jobs:',
					'  build:',
					'    steps:',
					'      - uses: actions/checkout@v4',
					'        whith:',
					'          fetch-depth: 0',
					'',
				].join('\n'),
			);
			const { status, output } = lint(broken);
			expect(status).toBe(1);
			expect(output).toContain('broken.yml');
			expect(output).toContain('This property is required at /jobs/build/runs-on');
			expect(output).toContain("Additional property 'whith' is not allowed");
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('fails on a file that is not YAML', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'workflows-'));
		try {
			const broken = path.join(dir, 'broken.yml');
			writeFileSync(broken, 'name: x\non: push\njobs:\n  a: [\n');
			const { status, output } = lint(broken);
			expect(status).toBe(1);
			expect(output).toMatch(/Parse Error at line \d+, column \d+/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the publish workflow', () => {
	const workflow = readFileSync(path.join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
	const at = (text: string) => {
		const index = workflow.indexOf(text);
		expect(index).toBeGreaterThan(-1);
		return index;
	};

	test('runs on version tags, with the permissions provenance needs and no more', () => {
		expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*\.\*\.\*'$/m);
		expect(workflow).toMatch(/^permissions:\n {2}id-token: write.*\n {2}contents: read$/m);
	});

	test('checks the tag, CHANGELOG.md and repository before installing or publishing anything', () => {
		const check = at(
			'node scripts/check-release.mjs --tag "$GITHUB_REF_NAME" --repository "$GITHUB_REPOSITORY"',
		);
		expect(check).toBeLessThan(at('run: npm ci'));
		for (const step of ['npm run build', 'npm run lint', 'npm test', 'npm run scan']) {
			expect(at(`run: ${step}`)).toBeLessThan(at('run: npm publish'));
		}
	});

	test('publishes with provenance, with trusted publishing or the NPM_TOKEN secret', () => {
		expect(workflow).toContain('npm install -g npm@11.');
		expect(workflow).toContain(
			'run: npm publish --provenance --access public --tag "${{ steps.release.outputs.dist-tag }}"',
		);
		expect(workflow).toContain('NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}');
		expect(workflow).toContain('registry-url: https://registry.npmjs.org');
	});
});
