/**
 * Rows broken over two lines. A cell cannot hold a raw line break in GFM: the newline ends the
 * row, and the parser reads the rest of the line as one more row (one cell, or too few). Lists
 * written by hand do this when a long title is wrapped:
 *
 *     | 2024 | A Long Title That Goes
 *     On | Eviction | arXiv | [Link](…) | |
 *
 * Such a pair is joined back into one row when the table writes its rows between pipes (its
 * header starts with "|"), the two rows sit on consecutive lines, the first has too few cells, and
 * either the first line is cut (it does not end with "|") or the next line does not start with
 * "|". Across a cut line, the last cell of the first and the first cell of the next are one cell
 * ("Goes" + "On"); the joined row may not have more cells than the header, and when the next line
 * starts with "|" it must fill the header exactly, so two short rows are never taken for one.
 * A line with no "|" at all that joins nothing is stray text the table swallowed; it is reported
 * and not imported.
 */
import type { Table, TableCell, TableRow } from 'mdast';
import { note, problem, type ImportMessage } from './report.ts';

/** A data row as read from one or more consecutive lines of the file. */
export interface JoinedRow {
	/** Line of the row's first line. */
	line: number;
	/** Further lines the row continues on, in order (empty for a row on one line). */
	continued: number[];
	cells: TableCell[];
}

/**
 * The data rows of `table` with broken rows joined; `lines` is the file split at "\n", `width`
 * the header's cell count, `cellName(i)` names cell `i` for the note ("Title").
 */
export function joinBrokenRows(table: Table, lines: readonly string[], width: number, cellName: (i: number) => string): { rows: JoinedRow[]; skipped: ImportMessage[]; messages: ImportMessage[] } {
	const source = (row: TableRow) => lines[row.position!.start.line - 1] ?? '';
	const piped = startsWithPipe(source(table.children[0]!));
	const data = table.children.slice(1);
	const rows: JoinedRow[] = [];
	const skipped: ImportMessage[] = [];
	const messages: ImportMessage[] = [];
	for (let i = 0; i < data.length; i++) {
		const first = data[i]!;
		const row: JoinedRow = { line: first.position!.start.line, continued: [], cells: [...first.children] };
		if (piped && !source(first).includes('|')) {
			skipped.push(problem(row.line, `line is not a table row (it has no "|"), but GFM reads a line right under a table as one more row; not imported — if it continues the row above, join the two lines; otherwise put a blank line before it`));
			continue;
		}
		let last = first;
		const breaks = new Set<string>();
		while (piped && data[i + 1]) {
			const next = data[i + 1]!;
			const how = joinable(row.cells.length, source(last), next.children.length, source(next), width);
			if (next.position!.start.line !== last.position!.end.line + 1 || !how) break;
			breaks.add(how === 'across' ? `inside the ${cellName(row.cells.length - 1)} cell` : 'between two cells');
			row.cells = how === 'across' ? [...row.cells.slice(0, -1), joinCells(row.cells.at(-1)!, next.children[0]!), ...next.children.slice(1)] : [...row.cells, ...next.children];
			row.continued.push(next.position!.start.line);
			last = next;
			i++;
		}
		if (row.continued.length) {
			const more = row.continued.length > 1 ? `lines ${row.continued.join(', ')}` : `line ${row.continued[0]}`;
			messages.push(note(row.line, `row continues on ${more} (a line break ${[...breaks].join(' and ')}); read lines ${row.line}–${last.position!.start.line} as one row — write the row on one line`));
		}
		rows.push(row);
	}
	return { rows, skipped, messages };
}

/**
 * How a row of `have` cells ending on `line` joins the next row (`more` cells on `nextLine`):
 * `across` a cut cell, `between` cells, or not at all.
 */
function joinable(have: number, line: string, more: number, nextLine: string, width: number): 'across' | 'between' | undefined {
	if (have >= width) return undefined;
	const cut = !endsWithPipe(line);
	const tail = !startsWithPipe(nextLine);
	if (!cut && !tail) return undefined;
	if (cut && tail) return have + more - 1 <= width ? 'across' : undefined;
	if (have + more - 1 === width) return 'across';
	if (have + more === width) return 'between';
	return undefined;
}

/** One cell made of the two halves of a cell broken by a newline. */
function joinCells(a: TableCell, b: TableCell): TableCell {
	return { type: 'tableCell', children: [...a.children, { type: 'text', value: ' ' }, ...b.children], position: a.position && b.position ? { start: a.position.start, end: b.position.end } : undefined };
}

function startsWithPipe(line: string): boolean {
	return /^\s*\|/.test(line);
}

function endsWithPipe(line: string): boolean {
	return /(?<!\\)\|\s*$/.test(line);
}
