/**
 * Table rows counted apart from the importer, for the tests that hold it to account for every
 * row: the markdown parsed with GFM straight from mdast-util-from-markdown (every table at any
 * depth), and, for lists whose rows each sit on one line, a plain line scanner.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes } from 'mdast';
import type { ImportResult } from '../../src/awesome-list/import.ts';

/** The line of every data row (header rows left out) of every GFM table in `text`, in file order. */
export function tableRowLines(text: string): number[] {
	const lines: number[] = [];
	const walk = (n: Nodes) => {
		if (n.type === 'table') for (const row of n.children.slice(1)) lines.push(row.position!.start.line);
		else if ('children' in n) (n.children as Nodes[]).forEach(walk);
	};
	walk(fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
	return lines;
}

/**
 * Data rows by lines alone: in each run of lines starting with "|", the first two are the header
 * and the delimiter row. Right for lists written one row a line and no "|" line outside tables.
 */
export function pipeLineRows(text: string): number[] {
	const lines: number[] = [];
	let run = 0;
	text.split('\n').forEach((line, i) => {
		run = line.startsWith('|') ? run + 1 : 0;
		if (run > 2) lines.push(i + 1);
	});
	return lines;
}

/**
 * Where the import put each row, as lines in file order: the rows of its papers, the lines those
 * rows continue on, the rows of its benchmarks, and the rows it skipped. Each row of the file
 * should be here exactly once.
 */
export function accountedRowLines(result: ImportResult): number[] {
	const inPapers = result.papers.flatMap((p) => p.rows.flatMap((r) => [r.line, ...(r.continued ?? [])]));
	return [...inPapers, ...result.benchmarks.map((b) => b.line), ...result.skipped.map((m) => m.line)].sort((a, b) => a - b);
}
