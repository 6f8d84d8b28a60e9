/**
 * Markdown read back as GitHub renders it (CommonMark with GFM: tables, autolinks, strikethrough),
 * for the tests of what the atlas writes for GitHub to show (the intake's comment and pull request,
 * the weekly pull request of new papers) and of the pieces that keep a stranger's text inert there:
 * a test asserts on the tree GitHub would build, not on the characters written.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** The mdast tree of `text`, GFM included. */
export function gfmTree(text: string): Root {
	return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every node of `tree` (itself included) whose type is one of `types`, in document order. */
export function nodesOf<T extends Nodes['type']>(tree: Nodes, ...types: T[]): Array<Extract<Nodes, { type: T }>> {
	const found: Nodes[] = [];
	const walk = (n: Nodes) => {
		if ((types as string[]).includes(n.type)) found.push(n);
		if ('children' in n) (n.children as Nodes[]).forEach(walk);
	};
	walk(tree);
	return found as Array<Extract<Nodes, { type: T }>>;
}
