/**
 * One table row of the awesome list read as far as it can be: year, title, venue, the paper link
 * and the code link (with its star badge). Every cell that is not as expected becomes a problem
 * naming the line; a link that does not parse is left out, so it can never merge two papers.
 */
import type { Nodes, Table, TableCell } from 'mdast';
import { note, problem, type ImportMessage } from './report.ts';
import { arxivId, githubRepo } from '../catalogue/links.ts';
import { lineOf } from './outline.ts';
import { plainText } from './text.ts';

/** The columns the importer reads; the Type column repeats the category and is only checked. */
export type Column = 'year' | 'title' | 'type' | 'venue' | 'paper' | 'code';

/** The usual column order, assumed when a table's header names no Title column. */
export const DEFAULT_COLUMNS: readonly Column[] = ['year', 'title', 'type', 'venue', 'paper', 'code'];

const HEADER_NAMES: Record<string, Column> = {
	year: 'year',
	date: 'year',
	title: 'title',
	name: 'title',
	papertitle: 'title',
	type: 'type',
	category: 'type',
	venue: 'venue',
	conference: 'venue',
	publication: 'venue',
	paper: 'paper',
	link: 'paper',
	pdf: 'paper',
	arxiv: 'paper',
	code: 'code',
	github: 'code',
	repo: 'code',
	repository: 'code',
};

/** A row as the list gives it, venue still as written. */
export interface ListRow {
	/** Line of the row in the markdown file. */
	line: number;
	/** Slug of the category (leaf) whose table holds the row. */
	category: string;
	title: string;
	year: number | undefined;
	/** The venue cell as written (trimmed; empty when the cell is empty). */
	venue: string;
	paper: string | undefined;
	code: string | undefined;
	codeOfficial: boolean | undefined;
	/** The Type cell, compared with the category title. */
	type: string;
	/** Further lines of a row broken over several (see continuation.ts); absent for a row on one line. */
	continued?: number[];
}

/**
 * The columns of a table, one per header cell, found by header names (case-insensitive). A
 * header without a Title column takes its titles from a "Paper" column when another column holds
 * the links ("| Year | Paper | Venue | Link |"); failing that, cells are read in the usual order.
 */
export function readHeader(table: Table): { columns: Array<Column | null>; messages: ImportMessage[] } {
	const header = table.children[0]!;
	const line = lineOf(header);
	const names = header.children.map((c) => plainText(c));
	const columns = names.map((n) => HEADER_NAMES[headerKey(n)] ?? null);
	const messages: ImportMessage[] = [];
	if (!columns.includes('title')) {
		const paper = columns.indexOf('paper');
		if (paper >= 0 && headerKey(names[paper]!) === 'paper' && columns.indexOf('paper', paper + 1) > paper) {
			columns[paper] = 'title';
			messages.push(note(line, `table header "${names.join(' | ')}" names no Title column; the "${names[paper]}" column is read as the titles and "${names[columns.indexOf('paper')]}" as the paper links`));
		} else {
			messages.push(problem(line, `table header "${names.join(' | ')}" names no Title column; read in the usual order ${DEFAULT_COLUMNS.join(' | ')} — name the columns (Year, Title, Type, Venue, Paper, code)`));
			return { columns: names.map((_, i) => DEFAULT_COLUMNS[i] ?? null), messages };
		}
	}
	names.forEach((n, i) => {
		if (!columns[i]) messages.push(problem(line, `column "${n}" is not one the list uses (Year, Title, Type, Venue, Paper, code); its cells are not imported`));
		else if (columns.indexOf(columns[i]) !== i) {
			messages.push(problem(line, `column "${n}" repeats the ${columns[i]} column; only the first is read`));
			columns[i] = null;
		}
	});
	return { columns, messages };
}

/** The name a header cell is looked up by: letters only, lower case ("Paper Title" → "papertitle"). */
function headerKey(name: string): string {
	return name.toLowerCase().replace(/[^a-z]/g, '');
}

/** Titles that are only the word a link is shown as: a cell like this names no paper. */
const LINK_WORDS = /^(?:link|links|pdf|paper|arxiv|url|code|github|here)$/i;

/**
 * Read one data row. Without a title there is nothing to import: `row` is undefined and `skipped`
 * says why (it is also among `messages`). An empty Year cell is no problem here: the paper may
 * take its year from another row or from its arXiv id (see `fillGaps`).
 */
export function readRow(cells: readonly TableCell[], columns: ReadonlyArray<Column | null>, line: number, category: string): { row: ListRow | undefined; messages: ImportMessage[]; skipped?: ImportMessage } {
	const messages: ImportMessage[] = [];
	const say = (m: string) => messages.push(problem(line, m));
	if (cells.length < columns.length) say(`row has ${cells.length} cell${cells.length === 1 ? '' : 's'}, the header has ${columns.length}; the missing cells are read as empty`);
	if (cells.length > columns.length) say(`row has ${cells.length} cells, the header has ${columns.length}; the extra cell${cells.length - columns.length === 1 ? ' is' : 's are'} ignored (a stray "|"?)`);
	const cell = (c: Column): TableCell | undefined => {
		const i = columns.indexOf(c);
		return i >= 0 ? cells[i] : undefined;
	};
	const text = (c: Column) => {
		const n = cell(c);
		return n ? plainText(n) : '';
	};

	const title = text('title');
	if (!title || LINK_WORDS.test(title)) {
		const skipped = problem(line, title ? `title "${title}" is only a link's name; row skipped (write the paper's title in the Title column)` : 'row has no title; skipped (write the paper\'s title in the Title column)');
		messages.push(skipped);
		return { row: undefined, messages, skipped };
	}
	const year = readYear(text('year'), say);
	const titleCell = cell('title');
	let paper = readPaperLink(cell('paper'), say);
	if (!paper && titleCell && !cell('paper')?.children.length) {
		// Lists that link the title instead of having a Paper column.
		const [url] = linksIn(titleCell).map((l) => l.url);
		if (url && isHttpUrl(url)) paper = url;
	}
	const code = readCodeLink(cell('code'), say);
	return { row: { line, category, title, year, venue: text('venue'), paper, code: code.code, codeOfficial: code.codeOfficial, type: text('type') }, messages };
}

function readYear(cell: string, say: (m: string) => void): number | undefined {
	if (!cell) return undefined;
	if (/^\d{4}$/.test(cell)) return Number(cell);
	const found = /\b(?:19|20)\d{2}\b/.exec(cell);
	if (found) {
		say(`year "${cell}" read as ${found[0]}; write the year alone`);
		return Number(found[0]);
	}
	say(`year "${cell}" is not a year; write it as 2024`);
	return undefined;
}

/**
 * The URL of the Paper cell. The cell must be a link (`[Link](url)`, `<url>` or a bare URL);
 * anything else — text around a half-written link, a relative or non-http URL, an arXiv link
 * without an id — is reported and left out.
 */
function readPaperLink(cell: TableCell | undefined, say: (m: string) => void): string | undefined {
	if (!cell || !cell.children.length) return undefined;
	const links = linksIn(cell);
	const outside = textOutsideLinks(cell);
	const shown = plainText(cell);
	if (!links.length) {
		say(`Paper cell "${shown}" holds no link; write [Link](https://…)`);
		return undefined;
	}
	if (outside) {
		say(`Paper cell "${shown}" is not a well-formed link (text "${outside}" around it); the link is left out — write [Link](https://…)`);
		return undefined;
	}
	if (links.length > 1) say(`Paper cell holds ${links.length} links; the first is used`);
	let url = links[0]!.url.trim();
	if (url.includes('](')) {
		const inner = innerLink(url);
		if (!inner) {
			say(`Paper cell nests one link inside another ("${url}") and no single well-formed link can be taken from it; the link is left out — write [Link](https://…)`);
			return undefined;
		}
		say(`Paper cell nests one link inside another ("${url}"), which GitHub shows as a broken link; took the inner link ${inner} — write [Link](${inner})`);
		url = inner;
	}
	if (!isHttpUrl(url)) {
		say(`paper link "${url}" is not an absolute http(s) URL; left out`);
		return undefined;
	}
	if (/(^|\.)arxiv\.org$/i.test(new URL(url).hostname) && !arxivId(url)) {
		say(`arXiv link "${url}" names no paper; left out (write https://arxiv.org/abs/<id>)`);
		return undefined;
	}
	return url;
}

/**
 * The paper link inside a link destination that holds a second link, as in
 * `[Link]([https://arxiv.org/pdf/2305.05920](https://arxiv.org/pdf/2504.03775))` or
 * `[Link](https://arxiv.org/pdf/2305.05920](https://arxiv.org/abs/2504.03775))` (the FlowKV row
 * of the list, 2025-07-30): the markdown parser sees one link whose destination is everything
 * between the outer parentheses. The rule: the inner link's destination (after "](") is the one
 * well-formed link the writer finished, so it is the paper link — but only when the destination
 * holds exactly one inner link (with two, which one names the paper is a guess; the link is left
 * out). It is then checked like any paper link (http(s), an arXiv id). The URL before "](" is the
 * inner link's text or the outer link's unfinished destination, often left over from a copied row
 * (FlowKV's carries FastServe's 2305.05920): it is never used, so it can never merge two papers.
 */
function innerLink(destination: string): string | undefined {
	const inner = [...destination.matchAll(/\]\(\s*<?(https?:\/\/[^\s()<>]+)>?\s*\)/gi)].map((m) => m[1]!);
	return inner.length === 1 && isHttpUrl(inner[0]!) ? inner[0] : undefined;
}

const STAR_BADGE = /^https?:\/\/img\.shields\.io\/github\/stars\/([\w.-]+)\/([\w.-]+?)(?:\.svg)?(?:[?#].*)?$/i;

/**
 * The code link: "Non-official Link" marks code not by the authors; the shields.io star badge
 * names the repository, and mends a code link whose GitHub host is broken.
 */
function readCodeLink(cell: TableCell | undefined, say: (m: string) => void): { code?: string; codeOfficial?: boolean } {
	if (!cell || !cell.children.length) return {};
	const links = linksIn(cell);
	const badge = imagesIn(cell)
		.map((i) => STAR_BADGE.exec(i.url))
		.find(Boolean);
	const badgeRepo = badge ? `${badge[1]}/${badge[2]}` : undefined;
	const first = links[0];
	const codeOfficial = first && /non-?official|unofficial/i.test(plainText(first.children)) ? false : undefined;
	const fromBadge = `https://github.com/${badgeRepo}`;
	if (!first) {
		const shown = plainText(cell);
		if (badgeRepo) {
			say(`code cell has a star badge for ${badgeRepo} but no link; took ${fromBadge} from the badge`);
			return { code: fromBadge };
		}
		if (shown) say(`code cell "${shown}" holds no link; left empty`);
		return {};
	}
	const url = first.url.trim();
	const ok = isHttpUrl(url);
	const repo = ok ? githubRepo(url) : null;
	if (badgeRepo && !repo && (!ok || /github/i.test(new URL(url).hostname))) {
		say(`code link "${url}" is broken; mended to ${fromBadge} from the star badge`);
		return { code: fromBadge, codeOfficial };
	}
	if (!ok) {
		say(`code link "${url}" is not an absolute http(s) URL; left out`);
		return {};
	}
	if (badgeRepo && repo && repo.toLowerCase() !== badgeRepo.toLowerCase()) {
		say(`star badge names ${badgeRepo} but the code link names ${repo}; kept the link`);
	}
	if (new Set(links.map((l) => l.url)).size > 1) say('code cell holds several links; the first is used');
	return { code: url, codeOfficial };
}

/** An absolute http(s) URL, nothing around it: what a link cell may hold. */
export function isHttpUrl(url: string): boolean {
	return /^https?:\/\/[^\s<>"]+$/i.test(url) && URL.canParse(url);
}

/** The links in a node, in order, each with its text (a link inside a link is not looked for). */
export function linksIn(node: Nodes): Array<{ url: string; children: Nodes[] }> {
	if (node.type === 'link') return [{ url: node.url, children: node.children as Nodes[] }];
	return 'children' in node ? (node.children as Nodes[]).flatMap(linksIn) : [];
}

function imagesIn(node: Nodes): Array<{ url: string }> {
	if (node.type === 'image') return [{ url: node.url }];
	return 'children' in node ? (node.children as Nodes[]).flatMap(imagesIn) : [];
}

function textOutsideLinks(node: Nodes): string {
	const walk = (n: Nodes): string => {
		if (n.type === 'link' || n.type === 'image') return ' ';
		if (n.type === 'text' || n.type === 'html' || n.type === 'inlineCode') return n.value;
		return 'children' in n ? (n.children as Nodes[]).map(walk).join('') : '';
	};
	return walk(node).replace(/\s+/g, ' ').trim();
}
