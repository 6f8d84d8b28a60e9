/**
 * Long paper lists split into pages of a fixed size, so that a category with thousands of papers
 * stays a set of small pages (each within the site's 60 KB budget) and every paper stays one
 * link away: page 1 at the list's own path, page n at `<path>page/<n>/`.
 */

/** Papers per page of a category table: 50 rows of ~450 bytes keep a page near 40 KB with its CSS and JS. */
export const PAPERS_PER_PAGE = 50;

/** One page of a list. */
export interface ListPage<T> {
	/** 1-based page number. */
	number: number;
	/** How many pages the list has (at least 1). */
	count: number;
	/** The items on this page. */
	items: T[];
	/** 1-based position of the first and last item on this page (0 and 0 for an empty list). */
	from: number;
	to: number;
	/** All items of the list. */
	total: number;
}

/** How many pages a list of `total` items makes: at least one, so an empty list is one empty page. */
function pageCount(total: number, perPage: number): number {
	return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/** Page `n` (1-based) of `items` split into pages of `perPage`; costs only its own items. */
export function listPage<T>(items: readonly T[], n: number, perPage: number = PAPERS_PER_PAGE): ListPage<T> {
	if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`perPage must be a positive whole number, not ${perPage}`);
	const count = pageCount(items.length, perPage);
	if (!Number.isInteger(n) || n < 1 || n > count) throw new Error(`page ${n} does not exist; the list has ${count} page${count === 1 ? '' : 's'}`);
	const start = (n - 1) * perPage;
	const slice = items.slice(start, start + perPage);
	return { number: n, count, items: slice, from: slice.length ? start + 1 : 0, to: start + slice.length, total: items.length };
}

/**
 * The pages of a list of `total` items for getStaticPaths: each page's number and its rest
 * parameter, `listPath` itself for page 1 and `<listPath>/page/<n>` after (no trailing slash).
 */
export function pageRoutes(listPath: string, total: number, perPage: number = PAPERS_PER_PAGE): Array<{ path: string; page: number }> {
	return Array.from({ length: pageCount(total, perPage) }, (_, i) => ({ path: pagePath(listPath, i + 1).replace(/\/$/, ''), page: i + 1 }));
}

/**
 * How a page of a long list names itself: `of` (", page 2 of 5") for its title and caption,
 * `papers` (" Papers 51–100.") for its description; both empty when the list has one page.
 */
export function pageWording(page: Pick<ListPage<unknown>, 'number' | 'count' | 'from' | 'to'>): { of: string; papers: string } {
	if (page.count <= 1) return { of: '', papers: '' };
	return { of: `, page ${page.number} of ${page.count}`, papers: ` Papers ${page.from}–${page.to}.` };
}

/** The path of page `n` of the list at `listPath` (which ends in "/"): the list itself for page 1. */
export function pagePath(listPath: string, n: number): string {
	const dir = listPath.endsWith('/') || listPath === '' ? listPath : `${listPath}/`;
	return n <= 1 ? dir : `${dir}page/${n}/`;
}

/**
 * The page numbers a page's navigation shows: the first, the last, and `around` on each side of
 * the current one, with null where numbers are left out ("1 … 4 5 6 … 20").
 */
export function pageNumbers(current: number, count: number, around = 2): Array<number | null> {
	const shown = new Set<number>([1, count]);
	for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n);
	const sorted = [...shown].sort((a, b) => a - b);
	const out: Array<number | null> = [];
	sorted.forEach((n, i) => {
		if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
		out.push(n);
	});
	return out;
}
