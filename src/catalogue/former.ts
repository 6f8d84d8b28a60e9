/**
 * The URLs the catalogue once had and must keep answering: a taxonomy node's former paths (and,
 * with them, the old paths of everything below it), the ids of papers removed while in a
 * category, and the ids a paper had before another file was merged into it. Each becomes a
 * redirect page; `checks.ts` makes sure none of them shadows a page that exists today.
 */
import type { Paper, TaxonomyNode } from './schema.ts';

/** What a former URL now leads to: a taxonomy node (by slug) or a paper (by id). */
export type FormerTarget = { kind: 'node'; slug: string } | { kind: 'paper'; id: string };

/** One old URL of the site and the page that answers for it now. */
export interface FormerUrl {
	/** The old site path without the base, ending in "/": "model-level-optimization/intra-later/", "papers/h2o-short/". */
	from: string;
	target: FormerTarget;
	/** Which field recorded it: a node's `formerPaths` (or an ancestor's), `formerPapers`, or a paper's `formerIds`. */
	source: 'formerPaths' | 'formerPapers' | 'formerIds';
}

/** The site path of a paper page, without the base. */
export const paperPath = (id: string): string => `papers/${id}/`;

/**
 * Every former URL of the catalogue, sorted by path. A node's former path also moves its subtree:
 * when `a/b` became `c/b`, the old `a/b/d/` of its child leads to `c/b/d/` without the child
 * listing it. Where two records name one old path, the most specific wins: a path a node lists
 * itself beats one derived from an ancestor, and a longer ancestor path beats a shorter one.
 */
export function formerUrls(taxonomy: readonly TaxonomyNode[], papers: readonly Pick<Paper, 'id' | 'formerIds'>[]): FormerUrl[] {
	const best = new Map<string, { url: FormerUrl; rank: number }>();
	const offer = (url: FormerUrl, rank: number) => {
		const held = best.get(url.from);
		if (!held || rank > held.rank) best.set(url.from, { url, rank });
	};
	/** Former prefixes in force at a node: each old path and how many of its segments were recorded (its rank). */
	type Inherited = Array<{ segments: string[]; rank: number }>;
	const walk = (nodes: readonly TaxonomyNode[], inherited: Inherited) => {
		for (const n of nodes) {
			const own = inherited.map((p) => ({ segments: [...p.segments, n.slug], rank: p.rank }));
			for (const f of n.formerPaths ?? []) own.push({ segments: f.split('/'), rank: Number.POSITIVE_INFINITY });
			for (const p of own) offer({ from: `${p.segments.join('/')}/`, target: { kind: 'node', slug: n.slug }, source: 'formerPaths' }, p.rank);
			for (const id of n.formerPapers ?? []) offer({ from: paperPath(id), target: { kind: 'node', slug: n.slug }, source: 'formerPapers' }, Number.POSITIVE_INFINITY);
			// Below a recorded path, its rank is the length of the recorded part: longer is more specific.
			if (n.children) walk(n.children, own.map((p) => ({ segments: p.segments, rank: Number.isFinite(p.rank) ? p.rank : p.segments.length })));
		}
	};
	walk(taxonomy, []);
	for (const p of papers) {
		for (const id of p.formerIds ?? []) offer({ from: paperPath(id), target: { kind: 'paper', id: p.id }, source: 'formerIds' }, Number.POSITIVE_INFINITY);
	}
	return [...best.values()].map((b) => b.url).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
