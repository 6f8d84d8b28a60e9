/**
 * Small pieces of markdown both directions need: reading a node as plain text, writing text so
 * that it reads back the same, tables padded like the hand-written list, GitHub's heading
 * anchors, and the parser with GFM tables.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Root } from 'mdast';

/** Parse markdown with GFM (tables, autolinks); every node keeps its line and offset. */
export function parseMarkdown(text: string): Root {
	return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The text a node shows, markup removed and white space collapsed ("**Bold** `x`" → "Bold x"). */
export function plainText(node: Nodes | readonly Nodes[]): string {
	return rawText(node).replace(/\s+/g, ' ').trim();
}

function rawText(node: Nodes | readonly Nodes[]): string {
	if (Array.isArray(node)) return node.map((n) => rawText(n as Nodes)).join('');
	const n = node as Nodes;
	if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') return n.value;
	if (n.type === 'break') return ' ';
	if (n.type === 'image') return n.alt ?? '';
	if ('children' in n) return rawText(n.children as Nodes[]);
	return '';
}

/**
 * Text written into a table cell or a heading so that it parses back to exactly this text:
 * markdown punctuation is escaped, and `|` never ends the cell.
 */
export function escapeText(text: string): string {
	return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** A table with its columns padded to their widest cell, like the hand-written list (the paper and benchmark tables alike). */
export function paddedTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
	const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
	const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Characters as a reader counts them (an emoji is one). */
function width(s: string): number {
	return [...s].length;
}

/** A link destination that survives a table cell: `|` escaped, parentheses inside `<…>`. */
export function linkDestination(url: string): string {
	const safe = url.replace(/\|/g, '\\|');
	return /[()]/.test(safe) ? `<${safe}>` : safe;
}

/** The anchor GitHub gives a heading: lower case, punctuation and emoji dropped, spaces → "-". */
export function githubAnchor(headingText: string): string {
	return headingText
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Anchors for headings in document order; a repeated anchor gets "-1", "-2" as on GitHub. */
export function anchorCounter(): (headingText: string) => string {
	const seen = new Map<string, number>();
	return (text) => {
		const base = githubAnchor(text);
		let anchor = base;
		while (seen.has(anchor)) {
			const n = seen.get(base)! + 1;
			seen.set(base, n);
			anchor = `${base}-${n}`;
		}
		seen.set(anchor, 0);
		return anchor;
	};
}
