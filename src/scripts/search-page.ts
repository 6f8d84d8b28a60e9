/**
 * The /search/ page: the URL holds the state (q, facets, sort). Typing replaces the history entry,
 * ticking a filter or changing the sort pushes one, Back restores it (popstate). Each change runs
 * one Pagefind search for the results and one more per ticked facet for that facet's counts.
 * The build already rendered browse mode, so a plain /search/ loads Pagefind only when the reader
 * does something; a URL with a search in it runs at once.
 */
import { countSearches } from '../catalogue/search-facets.ts';
import {
	FACETS,
	RESULTS_PER_PAGE,
	decodeSearchState,
	effectiveSort,
	emptyState,
	encodeSearchState,
	hasFilters,
	isBrowsing,
	pagefindOptions,
	toggleFilter,
	type Facet,
	type SearchState,
	type Sort,
} from '../catalogue/search-state.ts';
import { downloadBibtex } from './search-bibtex.ts';
import { initFacetToggles, renderFacets } from './search-facet-panel.ts';
import { loadPagefind, type FilterCounts, type PagefindResult } from './search-pagefind.ts';
import { resultItem } from './search-render.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-page]');
if (form) init(form);

function init(form: HTMLFormElement): void {
	const $ = <T extends Element>(selector: string): T => form.querySelector<T>(selector)!;
	const input = $<HTMLInputElement>('input[name="q"]');
	const sortSelect = $<HTMLSelectElement>('[data-search-sort]');
	const relevance = sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]')!;
	const list = $<HTMLOListElement>('[data-search-list]');
	const section = list.closest('section')!;
	const count = $<HTMLElement>('[data-search-count]');
	const more = $<HTMLButtonElement>('[data-search-more]');
	const bibtex = $<HTMLButtonElement>('[data-search-bibtex]');
	const clear = $<HTMLButtonElement>('[data-search-clear]');
	const filtersToggle = $<HTMLButtonElement>('[data-search-filters]');
	const filterCount = $<HTMLElement>('[data-search-filter-count]');

	let state: SearchState = decodeSearchState(location.search);
	/** Results of the last Pagefind search; null while the page still shows the build's browse list. */
	let results: PagefindResult[] | null = null;
	let shown = list.children.length;
	let seq = 0;
	let totals: FilterCounts = {};
	let typing: ReturnType<typeof setTimeout> | undefined;

	const showState = (): void => {
		if (input.value !== state.q) input.value = state.q;
		// Relevance means nothing without a query: the list is newest first, and the select says so.
		relevance.disabled = isBrowsing(state);
		sortSelect.value = effectiveSort(state);
		const ticked = FACETS.reduce((n, f) => n + state.filters[f].length, 0);
		filterCount.textContent = ticked ? `(${ticked} selected)` : '';
		clear.hidden = ticked === 0;
	};

	const describe = (total: number): string => {
		const sort = effectiveSort(state);
		const order = sort === 'newest' ? ', newest first' : sort === 'stars' ? ', most stars first' : '';
		const filtered = hasFilters(state) ? ' with these filters' : '';
		const papers = `${total ? total : 'No'} paper${total === 1 ? '' : 's'}`;
		if (isBrowsing(state)) return `${papers}${filtered}${order}`;
		return `${papers} match${total === 1 ? 'es' : ''} “${state.q.trim()}”${filtered}${order}`;
	};

	/** Render results [shown, upTo) of the current search. */
	const showUpTo = async (upTo: number, mine: number): Promise<void> => {
		const next = (results ?? []).slice(shown, upTo);
		const hits = await Promise.all(next.map((r) => r.data()));
		if (mine !== seq) return;
		list.append(...hits.map((hit) => resultItem(hit, state.q)));
		shown += next.length;
		const left = (results?.length ?? 0) - shown;
		more.hidden = left <= 0;
		more.textContent = `Show more (${left} left)`;
	};

	/** Search for the current state and render its first `want` results and every facet's counts. */
	const run = async (want: number): Promise<void> => {
		const mine = ++seq;
		const pagefind = await loadPagefind();
		if (!Object.keys(totals).length) totals = await pagefind.filters();
		const term = isBrowsing(state) ? null : state.q.trim();
		const searches = countSearches(state);
		const responses = await Promise.all(searches.map((without) => pagefind.search(term, pagefindOptions(state, without ?? undefined))));
		if (mine !== seq) return;
		const counts: Partial<FilterCounts> = {};
		for (const facet of FACETS) {
			const own = searches.indexOf(facet);
			counts[facet] = responses[own >= 0 ? own : 0]!.filters[facet] ?? {};
		}
		results = responses[0]!.results;
		shown = 0;
		list.replaceChildren();
		renderFacets(form, state, totals, counts);
		count.textContent = describe(results.length);
		bibtex.hidden = results.length === 0;
		await showUpTo(want, mine);
	};

	/** Run `work`, marking the results busy meanwhile; a newer call supersedes an older one. */
	const busy = (work: () => Promise<void>): Promise<void> => {
		section.setAttribute('aria-busy', 'true');
		const mine = seq + 1;
		return work()
			.catch((error: unknown) => {
				count.textContent = 'The search index could not be loaded. Reload the page to try again.';
				console.error(error);
			})
			.finally(() => {
				if (mine >= seq) {
					section.setAttribute('aria-busy', 'false');
					document.documentElement.removeAttribute('data-search-pending');
				}
			});
	};

	const go = (next: SearchState, history: 'push' | 'replace' | 'none'): Promise<void> => {
		state = next;
		if (history !== 'none') {
			const search = encodeSearchState(state);
			const url = `${location.pathname}${search ? `?${search}` : ''}`;
			if (history === 'push') window.history.pushState(null, '', url);
			else window.history.replaceState(null, '', url);
		}
		showState();
		return busy(() => run(RESULTS_PER_PAGE));
	};

	initFacetToggles(form);
	filtersToggle.addEventListener('click', () => {
		filtersToggle.setAttribute('aria-expanded', String(filtersToggle.getAttribute('aria-expanded') !== 'true'));
	});
	input.addEventListener('focus', () => {
		loadPagefind().catch(() => {});
	});
	input.addEventListener('input', () => {
		clearTimeout(typing);
		typing = setTimeout(() => void go({ ...state, q: input.value }, 'replace'), 120);
	});
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(typing);
		void go({ ...state, q: input.value }, 'replace');
	});
	form.addEventListener('change', (e) => {
		const target = e.target as HTMLInputElement | HTMLSelectElement;
		if (target === sortSelect) void go({ ...state, sort: sortSelect.value as Sort }, 'push');
		else if (target instanceof HTMLInputElement && target.type === 'checkbox') void go(toggleFilter(state, target.name as Facet, target.value), 'push');
	});
	clear.addEventListener('click', () => {
		void go({ ...emptyState(), q: state.q, sort: state.sort }, 'push');
		input.focus();
	});
	more.addEventListener('click', () => {
		const first = shown;
		// The build's list came from the catalogue, not Pagefind: search once, then list one page more.
		const work = results ? () => showUpTo(shown + RESULTS_PER_PAGE, seq) : () => run(shown + RESULTS_PER_PAGE);
		void busy(work).then(() => list.children[first]?.querySelector('a')?.focus());
	});
	bibtex.addEventListener('click', () => {
		bibtex.disabled = true;
		(results ? Promise.resolve() : busy(() => run(shown)))
			.then(() => downloadBibtex(results ?? []))
			.catch((error: unknown) => {
				count.textContent = 'The BibTeX could not be loaded. Try again.';
				console.error(error);
			})
			.finally(() => {
				bibtex.disabled = false;
			});
	});
	window.addEventListener('popstate', () => void go(decodeSearchState(location.search), 'none'));

	showState();
	if (encodeSearchState(state) !== '') void go(state, 'none');
	else document.documentElement.removeAttribute('data-search-pending'); // "?q=" is browse mode: the build's list is right

}
