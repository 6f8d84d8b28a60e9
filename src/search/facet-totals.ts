/**
 * The facet values of each paper and of the whole catalogue at build time: paper pages hand them to
 * Pagefind, the search page's first render counts them. Kept apart from facets.ts, which the
 * browser loads: this one reaches the catalogue queries (and zod).
 */
import { leafLabel, paperGroups, paperLeaves, type Atlas, type BenchmarkView, type PaperView } from '../catalogue/queries.ts';
import { BENCHMARKS_LEAF } from '../catalogue/benchmark.ts';
import { ancestry } from '../catalogue/tree.ts';
import { BENCHMARK_TYPE, PAPER_TYPE, SOURCE_VALUES } from './facets.ts';
import { FACETS, type Facet } from './state.ts';

/**
 * A paper's value in each facet: venue, year, leaf labels, top-level group titles, code yes/no,
 * and whether the survey's list includes it or the atlas added it.
 * Its page hands exactly these to Pagefind (`pagefindRecord` in records.ts),
 * and the search page counts them at build time.
 */
export function paperFacets(atlas: Atlas, paper: PaperView): Record<Facet, string[]> {
	return {
		type: [PAPER_TYPE],
		group: paperGroups(atlas, paper).map((n) => n.title),
		category: [...new Set(paperLeaves(atlas, paper).map((n) => leafLabel(atlas, n)))],
		venue: [paper.venue],
		year: [String(paper.year)],
		code: [paper.code ? 'yes' : 'no'],
		source: [paper.listed === true ? SOURCE_VALUES.survey : SOURCE_VALUES.atlas],
	};
}

/**
 * A benchmark's value in each facet: the Datasets and Benchmarks leaf and its group, its venue and
 * year when known, code yes/no (a code or data link), the type that tells it from a paper, and
 * whether the survey names it.
 */
export function benchmarkFacets(atlas: Atlas, benchmark: BenchmarkView): Record<Facet, string[]> {
	const leaf = atlas.tree.bySlug.get(BENCHMARKS_LEAF);
	return {
		type: [BENCHMARK_TYPE],
		group: leaf ? [ancestry(leaf)[0]!.title] : [],
		category: leaf ? [leafLabel(atlas, leaf)] : [],
		venue: benchmark.venue ? [benchmark.venue] : [],
		year: benchmark.year !== undefined ? [String(benchmark.year)] : [],
		code: [benchmark.code || benchmark.data ? 'yes' : 'no'],
		// Named in the survey's section on benchmarks, or added by the atlas beside it.
		source: [benchmark.survey.named ? SOURCE_VALUES.survey : SOURCE_VALUES.atlas],
	};
}

/** Papers and benchmarks per facet value over the whole catalogue: what Pagefind's `filters()` answers, known at build time. */
export function facetTotals(atlas: Atlas): Record<Facet, Record<string, number>> {
	const totals = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<Facet, Record<string, number>>;
	const count = (values: Record<Facet, string[]>) => {
		for (const facet of FACETS) for (const v of values[facet]) totals[facet][v] = (totals[facet][v] ?? 0) + 1;
	};
	for (const paper of atlas.papers) count(paperFacets(atlas, paper));
	for (const benchmark of atlas.benchmarks) count(benchmarkFacets(atlas, benchmark));
	return totals;
}
