/**
 * Counts for the stats page: papers per year by top-level group, per venue, per category.
 * Pure aggregation over an `Atlas`, so unit tests check the numbers without building the site.
 */
import { paperGroups, type Atlas, type VenueView } from '../catalogue/queries.ts';
import type { TreeNode } from '../catalogue/tree.ts';

/** A series of the year chart: a top-level group, or the papers that span several groups. */
export interface YearSeries {
	/** Slug of the group; `several` for papers in categories of more than one group. */
	key: string;
	/** Legend text. */
	label: string;
	/** The group node; null for the "several groups" series. */
	node: TreeNode | null;
}

/** Papers of one year, split by series; `total` counts each paper once. */
export interface YearRow {
	year: number;
	/** One count per series, in the order of `series`. */
	counts: number[];
	total: number;
}

/** Papers per year stacked by top-level group; each paper counts once. */
export interface YearStats {
	series: YearSeries[];
	/** Oldest year first, every year between the first and the last (empty years count zero). */
	rows: YearRow[];
}

/** The key of the series for papers whose categories lie in more than one top-level group. */
export const SEVERAL_GROUPS = 'several';

function rootOf(node: TreeNode): TreeNode {
	let n = node;
	while (n.parent) n = n.parent;
	return n;
}

/**
 * Papers per year by top-level group. A paper whose categories span two groups goes to a
 * "Several groups" series (shown only when some paper does), so the stacks add up to the year's total.
 */
export function papersPerYearByGroup(atlas: Atlas): YearStats {
	const series: YearSeries[] = atlas.tree.roots.map((node) => ({ key: node.slug, label: node.title, node }));
	const several = series.length;
	const byYear = new Map<number, number[]>();
	let anySeveral = false;
	for (const paper of atlas.papers) {
		const groups = paperGroups(atlas, paper);
		const index = groups.length === 1 ? atlas.tree.roots.indexOf(groups[0]!) : several;
		if (index === several) anySeveral = true;
		const counts = byYear.get(paper.year) ?? new Array<number>(several + 1).fill(0);
		counts[index]!++;
		byYear.set(paper.year, counts);
	}
	const years = [...byYear.keys()];
	const rows: YearRow[] = [];
	if (years.length) {
		for (let year = Math.min(...years); year <= Math.max(...years); year++) {
			const counts = byYear.get(year) ?? new Array<number>(several + 1).fill(0);
			rows.push({ year, counts: anySeveral ? counts : counts.slice(0, several), total: sum(counts) });
		}
	}
	if (anySeveral) series.push({ key: SEVERAL_GROUPS, label: 'Several groups', node: null });
	return { series, rows };
}

/** A venue with its number of papers. */
export interface VenueCount {
	venue: VenueView;
	count: number;
}

/** Venues that have papers, most papers first, then by name. */
export function papersPerVenue(atlas: Atlas): VenueCount[] {
	return atlas.venues
		.map((venue) => ({ venue, count: venue.papers.length }))
		.filter((v) => v.count > 0)
		.sort((a, b) => b.count - a.count || a.venue.name.localeCompare(b.venue.name, 'en'));
}

/** A category (leaf) with its group and number of papers. */
export interface CategoryCount {
	node: TreeNode;
	/** The top-level group the category belongs to. */
	group: TreeNode;
	/** "Parent › Category" for leaves below a sub-group, so equal titles ("Compression") stay apart. */
	label: string;
	count: number;
}

/** Every category in tree order with its number of papers (zero included); Datasets and Benchmarks counts its benchmarks too. */
export function papersPerCategory(atlas: Atlas): CategoryCount[] {
	return atlas.tree.leaves.map((node) => ({
		node,
		group: rootOf(node),
		label: node.parent && node.parent.parent ? `${node.parent.title} › ${node.title}` : node.title,
		count: (atlas.papersByLeaf.get(node.slug)?.length ?? 0) + (atlas.benchmarkCountBySlug.get(node.slug) ?? 0),
	}));
}

function sum(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0);
}
