/**
 * The taxonomy as a tree the pages can walk: every node with its path of slugs, its parents,
 * its leaves, and lookups by slug. Built once per catalogue; every lookup is a Map read.
 */
import type { TaxonomyNode } from './schema.ts';

/** A node of the tree with what pages need to link and count it. */
export interface TreeNode {
	slug: string;
	title: string;
	description: string | undefined;
	/** Slugs from the top-level group down to this node. */
	path: string[];
	/** Depth: 0 for top-level groups. */
	depth: number;
	/** Parent node, null for a top-level group. */
	parent: TreeNode | null;
	children: TreeNode[];
	/** True for a category (a node without children). */
	isLeaf: boolean;
	/** The leaves at or below this node, in tree order. */
	leaves: TreeNode[];
	/** Position in a depth-first walk, for stable ordering. */
	order: number;
}

/** The whole tree with lookups. */
export interface Tree {
	roots: TreeNode[];
	/** Every node, depth first. */
	nodes: TreeNode[];
	bySlug: Map<string, TreeNode>;
	leaves: TreeNode[];
}

/** Build the tree; slugs are assumed unique (checked by `checkTaxonomy`), the first one wins otherwise. */
export function buildTree(taxonomy: readonly TaxonomyNode[]): Tree {
	const nodes: TreeNode[] = [];
	const bySlug = new Map<string, TreeNode>();
	const visit = (n: TaxonomyNode, parent: TreeNode | null): TreeNode => {
		const node: TreeNode = {
			slug: n.slug,
			title: n.title,
			description: n.description,
			path: parent ? [...parent.path, n.slug] : [n.slug],
			depth: parent ? parent.depth + 1 : 0,
			parent,
			children: [],
			isLeaf: !n.children?.length,
			leaves: [],
			order: nodes.length,
		};
		nodes.push(node);
		if (!bySlug.has(n.slug)) bySlug.set(n.slug, node);
		node.children = (n.children ?? []).map((c) => visit(c, node));
		node.leaves = node.isLeaf ? [node] : node.children.flatMap((c) => c.leaves);
		return node;
	};
	const roots = taxonomy.map((n) => visit(n, null));
	return { roots, nodes, bySlug, leaves: nodes.filter((n) => n.isLeaf) };
}

/** The nodes from the top-level group down to `node`, for breadcrumbs. */
export function ancestry(node: TreeNode): TreeNode[] {
	const chain: TreeNode[] = [];
	for (let n: TreeNode | null = node; n; n = n.parent) chain.unshift(n);
	return chain;
}
