/**
 * Two builds of the same commit and catalogue produce byte-identical sites: the same files with
 * the same SHA-256, even when built into different folders, in different time zones and locales
 * (no absolute path, clock or locale leaks into the output).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir } from '../helpers/build-dir.ts';
import { FIXTURE, runScript } from '../helpers/catalogue.ts';

let out = '';
const trees: Array<Map<string, string>> = [];

/** Every file of `dir` (relative, sorted) with its SHA-256. */
function tree(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const abs = path.join(d, e.name);
			if (e.isDirectory()) walk(abs);
			else files.set(path.relative(dir, abs).split(path.sep).join('/'), createHash('sha256').update(readFileSync(abs)).digest('hex'));
		}
	};
	walk(dir);
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Where the two builds of `file` first differ, for the failure message. */
function firstDifference(file: string): string {
	const [x, y] = [0, 1].map((i) => readFileSync(path.join(out, `build-${i}`, 'dist', file), 'utf8'));
	let i = 0;
	while (i < x!.length && x![i] === y![i]) i++;
	return `${file} differs at character ${i}:\n  ${x!.slice(Math.max(0, i - 80), i + 80)}\n  ${y!.slice(Math.max(0, i - 80), i + 80)}`;
}

beforeAll(() => {
	out = buildDir('atlas-repro-');
	const envs = [
		{ TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
		{ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
	];
	envs.forEach((env, i) => {
		const dist = path.join(out, `build-${i}`, 'dist');
		const run = runScript('build', [], { CATALOGUE_DIR: FIXTURE, DIST_DIR: dist, ...env });
		if (run.code !== 0) throw new Error(`build ${i} failed:\n${run.stdout}\n${run.stderr}`);
		trees.push(tree(dist));
	});
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('two builds of the same commit', () => {
	it('write the same files', () => {
		const [a, b] = trees;

		expect([...b!.keys()]).toEqual([...a!.keys()]);
		expect([...a!.keys()]).toEqual(expect.arrayContaining(['index.html', 'papers.json', 'rss.xml', 'sitemap-index.xml', 'pagefind/pagefind-entry.json']));
	});

	it('write every file byte for byte the same', () => {
		const [a, b] = trees;

		const differing = [...a!].filter(([file, sha]) => b!.get(file) !== sha).map(([file]) => file);

		expect(differing, differing.length ? firstDifference(differing[0]!) : '').toEqual([]);
	});
});
