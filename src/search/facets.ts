/**
 * What the facet panel of the search page lists: each facet's values with labels and counts, in
 * an order that does not move while the reader types (it comes from the whole index, not from the
 * current results), and which searches give every facet's counts.
 */
import { FACETS, type Facet, type SearchState } from './state.ts';

/** Headings of the facets. */
export const FACET_LABELS: Record<Facet, string> = {
	type: 'Kind',
	group: 'Group',
	category: 'Category',
	venue: 'Venue',
	year: 'Year',
	code: 'Code',
	source: 'Source',
};

/** The values of the source facet: in the survey (its list, or its section on benchmarks), or added by the atlas beyond it. */
export const SOURCE_VALUES = { survey: 'survey', atlas: 'atlas' } as const;

/** The `type` facet's value of a paper record and of a benchmark record (here, not in facet-totals.ts, so the browser can read them). */
export const PAPER_TYPE = 'Paper';
export const BENCHMARK_TYPE = 'Benchmark';

/** Values a long facet shows before its "Show all" button. */
export const SHORT_FACET = 8;

/** One checkbox of a facet. */
export interface FacetValue {
	value: string;
	label: string;
	/** Results that ticking this value would show (OR with the facet's other ticked values). */
	count: number;
	selected: boolean;
}

/** The label a value shows: the value itself, except for the yes/no of the code facet, the kinds of entry and the two sources. */
export function facetValueLabel(facet: Facet, value: string): string {
	if (facet === 'code') return value === 'yes' ? 'With code' : value === 'no' ? 'Without code' : value;
	if (facet === 'type') return value === PAPER_TYPE ? 'Papers' : value === BENCHMARK_TYPE ? 'Benchmarks' : value;
	if (facet === 'source') return value === SOURCE_VALUES.survey ? 'In the survey' : value === SOURCE_VALUES.atlas ? 'Added by the atlas' : value;
	return value;
}

/**
 * The values of a facet in display order: years newest first, code yes before no, any other
 * facet by its number of papers in the whole index, then by name. Ticked values are always listed.
 */
export function facetValues(facet: Facet, totals: Record<string, number> | undefined, counts: Record<string, number> | undefined, selected: readonly string[]): FacetValue[] {
	const all = { ...totals };
	for (const v of selected) all[v] ??= 0;
	const order = (a: string, b: string): number => {
		if (facet === 'year') return Number(b) - Number(a) || b.localeCompare(a);
		if (facet === 'code') return (a === 'yes' ? 0 : 1) - (b === 'yes' ? 0 : 1) || a.localeCompare(b);
		if (facet === 'source') return (a === SOURCE_VALUES.survey ? 0 : 1) - (b === SOURCE_VALUES.survey ? 0 : 1) || a.localeCompare(b);
		return (all[b] ?? 0) - (all[a] ?? 0) || a.localeCompare(b, 'en', { sensitivity: 'base' });
	};
	return Object.keys(all)
		.sort(order)
		.map((value) => ({ value, label: facetValueLabel(facet, value), count: counts?.[value] ?? 0, selected: selected.includes(value) }));
}

/**
 * Which searches give the counts of every facet: `null` is the search with all filters (its
 * counts serve the facets nobody ticked); each ticked facet also needs a search without its own
 * selection, so that its other values count what ticking them would add (OR within a facet).
 */
export function countSearches(state: SearchState): Array<Facet | null> {
	return [null, ...FACETS.filter((f) => state.filters[f].length > 0)];
}
