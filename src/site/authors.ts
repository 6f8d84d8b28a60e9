/**
 * Authors as readers see them: one short line for lists of papers (tables, search results,
 * related papers), and the split of a long list on a paper page into the names shown at once and
 * the rest behind a disclosure. The search record carries the short line (src/search/records.ts),
 * so the build and the browser show the same text without the browser formatting anything.
 */

/**
 * Every author up to three ("A", "A and B", "A, B and C"); beyond three, the first two, an
 * ellipsis and the last ("Zirui Liu, Jiayi Yuan, … Xia Hu"): the last author is often the senior
 * one readers know. Empty for no authors.
 */
export function shortAuthors(authors: readonly string[] | undefined): string {
	const a = authors ?? [];
	if (a.length <= 1) return a[0] ?? '';
	if (a.length <= 3) return `${a.slice(0, -1).join(', ')} and ${a.at(-1)}`;
	return `${a[0]}, ${a[1]}, … ${a.at(-1)}`;
}

/** Options of `splitAuthors`. */
export interface SplitOptions {
	/** Names shown before the disclosure. @default 10 */
	shown?: number;
	/** Lists up to this long are shown whole (hiding two names behind a button helps nobody). @default 15 */
	whole?: number;
}

/**
 * A paper page's author list in two parts: `first`, shown at once, and `rest`, shown on request
 * (empty when the list is short). Each name is in exactly one part.
 */
export function splitAuthors(authors: readonly string[] | undefined, { shown = 10, whole = 15 }: SplitOptions = {}): { first: string[]; rest: string[] } {
	const a = [...(authors ?? [])];
	if (a.length <= Math.max(whole, shown)) return { first: a, rest: [] };
	return { first: a.slice(0, shown), rest: a.slice(shown) };
}
