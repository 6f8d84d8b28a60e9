/**
 * What enriching one paper changes, field by field, and whether it may. Filling an empty field or
 * replacing a placeholder venue (arXiv, "ICLR submission", Unspecified) with a publication is not
 * an overwrite; changing a value the file already has is, and needs `--force`. Gathered facts add
 * their confidence: low facts change nothing, medium ones only fill and upgrade, high ones may
 * overwrite (with `--force`). The same plan serves the services and a facts file. An abstract
 * comes from arXiv alone (its metadata is CC0); an abstract that differs only in its spacing is the same.
 */
import { arxivId, paperKey } from '../../catalogue/links.ts';
import type { Confidence, Paper, Venue } from '../../catalogue/schema.ts';
import { isPlaceholderVenue } from '../../catalogue/venues.ts';
import type { VenueReading, VenueResolver } from '../common/published-venue.ts';

/** The fields enrich writes, in the order reports list them. */
export const ENRICH_FIELDS = ['authors', 'venue', 'year', 'date', 'arxiv', 'doi', 'published', 'abstract'] as const;
export type EnrichField = (typeof ENRICH_FIELDS)[number];
type FieldValue = string | number | string[];

/** What one source says about one paper; an absent field says nothing. */
export interface Evidence {
	/** Who says it: "arXiv", "Semantic Scholar", "facts (medium)". Per field when sources were merged. */
	source: Partial<Record<EnrichField, string>> & { default: string };
	authors?: string[];
	date?: string;
	arxiv?: string;
	doi?: string;
	published?: string;
	/** The abstract: arXiv's `summary` only (CC0); Semantic Scholar's is never written to a paper. */
	abstract?: string;
	/** The published venue as read from the source, and its year. */
	venue?: { reading: VenueReading; year: number | null };
	/** Set for gathered facts; services are taken as certain. */
	confidence?: Confidence;
	/** Things worth saying that are not changes. */
	notes?: string[];
}

/**
 * How a change stands: `fill` (empty field), `upgrade` (placeholder venue → publication) and
 * `force` (an overwrite allowed by --force) are written; `conflict` (an overwrite without
 * --force), `held` (the fact's confidence is too low) and `unknown-venue` are only reported.
 */
export type ChangeStatus = 'fill' | 'upgrade' | 'force' | 'conflict' | 'held' | 'unknown-venue';

/** One field's proposed change. */
export interface FieldChange {
	field: EnrichField;
	from: FieldValue | null;
	to: FieldValue;
	status: ChangeStatus;
	source: string;
	/** Why it is not written (conflict, held, unknown venue). */
	reason?: string;
}

/** The changes for one paper, and anything worth saying that is not a change. */
export interface PaperPlan {
	id: string;
	changes: FieldChange[];
	notes: string[];
	/** A venue to add to venues.yaml because an applied change names it. */
	newVenue?: Venue;
}

/** Statuses that are written to the paper file. */
export const APPLIED: ReadonlySet<ChangeStatus> = new Set(['fill', 'upgrade', 'force']);

/** Plan one paper's changes from `ev`; `force` admits overwrites of values the file already has. */
export function planPaper(paper: Paper, ev: Evidence, opts: { force: boolean; venues: VenueResolver }): PaperPlan {
	const plan: PaperPlan = { id: paper.id, changes: [], notes: [...(ev.notes ?? [])] };
	const src = (f: EnrichField) => ev.source[f] ?? ev.source.default;
	const overwrite = (field: EnrichField, from: FieldValue, to: FieldValue, what: string) =>
		plan.changes.push({
			field,
			from,
			to,
			status: opts.force ? 'force' : 'conflict',
			source: src(field),
			...(opts.force ? {} : { reason: `${what}; run with --force to replace it` }),
		});
	const simple = (field: 'date' | 'doi' | 'published' | 'arxiv', to: string | undefined) => {
		if (to === undefined) return;
		const from = paper[field];
		if (from === undefined) plan.changes.push({ field, from: null, to, status: 'fill', source: src(field) });
		else if (from !== to) overwrite(field, from, to, `the file says ${from}`);
	};

	if (ev.authors?.length) {
		if (!paper.authors?.length) plan.changes.push({ field: 'authors', from: null, to: ev.authors, status: 'fill', source: src('authors') });
		else if (!sameList(paper.authors, ev.authors)) overwrite('authors', paper.authors, ev.authors, 'the file lists other authors');
	}
	if (ev.venue) planVenue(paper, ev.venue, plan, opts.venues, src('venue'), overwrite);
	simple('date', ev.date);
	if (ev.arxiv !== undefined) {
		const linked = arxivId(paper.paper);
		if (linked === null) simple('arxiv', ev.arxiv);
		else if (linked !== ev.arxiv) plan.notes.push(`${src('arxiv')} gives arXiv ${ev.arxiv}, but the paper links arXiv ${linked}; check the link`);
	}
	simple('doi', ev.doi);
	// A published link that is the paper link itself says nothing new.
	if (ev.published !== undefined && !(paper.paper && paperKey(ev.published) !== null && paperKey(ev.published) === paperKey(paper.paper))) simple('published', ev.published);

	if (ev.abstract !== undefined) {
		const from = paper.abstract;
		if (from === undefined) plan.changes.push({ field: 'abstract', from: null, to: ev.abstract, status: 'fill', source: src('abstract') });
		// Line breaks and runs of spaces are how a file was wrapped, not a different abstract.
		else if (from.replace(/\s+/g, ' ') !== ev.abstract.replace(/\s+/g, ' ')) overwrite('abstract', from, ev.abstract, 'the file has another abstract');
	}

	if (ev.confidence) holdByConfidence(plan, ev.confidence);
	const venueChange = plan.changes.find((c) => c.field === 'venue' && APPLIED.has(c.status));
	if (venueChange && !opts.venues.inCatalogue(String(venueChange.to))) plan.newVenue = opts.venues.resolve(String(venueChange.to));
	plan.changes.sort((a, b) => ENRICH_FIELDS.indexOf(a.field) - ENRICH_FIELDS.indexOf(b.field));
	return plan;
}

function planVenue(
	paper: Paper,
	said: NonNullable<Evidence['venue']>,
	plan: PaperPlan,
	venues: VenueResolver,
	source: string,
	overwrite: (field: EnrichField, from: FieldValue, to: FieldValue, what: string) => void,
): void {
	const { reading, year } = said;
	if (reading.kind === 'none' || reading.kind === 'preprint') return;
	if (reading.kind === 'unknown') {
		const name = reading.names[0]!;
		plan.changes.push({
			field: 'venue',
			from: paper.venue,
			to: name,
			status: 'unknown-venue',
			source,
			reason: `"${name}" is not a known venue; if it is one, add it to src/catalogue/venues.ts and run again`,
		});
		return;
	}
	const to = reading.venue.name;
	const current = venues.resolve(paper.venue);
	if (isPlaceholderVenue(current)) {
		if (to !== paper.venue) plan.changes.push({ field: 'venue', from: paper.venue, to, status: 'upgrade', source });
		if (year !== null && year !== paper.year) plan.changes.push({ field: 'year', from: paper.year, to: year, status: 'upgrade', source });
		return;
	}
	if (to !== paper.venue) overwrite('venue', paper.venue, to, `the file already names the publication ${paper.venue} ${paper.year}`);
	if (year !== null && year !== paper.year) overwrite('year', paper.year, year, `the file says ${paper.venue} ${paper.year}`);
}

/**
 * Gathered facts: low confidence changes nothing; medium fills empty fields and upgrades
 * placeholder venues but overwrites nothing, whatever the flags; high goes by the usual rules.
 */
function holdByConfidence(plan: PaperPlan, confidence: Confidence): void {
	for (const c of plan.changes) {
		if (c.status === 'unknown-venue') continue;
		if (confidence === 'low') hold(c, 'low confidence: nothing is written from this fact');
		else if (confidence === 'medium' && (c.status === 'conflict' || c.status === 'force')) {
			hold(c, 'medium confidence: a value the file already has changes only on a high-confidence fact');
		}
	}
}

function hold(c: FieldChange, reason: string): void {
	c.status = 'held';
	c.reason = reason;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A value as reports show it: lists joined by commas, long lists and long text (an abstract) cut with their size. */
export function showValue(v: FieldValue | null): string {
	if (v === null) return '(none)';
	if (Array.isArray(v)) return v.length > 6 ? `${v.slice(0, 5).join(', ')}, … (${v.length})` : v.join(', ');
	const text = String(v);
	return text.length > 100 ? `"${text.slice(0, 72).trimEnd()}…" (${text.length} characters)` : text;
}
