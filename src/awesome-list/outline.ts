/**
 * The shape of an awesome-list README: its title, the text before the taxonomy (intro, news,
 * how to cite — the table of contents is dropped, the export writes a fresh one), the sections
 * that form the taxonomy, and the text after it. Tables are left for `rows.ts`.
 *
 * Where the taxonomy starts and ends:
 * - it starts at the first top-level section that holds a table, or that comes after the table of
 *   contents and is linked from it (anything before goes to the preamble, so a news section or a
 *   BibTeX block above the taxonomy is kept as text);
 * - sections after the last table belong to it when the table of contents links to them
 *   ("Datasets and Benchmarks"), or when there is no table of contents; the rest is postamble;
 * - in the last section, text after a horizontal rule is postamble too.
 */
import type { Heading, List, Nodes, Root, RootContent } from 'mdast';
import { note, problem, type ImportMessage } from './report.ts';
import { anchorCounter, plainText } from './text.ts';

/** A heading of the taxonomy with the blocks under it (tables included) and its sub-sections. */
export interface OutlineSection {
	/** Heading text without the back-to-top link. */
	title: string;
	/** 1-based line of the heading. */
	line: number;
	/** Blocks between this heading and the next one; horizontal rules left out. */
	blocks: RootContent[];
	children: OutlineSection[];
}

/** The README taken apart. */
export interface Outline {
	/** The list's name (its first heading); empty when the file starts with a category. */
	title: string;
	preamble: string;
	postamble: string;
	/** Link text of the back-to-top links after headings ("To Top👆🏻"), if the list has them. */
	backToTop: string | undefined;
	sections: OutlineSection[];
	messages: ImportMessage[];
	/** Set when the file holds no taxonomy or no table: nothing can be imported. */
	fatal: ImportMessage | undefined;
}

interface HeadingInfo {
	index: number;
	depth: number;
	title: string;
	backToTop: string | undefined;
	anchor: string;
	line: number;
}

interface Span {
	info: HeadingInfo;
	/** Block index after the heading, and the end of this section's own blocks. */
	start: number;
	end: number;
	children: Span[];
}

/** Take a parsed README apart; `text` is its source, for copying preamble and descriptions verbatim. */
export function readOutline(root: Root, text: string): Outline {
	const blocks = root.children;
	const messages: ImportMessage[] = [];
	const empty = { title: '', preamble: '', postamble: '', backToTop: undefined, sections: [], messages };
	const anchorOf = anchorCounter();
	const headings: HeadingInfo[] = [];
	blocks.forEach((b, index) => {
		if (b.type !== 'heading') return;
		const { title, backToTop } = readHeading(b);
		headings.push({ index, depth: b.depth, title, backToTop, anchor: anchorOf(plainText(b.children)), line: lineOf(b) });
	});
	if (!headings.length) return { ...empty, fatal: problem(1, 'no headings: an awesome list needs headings (# group, ## sub-group, ### category) with a table of papers under each category') };
	if (!blocks.some((b) => b.type === 'table')) return { ...empty, fatal: problem(headings[0]!.line, 'no table: the papers of a category are a table (| Year | Title | Type | Venue | Paper | code |) under its heading') };

	// The first heading is the list's name unless a table sits right under it.
	const first = headings[0]!;
	const firstHoldsTable = blocks.slice(first.index + 1, headings[1]?.index ?? blocks.length).some((b) => b.type === 'table');
	const titled = !firstHoldsTable;
	const sectionHeadings = titled ? headings.slice(1) : headings;
	const bodyStart = titled ? first.index + 1 : 0;

	const roots = buildSpans(sectionHeadings, blocks.length);
	const hasTable = (s: Span): boolean => blocks.slice(s.start, s.end).some((b) => b.type === 'table') || s.children.some(hasTable);
	const firstTable = roots.findIndex(hasTable);
	if (firstTable < 0) return { ...empty, fatal: problem(lineOf(blocks.find((b) => b.type === 'table')!), 'no table under a heading: put each table under the heading of its category') };

	// The table of contents: the first list before the first table whose links all point into the page.
	const tocIndex = blocks.findIndex((b, i) => i >= bodyStart && i < roots[firstTable]!.info.index && b.type === 'list' && isTableOfContents(b));
	const tocAnchors = tocIndex >= 0 ? fragmentTargets(blocks[tocIndex]!) : null;
	// The heading of the table of contents ("## Contents") goes with it.
	const tocHeading = tocIndex > bodyStart && isContentsHeading(blocks[tocIndex - 1]!) ? tocIndex - 1 : -1;
	const linked = (s: Span): boolean => !!tocAnchors?.has(s.info.anchor) || s.children.some(linked);
	// A section listed in the table of contents after it starts the taxonomy even without a table.
	const firstTax = roots.findIndex((r, i) => i === firstTable || (tocIndex >= 0 && r.info.index > tocIndex && linked(r)));
	let lastTax = roots.length - 1 - [...roots].reverse().findIndex(hasTable);
	while (lastTax + 1 < roots.length && (!tocAnchors || linked(roots[lastTax + 1]!))) lastTax++;
	const taxStartIndex = roots[firstTax]!.info.index;
	const trailing = roots[lastTax + 1];
	if (trailing) messages.push(note(trailing.info.line, `"${trailing.info.title}" and what follows holds no table and is not in the table of contents; kept as text after the list (postamble)`));

	// In the last section, a horizontal rule after which no table and no listed heading follows
	// ends the taxonomy: what comes after it is the list's closing text.
	const lastRoot = roots[lastTax]!;
	let taxEnd = trailing ? trailing.info.index : blocks.length;
	const mattersAfter = (from: number) =>
		blocks.slice(from, taxEnd).some((b) => b.type === 'table') || sectionHeadings.some((h) => h.index > from && h.index < taxEnd && tocAnchors?.has(h.anchor));
	const rule = blocks.findIndex((b, i) => i > lastRoot.info.index && i < taxEnd && b.type === 'thematicBreak' && !mattersAfter(i));
	if (rule >= 0) taxEnd = rule;
	prune(lastRoot, taxEnd);

	const raw = (b: RootContent) => text.slice(b.position!.start.offset, b.position!.end.offset);
	const keep = (from: number, to: number, skip: readonly number[] = []) =>
		blocks
			.slice(from, to)
			.filter((b, i) => !skip.includes(from + i) && b.type !== 'thematicBreak')
			.map(raw)
			.join('\n\n');
	const beforeTitle = titled ? keep(0, first.index) : '';
	if (beforeTitle) messages.push(note(1, 'text above the title is kept at the top of the preamble'));
	const preamble = [beforeTitle, keep(bodyStart, taxStartIndex, [tocIndex, tocHeading])].filter(Boolean).join('\n\n');
	const postamble = keep(taxEnd, blocks.length);
	if (postamble && !trailing) messages.push(note(lineOf(blocks[taxEnd]!), 'the text after this horizontal rule follows the last category; kept as the list\'s closing text (postamble)'));

	const taxonomyHeadings = sectionHeadings.filter((h) => h.index >= taxStartIndex && h.index < taxEnd);
	const backToTop = taxonomyHeadings.find((h) => h.backToTop)?.backToTop;
	for (const h of taxonomyHeadings) {
		if (h.backToTop && h.backToTop !== backToTop) messages.push(note(h.line, `back-to-top link reads "${h.backToTop}", elsewhere "${backToTop}"; the export writes "${backToTop}" everywhere`));
	}

	const toSection = (s: Span): OutlineSection => ({
		title: s.info.title,
		line: s.info.line,
		blocks: blocks.slice(s.start, s.end).filter((b) => b.type !== 'thematicBreak'),
		children: s.children.map(toSection),
	});
	return {
		title: titled ? first.title : '',
		preamble,
		postamble,
		backToTop,
		sections: roots.slice(firstTax, lastTax + 1).map(toSection),
		messages,
		fatal: undefined,
	};
}

/** Nest headings by depth; a section's own blocks end at the next heading. */
function buildSpans(headings: readonly HeadingInfo[], total: number): Span[] {
	const roots: Span[] = [];
	const stack: Span[] = [];
	headings.forEach((h, i) => {
		const end = headings[i + 1]?.index ?? total;
		const span: Span = { info: h, start: h.index + 1, end, children: [] };
		while (stack.length && stack.at(-1)!.info.depth >= h.depth) stack.pop();
		const parent = stack.at(-1);
		(parent ? parent.children : roots).push(span);
		stack.push(span);
	});
	return roots;
}

/** Cut a section (and its sub-sections) at block `end`; sub-sections starting after it go. */
function prune(s: Span, end: number): void {
	s.end = Math.min(s.end, end);
	s.children = s.children.filter((c) => c.info.index < end);
	s.children.forEach((c) => prune(c, end));
}

/**
 * A heading's title and its back-to-top link: "Static KV Cache Selection ([To Top👆🏻](#top))"
 * → title "Static KV Cache Selection", link text "To Top👆🏻". HTML in headings (anchors) is dropped.
 */
export function readHeading(h: Heading): { title: string; backToTop: string | undefined } {
	const children = h.children.filter((c) => c.type !== 'html');
	const i = children.findLastIndex((c) => c.type === 'link' && c.url.startsWith('#'));
	const after = children.slice(i + 1);
	const tailOk = after.every((c) => c.type === 'text') && /^\s*\)?\s*$/.test(after.map((c) => (c.type === 'text' ? c.value : '')).join(''));
	if (i > 0 && tailOk) {
		const before = children.slice(0, i).map((c, j) => (j === i - 1 && c.type === 'text' ? { ...c, value: c.value.replace(/\(\s*$/, '') } : c));
		const title = plainText(before as Nodes[]);
		if (title) return { title, backToTop: plainText(children[i]!) || undefined };
	}
	return { title: plainText(children as Nodes[]), backToTop: undefined };
}

function isContentsHeading(b: RootContent): boolean {
	return b.type === 'heading' && /^(?:table of )?contents$|^toc$/i.test(plainText(b.children).replace(/[^\p{L} ]/gu, '').trim());
}

function isTableOfContents(list: List): boolean {
	const links = collectLinks(list);
	return links.length > 0 && links.every((u) => u.startsWith('#'));
}

function fragmentTargets(node: RootContent): Set<string> {
	return new Set(collectLinks(node).map((u) => safeDecode(u.slice(1))));
}

function collectLinks(node: Nodes): string[] {
	if (node.type === 'link') return [node.url];
	return 'children' in node ? (node.children as Nodes[]).flatMap(collectLinks) : [];
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** The 1-based line a node starts on. */
export function lineOf(node: Nodes): number {
	return node.position?.start.line ?? 1;
}
