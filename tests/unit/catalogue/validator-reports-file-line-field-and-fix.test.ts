import { rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { copyCatalogue, FIXTURE, readIn, writeIn } from '../../helpers/catalogue.ts';

const SCHEMA = '# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json\n';
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Write a paper file into a copy of the fixture and return the messages, relative to the copy. */
function problemsWith(name: string, yaml: string, edit?: (d: string) => void) {
	dir = copyCatalogue();
	writeIn(dir, `papers/${name}`, SCHEMA + yaml);
	edit?.(dir);
	const { catalogue, diagnostics } = loadCatalogue(dir);
	const lines = diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }));
	return { catalogue, diagnostics, lines };
}

const good = (extra = '') => `title: A Good Paper About Caches\nyear: 2024\nvenue: ICML\ncategories: [quantization]\n${extra}`;

describe('the validator', () => {
	it('accepts the fixture catalogue without a single message', () => {
		const { catalogue, diagnostics } = loadCatalogue(FIXTURE);

		expect(diagnostics).toEqual([]);
		expect(catalogue?.papers.map((p) => p.id)).toEqual(['h2o', 'kivi', 'markup-title', 'snapkv', 'vllm']);
	});

	it('names an alias venue and its canonical name at the venue value', () => {
		const { lines, catalogue } = problemsWith('x.yaml', good().replace('venue: ICML', 'venue: NIPS'));

		expect(catalogue).toBeNull();
		expect(lines).toEqual(['papers/x.yaml:4:8  venue  write the venue\'s canonical name "NeurIPS" instead of "NIPS"']);
	});

	it('suggests the closest venue for a typo', () => {
		const { lines } = problemsWith('x.yaml', good().replace('venue: ICML', 'venue: NeurlPS'));

		expect(lines).toEqual(['papers/x.yaml:4:8  venue  unknown venue "NeurlPS" — did you mean "NeurIPS"?']);
	});

	it('points at a misspelt key and suggests the field it meant', () => {
		const { lines } = problemsWith('x.yaml', good().replace('categories:', 'categroies:'));

		expect(lines).toContain('papers/x.yaml:5:1  categroies  unknown field "categroies" — did you mean "categories"?');
		expect(lines).toContain('papers/x.yaml:2:1  categories  is required but missing; add "categories:"');
	});

	it('refuses a year out of range and a year written as text', () => {
		expect(problemsWith('x.yaml', good().replace('2024', '1800')).lines).toEqual(['papers/x.yaml:3:7  year  must be 1990 or later']);
		expect(problemsWith('x.yaml', good().replace('2024', '"2024"')).lines).toEqual([
			'papers/x.yaml:3:7  year  must be a year written as a number, such as 2024, not the text "2024"',
		]);
		expect(problemsWith('x.yaml', good().replace('2024', '2999')).lines).toEqual(['papers/x.yaml:3:7  year  must not be later than next year']);
	});

	it.each([
		['javascript:alert(1)'],
		['data:text/html,<script>alert(1)</script>'],
		['//evil.example/paper'],
		['ftp://example.org/paper.pdf'],
	])('refuses the link %s: only http(s) URLs reach a page', (url) => {
		const { lines } = problemsWith('x.yaml', good(`paper: "${url}"\n`));

		expect(lines).toEqual(['papers/x.yaml:6:8  paper  must be an absolute http:// or https:// URL']);
	});

	it('refuses a date the calendar does not have, and takes a leap day', () => {
		const bad = problemsWith('x.yaml', good('date: 2025-02-30\n'));
		const leap = problemsWith('y.yaml', good('date: 2024-02-29\n'));

		expect(bad.lines).toEqual(['papers/x.yaml:6:7  date  is not a day of the calendar (check the month and the day)']);
		expect(leap.lines).toEqual([]);
	});

	it('says a group is not a category and lists its leaves', () => {
		const { lines } = problemsWith('x.yaml', good().replace('[quantization]', '[selection]'));

		expect(lines).toEqual([
			'papers/x.yaml:5:14  categories.0  "selection" is a group, not a category; name one of its categories: static-selection, dynamic-selection',
		]);
	});

	it('suggests the closest category for an unknown slug', () => {
		const { lines } = problemsWith('x.yaml', good().replace('[quantization]', '[quantisation]'));

		expect(lines).toEqual(['papers/x.yaml:5:14  categories.0  unknown category "quantisation" — did you mean "quantization"?']);
	});

	it('refuses a second file for the same arXiv paper and names the first one', () => {
		const { lines } = problemsWith('snapkv-again.yaml', good('paper: https://arxiv.org/pdf/2404.14469v2\n'));

		expect(lines).toEqual([
			'papers/snapkv.yaml:7:8  paper  same arXiv 2404.14469 as ' +
				`${path.join(dir, 'papers/snapkv-again.yaml')}:6 ("A Good Paper About Caches"); a paper in several categories is one file: add the categories there and delete this file`,
		]);
	});

	it('refuses the same title under another file name', () => {
		const { lines } = problemsWith('kivi2.yaml', good().replace('A Good Paper About Caches', 'KIVI - a tuning-free asymmetric 2bit quantization for KV cache'));

		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^papers\/kivi2\.yaml:2:8 {2}title {2}same title as .*\/papers\/kivi\.yaml:2; a paper in several categories is one file/);
	});

	it('asks for a lower-case file name, which is the id', () => {
		const { lines } = problemsWith('SnapKV_2.yaml', good());

		expect(lines).toEqual(['papers/SnapKV_2.yaml:2:1  (file name)  file name "SnapKV_2.yaml" is the paper\'s id and must be lower-case words joined by hyphens; rename it to "snapkv-2.yaml"']);
	});

	it('reports YAML syntax errors with their line', () => {
		const { lines } = problemsWith('x.yaml', 'title: "unclosed\nyear: 2024\n');

		expect(lines.length).toBeGreaterThan(0);
		expect(lines[0]).toMatch(/^papers\/x\.yaml:\d+:\d+ {2}\(yaml\) {2}YAML syntax: Missing closing "quote/);
	});

	it('wants GitHub code links of the form github.com/owner/name', () => {
		expect(problemsWith('x.yaml', good('code: https://github.com/whyNLP\n')).lines).toEqual([
			'papers/x.yaml:6:7  code  a GitHub code link must name a repository: https://github.com/owner/name',
		]);
		expect(problemsWith('x.yaml', good('code: https://github.LCKVcom/whyNLP/\n')).lines).toEqual([
			'papers/x.yaml:6:7  code  host "github.lckvcom" is not github.com; write https://github.com/owner/name',
		]);
	});

	it('refuses a duplicate slug in the taxonomy and a slug taken by a site page', () => {
		dir = copyCatalogue();
		const tax = readIn(dir, 'taxonomy.yaml').replace('slug: memory-management', 'slug: quantization').replace('slug: system-level', 'slug: papers');
		writeIn(dir, 'taxonomy.yaml', tax);

		const lines = loadCatalogue(dir).diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }));

		expect(lines).toContain('taxonomy.yaml:15:9  1.slug  slug "papers" is taken by a page of the site; choose another');
		expect(lines).toContain('taxonomy.yaml:18:13  1.children.0.slug  slug "quantization" is already used at line 13; slugs must be unique over the whole tree (try "quantization-2" or a more specific name)');
	});

	it('refuses an alias that already names another venue', () => {
		dir = copyCatalogue();
		writeIn(dir, 'venues.yaml', readIn(dir, 'venues.yaml').replace('kind: preprint', 'kind: preprint\n  aliases: [nips]'));

		const lines = loadCatalogue(dir).diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }));

		expect(lines).toEqual(['venues.yaml:17:13  4.aliases.0  "nips" already names the venue "NeurIPS"; a name or alias may belong to one venue only']);
	});

	it('says a missing taxonomy is missing, and a broken star snapshot is regenerated, not edited', () => {
		dir = copyCatalogue();
		unlinkSync(path.join(dir, 'taxonomy.yaml'));
		writeIn(dir, 'stars.json', '{ "a/b": { "stars": -1 } ');

		const lines = loadCatalogue(dir).diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }));

		expect(lines[0]).toMatch(/^stars\.json:1:1 {2}\(json\) {2}not valid JSON .*regenerate it with "npm run stars"/);
		expect(lines[1]).toBe('taxonomy.yaml:1:1  (file)  missing: the catalogue needs taxonomy.yaml');
	});

	it('refuses an own BibTeX entry longer than 5,000 characters and accepts one of 5,000', () => {
		const entry = (n: number) => `bibtex: "@misc{k, note = {${'x'.repeat(n - 19)}}}"\n`;

		expect(problemsWith('x.yaml', good(entry(5001))).lines).toEqual(['papers/x.yaml:6:9  bibtex  is longer than 5,000 characters: keep one BibTeX entry with its usual fields']);
		expect(problemsWith('x.yaml', good(entry(5000))).lines).toEqual([]);
	});

	it('warns, without failing, when the schema line is missing', () => {
		dir = copyCatalogue();
		writeIn(dir, 'papers/x.yaml', good());

		const { catalogue, diagnostics } = loadCatalogue(dir);

		expect(catalogue).not.toBeNull();
		expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
			['warning', 'the first line should be "# yaml-language-server: $schema=…" so editors check this file as you type'],
		]);
	});
});
