/**
 * The markdown subset that taxonomy descriptions and paper summaries may use: paragraphs,
 * emphasis, strong, inline code and http(s) links. Everything else (HTML, images, headings,
 * other link schemes) becomes plain text. The result is a small tree that components render as
 * Astro elements, so no data ever reaches the page as markup.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, RootContent } from 'mdast';

/** One node of the safe subset. */
export type SafeNode =
	| { type: 'text'; value: string }
	| { type: 'code'; value: string }
	| { type: 'em'; children: SafeNode[] }
	| { type: 'strong'; children: SafeNode[] }
	| { type: 'link'; href: string; children: SafeNode[] };

/** The paragraphs of a markdown text, each a list of inline nodes. */
export type SafeMarkdown = SafeNode[][];

/** True for an absolute http(s) URL, the only links the site renders. */
export function isHttpUrl(url: string): boolean {
	return /^https?:\/\//i.test(url) && URL.canParse(url);
}

/** Parse `text` into the safe subset. */
export function parseSafeMarkdown(text: string): SafeMarkdown {
	const root = fromMarkdown(text);
	const paragraphs: SafeMarkdown = [];
	for (const block of root.children) {
		const inline = block.type === 'paragraph' || block.type === 'heading' ? block.children.flatMap(toSafe) : [{ type: 'text' as const, value: plainText(block) }];
		const merged = mergeText(inline);
		if (merged.length) paragraphs.push(merged);
	}
	return paragraphs;
}

function toSafe(node: RootContent): SafeNode[] {
	switch (node.type) {
		case 'text':
			return [{ type: 'text', value: node.value }];
		case 'inlineCode':
			return [{ type: 'code', value: node.value }];
		case 'emphasis':
			return [{ type: 'em', children: mergeText(node.children.flatMap(toSafe)) }];
		case 'strong':
			return [{ type: 'strong', children: mergeText(node.children.flatMap(toSafe)) }];
		case 'break':
			return [{ type: 'text', value: ' ' }];
		case 'link': {
			const children = mergeText(node.children.flatMap(toSafe));
			return isHttpUrl(node.url) ? [{ type: 'link', href: node.url, children }] : children;
		}
		default:
			// Raw HTML, images, references…: their source text, shown as text.
			return [{ type: 'text', value: node.type === 'html' ? node.value : plainText(node) }];
	}
}

function plainText(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	if (node.type === 'image') return node.alt ?? '';
	if ('children' in node) return (node.children as Nodes[]).map(plainText).join(node.type === 'list' ? ' ' : '');
	return '';
}

function mergeText(nodes: SafeNode[]): SafeNode[] {
	const out: SafeNode[] = [];
	for (const n of nodes) {
		const last = out.at(-1);
		if (n.type === 'text' && last?.type === 'text') last.value += n.value;
		else out.push(n.type === 'text' ? { ...n } : n);
	}
	return out;
}

/** The text of a parsed markdown, without markup (for meta descriptions). */
export function safeMarkdownText(md: SafeMarkdown): string {
	const text = (nodes: SafeNode[]): string => nodes.map((n) => ('value' in n ? n.value : text(n.children))).join('');
	return md.map(text).join(' ');
}
