/**
 * The layout of src/ is its architecture: the data model (src/catalogue) at the bottom, imports
 * nothing else of src/ and no Astro; the awesome-list format, page helpers, search state and
 * maintainer tools each build on it alone; pages, components and scripts/ sit on top.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/catalogue.ts';

const SRC = path.join(ROOT, 'src');
const MIDDLE = ['awesome-list', 'site', 'search', 'maintain'];

/** Every module specifier of a module's text: static imports, re-exports and dynamic `import()`. */
function specifiersIn(text: string): string[] {
	return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The folder of src/ a relative specifier lands in ("catalogue", "site", …), or null for a package. */
function folderOf(from: string, spec: string): string | null {
	if (!spec.startsWith('.')) return null;
	return path.relative(SRC, path.resolve(path.dirname(from), spec)).split(path.sep)[0]!;
}

const specifiers = (file: string) => specifiersIn(readFileSync(file, 'utf8'));
const modules = (folder: string) => readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, folder, f));

describe('the folders of src import only the data model below them', () => {
	it('keeps the data model to at most 25 modules that import nothing else of src and no Astro module', () => {
		const files = modules('catalogue');

		expect(files.length).toBeGreaterThan(0);
		expect(files.length).toBeLessThanOrEqual(25);
		for (const file of files) {
			for (const spec of specifiers(file)) {
				expect(spec, path.relative(ROOT, file)).not.toMatch(/^astro(?::|\/|$)|^@astrojs\//);
				const folder = folderOf(file, spec);
				if (folder !== null) expect(folder, `${path.relative(ROOT, file)} imports ${spec}`).toBe('catalogue');
			}
		}
	});

	it.each(MIDDLE)('lets src/%s use its own modules and the data model, nothing else of src', (name) => {
		const files = modules(name);

		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			for (const spec of specifiers(file)) {
				const folder = folderOf(file, spec);
				if (folder !== null) expect([name, 'catalogue'], `${path.relative(ROOT, file)} imports ${spec}`).toContain(folder);
			}
		}
	});

	it('reads the import forms it checks, so a forbidden import cannot slip past it', () => {
		const file = path.join(SRC, 'catalogue', 'example.ts');
		const text = `import a from '../site/a.ts';\nimport type { B } from "../search/b.ts";\nexport { c } from '../maintain/c.ts';\nimport '../awesome-list/d.ts';\nconst e = await import('../site/e.ts');\nimport { getCollection } from 'astro:content';`;

		const found = specifiersIn(text);

		expect(found.map((s) => folderOf(file, s) ?? s)).toEqual(['site', 'search', 'maintain', 'awesome-list', 'site', 'astro:content']);
	});
});
