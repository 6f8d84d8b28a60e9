/**
 * Paper ids (the file names of data/papers/): the short name readers know when there is one
 * ("SnapKV" → `snapkv`, "vLLM" → `vllm`), else the first words of the title
 * ("Model Tells You What to Discard: …" → `model-tells-you-what`). Lower-case slugs, unique:
 * when several papers want one id, the oldest (then alphabetically first) title keeps it and the
 * others get `-2`, `-3`, … — the same input always gives the same ids.
 */
import { normalizeTitle, slugify } from './links.ts';

/** How many title words make an id when the paper has no short name. */
const TITLE_WORDS = 4;
/** Ids are cut at a word boundary to stay readable in URLs. */
const MAX_LENGTH = 48;

/** What an id is made from. */
export interface IdSource {
	title: string;
	aliases?: readonly string[] | undefined;
	year?: number | undefined;
}

/** The id a paper would like: its first short name, else the first words of its title. */
export function preferredId(p: IdSource): string {
	const alias = p.aliases?.map(slugify).find(Boolean);
	const base = alias ?? slugify(p.title).split('-').slice(0, TITLE_WORDS).join('-');
	return trimSlug(base) || 'paper';
}

/** Unique ids for `papers`, in their order; `taken` are ids already in use. */
export function assignIds(papers: readonly IdSource[], taken: Iterable<string> = []): string[] {
	const used = new Set(taken);
	const wanted = papers.map(preferredId);
	const order = papers
		.map((_, i) => i)
		.sort((a, b) => (papers[a]!.year ?? 9999) - (papers[b]!.year ?? 9999) || normalizeTitle(papers[a]!.title).localeCompare(normalizeTitle(papers[b]!.title)) || a - b);
	const ids: string[] = new Array(papers.length);
	for (const i of order) {
		let id = wanted[i]!;
		for (let n = 2; used.has(id); n++) id = `${wanted[i]}-${n}`;
		used.add(id);
		ids[i] = id;
	}
	return ids;
}

function trimSlug(slug: string): string {
	if (slug.length <= MAX_LENGTH) return slug;
	const cut = slug.slice(0, MAX_LENGTH + 1);
	const i = cut.lastIndexOf('-');
	return (i > 0 ? cut.slice(0, i) : slug.slice(0, MAX_LENGTH)).replace(/-+$/, '');
}

/** A "Name:" prefix of at most this many words is a short name (an alias). */
const ALIAS_MAX_WORDS = 2;

/** The short name before ":" in "SnapKV: LLM Knows …" (at most two words), else undefined. */
export function namePrefix(title: string): string | undefined {
	const i = title.indexOf(':');
	if (i <= 0) return undefined;
	const prefix = title.slice(0, i).trim();
	return prefix && prefix.split(/\s+/).length <= ALIAS_MAX_WORDS ? prefix : undefined;
}

/** A title without ":" of at most this many words is itself a name ("YOCO", "Block Transformer"). */
const SHORT_TITLE_MAX_WORDS = 3;

/** True for a title short enough to be a name: no ":" and at most three words. */
export function isShortTitle(title: string): boolean {
	return !title.includes(':') && title.trim().split(/\s+/).length <= SHORT_TITLE_MAX_WORDS;
}
