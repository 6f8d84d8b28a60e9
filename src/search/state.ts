/**
 * The state of the search page — query, facet selections, sort — and its two encodings: the URL
 * query string (shareable, the same names the no-JS form submits) and Pagefind's search options.
 * Pure functions, no DOM, so the round trip is unit-tested.
 */

/** The facets, in the order the page shows them; each is a Pagefind filter of the paper and benchmark pages. */
export const FACETS = ['type', 'group', 'category', 'venue', 'year', 'code', 'source'] as const;
export type Facet = (typeof FACETS)[number];

/** Result orders: Pagefind's relevance, year descending, star count descending, citation count descending. */
export const SORTS = ['relevance', 'newest', 'stars', 'cited'] as const;
export type Sort = (typeof SORTS)[number];

/** Results the search page lists at once; "Show more" adds as many again. */
export const RESULTS_PER_PAGE = 20;

/** Everything the search page shows is a function of this. */
export interface SearchState {
	/** The query as typed; blank lists every paper (browse mode). */
	q: string;
	/** Selected values per facet: OR within a facet, AND across facets. */
	filters: Record<Facet, string[]>;
	/** Requested order; `relevance` without a query falls back to `newest` (see `effectiveSort`). */
	sort: Sort;
}

/** Pagefind's `search()` options for a state. */
export interface PagefindSearchOptions {
	filters: Partial<Record<Facet, { any: string[] }>>;
	sort: Partial<Record<'year' | 'stars' | 'citations', 'asc' | 'desc'>>;
}

/** A state with no query, no filter and the default sort. */
export function emptyState(): SearchState {
	return { q: '', filters: { type: [], group: [], category: [], venue: [], year: [], code: [], source: [] }, sort: 'relevance' };
}

/** Read a state from a query string or URLSearchParams; unknown keys and values are ignored, never thrown on. */
export function decodeSearchState(input: string | URLSearchParams): SearchState {
	const params = typeof input === 'string' ? new URLSearchParams(input) : input;
	const state = emptyState();
	state.q = params.get('q') ?? '';
	for (const facet of FACETS) {
		const values = params.getAll(facet).map((v) => v.trim()).filter(Boolean);
		state.filters[facet] = [...new Set(values)];
	}
	const sort = params.get('sort');
	if (sort && (SORTS as readonly string[]).includes(sort)) state.sort = sort as Sort;
	return state;
}

/** The query string of a state, without "?"; defaults are left out so a plain search reads `q=snapkv`. */
export function encodeSearchState(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	return params.toString();
}

/** True when the query is blank: the page lists every paper that the filters let through. */
export function isBrowsing(state: SearchState): boolean {
	return state.q.trim() === '';
}

/** The order actually applied: relevance means nothing without a query, so browsing lists newest first. */
export function effectiveSort(state: SearchState): Sort {
	return state.sort === 'relevance' && isBrowsing(state) ? 'newest' : state.sort;
}

/** Pagefind options for a state; `without` leaves one facet's selection out (for that facet's counts). */
export function pagefindOptions(state: SearchState, without?: Facet): PagefindSearchOptions {
	const filters: PagefindSearchOptions['filters'] = {};
	for (const facet of FACETS) {
		if (facet !== without && state.filters[facet].length) filters[facet] = { any: [...state.filters[facet]] };
	}
	const sort = effectiveSort(state);
	const by: Record<Sort, PagefindSearchOptions['sort']> = { relevance: {}, newest: { year: 'desc' }, stars: { stars: 'desc' }, cited: { citations: 'desc' } };
	return { filters, sort: by[sort] };
}

/** Add `value` to a facet's selection, or remove it when present; returns a new state. */
export function toggleFilter(state: SearchState, facet: Facet, value: string): SearchState {
	const current = state.filters[facet];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	return { ...state, filters: { ...state.filters, [facet]: next } };
}

/** True when any facet has a selection. */
export function hasFilters(state: SearchState): boolean {
	return FACETS.some((f) => state.filters[f].length > 0);
}
