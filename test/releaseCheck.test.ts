/**
 * scripts/check-release.mjs, which the publish workflow runs before it builds anything: run as the
 * workflow runs it, on temporary copies of package.json and CHANGELOG.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-release.mjs');
const REPOSITORY = 'n8n-nodes-pictory/n8n-nodes-pictory';

const CHANGELOG = `# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-01

### Added

- Something new.

## [0.1.0] - 2026-11-25

### Added

- The first nodes.
`;

let dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	dirs = [];
});

function copy({
	version = '0.2.0',
	changelog = CHANGELOG as string | null,
	repository = { type: 'git', url: `git+https://github.com/${REPOSITORY}.git` } as unknown,
} = {}): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'release-check-'));
	dirs.push(dir);
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'n8n-nodes-pictory', version, repository }, null, '\t'),
	);
	if (changelog !== null) writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
	return dir;
}

function check(dir: string, args: string[], env: Record<string, string> = {}) {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) =>
				!['GITHUB_OUTPUT', 'GITHUB_REPOSITORY', 'GITHUB_REF_NAME', 'RELEASE_TAG'].includes(name),
		),
	);
	const { status, stdout, stderr } = spawnSync(process.execPath, [SCRIPT, '--dir', dir, ...args], {
		encoding: 'utf8',
		env: { ...clean, ...env },
	});
	return { status, output: stdout + stderr };
}

describe('a release that can be published', () => {
	test('passes, and gives the publish step the version and the npm dist-tag', () => {
		const dir = copy();
		const outputFile = path.join(dir, 'github-output');
		const { status, output } = check(dir, ['--tag', 'v0.2.0', '--repository', REPOSITORY], {
			GITHUB_OUTPUT: outputFile,
		});
		expect(output).toContain('Release v0.2.0 of n8n-nodes-pictory');
		expect(status).toBe(0);
		expect(readFileSync(outputFile, 'utf8')).toBe('version=0.2.0\ndist-tag=latest\n');
	});

	test('takes the tag and repository from the environment, as in GitHub Actions', () => {
		const { status } = check(copy(), [], {
			GITHUB_REF_NAME: 'v0.2.0',
			GITHUB_REPOSITORY: REPOSITORY,
		});
		expect(status).toBe(0);
	});

	test('publishes a pre-release under the "next" dist-tag, not "latest"', () => {
		const dir = copy({
			version: '1.0.0-beta.1',
			changelog: '## [1.0.0-beta.1] - 2026-12-02\n\n- A preview.\n',
		});
		const outputFile = path.join(dir, 'github-output');
		const { status } = check(dir, ['--tag', 'v1.0.0-beta.1', '--repository', REPOSITORY], {
			GITHUB_OUTPUT: outputFile,
		});
		expect(status).toBe(0);
		expect(readFileSync(outputFile, 'utf8')).toContain('dist-tag=next');
	});

	test.each([
		'git+https://github.com/n8n-nodes-pictory/n8n-nodes-pictory.git',
		'https://github.com/n8n-nodes-pictory/n8n-nodes-pictory',
		'git+ssh://git@github.com/n8n-nodes-pictory/n8n-nodes-pictory.git',
		'git@github.com:n8n-nodes-pictory/n8n-nodes-pictory.git',
		'github:n8n-nodes-pictory/n8n-nodes-pictory',
		'n8n-nodes-pictory/n8n-nodes-pictory',
	])('accepts repository.url %s', (url) => {
		expect(
			check(copy({ repository: { url } }), ['--tag', 'v0.2.0', '--repository', REPOSITORY]).status,
		).toBe(0);
		expect(
			check(copy({ repository: url }), ['--tag', 'v0.2.0', '--repository', REPOSITORY]).status,
		).toBe(0);
	});

	test("accepts this repository's own package.json and CHANGELOG.md once the entry is dated", () => {
		const { version, repository } = JSON.parse(
			readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
		);
		const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8').replace(
			new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]$`, 'm'),
			`## [${version}] - 2026-12-01`,
		);
		const dir = copy({ version, changelog, repository });
		const { status, output } = check(dir, ['--tag', `v${version}`, '--repository', REPOSITORY]);
		expect(output).toContain(`Release v${version}`);
		expect(status).toBe(0);
	});
});

describe('a release that cannot be published fails, saying what to fix', () => {
	test('a tag that is not package.json version', () => {
		const { status, output } = check(copy(), ['--tag', 'v0.3.0', '--repository', REPOSITORY]);
		expect(status).toBe(1);
		expect(output).toContain("The tag v0.3.0 does not match package.json's version 0.2.0");
		expect(output).toContain('the tag for this version is v0.2.0');
		expect(output).toContain('npm version --no-git-tag-version 0.3.0');
	});

	test('no tag at all', () => {
		const { status, output } = check(copy(), ['--repository', REPOSITORY]);
		expect(status).toBe(1);
		expect(output).toContain('No tag given: pass --tag vX.Y.Z');
	});

	test('a CHANGELOG.md without an entry for the version', () => {
		const dir = copy({ version: '0.3.0' });
		const { status, output } = check(dir, ['--tag', 'v0.3.0', '--repository', REPOSITORY]);
		expect(status).toBe(1);
		expect(output).toContain('CHANGELOG.md has no entry for 0.3.0');
		expect(output).toContain('"## [0.3.0] - YYYY-MM-DD"');
	});

	test('no CHANGELOG.md', () => {
		const { status, output } = check(copy({ changelog: null }), [
			'--tag',
			'v0.2.0',
			'--repository',
			REPOSITORY,
		]);
		expect(status).toBe(1);
		expect(output).toContain('There is no CHANGELOG.md');
	});

	test('an entry without its release date', () => {
		const dir = copy({ changelog: CHANGELOG.replace('## [0.2.0] - 2026-12-01', '## [0.2.0]') });
		const { status, output } = check(dir, ['--tag', 'v0.2.0', '--repository', REPOSITORY]);
		expect(status).toBe(1);
		expect(output).toContain('needs the release date');
		expect(output).toContain('"## [0.2.0] - YYYY-MM-DD"');
	});

	test('an entry with no changes listed', () => {
		const dir = copy({ changelog: CHANGELOG.replace('- Something new.', '') });
		const { status, output } = check(dir, ['--tag', 'v0.2.0', '--repository', REPOSITORY]);
		expect(status).toBe(1);
		expect(output).toContain("CHANGELOG.md's entry for 0.2.0 lists no changes");
	});

	test('a repository.url naming another GitHub repository', () => {
		const { status, output } = check(copy(), ['--tag', 'v0.2.0', '--repository', 'someone/a-fork']);
		expect(status).toBe(1);
		expect(output).toContain(
			`package.json's repository.url "git+https://github.com/${REPOSITORY}.git" does not name someone/a-fork`,
		);
		expect(output).toContain('set it to "git+https://github.com/someone/a-fork.git"');
	});

	test('a repository.url that differs only in case', () => {
		const { status, output } = check(copy(), [
			'--tag',
			'v0.2.0',
			'--repository',
			'N8N-Nodes-Pictory/n8n-nodes-pictory',
		]);
		expect(status).toBe(1);
		expect(output).toContain('(only the case differs)');
	});

	test('no repository in package.json', () => {
		const { status, output } = check(copy({ repository: null }), [
			'--tag',
			'v0.2.0',
			'--repository',
			REPOSITORY,
		]);
		expect(status).toBe(1);
		expect(output).toContain('package.json has no repository.url');
		expect(output).toContain(`"url": "git+https://github.com/${REPOSITORY}.git"`);
	});

	test('every problem at once, so that one run shows all there is to fix', () => {
		const dir = copy({ version: '0.3.0' });
		const { status, output } = check(dir, ['--tag', 'v0.4.0', '--repository', 'someone/a-fork']);
		expect(status).toBe(1);
		expect(output).toContain('does not match');
		expect(output).toContain('has no entry for 0.3.0');
		expect(output).toContain('does not name someone/a-fork');
	});
});
