/**
 * The /search/ page: the URL holds the state (q, facets, sort). Typing replaces the history entry,
 * ticking a filter or changing the sort pushes one, Back restores it (popstate). Each change runs
 * one Pagefind search for the results and one more per ticked facet for that facet's counts.
 */
import { countSearches } from '../catalogue/search-facets.ts';
import {
	FACETS,
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
import { renderFacets } from './search-facet-panel.ts';
import { loadPagefind, type FilterCounts, type PagefindResult } from './search-pagefind.ts';
import { resultItem } from './search-render.ts';

/** Results rendered at once; "Show more" adds as many again. */
const PAGE = 20;

const form = document.querySelector<HTMLFormElement>('[data-search-page]');
if (form) init(form);

function init(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const sortSelect = form.querySelector<HTMLSelectElement>('[data-search-sort]')!;
	const list = form.querySelector<HTMLOListElement>('[data-search-list]')!;
	const count = form.querySelector<HTMLElement>('[data-search-count]')!;
	const more = form.querySelector<HTMLButtonElement>('[data-search-more]')!;
	const bibtex = form.querySelector<HTMLButtonElement>('[data-search-bibtex]')!;
	const clear = form.querySelector<HTMLButtonElement>('[data-search-clear]')!;
	const filters = form.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
	const filterCount = form.querySelector<HTMLElement>('[data-search-filter-count]')!;
	const section = list.closest('section')!;

	let state: SearchState = decodeSearchState(location.search);
	let results: PagefindResult[] = [];
	let shown = 0;
	let seq = 0;
	let totals: FilterCounts = {};
	let typing: ReturnType<typeof setTimeout> | undefined;

	if (matchMedia('(min-width: 60rem)').matches || hasFilters(state)) filters.open = true;

	const showState = (): void => {
		if (input.value !== state.q) input.value = state.q;
		sortSelect.value = state.sort;
		const ticked = FACETS.reduce((n, f) => n + state.filters[f].length, 0);
		filterCount.textContent = ticked ? `(${ticked} selected)` : '';
		clear.hidden = ticked === 0;
	};

	const describe = (total: number): string => {
		const sort = effectiveSort(state);
		const order = sort === 'newest' ? ', newest first' : sort === 'stars' ? ', most stars first' : '';
		const filtered = hasFilters(state) ? ' with these filters' : '';
		if (isBrowsing(state)) return `${total} paper${total === 1 ? '' : 's'}${filtered}${order}`;
		return `${total ? total : 'No'} paper${total === 1 ? '' : 's'} match${total === 1 ? 'es' : ''} “${state.q.trim()}”${filtered}${order}`;
	};

	const showMore = async (mine: number): Promise<void> => {
		const next = results.slice(shown, shown + PAGE);
		const hits = await Promise.all(next.map((r) => r.data()));
		if (mine !== seq) return;
		const withExcerpt = !isBrowsing(state);
		list.append(...hits.map((hit) => resultItem(hit, withExcerpt)));
		shown += next.length;
		more.hidden = shown >= results.length;
		more.textContent = `Show more (${results.length - shown} left)`;
	};

	const run = async (): Promise<void> => {
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
		await showMore(mine);
	};

	const go = (next: SearchState, history: 'push' | 'replace' | 'none'): void => {
		state = next;
		section.setAttribute('aria-busy', 'true');
		if (history !== 'none') {
			const search = encodeSearchState(state);
			const url = `${location.pathname}${search ? `?${search}` : ''}`;
			if (history === 'push') window.history.pushState(null, '', url);
			else window.history.replaceState(null, '', url);
		}
		showState();
		const mine = seq + 1;
		run()
			.catch((error: unknown) => {
				count.textContent = 'The search index could not be loaded. Reload the page to try again.';
				console.error(error);
			})
			.finally(() => {
				if (mine === seq) section.setAttribute('aria-busy', 'false');
			});
	};

	input.addEventListener('input', () => {
		clearTimeout(typing);
		typing = setTimeout(() => go({ ...state, q: input.value }, 'replace'), 120);
	});
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(typing);
		go({ ...state, q: input.value }, 'replace');
	});
	form.addEventListener('change', (e) => {
		const target = e.target as HTMLInputElement | HTMLSelectElement;
		if (target === sortSelect) go({ ...state, sort: sortSelect.value as Sort }, 'push');
		else if (target instanceof HTMLInputElement && target.type === 'checkbox') go(toggleFilter(state, target.name as Facet, target.value), 'push');
	});
	clear.addEventListener('click', () => {
		go({ ...emptyState(), q: state.q, sort: state.sort }, 'push');
		input.focus();
	});
	more.addEventListener('click', () => {
		const first = shown;
		showMore(seq)
			.then(() => list.children[first]?.querySelector('a')?.focus())
			.catch((error: unknown) => console.error(error));
	});
	bibtex.addEventListener('click', () => {
		bibtex.disabled = true;
		downloadBibtex(results)
			.catch((error: unknown) => {
				count.textContent = 'The BibTeX could not be loaded. Try again.';
				console.error(error);
			})
			.finally(() => {
				bibtex.disabled = false;
			});
	});
	window.addEventListener('popstate', () => go(decodeSearchState(location.search), 'none'));

	go(state, 'none');
}
