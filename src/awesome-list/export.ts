/**
 * catalogue → awesome-list README: the title, the preamble, a table of contents, one heading per
 * taxonomy node, and under each category a table `| Year | Title | Type | Venue | Paper | code |`
 * (newest first, columns padded) with a star badge for GitHub code, and under the Datasets and
 * Benchmarks heading the table of benchmarks (benchmark-table.ts). The output imports back to
 * the same catalogue (aliases, ids and venue details aside, which the README does not hold), so
 * export → import → export gives the same bytes.
 */
import type { Heading } from 'mdast';
import { BENCHMARKS_LEAF, compareBenchmarks, type Benchmark } from '../catalogue/benchmark.ts';
import { benchmarkTable } from './benchmark-table.ts';
import { UNSPECIFIED_VENUE } from '../catalogue/venues.ts';
import { githubRepo } from '../catalogue/links.ts';
import type { Catalogue } from '../catalogue/load.ts';
import { anchorCounter, escapeText, linkDestination, paddedTable, parseMarkdown, plainText } from './text.ts';
import { byNewest } from '../catalogue/queries.ts';
import type { Paper } from '../catalogue/schema.ts';
import { buildTree, type TreeNode } from '../catalogue/tree.ts';

/** The columns of every category table, as the list has always written them. */
export const TABLE_HEADER = ['Year', 'Title', 'Type', 'Venue', 'Paper', 'code'] as const;

/** What `exportMarkdown` writes. */
export interface ExportOptions {
	/**
	 * Also write the papers the atlas added itself (`listed` not true). Without it the README is the
	 * survey's list alone, so that export → sync stays a no-op against the list upstream. (The
	 * benchmark table lists every benchmark, with a column saying whether the survey names it.)
	 * @default false
	 */
	includeAdded?: boolean;
}

/** The README of the list; the benchmarks, when given, as a table under their heading. */
export function exportMarkdown(catalogue: Pick<Catalogue, 'site' | 'taxonomy' | 'papers'> & { benchmarks?: readonly Benchmark[] | undefined }, options: ExportOptions = {}): string {
	const { site } = catalogue;
	const benchmarks = [...(catalogue.benchmarks ?? [])].sort(compareBenchmarks);
	const tree = buildTree(catalogue.taxonomy);
	const papersByLeaf = new Map<string, Paper[]>();
	for (const p of catalogue.papers) {
		if (p.listed !== true && !options.includeAdded) continue;
		for (const slug of p.categories) {
			const list = papersByLeaf.get(slug);
			if (list) list.push(p);
			else papersByLeaf.set(slug, [p]);
		}
	}
	for (const list of papersByLeaf.values()) list.sort(byNewest);

	// Anchors are counted over every heading in page order, as GitHub does.
	const anchor = anchorCounter();
	const top = anchor(site.title);
	if (site.preamble) {
		for (const h of parseMarkdown(site.preamble).children.filter((n): n is Heading => n.type === 'heading')) anchor(plainText(h.children));
	}
	const toc = [`- [${escapeText(site.title)}](#${top})`];
	const body: string[] = [];
	const section = (node: TreeNode) => {
		const papers = papersByLeaf.get(node.slug) ?? [];
		const listed = node.isLeaf && node.slug === BENCHMARKS_LEAF ? benchmarks : [];
		const backToTop = node.isLeaf && (papers.length || listed.length) && site.backToTop ? site.backToTop : undefined;
		const shown = backToTop ? `${node.title} (${backToTop})` : node.title;
		toc.push(`${'  '.repeat(node.depth)}- [${escapeText(shown)}](#${anchor(shown)})`);
		if (node.depth === 0) body.push('---');
		body.push(`${'#'.repeat(Math.min(node.depth + 1, 6))} ${escapeText(node.title)}${backToTop ? ` ([${escapeText(backToTop)}](#${top}))` : ''}`);
		if (node.description) body.push(node.description);
		if (papers.length) body.push(table(node, papers));
		if (listed.length) body.push(benchmarkTable(listed));
		node.children.forEach(section);
	};
	tree.roots.forEach(section);

	const blocks = [`# ${escapeText(site.title)}`, site.preamble, toc.join('\n'), ...body, '---', site.postamble];
	return `${blocks.filter((b): b is string => !!b?.trim()).map((b) => b.replace(/^(?:[ \t]*\n)+/, '').trimEnd()).join('\n\n')}\n`;
}

/** A category's table, columns padded to their widest cell like the hand-written list. */
function table(leaf: TreeNode, papers: readonly Paper[]): string {
	const rows = papers.map((p) => [String(p.year), escapeText(p.title), escapeText(leaf.title), p.venue === UNSPECIFIED_VENUE.name ? '' : escapeText(p.venue), p.paper ? `[Link](${linkDestination(p.paper)})` : '', codeCell(p)]);
	return paddedTable(TABLE_HEADER, rows);
}

/** `[Link](url)` with a star badge for a GitHub repository; "Non-official Link" for code not by the authors. */
function codeCell(p: Paper): string {
	if (!p.code) return '';
	const repo = githubRepo(p.code);
	const link = `[${p.codeOfficial === false ? 'Non-official Link' : 'Link'}](${linkDestination(p.code)})`;
	return repo ? `${link} ![](https://img.shields.io/github/stars/${repo}.svg?style=social)` : link;
}
