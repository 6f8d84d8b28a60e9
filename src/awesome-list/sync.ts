/**
 * `npm run sync`: merge a version of the list into an existing catalogue. The list owns what it
 * shows — title, year, venue, links, the taxonomy and which leaves a paper is in; the catalogue
 * keeps everything else (aliases, summaries, authors, BibTeX, dates, ids, enriched fields). A
 * matched paper keeps its id, so its URL; a node that was renamed or moved keeps answering at its
 * old path (`formerPaths`). Pure: catalogue and import in, the new catalogue and a report out;
 * `scripts/sync.ts` validates and writes.
 */
import { indexVenues } from '../catalogue/checks.ts';
import { assignIds, isShortTitle, namePrefix } from '../catalogue/ids.ts';
import { githubRepo, normalizeTitle } from '../catalogue/links.ts';
import type { Catalogue } from '../catalogue/load.ts';
import type { Paper, PaperData, Site, TaxonomyNode, Venue } from '../catalogue/schema.ts';
import { isPlaceholderVenue, UNSPECIFIED_VENUE } from '../catalogue/venues.ts';
import type { ImportedPaper, ImportResult } from './import.ts';
import { note, sortMessages, type ImportMessage } from './report.ts';
import { matchPapers, type MatchRule } from './sync-match.ts';
import { syncTaxonomy, type NodeChange } from './sync-taxonomy.ts';

/** How the sync runs. */
export interface SyncOptions {
	/** The `added:` date of new papers (YYYY-MM-DD). */
	date: string;
	/** Remove the papers the list no longer has (their URLs then redirect to their category). @default false */
	prune?: boolean;
	/**
	 * What the list said at the last sync, by paper id (`sync-base.json`). A value the list has not
	 * changed since, but the catalogue has, is the catalogue's correction and stays.
	 */
	base?: SyncBase | undefined;
}

/** The fields a list owns and the sync records, as the list last gave them. */
export const LIST_FIELDS = ['title', 'year', 'venue', 'paper', 'code'] as const;
/** One paper as the list last gave it. */
export type BaseEntry = { title: string; year: number; venue: string; paper?: string | undefined; code?: string | undefined };
/** `sync-base.json`: the list's values at the last sync, by paper id. */
export type SyncBase = Record<string, BaseEntry>;

/** One field that the sync changes on a paper. */
export interface FieldChange {
	field: string;
	from: unknown;
	to: unknown;
}

/** What the sync does, for people (`formatSyncReport`) and tools (`--json`). */
export interface SyncReport {
	added: Array<{ id: string; title: string; line: number; categories: string[] }>;
	updated: Array<{ id: string; line: number; matchedBy: MatchRule; changes: FieldChange[] }>;
	moved: Array<{ id: string; line: number; from: string[]; to: string[] }>;
	/** Values the catalogue keeps against the list (a venue it knows better). */
	kept: Array<{ id: string; line: number; field: string; catalogue: unknown; list: unknown; reason: string }>;
	/**
	 * Papers of the list (`listed: true`) the list no longer has: kept as papers of the atlas
	 * (`listed: false`, re-placed where their category went) or, with --prune, removed. A paper the
	 * atlas added itself is never among them.
	 */
	removed: Array<{ id: string; title: string; pruned: boolean; categories: string[]; redirect?: string }>;
	/** Catalogue papers that turned out to be the same paper as another: folded into it. */
	merged: Array<{ id: string; into: string; line: number; rule: MatchRule }>;
	taxonomy: Array<NodeChange & { line?: number }>;
	/** Venues the catalogue did not have, added from the list. */
	venues: Array<{ name: string; kind: string; line: number }>;
	/** Rows that could not be placed, each with its line and why. */
	unplaced: ImportMessage[];
	/** Everything the reader said about the list. */
	messages: ImportMessage[];
	/** Rows read, papers in the list, papers in the catalogue after the sync. */
	counts: { rows: number; listPapers: number; papersBefore: number; papersAfter: number };
}

/** The catalogue after the sync, and the report. */
export interface SyncPlan {
	site: Site;
	taxonomy: TaxonomyNode[];
	venues: Venue[];
	/** Every paper after the sync, by id. */
	papers: Map<string, PaperData>;
	/** Ids whose file goes. */
	deleted: string[];
	/** What the list says now, by paper id: the base of the next sync. */
	base: SyncBase;
	report: SyncReport;
}

/** Merge the list `list` (read by `importMarkdown`) into `catalogue`. */
export function planSync(catalogue: Pick<Catalogue, 'site' | 'taxonomy' | 'venues' | 'papers'>, list: ImportResult, options: SyncOptions): SyncPlan {
	// Rows the reader could not make a paper of (no title, no year and no arXiv link, …): reported, the rest applied.
	const unplaced = list.skipped;
	// The catalogue's own spellings first: a venue name or alias a maintainer added wins over the built-in list.
	const venues = indexVenues([...list.venues, ...catalogue.venues]);
	const listed = list.papers.map((p) => ({ ...p, data: { ...p.data, venue: venues.resolve(p.data.venue)?.name ?? p.data.venue } }));
	const { matches, folded, unmatched, missing } = matchPapers(
		listed.map((p) => p.data),
		catalogue.papers,
	);
	const byId = new Map(catalogue.papers.map((p) => [p.id, p]));

	// Where the list puts each catalogue paper it still has: old leaf → new leaves, one per paper.
	const placement = new Map<string, string[]>();
	for (const m of matches) {
		const before = byId.get(m.id)!;
		for (const leaf of before.categories) placement.set(leaf, [...(placement.get(leaf) ?? []), ...listed[m.list]!.data.categories]);
	}
	for (const f of folded) {
		const into = matches.find((m) => m.id === f.id)!;
		for (const leaf of byId.get(f.folded)!.categories) placement.set(leaf, [...(placement.get(leaf) ?? []), ...listed[into.list]!.data.categories]);
	}
	const tax = syncTaxonomy(catalogue.taxonomy, list.taxonomy, placement);

	// Benchmarks live in benchmarks/, one file each: a list's benchmark table changes none of them, and a list without one removes none.
	const benchmarkNote = list.benchmarks.length ? [note(list.benchmarks[0]!.line, `${list.benchmarks.length} benchmark rows: benchmarks are kept in benchmarks/ and not changed by the sync`)] : [];
	const report: SyncReport = { added: [], updated: [], moved: [], kept: [], removed: [], merged: [], taxonomy: [], venues: [], unplaced, messages: sortMessages([...list.messages, ...benchmarkNote]), counts: { rows: list.rows, listPapers: listed.length, papersBefore: catalogue.papers.length, papersAfter: 0 } };
	const papers = new Map<string, PaperData>();
	for (const p of catalogue.papers) papers.set(p.id, withoutId(p));

	for (const m of matches) {
		const row = listed[m.list]!;
		const before = byId.get(m.id)!;
		const { data, kept } = mergePaper(before, row, venues.resolve, options.base?.[m.id]);
		for (const k of kept) report.kept.push({ id: m.id, line: row.line, ...k });
		const changes = diff(withoutId(before), data).filter((c) => c.field !== 'categories');
		if (changes.length) report.updated.push({ id: m.id, line: row.line, matchedBy: m.rule, changes });
		if (!sameList(before.categories, data.categories)) report.moved.push({ id: m.id, line: row.line, from: before.categories, to: data.categories });
		papers.set(m.id, data);
	}
	for (const f of folded) {
		const into = papers.get(f.id)!;
		const gone = byId.get(f.folded)!;
		papers.set(f.id, foldPaper(into, gone));
		papers.delete(f.folded);
		report.merged.push({ id: f.folded, into: f.id, line: listed[matches.find((m) => m.id === f.id)!.list]!.line, rule: f.rule });
	}

	const taken = new Set<string>([...papers.keys()]);
	for (const p of catalogue.papers) for (const id of p.formerIds ?? []) taken.add(id);
	for (const id of allFormerPapers(tax.taxonomy)) taken.add(id);
	const fresh = unmatched.map((i) => listed[i]!);
	const ids = assignIds(fresh.map((p) => ({ title: p.data.title, aliases: p.data.aliases, year: p.data.year })), taken);
	fresh.forEach((p, i) => {
		const data = newPaper(p, options.date);
		papers.set(ids[i]!, data);
		report.added.push({ id: ids[i]!, title: data.title, line: p.line, categories: data.categories });
	});

	const deleted: string[] = [...folded.map((f) => f.folded)];
	const formerPapers = new Map<string, string[]>();
	for (const id of missing) {
		const before = byId.get(id)!;
		const categories = [...new Set(before.categories.map((c) => tax.leafFor.get(c) ?? c))];
		// A paper the atlas added was never in the list: not "no longer listed", never pruned; it follows its leaf.
		if (before.listed !== true) {
			if (!sameList(categories, before.categories)) {
				papers.set(id, { ...withoutId(before), categories });
				report.moved.push({ id, line: 0, from: before.categories, to: categories });
			}
			continue;
		}
		if (options.prune) {
			papers.delete(id);
			deleted.push(id);
			const leaf = categories[0]!;
			formerPapers.set(leaf, [...(formerPapers.get(leaf) ?? []), id, ...(before.formerIds ?? [])]);
			report.removed.push({ id, title: before.title, pruned: true, categories: before.categories, redirect: leaf });
		} else {
			// Kept, as a paper of the atlas: the list no longer includes it.
			papers.set(id, { ...withoutId(before), categories, listed: false });
			report.removed.push({ id, title: before.title, pruned: false, categories });
		}
	}
	const taxonomy = formerPapers.size ? addFormerPapers(tax.taxonomy, formerPapers) : tax.taxonomy;
	report.taxonomy = tax.changes.map((c) => ({ ...c, line: 'path' in c ? list.headingLines.get(c.path.split('/').at(-1)!) : undefined }));

	// Venues the papers now use that the catalogue lacks come from the list, with their kind.
	const have = new Set(catalogue.venues.map((v) => v.name));
	const added = [...new Map(list.venues.map((v) => [v.name, v])).values()].filter((v) => !have.has(v.name) && [...papers.values()].some((p) => p.venue === v.name));
	for (const v of added) {
		const first = listed.find((p) => p.data.venue === v.name);
		report.venues.push({ name: v.name, kind: v.kind, line: first?.line ?? 1 });
	}
	const allVenues = [...catalogue.venues, ...added].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));

	const base: SyncBase = {};
	for (const m of matches) base[m.id] = baseEntry(listed[m.list]!);
	fresh.forEach((p, i) => (base[ids[i]!] = baseEntry(p)));

	report.counts.papersAfter = papers.size;
	const site: Site = { ...list.site, ...(catalogue.site.repository ? { repository: catalogue.site.repository } : {}) };
	return { site: dropUndefined(site), taxonomy, venues: allVenues, papers, deleted: deleted.sort(), base: sortedBase(base), report };
}

/**
 * A matched paper with the list's title, year, venue, links and leaves, and the catalogue's other
 * fields. Two things keep a catalogue value against the list's:
 * - a three-way merge: when the list still says what it said at the last sync (`base`) and the
 *   catalogue says otherwise, the catalogue was corrected since (by hand or by enrich), and the
 *   correction stays; a value the list has changed since comes in;
 * - a venue is never downgraded: when the list gives a preprint (or no venue) for a paper the
 *   catalogue has as published, the catalogue's venue and year stay; so they do when both name a
 *   publication and the catalogue holds evidence of its own (a `published` link or a DOI).
 */
function mergePaper(before: Paper, row: ImportedPaper, venueOf: (name: string) => Venue | undefined, base: BaseEntry | undefined): { data: PaperData; kept: Array<{ field: string; catalogue: unknown; list: unknown; reason: string }> } {
	const kept: Array<{ field: string; catalogue: unknown; list: unknown; reason: string }> = [];
	// The list's values, with each one it has not changed since the last sync replaced by the catalogue's own.
	const l = { ...row.data };
	for (const field of LIST_FIELDS) {
		const listValue = l[field];
		if (!base || base[field] !== listValue || before[field] === listValue) continue;
		(l as Record<string, unknown>)[field] = before[field];
		kept.push({ field, catalogue: before[field], list: listValue, reason: 'corrected in the catalogue; the list still says what it said at the last sync' });
	}
	let venue = l.venue;
	let year = l.year;
	const listUnpublished = isPlaceholderVenue(venueOf(l.venue));
	const ownPublished = !isPlaceholderVenue(venueOf(before.venue));
	if (before.venue !== l.venue && ownPublished && (listUnpublished || before.published || before.doi)) {
		venue = before.venue;
		year = before.year;
		kept.push({ field: 'venue', catalogue: `${before.venue} ${before.year}`, list: `${l.venue === UNSPECIFIED_VENUE.name ? '(empty)' : l.venue} ${l.year}`, reason: listUnpublished ? 'the list still gives it as unpublished' : 'the catalogue links the published version' });
	} else if (before.venue === l.venue && before.year !== l.year && ownPublished && (before.published || before.doi)) {
		year = before.year;
		kept.push({ field: 'year', catalogue: before.year, list: l.year, reason: 'the catalogue links the published version' });
	}

	const aliases: string[] = [...(before.aliases ?? [])];
	const addAlias = (a: string | undefined) => {
		if (a && normalizeTitle(a) !== normalizeTitle(l.title) && !aliases.some((x) => normalizeTitle(x) === normalizeTitle(a))) aliases.push(a);
	};
	// A short title the list now gives in full stays findable by its short name.
	if (normalizeTitle(before.title) !== normalizeTitle(l.title) && isShortTitle(before.title)) addAlias(before.title);
	for (const a of l.aliases ?? []) addAlias(a);
	addAlias(namePrefix(l.title));

	// Whether the code is the authors' is the catalogue's call, unless the link now names another repository.
	const sameRepo = (githubRepo(before.code) ?? before.code) === (githubRepo(l.code) ?? l.code);
	const codeOfficial = l.code ? (sameRepo && before.codeOfficial !== undefined ? before.codeOfficial : l.codeOfficial) : undefined;

	const data: PaperData = dropUndefined({
		...withoutId(before),
		title: l.title,
		aliases: aliases.length ? aliases : undefined,
		year,
		venue,
		categories: l.categories,
		paper: l.paper,
		code: l.code,
		codeOfficial: l.code ? codeOfficial : undefined,
		listed: true,
	});
	return { data, kept };
}

/** A list paper's own values, as the base of the next sync records them. */
function baseEntry(p: ImportedPaper): BaseEntry {
	const d = p.data;
	return dropUndefined({ title: d.title, year: d.year, venue: d.venue, paper: d.paper, code: d.code });
}

function sortedBase(base: SyncBase): SyncBase {
	return Object.fromEntries(Object.entries(base).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `gone` folded into `into`: its id becomes a former id, its names aliases, its hand-written fields fill gaps. */
function foldPaper(into: PaperData, gone: Paper): PaperData {
	const aliases = [...(into.aliases ?? [])];
	for (const a of [gone.title, ...(gone.aliases ?? [])]) {
		if (normalizeTitle(a) !== normalizeTitle(into.title) && !aliases.some((x) => normalizeTitle(x) === normalizeTitle(a)) && !a.includes(':')) aliases.push(a);
	}
	const formerIds = [...new Set([...(into.formerIds ?? []), gone.id, ...(gone.formerIds ?? [])])];
	return dropUndefined({
		...Object.fromEntries(Object.entries(withoutId(gone)).filter(([k]) => ['summary', 'abstract', 'authors', 'bibtex', 'date', 'doi', 'published', 'arxiv'].includes(k))),
		...into,
		aliases: aliases.length ? aliases : undefined,
		formerIds,
	}) as PaperData;
}

function newPaper(p: ImportedPaper, date: string): PaperData {
	const d = p.data;
	return dropUndefined({
		title: d.title,
		aliases: d.aliases?.length ? d.aliases : undefined,
		year: d.year,
		venue: d.venue,
		categories: d.categories,
		paper: d.paper,
		code: d.code,
		codeOfficial: d.code ? d.codeOfficial : undefined,
		added: date,
		listed: true,
	});
}

function addFormerPapers(nodes: readonly TaxonomyNode[], bySlug: ReadonlyMap<string, string[]>): TaxonomyNode[] {
	return nodes.map((n) => {
		const extra = bySlug.get(n.slug);
		const children = n.children ? addFormerPapers(n.children, bySlug) : undefined;
		const formerPapers = extra ? [...new Set([...(n.formerPapers ?? []), ...extra])] : n.formerPapers;
		return dropUndefined({ ...n, children, formerPapers });
	});
}

function allFormerPapers(nodes: readonly TaxonomyNode[]): string[] {
	return nodes.flatMap((n) => [...(n.formerPapers ?? []), ...allFormerPapers(n.children ?? [])]);
}

/** The fields that differ between two versions of a paper, in key order. */
export function diff(before: PaperData, after: PaperData): FieldChange[] {
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return keys
		.filter((k) => JSON.stringify(before[k as keyof PaperData]) !== JSON.stringify(after[k as keyof PaperData]))
		.map((k) => ({ field: k, from: before[k as keyof PaperData], to: after[k as keyof PaperData] }));
}

function withoutId(p: Paper): PaperData {
	const { id: _, ...data } = p;
	return data;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

function dropUndefined<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
