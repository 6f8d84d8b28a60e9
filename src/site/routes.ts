/**
 * Taxonomy pages live at the root of the site (`/token-level/selection/`), beside the site's own
 * pages (`/stats/`, `/venues/`…). Astro gives the fixed pages priority and would silently drop a
 * clashing category page, so the build names the clash instead.
 */
import type { TreeNode } from '../catalogue/tree.ts';

/** Names at the site root that Astro and Pagefind use whatever the folders hold. */
const ALWAYS_TAKEN = ['_astro', 'pagefind', '404', 'papers'];

/**
 * The first path segment each file of `src/pages` or `public` occupies: `stats.astro` → `stats`,
 * `papers.json.ts` → `papers.json`, `venues/` → `venues`; dynamic routes (`[...node].astro`) take none.
 */
export function rootNames(entries: readonly string[]): string[] {
	const names = entries
		.filter((e) => !e.startsWith('[') && !e.startsWith('_') && !e.startsWith('.'))
		.map((e) => e.replace(/\.(astro|mdx|md|ts|js|html)$/, '').replace(/\/$/, ''))
		.filter((e) => e !== 'index');
	return [...new Set([...ALWAYS_TAKEN, ...names])].sort();
}

/** Top-level nodes whose slug is already a root name; each would lose its page. */
export function slugClashes(roots: readonly TreeNode[], taken: readonly string[]): TreeNode[] {
	const set = new Set(taken);
	return roots.filter((n) => set.has(n.slug));
}

/** Paths (slugs joined by "/") whose first segment is already a root name; each would squat on a page of the site. */
export function pathClashes(paths: readonly string[], taken: readonly string[]): string[] {
	const set = new Set(taken);
	return paths.filter((p) => set.has(p.split('/')[0]!));
}
