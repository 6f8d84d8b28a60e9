import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { buildTree } from '../../../src/catalogue/tree.ts';
import { checkKeywords, readKeywords, suggestJsonSchemas } from '../../../src/suggest/keywords.ts';
import { FIXTURE, ROOT } from '../../helpers/catalogue.ts';

const { taxonomy } = loadCatalogueOrThrow(FIXTURE);
const HEAD = '# yaml-language-server: $schema=../public/schemas/suggest.schema.json\ncategories:\n';
const check = (body: string) => checkKeywords('data/suggest.yaml', HEAD + body, taxonomy);

describe('data/suggest.yaml', () => {
	it('reads terms by leaf', () => {
		const { keywords, diagnostics } = check('  - category: quantization\n    source: survey §3.4\n    terms: [low-bit, outliers]\n');

		expect(diagnostics).toEqual([]);
		expect([...keywords!]).toEqual([['quantization', ['low-bit', 'outliers']]]);
	});

	it('names a category that is not a leaf at its line, with the leaf it probably means', () => {
		const { keywords, diagnostics } = check('  - category: quantization\n    terms: [bit]\n  - category: static-selecton\n    terms: [prefill]\n  - category: token-level\n    terms: [token]\n');

		expect(keywords).toBeNull();
		expect(diagnostics.map(formatDiagnostic)).toEqual([
			'data/suggest.yaml:5:15  categories.1.category  "static-selecton" is not a leaf of the taxonomy — did you mean "static-selection"?',
			'data/suggest.yaml:7:15  categories.2.category  "token-level" is not a leaf of the taxonomy; use a slug from data/taxonomy.yaml that has no children',
		]);
	});

	it('refuses a category listed twice, an unknown field and an empty list of terms, each at its place', () => {
		const twice = check('  - category: quantization\n    terms: [bit]\n  - category: quantization\n    terms: [int4]\n');
		const typo = check('  - category: quantization\n    term: [bit]\n');
		const empty = check('  - category: quantization\n    terms: []\n');

		expect(twice.diagnostics.map(formatDiagnostic)).toEqual(['data/suggest.yaml:5:15  categories.1.category  "quantization" is listed twice (also entry 1); keep one entry per category and merge their terms']);
		expect(typo.diagnostics.map(formatDiagnostic)).toEqual([
			'data/suggest.yaml:3:5  categories.0.terms  is required but missing; add "terms:"',
			'data/suggest.yaml:4:5  categories.0.term  unknown field "term" — did you mean "terms"?',
		]);
		expect(empty.diagnostics.map(formatDiagnostic)).toEqual(['data/suggest.yaml:4:12  categories.0.terms  must list at least one term']);
	});

	it('is optional: a catalogue without it has no keywords and no problem', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'atlas-suggest-'));

		const read = readKeywords(dir, taxonomy);
		rmSync(dir, { recursive: true, force: true });

		expect(read).toEqual({ keywords: null, diagnostics: [] });
	});

	it('in data/ gives every leaf of the taxonomy terms and says where they come from', () => {
		const data = path.join(ROOT, 'data');
		const real = loadCatalogueOrThrow(data).taxonomy;
		const tree = buildTree(real);
		const text = readFileSync(path.join(data, 'suggest.yaml'), 'utf8');

		const { keywords, diagnostics } = readKeywords(data, real);

		expect(diagnostics).toEqual([]);
		expect([...keywords!.keys()].sort()).toEqual(tree.leaves.map((l) => l.slug).sort());
		expect(text.match(/^ {4}source: /gm)).toHaveLength(tree.leaves.length);
	});

	it('has a committed JSON Schema that matches its zod schema (run "npm run schemas" when this fails)', () => {
		for (const [name, generated] of Object.entries(suggestJsonSchemas())) expect(readFileSync(path.join(ROOT, 'public/schemas', name), 'utf8')).toBe(generated);
	});
});
