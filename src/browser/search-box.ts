/**
 * The header search box: an ARIA 1.2 combobox whose listbox shows the top results as you type.
 * ↑ ↓ move through the options (aria-activedescendant), Enter opens the active paper or, with
 * none active, submits the form to /search/?q=…; Esc closes, then clears. search-shortcuts.ts
 * loads this module (and it Pagefind) on the first focus. Without JS the form submits as is.
 */
import { loadPagefind, type PagefindResultData } from './search-pagefind.ts';

/** How many papers the dropdown shows. */
const TOP = 6;
/** Pause in typing before the dropdown updates. */
const DEBOUNCE_MS = 90;

/** One option of the listbox and the URL it opens. */
interface Option {
	el: HTMLLIElement;
	url: string;
}

/** One combobox: its elements and what it shows now. */
interface Box {
	form: HTMLFormElement;
	input: HTMLInputElement;
	list: HTMLUListElement;
	/** The live region that announces the number of results. */
	status: HTMLElement;
	/** The options shown, "see all" last. */
	options: Option[];
	/** Index of the active option; -1 for none. */
	active: number;
	/** Number of the latest search: an older one's answer is dropped. */
	seq: number;
	/** The search waiting for a pause in typing. */
	typing: ReturnType<typeof setTimeout> | undefined;
}

/** Start loading Pagefind now; a failure shows when a search needs it. */
function warmUp(): void {
	loadPagefind().catch(() => {});
}

/** The two lines of an option: the title, then venue and year, and "benchmark" for one (text only, never markup). */
function summary(hit: PagefindResultData): HTMLElement[] {
	const title = document.createElement('span');
	title.className = 'search-option-title';
	title.textContent = hit.meta.title ?? hit.url;
	const meta = document.createElement('span');
	meta.className = 'search-option-meta';
	// A benchmark says so ("ACL 2024 · benchmark"); a paper needs no label. 'Benchmark' is facets.ts's
	// BENCHMARK_TYPE, written out: importing it would give every page's header box a chunk of its own.
	meta.textContent = [[hit.meta.venue, hit.meta.year].filter(Boolean).join(' '), hit.meta.type === 'Benchmark' ? 'benchmark' : ''].filter(Boolean).join(' · ');
	return [title, meta];
}

/** An unselected option element with its id; `build` fills it. */
function option(id: string, url: string, build: (li: HTMLLIElement) => void): Option {
	const li = document.createElement('li');
	li.id = id;
	li.setAttribute('role', 'option');
	li.setAttribute('aria-selected', 'false');
	build(li);
	return { el: li, url };
}

/** The text of the last option, which opens the search page for the query. */
function seeAllText(query: string, total: number): string {
	if (total > 1) return `See all ${total} results for “${query}”`;
	return total ? `Open “${query}” on the search page` : `No paper matches “${query}”: open the search page`;
}

/** Make option `i` the active one (-1: none), for the input's aria-activedescendant and the eye. */
function setActive(box: Box, i: number): void {
	box.options[box.active]?.el.setAttribute('aria-selected', 'false');
	box.active = i;
	const option = box.options[i];
	if (option) {
		option.el.setAttribute('aria-selected', 'true');
		box.input.setAttribute('aria-activedescendant', option.el.id);
		option.el.scrollIntoView({ block: 'nearest' });
	} else box.input.removeAttribute('aria-activedescendant');
}

/** Show or hide the listbox; hiding it leaves no option active. */
function open(box: Box, show: boolean): void {
	box.list.hidden = !show;
	box.input.setAttribute('aria-expanded', String(show));
	if (!show) setActive(box, -1);
}

/** Show the top hits of `query`, then the option that opens the search page, and announce the count. */
function render(box: Box, query: string, hits: PagefindResultData[], total: number): void {
	const { list } = box;
	const all = new URL(box.form.action, location.href);
	all.search = new URLSearchParams({ q: query }).toString();
	box.options = hits.map((hit, i) => option(`${list.id}-${i}`, hit.url, (li) => li.append(...summary(hit))));
	box.options.push(option(`${list.id}-all`, all.href, (li) => {
		li.className = 'search-all';
		li.textContent = seeAllText(query, total);
	}));
	// A new list has no active option: the input must not keep pointing at an option id of the old one.
	setActive(box, -1);
	list.replaceChildren(...box.options.map((o) => o.el));
	box.status.textContent = total ? `${total} result${total === 1 ? '' : 's'}, ${hits.length} shown` : 'No results';
	open(box, true);
}

/** Search for the field's text and render the answer, unless a newer search started or focus left. */
async function update(box: Box): Promise<void> {
	const query = box.input.value.trim();
	const mine = ++box.seq;
	if (!query) {
		open(box, false);
		box.list.replaceChildren();
		box.status.textContent = '';
		return;
	}
	const pagefind = await loadPagefind();
	const response = await pagefind.search(query);
	const hits = await Promise.all(response.results.slice(0, TOP).map((r) => r.data()));
	if (mine === box.seq && document.activeElement === box.input) render(box, query, hits, response.results.length);
}

/** Fetch the index chunks of the field's text now and search once typing pauses. */
function schedule(box: Box): void {
	clearTimeout(box.typing);
	// Searching only once typing pauses, so each keystroke does not load the data of six results
	// that the next keystroke replaces.
	loadPagefind()
		.then((p) => p.preload(box.input.value.trim()))
		.catch(() => {});
	box.typing = setTimeout(() => {
		update(box).catch((error: unknown) => {
			box.status.textContent = 'Search is unavailable right now; press Enter to open the search page.';
			console.error(error);
		});
	}, DEBOUNCE_MS);
}

/** ↑ ↓ open the list (searching if need be) or move through it, Enter opens the active option, Esc closes. */
function onKeydown(box: Box, e: KeyboardEvent): void {
	const { list, options } = box;
	if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
		e.preventDefault();
		if (list.hidden) {
			if (options.length) open(box, true);
			else schedule(box);
			return;
		}
		const n = options.length;
		if (n) setActive(box, e.key === 'ArrowDown' ? (box.active + 1) % n : (box.active - 1 + n) % n);
	} else if (e.key === 'Enter' && !list.hidden && options[box.active]) {
		e.preventDefault();
		location.assign(options[box.active]!.url);
	} else if (e.key === 'Escape' && !list.hidden) {
		e.preventDefault();
		open(box, false);
	}
}

/** Open the option a click landed on. */
function onClick(box: Box, e: MouseEvent): void {
	const li = (e.target as Element).closest('[role="option"]');
	const hit = box.options.find((o) => o.el === li);
	if (hit) location.assign(hit.url);
}

/** Wire the combobox of one search form. */
export function initSearchBox(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
	const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
	const status = form.querySelector<HTMLElement>('[role="status"]')!;
	const box: Box = { form, input, list, status, options: [], active: -1, seq: 0, typing: undefined };
	input.addEventListener('focus', () => {
		warmUp();
		if (input.value.trim() && box.options.length) open(box, true);
	});
	input.addEventListener('input', () => schedule(box));
	input.addEventListener('blur', () => open(box, false));
	input.addEventListener('keydown', (e) => onKeydown(box, e));
	// Keep focus in the input while the mouse picks an option; then follow it.
	list.addEventListener('pointerdown', (e) => e.preventDefault());
	list.addEventListener('click', (e) => onClick(box, e));
	// This module loads on the first focus: catch up with that focus and anything typed meanwhile.
	if (document.activeElement === input) {
		warmUp();
		if (input.value.trim()) schedule(box);
	}
}
