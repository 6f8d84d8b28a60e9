import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { buildAtlas } from '../../../src/catalogue/queries.ts';
import { facetTotals } from '../../../src/search/facet-totals.ts';
import { benchmarkRecord, pagefindRecord } from '../../../src/search/records.ts';
import { ROOT } from '../../helpers/catalogue.ts';

const { catalogue } = loadCatalogue(path.join(ROOT, 'data'));
const atlas = buildAtlas(catalogue!);

/** Pagefind's capture list `name[data-x], …` as [name, attribute] pairs. */
const captures = (list: string) => list.split(', ').map((c) => /^(\w+)\[(data-[\w-]+)\]$/.exec(c)!.slice(1) as [string, string]);

describe('a paper page gives Pagefind one record with the search facets', () => {
	it('captures every meta, filter and sort from an attribute the record sets', () => {
		for (const paper of atlas.papers) {
			const { attributes } = pagefindRecord(atlas, paper);

			const lists = ['data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort'].map((k) => captures(attributes[k]!));

			for (const [, attribute] of lists.flat()) expect(attributes, `${paper.id}: ${attribute}`).toHaveProperty(attribute);
		}
	});

	it('files a paper (and a benchmark) under the same type, venue, year, code, category labels and groups the search page counts', () => {
		const counted = Object.fromEntries(Object.keys(facetTotals(atlas)).map((f) => [f, {} as Record<string, number>]));

		expect(atlas.benchmarks.length).toBeGreaterThan(0);
		for (const { attributes } of [...atlas.papers.map((p) => pagefindRecord(atlas, p)), ...atlas.benchmarks.map((b) => benchmarkRecord(atlas, b))]) {
			for (const [facet, attribute] of captures(attributes['data-pagefind-filter']!)) {
				counted[facet]![attributes[attribute]!] = (counted[facet]![attributes[attribute]!] ?? 0) + 1;
			}
		}

		expect(counted).toEqual(facetTotals(atlas));
	});

	it('labels a leaf with its parent when two leaves share a title, and lists several categories as one meta', () => {
		const shared = atlas.papers.find((p) => p.categories.length > 1)!;

		const one = pagefindRecord(atlas, atlas.papers.find((p) => p.categories.length === 1)!).attributes;
		const several = pagefindRecord(atlas, shared).attributes;

		expect(one['data-pagefind-meta']).toContain('categories[data-c0]');
		expect(several['data-pagefind-meta']).toContain('categories[data-categories]');
		expect(several['data-categories']!.split(', ')).toHaveLength(new Set(shared.categories).size);
	});

	it('gives stars and citations as sorts on every record, stars as a meta only when the count is known', () => {
		const paper = atlas.papers.find((p) => p.repo)!;

		const unknown = pagefindRecord(atlas, { ...paper, stars: null, citations: null }).attributes;
		const known = pagefindRecord(atlas, { ...paper, stars: 1234, citations: 56 }).attributes;

		expect(unknown['data-pagefind-sort']).toBe('year[data-year], stars[data-stars], citations[data-citations]');
		expect(unknown['data-citations']).toBe('0');
		expect(known['data-citations']).toBe('56');
		expect(unknown['data-stars']).toBe('0');
		expect(unknown['data-pagefind-meta']).not.toContain('stars[');
		expect(known['data-pagefind-meta']).toContain('stars[data-stars]');
		expect(known['data-stars']).toBe('1234');
	});
});

describe('a paper record names its authors', () => {
	it('as the authors meta, in the text the page gives it, and not at all without authors', () => {
		const paper = atlas.papers[0]!;

		const named = pagefindRecord(atlas, paper, { authors: 'Zirui Liu, Jiayi Yuan, … Xia Hu' }).attributes;
		const anonymous = pagefindRecord(atlas, paper).attributes;

		expect(captures(named['data-pagefind-meta']!)).toContainEqual(['authors', 'data-authors']);
		expect(named['data-authors']).toBe('Zirui Liu, Jiayi Yuan, … Xia Hu');
		expect(anonymous['data-pagefind-meta']).not.toContain('authors[');
		expect(anonymous).not.toHaveProperty('data-authors');
	});
});

describe('a benchmark page gives Pagefind one record that tells it from a paper', () => {
	it('captures every meta, filter and sort from an attribute the record sets, with type Benchmark where a paper has Paper', () => {
		for (const benchmark of atlas.benchmarks) {
			const { attributes } = benchmarkRecord(atlas, benchmark);

			for (const key of ['data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort']) {
				for (const [, attribute] of captures(attributes[key]!)) expect(attributes, `${benchmark.id}: ${attribute}`).toHaveProperty(attribute);
			}
			expect(attributes['data-type']).toBe('Benchmark');
			expect(attributes['data-kind']).toBe(`Benchmark · ${benchmark.modality}`);
		}
		expect(pagefindRecord(atlas, atlas.papers[0]!).attributes['data-type']).toBe('Paper');
	});

	it('sorts a benchmark of unknown year last (year 0) and leaves the unknown year and venue out of its filters and metas', () => {
		// Every benchmark of data/ has a year today; one known only by name (as StreamingEval was) has neither.
		const { year: _year, venue: _venue, ...unknown } = atlas.benchmarks[0]!;

		const { attributes } = benchmarkRecord(atlas, unknown);

		expect(attributes['data-year']).toBe('0');
		expect(attributes['data-pagefind-sort']).toBe('year[data-year], stars[data-stars], citations[data-citations]');
		expect(attributes['data-pagefind-filter']).not.toMatch(/year\[|venue\[/);
		expect(attributes['data-pagefind-meta']).not.toMatch(/year\[|venue\[/);
	});
});
