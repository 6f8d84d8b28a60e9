/**
 * The /search/ page: the URL holds the state (q, facets, sort). Typing replaces the history entry,
 * ticking a filter or changing the sort pushes one, Back restores it (popstate). Each change runs
 * one Pagefind search for the results and one more per ticked facet for that facet's counts.
 * The build already rendered browse mode, so a plain /search/ loads Pagefind only when the reader
 * does something; a URL with a search in it runs at once.
 */
import {
	RESULTS_PER_PAGE,
	decodeSearchState,
	emptyState,
	encodeSearchState,
	toggleFilter,
	type Facet,
	type Sort,
} from '../search/state.ts';
import { downloadBibtex } from './search-bibtex.ts';
import { initFacetToggles } from './search-facet-panel.ts';
import { loadPagefind } from './search-pagefind.ts';
import { busy, createPage, go, run, showState, showUpTo, type SearchPage } from './search-page-view.ts';

/** Pause in typing before the results update. */
const DEBOUNCE_MS = 120;

/** The query field: focus loads Pagefind, typing searches once it pauses, Enter at once (both replace the history entry). */
function wireQuery(page: SearchPage): void {
	const { form, input } = page;
	input.addEventListener('focus', () => {
		loadPagefind().catch(() => {});
	});
	input.addEventListener('input', () => {
		clearTimeout(page.typing);
		page.typing = setTimeout(() => void go(page, { ...page.state, q: input.value }, 'replace'), DEBOUNCE_MS);
	});
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(page.typing);
		void go(page, { ...page.state, q: input.value }, 'replace');
	});
}

/** The filters button, the facet checkboxes, the sort select and "Clear filters" (changes push a history entry). */
function wireFilters(page: SearchPage): void {
	const { form, sortSelect, filtersToggle } = page;
	initFacetToggles(form);
	filtersToggle.addEventListener('click', () => {
		filtersToggle.setAttribute('aria-expanded', String(filtersToggle.getAttribute('aria-expanded') !== 'true'));
	});
	form.addEventListener('change', (e) => {
		const target = e.target as HTMLInputElement | HTMLSelectElement;
		if (target === sortSelect) void go(page, { ...page.state, sort: sortSelect.value as Sort }, 'push');
		else if (target instanceof HTMLInputElement && target.type === 'checkbox') void go(page, toggleFilter(page.state, target.name as Facet, target.value), 'push');
	});
	page.clear.addEventListener('click', () => {
		void go(page, { ...emptyState(), q: page.state.q, sort: page.state.sort }, 'push');
		page.input.focus();
	});
}

/** "Show more": list one page more, then focus its first result. */
function wireMore(page: SearchPage): void {
	page.more.addEventListener('click', () => {
		const first = page.shown;
		const upTo = page.shown + RESULTS_PER_PAGE;
		// The build's list came from the catalogue, not Pagefind: search once, then list one page more.
		const work = page.results ? () => showUpTo(page, upTo, page.seq) : () => run(page, upTo);
		void busy(page, work).then(() => page.list.children[first]?.querySelector('a')?.focus());
	});
}

/** "Download BibTeX" of the results, searching first while the page still shows the build's list. */
function wireBibtex(page: SearchPage): void {
	const { bibtex } = page;
	bibtex.addEventListener('click', () => {
		bibtex.disabled = true;
		(page.results ? Promise.resolve() : busy(page, () => run(page, page.shown)))
			.then(() => downloadBibtex(page.results ?? []))
			.catch((error: unknown) => {
				page.count.textContent = 'The BibTeX could not be loaded. Try again.';
				console.error(error);
			})
			.finally(() => {
				bibtex.disabled = false;
			});
	});
}

/** Wire the page and show the state of its URL. */
function init(form: HTMLFormElement): void {
	const page = createPage(form);
	wireFilters(page);
	wireQuery(page);
	wireMore(page);
	wireBibtex(page);
	window.addEventListener('popstate', () => void go(page, decodeSearchState(location.search), 'none'));

	showState(page);
	if (encodeSearchState(page.state) !== '') void go(page, page.state, 'none');
	else document.documentElement.removeAttribute('data-search-pending'); // "?q=" is browse mode: the build's list is right
}

const form = document.querySelector<HTMLFormElement>('[data-search-page]');
if (form) init(form);
