import { describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { buildAtlas } from '../../../src/catalogue/queries.ts';
import { papersPerCategory, papersPerVenue, papersPerYearByGroup, SEVERAL_GROUPS } from '../../../src/site/stats.ts';
import { FIXTURE } from '../../helpers/catalogue.ts';

const atlas = buildAtlas(loadCatalogueOrThrow(FIXTURE), '/');

describe('papers per year by top-level group', () => {
	it('puts a paper whose categories span two groups in a "Several groups" series, once', () => {
		const stats = papersPerYearByGroup(atlas);

		expect(stats.series.map((s) => s.key)).toEqual(['token-level', 'system-level', SEVERAL_GROUPS]);
		expect(stats.rows).toEqual([
			{ year: 2023, counts: [1, 0, 1], total: 2 },
			{ year: 2024, counts: [2, 0, 0], total: 2 },
			{ year: 2025, counts: [1, 0, 0], total: 1 },
		]);
	});

	it('adds up to the number of papers, with every year between the first and the last', () => {
		const stats = papersPerYearByGroup(atlas);

		expect(stats.rows.reduce((n, r) => n + r.total, 0)).toBe(atlas.papers.length);
		for (const row of stats.rows) expect(row.counts.reduce((a, b) => a + b, 0)).toBe(row.total);
	});

	it('leaves out the "Several groups" series when no paper spans groups, and fills empty years with zeros', () => {
		const papers = atlas.papers.filter((p) => p.id !== 'vllm' && p.year !== 2024);
		const small = buildAtlas({ ...loadCatalogueOrThrow(FIXTURE), papers }, '/');

		const stats = papersPerYearByGroup(small);

		expect(stats.series.map((s) => s.key)).toEqual(['token-level', 'system-level']);
		expect(stats.rows.map((r) => [r.year, r.total])).toEqual([[2023, 1], [2024, 0], [2025, 1]]);
	});
});

describe('papers per venue', () => {
	it('lists venues with papers, most papers first, then by name, and hides venues without papers', () => {
		const venues = papersPerVenue(atlas);

		expect(venues.map((v) => [v.venue.name, v.count])).toEqual([['NeurIPS', 2], ['arXiv', 1], ['ICML', 1], ['SOSP', 1]]);
	});
});

describe('papers per category', () => {
	it('counts every leaf in tree order, a paper in two categories once in each, and labels leaves with their parent', () => {
		const categories = papersPerCategory(atlas);

		expect(categories.map((c) => [c.node.slug, c.count, c.group.slug])).toEqual([
			['static-selection', 1, 'token-level'],
			['dynamic-selection', 2, 'token-level'],
			['quantization', 2, 'token-level'],
			['memory-management', 1, 'system-level'],
		]);
		expect(categories[0]!.label).toBe('KV Cache Selection › Static KV Cache Selection');
		expect(categories[2]!.label).toBe('KV Cache Quantization');
	});
});
