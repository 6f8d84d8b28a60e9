/**
 * awesome-list README → catalogue: headings become the taxonomy, table rows become papers (rows
 * of one paper merged), venue cells are resolved to known venues, and the text around the
 * taxonomy is kept as site text so that the export can write the README back. Pure: text in,
 * data and messages out; `scripts/import.ts` writes the files.
 */
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { indexVenues } from '../catalogue/checks.ts';
import { didYouMean } from '../catalogue/diagnostics.ts';
import { note, problem, sortMessages, type ImportMessage } from './report.ts';
import { KNOWN_VENUES, UNSPECIFIED_VENUE } from '../catalogue/venues.ts';
import { importGuard } from './guard.ts';
import { githubRepo, normalizeTitle, paperKey, slugify } from '../catalogue/links.ts';
import { lineOf, readOutline, type OutlineSection } from './outline.ts';
import { readHeader, readRow, type ListRow } from './rows.ts';
import { parseMarkdown } from './text.ts';
import { joinBrokenRows } from './continuation.ts';
import { fillGaps } from './gaps.ts';
import { reportUnreadTables } from './unread-tables.ts';
import { assignIds } from '../catalogue/ids.ts';
import { mergeRows } from './merge.ts';
import type { PaperData, Site, TaxonomyNode, Venue } from '../catalogue/schema.ts';
import { assignSlugs, type DraftNode } from './slugs.ts';
import { isBenchmarkTable, readBenchmarkTable, type ReadBenchmark } from './benchmark-table.ts';
import type { BenchmarkData } from '../catalogue/benchmark.ts';

/** A paper as imported; a paper whose year no row gives (nor its arXiv id) is not imported but reported. */
export type ImportedPaper = {
	id: string;
	/** Line of the row that gave the title. */
	line: number;
	data: PaperData;
	/**
	 * Every row of the paper, in file order: its line, the leaf slug of its table and its title
	 * cell; `continued` lists the further lines of a row broken over several (absent otherwise).
	 */
	rows: Array<{ line: number; category: string; title: string; continued?: number[] }>;
};

/** A benchmark as imported from a benchmark table: its id, the line of its row and its data. */
export interface ImportedBenchmark {
	id: string;
	line: number;
	data: BenchmarkData;
}

/** The catalogue read from one README, with what the import has to say about it. */
export interface ImportResult {
	site: Site;
	taxonomy: TaxonomyNode[];
	/** The line of each node's heading, by slug. */
	headingLines: Map<string, number>;
	/** The venues the papers use, by name. */
	venues: Venue[];
	/** Papers in order of first appearance in the list. */
	papers: ImportedPaper[];
	/** Benchmarks of the benchmark tables (none when the list has no such table: nothing listed). */
	benchmarks: ImportedBenchmark[];
	/**
	 * Table rows in the file: every data row of every table, wherever it is. Each is a row of a
	 * paper, a line a broken row continues on (`continued` of that row), or in `skipped`.
	 */
	rows: number;
	/** Rows that joined another row's paper. */
	merged: number;
	/** Lines joined to the row above because a cell was broken over two lines. */
	continued: number;
	/** Rows that became no paper, each with its line and why (also among `messages`). */
	skipped: ImportMessage[];
	/** Problems and notes in file order. */
	messages: ImportMessage[];
	/** Set when nothing could be imported (no taxonomy or no table). */
	fatal: ImportMessage | undefined;
}

/** Import a README; `name` is the list's name when the file has no title heading. */
export function importMarkdown(source: string, name = 'Awesome list'): ImportResult {
	// One line ending and no byte-order mark, so preamble and descriptions are written back alike.
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const refused = importGuard(text);
	if (refused) return { site: { title: name }, taxonomy: [], headingLines: new Map(), venues: [], papers: [], benchmarks: [], rows: 0, merged: 0, continued: 0, skipped: [], messages: [], fatal: refused };
	const root = parseMarkdown(text);
	const outline = readOutline(root, text);
	const messages = [...outline.messages];
	if (outline.fatal) return { site: { title: name }, taxonomy: [], headingLines: new Map(), venues: [], papers: [], benchmarks: [], rows: 0, merged: 0, continued: 0, skipped: [], messages, fatal: outline.fatal };
	if (!outline.title) messages.push(problem(1, `the file starts with a category, not with the list's name; the list is called "${name}"`));

	const raw = (b: RootContent) => text.slice(b.position!.start.offset, b.position!.end.offset);
	const drafts = outline.sections.map((s) => toDraft(s, raw, messages));
	const taxonomy = assignSlugs(drafts);
	const headingLines = new Map<string, number>();
	const lineOfNode = (d: DraftNode) => {
		headingLines.set(d.slug!, d.line);
		d.children.forEach(lineOfNode);
	};
	drafts.forEach(lineOfNode);

	const lines = text.split('\n');
	const rows: ListRow[] = [];
	const skipped: ImportMessage[] = [];
	const tablesRead = new Set<Table>();
	const benchmarkRows: ReadBenchmark[] = [];
	const visit = (d: DraftNode) => {
		d.children.forEach(visit);
		for (const table of d.tables) {
			if (isBenchmarkTable(table)) {
				// Benchmarks are entries of their own, not rows of papers.
				const read = readBenchmarkTable(table);
				tablesRead.add(table);
				benchmarkRows.push(...read.benchmarks);
				skipped.push(...read.skipped);
				messages.push(...read.messages);
				continue;
			}
			const read = readTable(table, d, lines);
			tablesRead.add(table);
			rows.push(...read.rows);
			skipped.push(...read.skipped);
			messages.push(...read.messages);
		}
	};
	drafts.forEach(visit);
	const unread = reportUnreadTables(root, tablesRead, outline.sections[0]!.line);
	skipped.push(...unread);
	messages.push(...unread);

	// Benchmark venues resolve like the papers' (written back in place, as resolveVenues does for rows).
	const benchmarkVenues = benchmarkRows.filter((b) => b.data.venue).map((b) => ({ line: b.line, venue: b.data.venue!, of: b.data }));
	const venues = resolveVenues([...rows, ...benchmarkVenues], messages);
	for (const v of benchmarkVenues) v.of.venue = v.venue;
	const merged = mergeRows(rows);
	messages.push(...merged.messages);
	// A paper without a year cannot be a paper of the catalogue: its rows are reported and skipped, the rest imported.
	const dated: typeof merged.papers = [];
	let undatedRows = 0;
	for (const p of merged.papers) {
		const missing = fillGaps(p, p.rows[p.rep]!.line, messages);
		if (!missing) {
			dated.push(p);
			continue;
		}
		skipped.push(missing);
		undatedRows += p.rows.length;
		for (const r of p.rows) {
			const also = [
				...(r.line === missing.line ? [] : [problem(r.line, `this row is of "${p.title}", which is not imported (no year; see line ${missing.line})`)]),
				...(r.continued ?? []).map((l) => problem(l, `this line continues the row of line ${r.line}, which is not imported`)),
			];
			skipped.push(...also);
			messages.push(...also);
		}
	}
	const ids = assignIds(dated);
	const papers: ImportedPaper[] = dated.map((p, i) => {
		const line = p.rows[p.rep]!.line;
		const data: PaperData = {
			title: p.title,
			aliases: p.aliases.length ? p.aliases : undefined,
			year: p.year!,
			venue: p.venue || UNSPECIFIED_VENUE.name,
			categories: p.categories,
			paper: p.paper,
			code: p.code,
			codeOfficial: p.code ? p.codeOfficial : undefined,
			// Every paper read from the survey's list is in it.
			listed: true,
		};
		return { id: ids[i]!, line, data, rows: p.rows.map((r) => ({ line: r.line, category: r.category, title: r.title, ...(r.continued?.length ? { continued: r.continued } : {}) })) };
	});
	const benchmarks = importBenchmarks(benchmarkRows, papers);
	const used = new Set([...papers.map((p) => p.data.venue), ...benchmarks.flatMap((b) => (b.data.venue ? [b.data.venue] : []))]);
	const site: Site = {
		title: outline.title || name,
		preamble: outline.preamble || undefined,
		postamble: outline.postamble || undefined,
		backToTop: outline.backToTop,
		repository: listRepository(root, outline.title),
	};
	return {
		site: dropUndefined(site),
		taxonomy,
		headingLines,
		venues: [...venues.values(), UNSPECIFIED_VENUE].filter((v) => used.has(v.name)).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
		papers,
		benchmarks,
		rows: countRows(root),
		merged: rows.length - papers.length - undatedRows,
		continued: rows.reduce((n, r) => n + (r.continued?.length ?? 0), 0),
		skipped: sortMessages(skipped),
		messages: sortMessages(messages),
		fatal: undefined,
	};
}

/** A section as a draft node: its description (text other than tables) and its tables. */
function toDraft(s: OutlineSection, raw: (b: RootContent) => string, messages: ImportMessage[]): DraftNode {
	const tables = s.blocks.filter((b): b is Table => b.type === 'table');
	const text = s.blocks.filter((b) => b.type !== 'table');
	const firstTable = s.blocks.findIndex((b) => b.type === 'table');
	if (firstTable >= 0 && text.some((b) => s.blocks.indexOf(b) > firstTable)) {
		messages.push(note(lineOf(text.find((b) => s.blocks.indexOf(b) > firstTable)!), `text after the table of "${s.title}" is kept as its description (the export writes it above the table)`));
	}
	const description = text.map(raw).join('\n\n') || undefined;
	const children = s.children.map((c) => toDraft(c, raw, messages));
	if (children.length && tables.length) {
		messages.push(problem(lineOf(tables[0]!), `"${s.title}" has sub-sections and also a table of its own; its rows go to a new category "General" under it — move them to a sub-section`));
		children.unshift({ title: 'General', line: lineOf(tables[0]!), description: undefined, tables, children: [] });
		return { title: s.title, line: s.line, description, tables: [], children };
	}
	return { title: s.title, line: s.line, description, tables, children };
}

/**
 * The rows of one table (broken rows joined, see continuation.ts), the rows it skips with why, and
 * a single note when the Type column disagrees with the heading.
 */
function readTable(table: Table, leaf: DraftNode, lines: readonly string[]): { rows: ListRow[]; skipped: ImportMessage[]; messages: ImportMessage[] } {
	const { columns, messages } = readHeader(table);
	const named = (i: number) => (columns[i] ? columns[i]![0]!.toUpperCase() + columns[i]!.slice(1) : `column ${i + 1}`);
	const joined = joinBrokenRows(table, lines, columns.length, named);
	messages.push(...joined.messages, ...joined.skipped);
	const skipped = [...joined.skipped];
	const rows: ListRow[] = [];
	for (const { line, continued, cells } of joined.rows) {
		const read = readRow(cells, columns, line, leaf.slug!);
		messages.push(...read.messages);
		if (read.skipped) skipped.push(read.skipped);
		if (read.row) rows.push(continued.length ? { ...read.row, continued } : read.row);
		else if (continued.length) {
			const also = continued.map((l) => problem(l, `this line continues the row of line ${line}, which is skipped`));
			skipped.push(...also);
			messages.push(...also);
		}
	}
	const odd = rows.filter((r) => r.type && normalizeTitle(r.type) !== normalizeTitle(leaf.title));
	if (odd.length) {
		messages.push(note(odd[0]!.line, `Type column says "${odd[0]!.type}"${odd.length > 1 ? ` (and ${odd.length - 1} more rows)` : ''} under the heading "${leaf.title}"; the heading decides the category`));
	}
	return { rows, skipped, messages };
}

/** Every data row of every table in the file, counted on the parsed markdown. */
function countRows(root: Root): number {
	const count = (n: Nodes): number => (n.type === 'table' ? n.children.length - 1 : 'children' in n ? (n.children as Nodes[]).reduce((sum, c) => sum + count(c), 0) : 0);
	return count(root);
}

/**
 * Replace each row's venue with its canonical name ("" when the cell is empty): known venues by
 * name or alias (also with a year after it, "ICML 2024"); an unknown name becomes a venue of kind
 * "other", reported once. Returns the venues met, by name.
 */
function resolveVenues(rows: Array<Pick<ListRow, 'line' | 'venue'>>, messages: ImportMessage[]): Map<string, Venue> {
	const known = indexVenues(KNOWN_VENUES);
	const met = new Map<string, Venue>();
	const unknown = new Map<string, Venue>();
	for (const r of rows) {
		const written = r.venue.replace(/\s+/g, ' ').trim();
		if (!written) continue;
		const withoutYear = written.replace(/[\s']*(?:'\d{2}|\d{4})$/, '');
		let venue = known.resolve(written) ?? (withoutYear !== written ? known.resolve(withoutYear) : undefined);
		if (!venue) {
			venue = unknown.get(written.toLowerCase());
			if (!venue) {
				venue = { name: written, kind: 'other' };
				unknown.set(written.toLowerCase(), venue);
				const guess = didYouMean(written, known.byAlias.keys());
				const hint = guess ? ` (did you mean "${known.resolve(guess)!.name}"?)` : '';
				messages.push(problem(r.line, `unknown venue "${written}"${hint}; added to venues.yaml as kind "other" — set its kind and full name there`));
			}
		} else if (venue.name !== written) {
			messages.push(note(r.line, `venue "${written}" is written "${venue.name}"`));
		}
		met.set(venue.name, venue);
		r.venue = venue.name;
	}
	return met;
}

/**
 * Benchmarks from their rows: ids from their names (unique, `-2` after a taken one), and as its
 * `study` the paper of the list whose link names the same paper (the same arXiv id, or the same
 * proceedings page): the paper that describes the benchmark.
 */
function importBenchmarks(rows: readonly ReadBenchmark[], papers: readonly ImportedPaper[]): ImportedBenchmark[] {
	const byKey = new Map<string, string>();
	for (const p of papers) {
		const key = paperKey(p.data.paper);
		if (key && !byKey.has(key)) byKey.set(key, p.id);
	}
	const taken = new Set<string>();
	return rows.map(({ line, data }) => {
		const base = slugify(data.name) || 'benchmark';
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		taken.add(id);
		const study = byKey.get(paperKey(data.paper) ?? '');
		return { id, line, data: { ...data, ...(study ? { study } : {}) } };
	});
}

/** The list's own repository, when the README links to github.com/<owner>/<list title>. */
function listRepository(root: Root, title: string): string | undefined {
	if (!title) return undefined;
	const want = normalizeTitle(title);
	const found: string[] = [];
	const walk = (n: Nodes) => {
		if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && n.url) {
			const repo = githubRepo(n.url);
			if (repo && normalizeTitle(repo.split('/')[1]!) === want) found.push(repo);
		}
		if ('children' in n) (n.children as Nodes[]).forEach(walk);
	};
	walk(root);
	return found[0];
}

function dropUndefined<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
