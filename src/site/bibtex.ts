/**
 * BibTeX generated from a paper's fields: the entry type follows the venue's kind (conference and
 * workshop → @inproceedings, journal → @article, preprint and other → @misc with the arXiv id),
 * the key is stable (`li2024snapkv`), every value is escaped, and each author is written so that
 * BibTeX splits the list and the name where the person would (`bibtexName`). A paper's own
 * `bibtex` wins.
 */
import { paperArxivId, slugify } from '../catalogue/links.ts';
import type { Paper, Venue } from '../catalogue/schema.ts';

/** What an entry is made from: a paper with its venue record. */
export type BibtexSource = Pick<Paper, 'id' | 'title' | 'year' | 'venue' | 'authors' | 'paper' | 'code' | 'aliases' | 'bibtex'> &
	Partial<Pick<Paper, 'arxiv' | 'doi'>> & {
	venueInfo: Pick<Venue, 'name' | 'fullName' | 'kind'>;
};

const SPECIAL: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'{': '\\{',
	'}': '\\}',
	'&': '\\&',
	'%': '\\%',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}',
};

/** Text safe inside a BibTeX value: LaTeX's special characters escaped, braces always balanced. */
export function escapeBibtex(text: string): string {
	return text.replace(/[\\{}&%$#_~^]/g, (c) => SPECIAL[c]!);
}

/**
 * A title for BibTeX: escaped, and words with capitals after their first letter (SnapKV, LLM,
 * KV) wrapped in braces so that bibliography styles do not lower-case them.
 */
export function bibtexTitle(title: string): string {
	return escapeBibtex(title)
		.split(/(\s+)/)
		.map((word) => (/^\S.*\p{Lu}/u.test(word) && !word.includes('\\') ? `{${word}}` : word))
		.join('');
}

/** Name suffixes BibTeX keeps apart from the family name: "Jr." in "King, Jr., Martin Luther". */
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
/** Words that make a name an organisation's ("Gemini Team", "Meta AI"), which BibTeX must not split into first and last names. */
const ORGANISATION = /(?:^|\s)(?:Team|Inc\.?|Ltd\.?|LLC|Labs?|Laboratory|Group|Consortium|Collaboration|Corporation|Corp\.?|Project|Foundation|Institute|University|AI|Research|Committee|Council|Society|Association|Community|Initiative)(?:\s|$)|\d|&/;

/** A person's name split as BibTeX reads "von Last, Jr., First"; null for a name BibTeX must take whole. */
function nameParts(name: string): { first: string; von: string; last: string; jr: string } | null {
	const text = name.trim().replace(/\s+/g, ' ');
	// A word "and" would split the list there; an organisation would be cut into first and last names.
	if (/(?:^|\s)and(?:\s|$)/i.test(text) || (ORGANISATION.test(text) && text.includes(' '))) return null;
	let base = text;
	let jr = '';
	const comma = /^(.*?),\s*(\S+)$/.exec(text);
	if (comma && SUFFIX.test(comma[2]!)) [base, jr] = [comma[1]!, comma[2]!];
	else if (!comma) {
		const words = text.split(' ');
		if (words.length >= 3 && SUFFIX.test(words.at(-1)!)) [base, jr] = [words.slice(0, -1).join(' '), words.at(-1)!];
	}
	// Any other comma would be read as "Last, First": the name is taken whole.
	if (base.includes(',')) return null;
	const words = base.split(' ');
	const last = words.pop()!;
	// Lower-case words before the family name are its particles ("van der" in "Jan van der Berg").
	let i = words.length;
	while (i > 1 && /^\p{Ll}/u.test(words[i - 1]!)) i--;
	return { first: words.slice(0, i).join(' '), von: words.slice(i).join(' '), last, jr };
}

/**
 * One author for a BibTeX `author` field: escaped, written "von Last, Jr., First" when it has a
 * suffix (so "Jr." is not taken for the family name), and in braces when BibTeX must take it whole:
 * an organisation ("{Gemini Team}"), a name holding the word "and", or a comma. Particles stay
 * as written ("Jan van der Berg"), which BibTeX reads right. Accented letters stay UTF-8.
 */
export function bibtexName(name: string): string {
	const parts = nameParts(name);
	if (!parts) return `{${escapeBibtex(name.trim())}}`;
	if (!parts.jr) return escapeBibtex(name.trim().replace(/\s+/g, ' '));
	const family = [parts.von, parts.last].filter(Boolean).join(' ');
	return escapeBibtex(`${family}, ${parts.jr}${parts.first ? `, ${parts.first}` : ''}`);
}

/** The family name a citation key starts with: "King" for "Martin Luther King Jr.", the whole name of an organisation. */
export function familyName(name: string): string {
	const parts = nameParts(name);
	if (parts) return parts.last;
	const text = name.trim();
	return /,/.test(text) && !ORGANISATION.test(text) ? text.split(',')[0]! : text;
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'and', 'in', 'to', 'with', 'is', 'are', 'how', 'when', 'what', 'why', 'do', 'does']);

/** ASCII letters and digits of a word, lower-cased ("Ç-Žižek" → "czizek"). */
function keyPart(text: string): string {
	return slugify(text).replace(/-/g, '');
}

/**
 * A citation key in the common `<first author's last name><year><first word>` form: `li2024snapkv`.
 * Without authors: `<first word><year>`. The first word is the first alias, else the first title
 * word that is not a stop word. Deterministic, so the key of a paper does not change between builds.
 */
export function citationKey(paper: Pick<Paper, 'id' | 'title' | 'year' | 'authors' | 'aliases'>): string {
	const firstAuthor = paper.authors?.[0];
	const last = firstAuthor ? keyPart(familyName(firstAuthor)) : '';
	const words = [...(paper.aliases ?? []), ...paper.title.split(/[\s:,.;!?()/]+/)].map(keyPart).filter((w) => w && !STOP_WORDS.has(w));
	const word = words[0] ?? keyPart(paper.id);
	return last ? `${last}${paper.year}${word}` : `${word}${paper.year}`;
}

/**
 * Keys for a whole catalogue, unique: when two papers would share a key, each gets a suffix
 * a, b, c… in the order of their ids (so adding a paper never renames one that had its key alone).
 */
export function citationKeys(papers: ReadonlyArray<Pick<Paper, 'id' | 'title' | 'year' | 'authors' | 'aliases'>>): Map<string, string> {
	const groups = new Map<string, string[]>();
	for (const p of papers) {
		const key = citationKey(p);
		groups.set(key, [...(groups.get(key) ?? []), p.id]);
	}
	const keys = new Map<string, string>();
	for (const [key, ids] of groups) {
		if (ids.length === 1) keys.set(ids[0]!, key);
		else [...ids].sort().forEach((id, i) => keys.set(id, `${key}${suffix(i)}`));
	}
	return keys;
}

function suffix(i: number): string {
	let s = '';
	for (let n = i; n >= 0; n = Math.floor(n / 26) - 1) s = String.fromCharCode(97 + (n % 26)) + s;
	return s;
}

/** A URL (or a DOI) inside braces: only braces need care (percent-encoded), the rest is verbatim. */
function bibUrl(url: string): string {
	return url.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

/** The entry type a venue's kind calls for. */
export function entryType(kind: Venue['kind']): 'inproceedings' | 'article' | 'misc' {
	if (kind === 'conference' || kind === 'workshop') return 'inproceedings';
	if (kind === 'journal') return 'article';
	return 'misc';
}

/** The BibTeX entry of a paper; `key` defaults to `citationKey(paper)`. Ends without a newline. */
export function bibtexEntry(paper: BibtexSource, key = citationKey(paper)): string {
	if (paper.bibtex) return paper.bibtex.trim();
	const type = entryType(paper.venueInfo.kind);
	const venueName = escapeBibtex(paper.venueInfo.fullName ?? paper.venueInfo.name);
	const arxiv = paperArxivId(paper);
	const fields: Array<[string, string]> = [['title', `{${bibtexTitle(paper.title)}}`]];
	if (paper.authors?.length) fields.push(['author', `{${paper.authors.map(bibtexName).join(' and ')}}`]);
	if (type === 'inproceedings') fields.push(['booktitle', `{${venueName}}`]);
	if (type === 'article') fields.push(['journal', `{${venueName}}`]);
	if (type === 'misc' && !arxiv && paper.venueInfo.kind !== 'preprint') fields.push(['howpublished', `{${venueName}}`]);
	fields.push(['year', `{${paper.year}}`]);
	// Like url, doi is verbatim in biblatex: a backslash would become part of it.
	if (paper.doi) fields.push(['doi', `{${bibUrl(paper.doi)}}`]);
	if (arxiv) fields.push(['eprint', `{${arxiv}}`], ['archivePrefix', '{arXiv}']);
	if (paper.paper) fields.push(['url', `{${bibUrl(paper.paper)}}`]);
	const width = Math.max(...fields.map(([name]) => name.length));
	return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')}\n}`;
}
