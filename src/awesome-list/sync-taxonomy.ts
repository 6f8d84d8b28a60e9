/**
 * The catalogue's taxonomy brought to a list's: the list owns the tree (titles, order, nesting),
 * and every node the catalogue published before keeps answering at its old URL. Old and new
 * nodes are paired, in this order:
 * 1. the same path of titles (a node whose slug alone changed);
 * 2. the same title, when one node on each side has it (a node moved under another parent);
 * 3. most of its papers: an old node whose listed papers are, for the most part, in one new node
 *    that no other old node took is that node renamed (and perhaps moved). Leaves first, then
 *    inner nodes, each by the number of papers they share.
 * An old node paired with none is removed: its URL redirects to the new node holding most of its
 * papers, else to where its parent went. The new tree records each old path as `formerPaths`
 * on the node that answers for it.
 */
import { normalizeTitle } from '../catalogue/links.ts';
import type { TaxonomyNode } from '../catalogue/schema.ts';
import { buildTree, type Tree, type TreeNode } from '../catalogue/tree.ts';

/** What happened to a node, for the report. */
export type NodeChange =
	| { kind: 'added'; path: string; title: string }
	| { kind: 'renamed' | 'moved' | 'renamed and moved'; from: string; fromTitle: string; path: string; title: string; why: string }
	| { kind: 'removed'; from: string; fromTitle: string; redirect: string; redirectTitle: string };

/** The merged tree and how to read old placements in it. */
export interface TaxonomySync {
	taxonomy: TaxonomyNode[];
	changes: NodeChange[];
	/** Old leaf slug → the new leaf a paper kept in it goes to. */
	leafFor: Map<string, string>;
	/** Old node slug → the new node that answers for its URL. */
	nodeFor: Map<string, string>;
}

/**
 * Pair the old tree with the new one. `placement` maps each old leaf slug to the new leaf slugs of
 * its papers that the list still has (one entry per paper and new leaf).
 */
export function syncTaxonomy(oldTaxonomy: readonly TaxonomyNode[], newTaxonomy: readonly TaxonomyNode[], placement: ReadonlyMap<string, readonly string[]>): TaxonomySync {
	const before = buildTree(oldTaxonomy);
	const after = buildTree(newTaxonomy);
	const pair = new Map<TreeNode, TreeNode>();
	const taken = new Set<TreeNode>();
	const why = new Map<TreeNode, string>();
	const link = (o: TreeNode, n: TreeNode, reason: string) => {
		pair.set(o, n);
		taken.add(n);
		why.set(o, reason);
	};

	const titlePath = (n: TreeNode): string => (n.parent ? `${titlePath(n.parent)}/` : '') + normalizeTitle(n.title);
	const byTitlePath = new Map(after.nodes.map((n) => [titlePath(n), n]));
	for (const o of before.nodes) {
		const n = byTitlePath.get(titlePath(o));
		if (n && !taken.has(n)) link(o, n, 'same title and parent');
	}

	const titleCount = (tree: Tree) => {
		const count = new Map<string, TreeNode[]>();
		for (const n of tree.nodes) count.set(normalizeTitle(n.title), [...(count.get(normalizeTitle(n.title)) ?? []), n]);
		return count;
	};
	const oldTitles = titleCount(before);
	const newTitles = titleCount(after);
	for (const o of before.nodes) {
		if (pair.has(o)) continue;
		const olds = oldTitles.get(normalizeTitle(o.title))!;
		const news = newTitles.get(normalizeTitle(o.title)) ?? [];
		if (olds.length === 1 && news.length === 1 && !taken.has(news[0]!) && news[0]!.isLeaf === o.isLeaf) link(o, news[0]!, 'same title');
	}

	// Where each old node's papers are now: new leaf slug → count, over the leaves below it.
	const share = (o: TreeNode): Map<TreeNode, number> => {
		const counts = new Map<TreeNode, number>();
		for (const leaf of o.leaves) {
			for (const slug of placement.get(leaf.slug) ?? []) {
				const n = after.bySlug.get(slug);
				for (let up: TreeNode | null | undefined = n; up; up = up.parent) counts.set(up, (counts.get(up) ?? 0) + 1);
			}
		}
		return counts;
	};
	const total = (o: TreeNode) => o.leaves.reduce((sum, leaf) => sum + (placement.get(leaf.slug)?.length ?? 0), 0);
	for (const leaves of [true, false]) {
		const candidates: Array<{ o: TreeNode; n: TreeNode; count: number }> = [];
		for (const o of before.nodes) {
			if (pair.has(o) || o.isLeaf !== leaves) continue;
			for (const [n, count] of share(o)) {
				if (n.isLeaf === leaves && count * 2 > total(o)) candidates.push({ o, n, count });
			}
		}
		candidates.sort((a, b) => b.count - a.count || a.o.order - b.o.order || a.n.order - b.n.order);
		for (const { o, n, count } of candidates) {
			if (!pair.has(o) && !taken.has(n)) link(o, n, `${count} of its ${total(o)} listed papers are there`);
		}
	}

	// Removed nodes answer through the new node holding most of their papers, else their parent's.
	const nodeFor = new Map<TreeNode, TreeNode>();
	const target = (o: TreeNode): TreeNode => {
		const known = pair.get(o) ?? nodeFor.get(o);
		if (known) return known;
		const ranked = [...share(o)].filter(([n]) => n.depth >= (o.depth > 0 ? 1 : 0)).sort((a, b) => b[1] - a[1] || b[0].depth - a[0].depth || a[0].order - b[0].order);
		const [first, second] = ranked;
		const chosen = first && (!second || second[1] < first[1] || second[0].depth < first[0].depth) ? first[0] : o.parent ? target(o.parent) : after.roots[0]!;
		nodeFor.set(o, chosen);
		return chosen;
	};
	for (const o of before.nodes) target(o);

	// A paper kept in an old leaf goes to its pair, else to the leaf of its successor holding most of its papers.
	const leafFor = new Map<string, string>();
	for (const o of before.leaves) {
		const n = target(o);
		const leaf = n.isLeaf ? n : ([...share(o)].filter(([x]) => x.isLeaf && n.leaves.includes(x)).sort((a, b) => b[1] - a[1] || a[0].order - b[0].order)[0]?.[0] ?? n.leaves[0]!);
		leafFor.set(o.slug, leaf.slug);
	}

	const pathOf = (n: TreeNode) => n.path.join('/');
	const formerOf = new Map<TreeNode, string[]>();
	const papersOf = new Map<TreeNode, string[]>();
	const oldNodes = new Map(oldTaxonomy.length ? flatten(oldTaxonomy).map((n) => [n.slug, n]) : []);
	for (const o of before.nodes) {
		const n = target(o);
		const raw = oldNodes.get(o.slug);
		formerOf.set(n, [...(formerOf.get(n) ?? []), pathOf(o), ...(raw?.formerPaths ?? [])]);
		if (raw?.formerPapers) papersOf.set(n, [...(papersOf.get(n) ?? []), ...raw.formerPapers]);
	}
	const current = new Set(after.nodes.map(pathOf));
	const descriptions = new Map<TreeNode, string | undefined>([...pair].map(([o, n]) => [n, o.description]));
	const build = (n: TreeNode): TaxonomyNode => {
		const former = [...new Set(formerOf.get(n) ?? [])].filter((p) => !current.has(p));
		const papers = [...new Set(papersOf.get(n) ?? [])];
		const description = n.description ?? descriptions.get(n);
		return {
			slug: n.slug,
			title: n.title,
			...(description ? { description } : {}),
			...(n.children.length ? { children: n.children.map(build) } : {}),
			...(former.length ? { formerPaths: former } : {}),
			...(papers.length ? { formerPapers: papers } : {}),
		};
	};

	const changes: NodeChange[] = [];
	const reverse = new Map([...pair].map(([o, n]) => [n, o]));
	for (const n of after.nodes) {
		const o = reverse.get(n);
		if (!o) {
			changes.push({ kind: 'added', path: pathOf(n), title: n.title });
			continue;
		}
		const renamed = o.title !== n.title || o.slug !== n.slug;
		const moved = (o.parent ? pair.get(o.parent) ?? null : null) !== n.parent;
		if (!renamed && !moved) continue;
		changes.push({ kind: renamed && moved ? 'renamed and moved' : renamed ? 'renamed' : 'moved', from: pathOf(o), fromTitle: o.title, path: pathOf(n), title: n.title, why: why.get(o)! });
	}
	for (const o of before.nodes) {
		if (pair.has(o)) continue;
		const n = target(o);
		changes.push({ kind: 'removed', from: pathOf(o), fromTitle: o.title, redirect: pathOf(n), redirectTitle: n.title });
	}

	return {
		taxonomy: after.roots.map(build),
		changes,
		leafFor,
		nodeFor: new Map([...before.nodes].map((o) => [o.slug, target(o).slug])),
	};
}

function flatten(nodes: readonly TaxonomyNode[]): TaxonomyNode[] {
	return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}
