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

/** The two lines of an option: the title, then venue and year (text only, never markup). */
function summary(hit: PagefindResultData): HTMLElement[] {
	const title = document.createElement('span');
	title.className = 'search-option-title';
	title.textContent = hit.meta.title ?? hit.url;
	const meta = document.createElement('span');
	meta.className = 'search-option-meta';
	meta.textContent = [hit.meta.venue, hit.meta.year].filter(Boolean).join(' ');
	return [title, meta];
}

/** Wire the combobox of one search form. */
export function initSearchBox(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
	const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
	const status = form.querySelector<HTMLElement>('[role="status"]')!;
	let options: Array<{ el: HTMLLIElement; url: string }> = [];
	let active = -1;
	let seq = 0;
	let typing: ReturnType<typeof setTimeout> | undefined;

	const setActive = (i: number): void => {
		options[active]?.el.setAttribute('aria-selected', 'false');
		active = i;
		const option = options[i];
		if (option) {
			option.el.setAttribute('aria-selected', 'true');
			input.setAttribute('aria-activedescendant', option.el.id);
			option.el.scrollIntoView({ block: 'nearest' });
		} else input.removeAttribute('aria-activedescendant');
	};
	const open = (show: boolean): void => {
		list.hidden = !show;
		input.setAttribute('aria-expanded', String(show));
		if (!show) setActive(-1);
	};
	const option = (id: string, url: string, build: (li: HTMLLIElement) => void): HTMLLIElement => {
		const li = document.createElement('li');
		li.id = id;
		li.setAttribute('role', 'option');
		li.setAttribute('aria-selected', 'false');
		build(li);
		options.push({ el: li, url });
		return li;
	};
	const render = (query: string, hits: PagefindResultData[], total: number): void => {
		options = [];
		active = -1;
		const items = hits.map((hit, i) => option(`${list.id}-${i}`, hit.url, (li) => li.append(...summary(hit))));
		const all = new URL(form.action, location.href);
		all.search = new URLSearchParams({ q: query }).toString();
		items.push(option(`${list.id}-all`, all.href, (li) => {
			li.className = 'search-all';
			li.textContent = total > 1 ? `See all ${total} results for “${query}”` : total ? `Open “${query}” on the search page` : `No paper matches “${query}”: open the search page`;
		}));
		list.replaceChildren(...items);
		status.textContent = total ? `${total} result${total === 1 ? '' : 's'}, ${hits.length} shown` : 'No results';
		open(true);
	};
	const update = async (): Promise<void> => {
		const query = input.value.trim();
		const mine = ++seq;
		if (!query) {
			open(false);
			list.replaceChildren();
			status.textContent = '';
			return;
		}
		const pagefind = await loadPagefind();
		const response = await pagefind.search(query);
		const hits = await Promise.all(response.results.slice(0, TOP).map((r) => r.data()));
		if (mine === seq && document.activeElement === input) render(query, hits, response.results.length);
	};
	const run = (): void => {
		clearTimeout(typing);
		// Fetch the index chunks now and search once typing pauses, so each keystroke does not
		// load the data of six results that the next keystroke replaces.
		loadPagefind()
			.then((p) => p.preload(input.value.trim()))
			.catch(() => {});
		typing = setTimeout(() => {
			update().catch((error: unknown) => {
				status.textContent = 'Search is unavailable right now; press Enter to open the search page.';
				console.error(error);
			});
		}, DEBOUNCE_MS);
	};

	input.addEventListener('focus', () => {
		loadPagefind().catch(() => {});
		if (input.value.trim() && options.length) open(true);
	});
	input.addEventListener('input', run);
	input.addEventListener('blur', () => open(false));
	input.addEventListener('keydown', (e) => {
		if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
			e.preventDefault();
			if (list.hidden) {
				if (options.length) open(true);
				else run();
				return;
			}
			const n = options.length;
			if (n) setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
		} else if (e.key === 'Enter' && !list.hidden && options[active]) {
			e.preventDefault();
			location.assign(options[active]!.url);
		} else if (e.key === 'Escape') {
			if (!list.hidden) {
				e.preventDefault();
				open(false);
			}
		}
	});
	// Keep focus in the input while the mouse picks an option; then follow it.
	list.addEventListener('pointerdown', (e) => e.preventDefault());
	list.addEventListener('click', (e) => {
		const li = (e.target as Element).closest('[role="option"]');
		const hit = options.find((o) => o.el === li);
		if (hit) location.assign(hit.url);
	});
	// This module loads on the first focus: catch up with that focus and anything typed meanwhile.
	if (document.activeElement === input) {
		loadPagefind().catch(() => {});
		if (input.value.trim()) run();
	}
}
