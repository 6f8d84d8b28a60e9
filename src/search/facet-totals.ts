/**
 * The facet values of each paper and of the whole catalogue at build time: paper pages hand them to
 * Pagefind, the search page's first render counts them. Kept apart from facets.ts, which the
 * browser loads: this one reaches the catalogue queries (and zod).
 */
import { leafLabel, paperGroups, paperLeaves, type Atlas, type PaperView } from '../catalogue/queries.ts';
import { SOURCE_VALUES } from './facets.ts';
import { FACETS, type Facet } from './state.ts';

/**
 * A paper's value in each facet: venue, year, leaf labels, top-level group titles, code yes/no,
 * and whether the survey's list includes it or the atlas added it.
 * Its page hands exactly these to Pagefind (`pagefindRecord` in records.ts),
 * and the search page counts them at build time.
 */
export function paperFacets(atlas: Atlas, paper: PaperView): Record<Facet, string[]> {
	return {
		group: paperGroups(atlas, paper).map((n) => n.title),
		category: [...new Set(paperLeaves(atlas, paper).map((n) => leafLabel(atlas, n)))],
		venue: [paper.venue],
		year: [String(paper.year)],
		code: [paper.code ? 'yes' : 'no'],
		source: [paper.listed === true ? SOURCE_VALUES.survey : SOURCE_VALUES.atlas],
	};
}

/** Papers per facet value over the whole catalogue: what Pagefind's `filters()` answers, known at build time. */
export function facetTotals(atlas: Atlas): Record<Facet, Record<string, number>> {
	const totals = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<Facet, Record<string, number>>;
	for (const paper of atlas.papers) {
		const values = paperFacets(atlas, paper);
		for (const facet of FACETS) for (const v of values[facet]) totals[facet][v] = (totals[facet][v] ?? 0) + 1;
	}
	return totals;
}
