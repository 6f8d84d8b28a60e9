/**
 * The layout of src/ is its architecture. The data model (src/catalogue) is at the bottom and
 * imports nothing else of src/ and no Astro. The clients of outside services, the awesome-list
 * format, page helpers, search state and the category suggester each build on it alone. The
 * maintainer tools (src/maintain/<tool>/) use the clients, the list format, the suggester and the
 * model, and share only src/maintain/common; never the other way. Browser code uses search state and page helpers.
 * Pages, components and scripts/ sit on top.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/catalogue.ts';

const SRC = path.join(ROOT, 'src');

/** What a place of src/ may import besides its own modules; a place not named here is on top and may import anything. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
	catalogue: [],
	services: ['catalogue'],
	'awesome-list': ['catalogue'],
	site: ['catalogue'],
	search: ['catalogue'],
	suggest: ['catalogue'],
	'maintain/common': ['services', 'awesome-list', 'catalogue'],
	browser: ['search', 'site', 'catalogue'],
};
/** What every tool folder of src/maintain may import besides its own modules. */
const TOOL_MAY_IMPORT = ['maintain/common', 'services', 'awesome-list', 'suggest', 'catalogue'];

/** Every module specifier of a module's text: static imports, re-exports and dynamic `import()`. */
function specifiersIn(text: string): string[] {
	return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The place of a file under src/: its folder, or for src/maintain its tool folder ("maintain/enrich"); "outside src" above it. */
function placeOf(file: string): string {
	const parts = path.relative(SRC, file).split(path.sep);
	if (parts[0] === '..') return 'outside src';
	if (parts[0] === 'maintain' && parts.length > 2) return `maintain/${parts[1]}`;
	return parts.length > 1 ? parts[0]! : 'src';
}

/** The place a relative specifier of `from` lands in, or null for a package. */
function targetOf(from: string, spec: string): string | null {
	return spec.startsWith('.') ? placeOf(path.resolve(path.dirname(from), spec)) : null;
}

/** Whether a module in place `from` may import one in place `to`. */
function mayImport(from: string, to: string): boolean {
	if (from === to) return true;
	if (MAY_IMPORT[from]) return MAY_IMPORT[from].includes(to);
	if (from.startsWith('maintain/')) return TOOL_MAY_IMPORT.includes(to);
	return true;
}

/** The imports of `file` (given its text) that its place may not make, as "path imports spec (place)". */
function forbiddenImports(file: string, text: string): string[] {
	const from = placeOf(file);
	return specifiersIn(text).flatMap((spec) => {
		const to = targetOf(file, spec);
		return to === null || mayImport(from, to) ? [] : [`${path.relative(ROOT, file)} imports ${spec} (${to})`];
	});
}

const modules = (folder: string) => readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, folder, f));
const toolFolders = readdirSync(path.join(SRC, 'maintain'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'common').map((d) => `maintain/${d.name}`);

describe('the folders of src import only the layers below them', () => {
	it('keeps the data model to at most 25 modules that import nothing else of src and no Astro module', () => {
		const files = modules('catalogue');

		expect(files.length).toBeGreaterThan(0);
		expect(files.length).toBeLessThanOrEqual(25);
		for (const file of files) {
			for (const spec of specifiers(file)) expect(spec, path.relative(ROOT, file)).not.toMatch(/^astro(?::|\/|$)|^@astrojs\//);
			expect(forbiddenImports(file, readFileSync(file, 'utf8'))).toEqual([]);
		}
	});

	it.each(['services', 'awesome-list', 'site', 'search', 'suggest', 'browser', 'maintain/common', ...toolFolders])('lets src/%s import only itself and the layers below it', (folder) => {
		const files = modules(folder);

		expect(files.length).toBeGreaterThan(0);
		expect(files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')))).toEqual([]);
	});

	it('keeps every maintainer module in the folder of its tool or in common, none loose in src/maintain', () => {
		const loose = readdirSync(path.join(SRC, 'maintain'), { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);

		expect(toolFolders).toEqual(expect.arrayContaining(['maintain/enrich', 'maintain/stars', 'maintain/doctor']));
		expect(loose).toEqual([]);
	});

	it.each([
		['catalogue/example.ts', '../services/arxiv.ts', false],
		['catalogue/example.ts', './links.ts', true],
		['services/example.ts', '../maintain/enrich/enrich.ts', false],
		['services/example.ts', '../maintain/common/snapshot.ts', false],
		['services/example.ts', '../site/format.ts', false],
		['services/example.ts', './http-retry.ts', true],
		['services/example.ts', '../catalogue/links.ts', true],
		['site/example.ts', '../services/arxiv.ts', false],
		['awesome-list/example.ts', '../maintain/enrich/plan.ts', false],
		['maintain/enrich/example.ts', '../stars/stars.ts', false],
		['maintain/enrich/example.ts', '../../site/format.ts', false],
		['maintain/enrich/example.ts', '../../browser/theme.ts', false],
		['maintain/enrich/example.ts', '../../../scripts/lib/read-list.ts', false],
		['maintain/enrich/example.ts', './plan.ts', true],
		['maintain/enrich/example.ts', '../common/snapshot.ts', true],
		['maintain/enrich/example.ts', '../../services/arxiv.ts', true],
		['maintain/enrich/example.ts', '../../awesome-list/rows.ts', true],
		['maintain/enrich/example.ts', '../../suggest/suggester.ts', true],
		['suggest/example.ts', '../maintain/common/snapshot.ts', false],
		['suggest/example.ts', '../services/arxiv.ts', false],
		['suggest/example.ts', '../catalogue/tree.ts', true],
		['maintain/common/example.ts', '../enrich/plan.ts', false],
		['maintain/common/example.ts', '../../services/http-retry.ts', true],
		['browser/example.ts', '../maintain/enrich/enrich.ts', false],
		['browser/example.ts', '../services/arxiv.ts', false],
		['browser/example.ts', '../search/state.ts', true],
		['pages/example.ts', '../maintain/doctor/doctor.ts', true],
	] as const)('catches a violation: src/%s importing %s is allowed: %s', (from, spec, allowed) => {
		const file = path.join(SRC, from);

		const found = forbiddenImports(file, `import { x } from '${spec}';\n`);

		expect(found).toHaveLength(allowed ? 0 : 1);
	});

	it('reads the import forms it checks, so a forbidden import cannot slip past it', () => {
		const file = path.join(SRC, 'catalogue', 'example.ts');
		const text = `import a from '../site/a.ts';\nimport type { B } from "../search/b.ts";\nexport { c } from '../maintain/c/c.ts';\nimport '../awesome-list/d.ts';\nconst e = await import('../site/e.ts');\nimport { getCollection } from 'astro:content';`;

		const found = specifiersIn(text);

		expect(found.map((s) => targetOf(file, s) ?? s)).toEqual(['site', 'search', 'maintain/c', 'awesome-list', 'site', 'astro:content']);
		expect(forbiddenImports(file, text)).toHaveLength(5);
	});
});

function specifiers(file: string): string[] {
	return specifiersIn(readFileSync(file, 'utf8'));
}
