#!/usr/bin/env node
/**
 * Checks, before anything is built or published, that a release tag can be published:
 *
 *   - the tag is `v` + package.json's version (v0.2.0 for 0.2.0);
 *   - CHANGELOG.md has a dated entry for that version (`## [0.2.0] - 2026-12-01`) with notes;
 *   - package.json's repository.url names the GitHub repository the workflow runs in, which npm
 *     needs for provenance and n8n needs for verification.
 *
 * The publish workflow runs it with the pushed tag and GITHUB_REPOSITORY; run it locally the same way:
 *
 *   node scripts/check-release.mjs --tag v0.2.0 --repository owner/name [--dir path]
 *   RELEASE_TAG=v0.2.0 GITHUB_REPOSITORY=owner/name node scripts/check-release.mjs
 *
 * Exits 1 with every problem found and how to fix it. On success, and when GITHUB_OUTPUT is set,
 * writes `version` and `dist-tag` (latest, or next for a pre-release) as step outputs.
 * Plain Node.js, no dependencies: it runs before `npm ci`.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

const { values } = parseArgs({
	options: {
		tag: { type: 'string' },
		repository: { type: 'string' },
		dir: { type: 'string' },
	},
});

const tag = values.tag ?? process.env.RELEASE_TAG ?? process.env.GITHUB_REF_NAME;
const repository = values.repository ?? process.env.GITHUB_REPOSITORY;
const dir = path.resolve(values.dir ?? process.cwd());

const problems = [];

const packageJson = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
const { name, version } = packageJson;

checkTag();
checkChangelog();
checkRepository();

if (problems.length > 0) {
	console.error(`Cannot release ${name} from tag ${tag ?? '(none)'}:\n`);
	for (const problem of problems) console.error(`- ${problem}\n`);
	process.exit(1);
}

const distTag = SEMVER.exec(version)[4] ? 'next' : 'latest';
console.log(
	`Release ${tag} of ${name}: package.json's version, CHANGELOG.md and repository.url (${repository}) agree; npm dist-tag "${distTag}".`,
);
if (process.env.GITHUB_OUTPUT) {
	appendFileSync(process.env.GITHUB_OUTPUT, `version=${version}\ndist-tag=${distTag}\n`);
}

function checkTag() {
	if (!SEMVER.test(version ?? '')) {
		problems.push(
			`package.json's version "${version}" is not a semantic version (MAJOR.MINOR.PATCH): fix it in package.json.`,
		);
	}
	if (!tag) {
		problems.push(
			'No tag given: pass --tag vX.Y.Z (or set RELEASE_TAG); in GitHub Actions the pushed tag is GITHUB_REF_NAME.',
		);
	} else if (tag !== `v${version}`) {
		problems.push(
			`The tag ${tag} does not match package.json's version ${version}: the tag for this version is v${version}. ` +
				`Either set "version" in package.json to ${tag.replace(/^v/, '')} (npm version --no-git-tag-version ${tag.replace(/^v/, '')}), ` +
				`commit, and tag that commit; or delete the tag (git push --delete origin ${tag}) and push v${version}.`,
		);
	}
}

function checkChangelog() {
	const file = path.join(dir, 'CHANGELOG.md');
	if (!existsSync(file)) {
		problems.push(
			`There is no CHANGELOG.md: add one with a "## [${version}] - YYYY-MM-DD" entry (see CONTRIBUTING.md).`,
		);
		return;
	}
	const lines = readFileSync(file, 'utf8').split(/\r?\n/);
	const escaped = String(version).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const heading = new RegExp(`^##\\s+\\[?v?${escaped}\\]?(?:\\s|$)`);
	const start = lines.findIndex((line) => heading.test(line));
	if (start === -1) {
		problems.push(
			`CHANGELOG.md has no entry for ${version}: move the notes under "## [Unreleased]" to a new ` +
				`"## [${version}] - YYYY-MM-DD" heading (the release date), and add a link for it at the bottom.`,
		);
		return;
	}
	if (!/^##\s+\[[^\]]+\]\s+-\s+\d{4}-\d{2}-\d{2}\s*$/.test(lines[start])) {
		problems.push(
			`CHANGELOG.md's entry for ${version} ("${lines[start].trim()}") needs the release date, ` +
				`in Keep a Changelog form: "## [${version}] - YYYY-MM-DD".`,
		);
	}
	const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
	const body = lines.slice(start + 1, end === -1 ? undefined : end);
	if (!body.some((line) => /^\s*[-*]\s+\S/.test(line))) {
		problems.push(
			`CHANGELOG.md's entry for ${version} lists no changes: add them as "- ..." lines under ### Added, Changed, Fixed...`,
		);
	}
}

/** owner/name of a GitHub repository URL as npm accepts it, or undefined for anything else. */
function githubRepository(url) {
	const match =
		/^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?github\.com[/:]([^/\s]+)\/([^/\s#]+?)(?:\.git)?\/?(?:#.*)?$/.exec(
			url,
		) ??
		/^git@github\.com:([^/\s]+)\/([^/\s#]+?)(?:\.git)?$/.exec(url) ??
		/^(?:github:)?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?$/.exec(url);
	return match ? `${match[1]}/${match[2]}` : undefined;
}

function checkRepository() {
	const expected = repository ? `git+https://github.com/${repository}.git` : undefined;
	if (!repository) {
		problems.push(
			'No GitHub repository given: pass --repository owner/name (or set GITHUB_REPOSITORY, as GitHub Actions does).',
		);
	}
	const declared =
		typeof packageJson.repository === 'string'
			? packageJson.repository
			: packageJson.repository?.url;
	if (!declared) {
		problems.push(
			`package.json has no repository.url: add "repository": { "type": "git", "url": "${expected ?? 'git+https://github.com/OWNER/NAME.git'}" }. ` +
				'npm provenance and n8n verification both need it to name the repository that publishes.',
		);
		return;
	}
	if (!repository) return;
	const named = githubRepository(declared);
	if (named !== repository) {
		problems.push(
			`package.json's repository.url "${declared}" does not name ${repository}, the GitHub repository this release runs in` +
				`${named && named.toLowerCase() === repository.toLowerCase() ? ' (only the case differs)' : ''}: ` +
				`set it to "${expected}" (and bugs/homepage to match), or publish from the repository it names. ` +
				'npm rejects provenance, and n8n verification, when they differ.',
		);
	}
}
