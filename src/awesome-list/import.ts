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
import { githubRepo, normalizeTitle } from '../catalogue/links.ts';
import { lineOf, readOutline, type OutlineSection } from './outline.ts';
import { readHeader, readRow, type ListRow } from './rows.ts';
import { parseMarkdown } from './text.ts';
import { assignIds } from '../catalogue/ids.ts';
import { mergeRows } from './merge.ts';
import type { PaperData, Site, TaxonomyNode, Venue } from '../catalogue/schema.ts';
import { assignSlugs, type DraftNode } from './slugs.ts';

/** A paper as imported: `year` is missing only when no row of it gave one (validate then says so). */
export type ImportedPaper = {
	id: string;
	/** Line of the row that gave the title. */
	line: number;
	data: Omit<PaperData, 'year'> & { year?: number };
	/** Every row of the paper, in file order: its line, the leaf slug of its table and its title cell. */
	rows: Array<{ line: number; category: string; title: string }>;
};

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
	/** Table rows read (every data row, including those merged into another). */
	rows: number;
	/** Rows that joined another row's paper. */
	merged: number;
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
	if (refused) return { site: { title: name }, taxonomy: [], headingLines: new Map(), venues: [], papers: [], rows: 0, merged: 0, messages: [], fatal: refused };
	const root = parseMarkdown(text);
	const outline = readOutline(root, text);
	const messages = [...outline.messages];
	if (outline.fatal) return { site: { title: name }, taxonomy: [], headingLines: new Map(), venues: [], papers: [], rows: 0, merged: 0, messages, fatal: outline.fatal };
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

	const rows: ListRow[] = [];
	let rowCount = 0;
	const visit = (d: DraftNode) => {
		d.children.forEach(visit);
		for (const table of d.tables) {
			const read = readTable(table, d);
			rowCount += table.children.length - 1;
			rows.push(...read.rows);
			messages.push(...read.messages);
		}
	};
	drafts.forEach(visit);

	const venues = resolveVenues(rows, messages);
	const merged = mergeRows(rows);
	messages.push(...merged.messages);
	const ids = assignIds(merged.papers);
	const papers: ImportedPaper[] = merged.papers.map((p, i) => {
		const line = p.rows[p.rep]!.line;
		if (!p.venue) messages.push(problem(line, `no venue for "${p.title}"; recorded as "${UNSPECIFIED_VENUE.name}" (written back as an empty cell) — fill in the venue if you know it`));
		if (p.year === undefined) messages.push(problem(line, `"${p.title}" has no year; its file is written without one and "npm run validate" will ask for it`));
		const data = {
			title: p.title,
			aliases: p.aliases.length ? p.aliases : undefined,
			year: p.year,
			venue: p.venue || UNSPECIFIED_VENUE.name,
			categories: p.categories,
			paper: p.paper,
			code: p.code,
			codeOfficial: p.code ? p.codeOfficial : undefined,
		};
		return { id: ids[i]!, line, data, rows: p.rows.map((r) => ({ line: r.line, category: r.category, title: r.title })) };
	});
	const used = new Set(papers.map((p) => p.data.venue));
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
		rows: rowCount,
		merged: rows.length - papers.length,
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

/** The rows of one table, with a single problem when the Type column disagrees with the heading. */
function readTable(table: Table, leaf: DraftNode): { rows: ListRow[]; messages: ImportMessage[] } {
	const { columns, messages } = readHeader(table);
	const rows: ListRow[] = [];
	for (const tr of table.children.slice(1)) {
		const read = readRow(tr.children, columns, lineOf(tr as Nodes), leaf.slug!);
		messages.push(...read.messages);
		if (read.row) rows.push(read.row);
	}
	const odd = rows.filter((r) => r.type && normalizeTitle(r.type) !== normalizeTitle(leaf.title));
	if (odd.length) {
		messages.push(note(odd[0]!.line, `Type column says "${odd[0]!.type}"${odd.length > 1 ? ` (and ${odd.length - 1} more rows)` : ''} under the heading "${leaf.title}"; the heading decides the category`));
	}
	return { rows, messages };
}

/**
 * Replace each row's venue with its canonical name ("" when the cell is empty): known venues by
 * name or alias (also with a year after it, "ICML 2024"); an unknown name becomes a venue of kind
 * "other", reported once. Returns the venues met, by name.
 */
function resolveVenues(rows: ListRow[], messages: ImportMessage[]): Map<string, Venue> {
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
