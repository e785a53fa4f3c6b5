const { rm } = require('node:fs/promises');
const { src, dest } = require('gulp');

// A build starts from an empty dist, so that files of renamed or deleted sources are not published.
async function clean() {
	await rm('dist', { recursive: true, force: true });
}

// tsc compiles the TypeScript; n8n also needs each node's and credential's icons beside the built files.
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:icons'] = copyIcons;
