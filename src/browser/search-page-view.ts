/**
 * What the /search/ page shows and how it moves to a new state: the state goes into the URL and
 * the controls, then one Pagefind search for the results and one more per ticked facet for that
 * facet's counts; an answer that a newer search superseded is dropped. search-page.ts wires the
 * controls to `go`.
 */
import { BENCHMARK_TYPE, countSearches } from '../search/facets.ts';
import {
	FACETS,
	RESULTS_PER_PAGE,
	decodeSearchState,
	effectiveSort,
	encodeSearchState,
	hasFilters,
	isBrowsing,
	pagefindOptions,
	type Facet,
	type SearchState,
} from '../search/state.ts';
import { renderFacets } from './search-facet-panel.ts';
import { loadPagefind, type FilterCounts, type PagefindResponse, type PagefindResult } from './search-pagefind.ts';
import { resultItem } from './search-render.ts';

/** The controls of the page, inside its form. */
interface Controls {
	form: HTMLFormElement;
	input: HTMLInputElement;
	sortSelect: HTMLSelectElement;
	/** The sort option disabled in browse mode. */
	relevance: HTMLOptionElement;
	list: HTMLOListElement;
	/** The results section, aria-busy while a search runs. */
	section: HTMLElement;
	/** The line that says how many papers match. */
	count: HTMLElement;
	more: HTMLButtonElement;
	bibtex: HTMLButtonElement;
	clear: HTMLButtonElement;
	filtersToggle: HTMLButtonElement;
	filterCount: HTMLElement;
}

/** The controls and what the page shows now. */
export interface SearchPage extends Controls {
	state: SearchState;
	/** Results of the last Pagefind search; null while the page still shows the build's browse list. */
	results: PagefindResult[] | null;
	/** How many results the list shows. */
	shown: number;
	/** Number of the latest search: an older one's answer is dropped. */
	seq: number;
	/** Every facet's counts over the whole catalogue, fetched with the first search. */
	totals: FilterCounts;
	/** The search waiting for a pause in typing. */
	typing: ReturnType<typeof setTimeout> | undefined;
}

/** How a state change treats the browser history: a new entry, the current one, or none (popstate, page load). */
export type HistoryMode = 'push' | 'replace' | 'none';

/** Find the page's controls in its form. */
function findControls(form: HTMLFormElement): Controls {
	const $ = <T extends Element>(selector: string): T => form.querySelector<T>(selector)!;
	const sortSelect = $<HTMLSelectElement>('[data-search-sort]');
	const list = $<HTMLOListElement>('[data-search-list]');
	return {
		form,
		input: $('input[name="q"]'),
		sortSelect,
		relevance: sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]')!,
		list,
		section: list.closest('section')!,
		count: $('[data-search-count]'),
		more: $('[data-search-more]'),
		bibtex: $('[data-search-bibtex]'),
		clear: $('[data-search-clear]'),
		filtersToggle: $('[data-search-filters]'),
		filterCount: $('[data-search-filter-count]'),
	};
}

/** The page of `form`, in the state of its URL, showing the build's browse list. */
export function createPage(form: HTMLFormElement): SearchPage {
	const controls = findControls(form);
	return {
		...controls,
		state: decodeSearchState(location.search),
		results: null,
		shown: controls.list.children.length,
		seq: 0,
		totals: {},
		typing: undefined,
	};
}

/** Make the field, the sort select and the filter summary show the state. */
export function showState(page: SearchPage): void {
	const { state } = page;
	if (page.input.value !== state.q) page.input.value = state.q;
	// Relevance means nothing without a query: the list is newest first, and the select says so.
	page.relevance.disabled = isBrowsing(state);
	page.sortSelect.value = effectiveSort(state);
	const ticked = FACETS.reduce((n, f) => n + state.filters[f].length, 0);
	page.filterCount.textContent = ticked ? `(${ticked} selected)` : '';
	page.clear.hidden = ticked === 0;
}

/**
 * The count line for `total` results of a state, e.g. "3 papers match “kv” with these filters,
 * newest first", or "2 papers and 1 benchmark match “ruler”" when `types` (the results per type)
 * holds benchmarks.
 */
function describe(state: SearchState, total: number, types: Record<string, number> = {}): string {
	const sort = effectiveSort(state);
	const order = { relevance: '', newest: ', newest first', stars: ', most stars first', cited: ', most cited first' }[sort];
	const filtered = hasFilters(state) ? ' with these filters' : '';
	const benchmarks = types[BENCHMARK_TYPE] ?? 0;
	const paperCount = total - benchmarks;
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const found = !total ? 'No papers' : !benchmarks ? count(total, 'paper') : !paperCount ? count(benchmarks, 'benchmark') : `${count(paperCount, 'paper')} and ${count(benchmarks, 'benchmark')}`;
	if (isBrowsing(state)) return `${found}${filtered}${order}`;
	return `${found} match${total === 1 ? 'es' : ''} “${state.q.trim()}”${filtered}${order}`;
}

/** Each facet's counts: from the search without that facet's own selection, else from the main one (first). */
function facetCounts(searches: Array<Facet | null>, responses: PagefindResponse[]): Partial<FilterCounts> {
	const counts: Partial<FilterCounts> = {};
	for (const facet of FACETS) {
		const own = searches.indexOf(facet);
		counts[facet] = responses[own >= 0 ? own : 0]!.filters[facet] ?? {};
	}
	return counts;
}

/** Render results [shown, upTo) of the current search, unless search `mine` is no longer the latest. */
export async function showUpTo(page: SearchPage, upTo: number, mine: number): Promise<void> {
	const next = (page.results ?? []).slice(page.shown, upTo);
	const hits = await Promise.all(next.map((r) => r.data()));
	if (mine !== page.seq) return;
	page.list.append(...hits.map((hit) => resultItem(hit, page.state.q)));
	page.shown += next.length;
	const left = (page.results?.length ?? 0) - page.shown;
	page.more.hidden = left <= 0;
	page.more.textContent = `Show more (${left} left)`;
}

/** Search for the current state and render its first `want` results and every facet's counts. */
export async function run(page: SearchPage, want: number): Promise<void> {
	const mine = ++page.seq;
	const pagefind = await loadPagefind();
	if (!Object.keys(page.totals).length) page.totals = await pagefind.filters();
	const { state } = page;
	const term = isBrowsing(state) ? null : state.q.trim();
	const searches = countSearches(state);
	const responses = await Promise.all(searches.map((without) => pagefind.search(term, pagefindOptions(state, without ?? undefined))));
	if (mine !== page.seq) return;
	const results = responses[0]!.results;
	page.results = results;
	page.shown = 0;
	page.list.replaceChildren();
	renderFacets(page.form, page.state, page.totals, facetCounts(searches, responses));
	page.count.textContent = describe(page.state, results.length, responses[0]!.filters.type);
	page.bibtex.hidden = results.length === 0;
	await showUpTo(page, want, mine);
}

/** Run `work`, marking the results busy meanwhile; a newer call supersedes an older one. */
export function busy(page: SearchPage, work: () => Promise<void>): Promise<void> {
	page.section.setAttribute('aria-busy', 'true');
	const mine = page.seq + 1;
	return work()
		.catch((error: unknown) => {
			page.count.textContent = 'The search index could not be loaded. Reload the page to try again.';
			console.error(error);
		})
		.finally(() => {
			if (mine >= page.seq) {
				page.section.setAttribute('aria-busy', 'false');
				document.documentElement.removeAttribute('data-search-pending');
			}
		});
}

/** Put a state in the address bar, in a new history entry or in place of the current one. */
function writeUrl(state: SearchState, history: 'push' | 'replace'): void {
	const search = encodeSearchState(state);
	const url = `${location.pathname}${search ? `?${search}` : ''}`;
	if (history === 'push') window.history.pushState(null, '', url);
	else window.history.replaceState(null, '', url);
}

/** Move to a state: record it in the history, show it in the controls and search for it. */
export function go(page: SearchPage, next: SearchState, history: HistoryMode): Promise<void> {
	page.state = next;
	if (history !== 'none') writeUrl(next, history);
	showState(page);
	return busy(page, () => run(page, RESULTS_PER_PAGE));
}
