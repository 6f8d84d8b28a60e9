/**
 * Other people's paper lists, read into entries that `npm run discover` can decide: whatever a
 * list says of a paper (title, short name, links, authors, venue and year as it writes them) and
 * the line it says it on. Three formats, the ones KV-cache lists use:
 * - tables like the survey's own (`| Year | Title | Type | Venue | Paper | code |`), read by the
 *   importer, so a row means here what it means to `npm run import`;
 * - numbered entries: `1. [**Title.**](url) *Authors.* Venue Year. [![stars](badge)](code)`;
 * - tables with date, title, paper, code and comment columns, a title carrying a `[ShortName]`
 *   prefix: `|2024.05| [SnapKV] SnapKV: LLM Knows …|[[pdf]](url)|[[SnapKV]](code)|⭐️| |`.
 * A line that looks like an entry but cannot be read is a problem at its line; the rest is read.
 * Nothing here is trusted: every value stays text, and only http(s) links are kept.
 */
import { githubRepo } from '../catalogue/links.ts';
import { UrlSchema } from '../catalogue/schema.ts';
import { UNSPECIFIED_VENUE } from '../catalogue/venues.ts';
import { importMarkdown } from './import.ts';
import { note, problem, sortMessages, type ImportMessage } from './report.ts';

/** One paper as a list gives it. */
export interface ListEntry {
	/** The line it stands on. */
	line: number;
	title: string;
	/** Short names the list gives it ("SnapKV" of "[SnapKV] SnapKV: …", a "Name:" prefix). */
	aliases: string[];
	paper?: string | undefined;
	code?: string | undefined;
	authors?: string[] | undefined;
	/** The venue as the list writes it ("Arxiv", "NeurIPS"). */
	venue?: string | undefined;
	year?: number | undefined;
	/** The heading it stands under. */
	section?: string | undefined;
}

/** The formats this reader knows. */
export type ListFormat = 'survey-table' | 'numbered' | 'dated-table';

/** What a list holds, and what the reader has to say about it. */
export interface PaperList {
	/** The formats found, in the order first met. */
	formats: ListFormat[];
	/** The list's own repository, owner/name, when its badges name it. */
	repository: string | undefined;
	entries: ListEntry[];
	/** Lines that look like entries but could not be read, and notes, in line order. */
	messages: ImportMessage[];
}

/** The survey's table header: a Title column and a Year or Venue column. */
const SURVEY_HEADER = /^\|.*\btitle\b.*\|/i;
/** A numbered entry: `1. [**Title.**](url) rest`. */
const NUMBERED = /^\s*\d+\.\s+\[\*\*(.+?)\*\*\]\(\s*(\S*?)\s*\)(?=\s|$)(.*)$/;
/** A numbered line that names a link, so probably a paper the reader should have understood. */
const NUMBERED_WITH_LINK = /^\s*\d+\.\s+.*\]\(https?:\/\//;

/** Read a paper list in any of the three formats. Never throws on bad input. */
export function readPaperList(source: string): PaperList {
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const lines = text.split('\n');
	const entries: ListEntry[] = [];
	const messages: ImportMessage[] = [];
	const formats: ListFormat[] = [];
	const use = (f: ListFormat) => formats.includes(f) || formats.push(f);

	// Tables like the survey's are the importer's to read: the whole file goes through it.
	const tables = tablesOf(lines);
	if (tables.some((t) => isSurveyHeader(t.header))) {
		use('survey-table');
		const imported = importMarkdown(text);
		if (imported.fatal) messages.push(imported.fatal);
		for (const p of imported.papers) {
			entries.push({ line: p.line, title: p.data.title, aliases: p.data.aliases ?? [], paper: p.data.paper, code: p.data.code, venue: p.data.venue === UNSPECIFIED_VENUE.name ? undefined : p.data.venue, year: p.data.year, section: p.rows[0]?.category });
		}
		messages.push(...imported.skipped);
	}

	let section: string | undefined;
	const tableAt = new Map(tables.map((t) => [t.start, t]));
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) section = cleanHeading(heading[1]!);
		const table = tableAt.get(i);
		if (table) {
			if (isDatedHeader(table.header)) {
				use('dated-table');
				for (const row of table.rows) {
					const read = datedRow(row.cells, table.header, row.line, section);
					if ('entry' in read) entries.push(read.entry);
					else messages.push(read.problem);
				}
			}
			i = table.end;
			continue;
		}
		const numbered = NUMBERED.exec(line);
		if (numbered) {
			use('numbered');
			const read = numberedEntry(numbered, i + 1, section);
			if ('entry' in read) entries.push(read.entry);
			else messages.push(read.problem);
		} else if (NUMBERED_WITH_LINK.test(line)) {
			messages.push(problem(i + 1, 'a numbered line with a link that is not an entry of the form 1. [**Title.**](url) *Authors.* Venue Year.; not read — write the title in bold inside the link'));
		}
	}
	if (!formats.length) messages.push(note(1, 'no paper entries found: neither a table with a Title column, nor numbered entries "1. [**Title.**](url)", nor a table with Date, Title and Paper columns'));
	return { formats, repository: listOwnRepository(lines), entries: entries.sort((a, b) => a.line - b.line), messages: sortMessages(messages) };
}

/** A table of the file: its header cells, its data rows with their lines, and where it ends. */
interface LineTable {
	start: number;
	end: number;
	header: string[];
	rows: Array<{ line: number; cells: string[] }>;
}

/** Every pipe table: a `|` line followed by a delimiter line, then its `|` lines. */
function tablesOf(lines: readonly string[]): LineTable[] {
	const out: LineTable[] = [];
	for (let i = 0; i + 1 < lines.length; i++) {
		if (!lines[i]!.trimStart().startsWith('|') || !/^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(lines[i + 1]!)) continue;
		const header = splitCells(lines[i]!).map((c) => c.replace(/[*_`]/g, '').trim().toLowerCase());
		const rows: LineTable['rows'] = [];
		let j = i + 2;
		for (; j < lines.length && lines[j]!.trimStart().startsWith('|'); j++) rows.push({ line: j + 1, cells: splitCells(lines[j]!) });
		out.push({ start: i, end: j - 1, header, rows });
		i = j - 1;
	}
	return out;
}

/** The cells of a table line, split at `|` that no backslash escapes and no link or code span holds. */
export function splitCells(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let depth = 0;
	const s = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (c === '\\' && s[i + 1] === '|') {
			cell += '|';
			i++;
			continue;
		}
		if (c === '(' || c === '[') depth++;
		if ((c === ')' || c === ']') && depth > 0) depth--;
		if (c === '|' && depth === 0) {
			cells.push(cell.trim());
			cell = '';
		} else cell += c;
	}
	cells.push(cell.trim());
	return cells;
}

function isSurveyHeader(header: readonly string[]): boolean {
	return header.includes('title') && (header.includes('year') || header.includes('venue')) && !header.includes('date');
}

function isDatedHeader(header: readonly string[]): boolean {
	return header.includes('title') && header.includes('paper') && !isSurveyHeader(header);
}

/** Every http(s) link target of a piece of markdown, in order (image sources left out). */
function linksIn(text: string): Array<{ label: string; url: string }> {
	const out: Array<{ label: string; url: string }> = [];
	for (const m of text.matchAll(/(!?)\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*(\S+?)\s*\)/g)) {
		if (m[1]) continue;
		const url = m[3]!;
		if (UrlSchema.safeParse(url).success) out.push({ label: m[2]!, url });
	}
	return out;
}

/** The first link to a GitHub repository, badges' targets included, as the repository's URL. */
function codeLink(text: string): string | undefined {
	for (const m of text.matchAll(/\]\(\s*(https?:\/\/(?:www\.)?github\.com\/[^\s)]+)\s*\)/g)) {
		const repo = githubRepo(m[1]);
		if (repo) return `https://github.com/${repo}`;
	}
	return undefined;
}

/** A title as text: markup, emoji and the "(@Organisation)" of dated lists taken off, spaces made single. */
function cleanTitle(text: string): string {
	return text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\*\*|__|`/g, '')
		.replace(/\(@[^)]*\)\s*$/, '')
		.replace(/^[^\p{L}\p{N}[]+/u, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\.$/, '');
}

/** A heading as text: links such as "([back](#top))", markup, emoji and keycaps ("1️⃣") taken off. */
function cleanHeading(text: string): string {
	return text
		.replace(/\(\[[^\]]*\]\([^)]*\)\)/g, '')
		.replace(/<[^>]*>/g, '')
		.replace(/[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}\uFE0F?/gu, '')
		.replace(/^[^\p{L}\p{N}]+/u, '')
		.replace(/\s+/g, ' ')
		.trim();
}

function numberedEntry(m: RegExpExecArray, line: number, section: string | undefined): { entry: ListEntry } | { problem: ImportMessage } {
	const title = cleanTitle(m[1]!);
	const url = m[2]!;
	const rest = m[3] ?? '';
	if (!title) return { problem: problem(line, 'a numbered entry with an empty title; not read') };
	if (!UrlSchema.safeParse(url).success) return { problem: problem(line, `the link of "${title}" is not an http(s) URL ("${url.slice(0, 80)}"); not read — link the paper's page`) };
	const authors = /^\s*\*([^*]+)\*/.exec(rest)?.[1];
	const afterAuthors = authors ? rest.slice(rest.indexOf(authors) + authors.length + 1) : rest;
	const venueYear = /^\s*([^[\]()]*?)\s*((?:19|20)\d{2})\s*\.?/.exec(afterAuthors);
	const code = codeLink(afterAuthors);
	return {
		entry: {
			line,
			title,
			aliases: [],
			paper: url,
			code: code && githubRepo(code) !== githubRepo(url) ? code : undefined,
			authors: authors ? splitNames(authors) : undefined,
			venue: venueYear?.[1]?.replace(/[.,]$/, '').trim() || undefined,
			year: venueYear ? Number(venueYear[2]) : undefined,
			section,
		},
	};
}

/** "A, B, C." → ["A", "B", "C"]; "et al." and empty names left out. */
function splitNames(text: string): string[] {
	return text
		.replace(/\.\s*$/, '')
		.split(/\s*,\s*|\s+and\s+/)
		.map((n) => n.trim())
		.filter((n) => n && !/^et al\.?$/i.test(n));
}

function datedRow(cells: readonly string[], header: readonly string[], line: number, section: string | undefined): { entry: ListEntry } | { problem: ImportMessage } {
	const cell = (name: string) => cells[header.indexOf(name)] ?? '';
	const raw = cell('title');
	const short = /^[^\p{L}\p{N}[]*\[(?:\*\*)?([^\]]+?)(?:\*\*)?\]\s*/u.exec(raw);
	const title = cleanTitle(short ? raw.slice(short[0].length) : raw);
	if (!title) return { problem: problem(line, 'a row with no title; not read — write the title in the Title column') };
	const links = linksIn(cell('paper'));
	const paper = links[0]?.url;
	if (!paper) return { problem: problem(line, `no http(s) link in the Paper column for "${title}"; not read — write [[pdf]](https://arxiv.org/abs/…)`) };
	const date = /((?:19|20)\d{2})[.\-/]?(\d{1,2})?/.exec(cell('date'));
	const alias = short ? cleanTitle(short[1]!) : '';
	return {
		entry: {
			line,
			title,
			aliases: alias && alias.toLowerCase() !== title.toLowerCase() ? [alias] : [],
			paper,
			code: codeLink(cell('code')),
			year: date ? Number(date[1]) : undefined,
			section,
		},
	};
}

/**
 * The list's own repository: the owner/name its badges count (stars, licence, last commit) in its
 * first lines, where awesome lists show them.
 */
function listOwnRepository(lines: readonly string[]): string | undefined {
	const counts = new Map<string, number>();
	for (const line of lines.slice(0, 60)) {
		for (const m of line.matchAll(/img\.shields\.io\/github\/(?:stars|license|last-commit|forks|watchers|downloads)\/([\w.-]+)\/([\w.-]+?)(?:\.svg)?(?:[?)/]|$)/g)) {
			const repo = `${m[1]}/${m[2]}`;
			counts.set(repo, (counts.get(repo) ?? 0) + 1);
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
