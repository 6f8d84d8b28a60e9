/**
 * Tables the importer does not read as categories: one above the first category (kept in the
 * preamble), one inside a quote, a list item or a footnote (kept in the text around it), one after
 * the last category. Their text is kept, so the export writes it back; their rows become no paper,
 * and each is reported at its line with the reason, so that no row is lost without a word.
 */
import type { Nodes, Root, Table } from 'mdast';
import { problem, type ImportMessage } from './report.ts';

/** Every data row of a table in `root` that is not in `read`, reported; `taxonomyLine` is the first category's heading line. */
export function reportUnreadTables(root: Root, read: ReadonlySet<Table>, taxonomyLine: number): ImportMessage[] {
	const skipped: ImportMessage[] = [];
	const walk = (node: Nodes, nested: boolean) => {
		if (node.type === 'table') {
			if (read.has(node)) return;
			const start = node.position!.start.line;
			const where = nested
				? 'is in a table inside a quote, list item or footnote; it stays there as text and is not imported — move the table out, under the heading of its category'
				: start < taxonomyLine
					? 'is in a table above the first category; it stays in the text before the list and is not imported — move the table under the heading of its category'
					: 'is in a table after the last category; it stays in the text after the list and is not imported — move the table under the heading of its category';
			for (const row of node.children.slice(1)) skipped.push(problem(row.position!.start.line, `row ${where}`));
			return;
		}
		if ('children' in node) for (const child of node.children as Nodes[]) walk(child, node.type !== 'root');
	};
	walk(root, false);
	return skipped;
}
