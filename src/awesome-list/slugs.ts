/**
 * Slugs for the taxonomy read from headings. A slug is the heading title slugified
 * ("Static KV Cache Selection" → `static-kv-cache-selection`). Slugs are unique over the tree, so
 * when several headings share a title EVERY one of them is prefixed with its parent's title
 * ("Compression" under "Cross Layer" → `cross-layer-compression`) — none keeps the bare slug, so
 * adding a third never renames the others' meaning. What still collides gets `-2`, `-3` in tree
 * order; a top-level slug that one of the site's own pages uses gets `-section`.
 */
import type { Table } from 'mdast';
import { RESERVED_SLUGS } from '../catalogue/checks.ts';
import { slugify } from '../catalogue/links.ts';
import type { TaxonomyNode } from '../catalogue/schema.ts';

/** A taxonomy node being imported: its tables still to be read. */
export interface DraftNode {
	title: string;
	/** Line of the heading. */
	line: number;
	description: string | undefined;
	tables: Table[];
	children: DraftNode[];
	/** Set by `assignSlugs`. */
	slug?: string;
}

/** Give every draft node its slug and return the taxonomy. */
export function assignSlugs(roots: DraftNode[]): TaxonomyNode[] {
	const all: Array<{ node: DraftNode; parent: DraftNode | null }> = [];
	const walk = (n: DraftNode, parent: DraftNode | null) => {
		all.push({ node: n, parent });
		n.children.forEach((c) => walk(c, n));
	};
	roots.forEach((r) => walk(r, null));

	const base = (n: DraftNode) => slugify(n.title) || 'section';
	const count = new Map<string, number>();
	for (const { node } of all) count.set(base(node), (count.get(base(node)) ?? 0) + 1);
	const used = new Set<string>();
	for (const { node, parent } of all) {
		let slug = base(node);
		if (count.get(slug)! > 1 && parent) slug = slugify(`${parent.title} ${node.title}`) || slug;
		if (!parent && RESERVED_SLUGS.has(slug)) slug = `${slug}-section`;
		let unique = slug;
		for (let n = 2; used.has(unique); n++) unique = `${slug}-${n}`;
		used.add(unique);
		node.slug = unique;
	}
	const toNode = (n: DraftNode): TaxonomyNode => ({
		slug: n.slug!,
		title: n.title,
		...(n.description ? { description: n.description } : {}),
		...(n.children.length ? { children: n.children.map(toNode) } : {}),
	});
	return roots.map(toNode);
}
