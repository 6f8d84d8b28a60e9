/**
 * Loads Pagefind's browser bundle from `${base}pagefind/` once, on the first interaction with a
 * search field, so a page nobody searches fetches none of it. Typed with the part of Pagefind's
 * search API the site uses.
 */
import type { PagefindSearchOptions } from '../search/state.ts';

/** What `result.data()` resolves to (only the fields the UI reads). */
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

/** One hit; its data loads on demand. */
export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindResultData>;
}

/** Value → number of results, per filter. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The answer of `search()`. */
export interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	/** Counts among the results of this search, with its filters applied. */
	filters: FilterCounts;
	/** Counts among the results of the query alone. */
	totalFilters: FilterCounts;
}

/** The module `pagefind.js` exports. */
export interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: Partial<PagefindSearchOptions>): Promise<PagefindResponse>;
	preload(term: string, options?: Partial<PagefindSearchOptions>): Promise<void>;
	filters(): Promise<FilterCounts>;
}

/** The site's base path, "/" or "/Awesome-KV-Cache-Management/". */
export const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind, imported and initialised once per page. `baseUrl` prefixes result URLs with the base
 * path. The web worker is off: it would cost another 43 KB on the first search, while searching
 * a catalogue of a few hundred papers on the main thread takes a few milliseconds.
 */
export function loadPagefind(): Promise<Pagefind> {
	loading ??= (async () => {
		const pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
		await pagefind.options({ baseUrl: BASE, noWorker: true, excerptLength: 24 });
		await pagefind.init();
		return pagefind;
	})();
	loading.catch(() => {
		loading = undefined; // let the next interaction try again (a flaky network, say)
	});
	return loading;
}
