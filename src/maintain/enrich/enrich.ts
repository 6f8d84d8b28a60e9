/**
 * `npm run enrich`: gather what the arXiv API and Semantic Scholar (or a facts file) say about the
 * papers, plan each paper's changes (`plan.ts`), and with `apply` edit the paper files in
 * place, add the venues they now name to venues.yaml, refresh the citation snapshot and the review
 * list — all checked as a whole catalogue first, then written all at once or not at all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../catalogue/diagnostics.ts';
import { paperArxivId } from '../../catalogue/links.ts';
import { displayPath, loadCatalogue, type Catalogue } from '../../catalogue/load.ts';
import type { Paper, ReviewEntry, Venue } from '../../catalogue/schema.ts';
import { replaceFiles } from '../../catalogue/transaction.ts';
import { isPlaceholderVenue } from '../../catalogue/venues.ts';
import { fetchArxiv, type ArxivOptions, type ArxivRecord } from '../../services/arxiv.ts';
import { citationsToJson, mergeCitations, readCitationsFile } from './citations.ts';
import { APPLIED, planPaper, type Evidence, type FieldChange, type PaperPlan } from './plan.ts';
import { factEvidence, matchFacts, type FactsFile } from './facts.ts';
import { addVenuesYaml, editPaperYaml, type EditValue } from '../../catalogue/paper-edit.ts';
import { venueResolver, type VenueResolver } from '../common/published-venue.ts';
import { mergeReview, readReviewFile, reviewEntry, reviewToJson } from './review.ts';
import type { ServiceRun } from '../../services/http-retry.ts';
import { fetchSemanticScholar, type S2Record, type SemanticScholarOptions } from '../../services/semantic-scholar.ts';

/** What a run does. */
export interface EnrichOptions {
	/** Write the changes; without it nothing is written. */
	apply: boolean;
	/** Allow changes to values the files already have. */
	force: boolean;
	/** Paper ids to limit the run to; null for all. */
	only: readonly string[] | null;
	/** The `checked` date of citation counts (YYYY-MM-DD). */
	today: string;
	/** Take facts from this file instead of asking the services. */
	facts?: { file: string; data: FactsFile } | undefined;
	arxiv: ArxivOptions;
	semanticScholar: SemanticScholarOptions;
	/** Progress lines. */
	log: (line: string) => void;
}

/** One service's part of a run. */
export interface ServiceSummary {
	asked: number;
	found: number;
	notFound: string[];
	failed: Array<{ ids: string[]; reason: string }>;
	requests: number;
}

/** A paper with something to say. */
export interface PaperReport {
	id: string;
	file: string;
	changes: FieldChange[];
	notes: string[];
}

/** Everything a run found and did; printed as text or `--json`. */
export interface EnrichReport {
	mode: 'services' | 'facts';
	apply: boolean;
	force: boolean;
	catalogue: string;
	/** Papers looked at. */
	considered: number;
	papers: PaperReport[];
	counts: { papersChanged: number; fieldsChanged: number; needForce: number; held: number; unknownVenues: number };
	/** Venues added to venues.yaml (or that would be). */
	newVenues: string[];
	services?: { arxiv: ServiceSummary; semanticScholar: ServiceSummary; notLookedUp: string[] };
	citations?: { updated: number; kept: string[]; removed: string[] };
	facts?: {
		file: string;
		gathered: string;
		entries: number;
		matchedByArxiv: number;
		matchedByTitle: number;
		unmatched: string[];
		duplicates: Array<{ title: string; paper: string }>;
		mismatched: Array<{ title: string; paper: string; factArxiv: string; paperArxiv: string }>;
		review: number;
	};
	/** Files written (empty without `apply`, or when nothing changed). */
	written: string[];
	/** What went wrong: failed requests, a result that would not validate. */
	problems: string[];
	/** Catalogue problems that stopped the write. */
	invalid: Diagnostic[];
}

/** Run enrich over `catalogue`; never throws on a service failure (it is reported). */
export async function enrich(catalogue: Catalogue, opts: EnrichOptions): Promise<EnrichReport> {
	const only = opts.only ? new Set(opts.only) : null;
	const papers = catalogue.papers.filter((p) => !only || only.has(p.id));
	const venues = venueResolver(catalogue.venues);
	const report: EnrichReport = {
		mode: opts.facts ? 'facts' : 'services',
		apply: opts.apply,
		force: opts.force,
		catalogue: displayPath(catalogue.dir),
		considered: papers.length,
		papers: [],
		counts: { papersChanged: 0, fieldsChanged: 0, needForce: 0, held: 0, unknownVenues: 0 },
		newVenues: [],
		written: [],
		problems: [],
		invalid: [],
	};
	const found = opts.facts ? planFromFacts(papers, opts.facts, opts, venues, report) : await planFromServices(papers, opts, venues, report);
	tally(report, found.plans, catalogue.dir);
	const staged = stageFiles(catalogue, found, opts, report);
	if (opts.apply && staged.length) writeIfValid(catalogue.dir, staged, report);
	return report;
}

/** Plans, and what goes into the generated files beside the papers. */
interface Found {
	plans: PaperPlan[];
	/** Review entries by paper id (facts). */
	review?: Map<string, ReviewEntry>;
	/** Fresh citation counts by paper id, and the papers asked for them (services). */
	citations?: { counts: Map<string, number>; asked: string[] };
}

function planFromFacts(papers: readonly Paper[], facts: NonNullable<EnrichOptions['facts']>, opts: EnrichOptions, venues: VenueResolver, report: EnrichReport): Found {
	const matching = matchFacts(facts.data.papers, papers);
	const from = `${path.basename(facts.file)} (gathered ${facts.data.gathered})`;
	const found: Found = { plans: [], review: new Map() };
	for (const m of matching.matches) {
		const plan = planPaper(m.paper, factEvidence(m.fact, venues), { force: opts.force, venues });
		found.plans.push(plan);
		const entry = reviewEntry(m.fact, plan, from);
		if (entry) found.review!.set(m.paper.id, entry);
	}
	report.facts = {
		file: displayPath(facts.file),
		gathered: facts.data.gathered,
		entries: facts.data.papers.length,
		matchedByArxiv: matching.matches.filter((m) => m.by === 'arxiv').length,
		matchedByTitle: matching.matches.filter((m) => m.by === 'title').length,
		unmatched: matching.unmatched.map((f) => f.title),
		duplicates: matching.duplicates.map((d) => ({ title: d.fact.title, paper: d.paper })),
		mismatched: matching.mismatched.map((m) => ({ title: m.fact.title, paper: m.paper, factArxiv: (m.fact.arxiv ?? m.fact.listArxiv)!, paperArxiv: m.linked })),
		review: found.review!.size,
	};
	return found;
}

async function planFromServices(papers: readonly Paper[], opts: EnrichOptions, venues: VenueResolver, report: EnrichReport): Promise<Found> {
	const gathered = await askServices(papers, opts, report, venues);
	const plans = papers.flatMap((p) => {
		const ev = gathered.evidence.get(p.id);
		return ev ? [planPaper(p, ev, { force: opts.force, venues })] : [];
	});
	return { plans, citations: { counts: gathered.citations, asked: gathered.asked } };
}

/** The report's papers (those with changes or notes, in id order) and its counts. */
function tally(report: EnrichReport, plans: PaperPlan[], dir: string): void {
	for (const plan of plans.sort((a, b) => (a.id < b.id ? -1 : 1))) {
		if (!plan.changes.length && !plan.notes.length) continue;
		report.papers.push({ id: plan.id, file: displayPath(path.join(dir, 'papers', `${plan.id}.yaml`)), changes: plan.changes, notes: plan.notes });
		const applied = plan.changes.filter((c) => APPLIED.has(c.status));
		if (applied.length) report.counts.papersChanged++;
		report.counts.fieldsChanged += applied.length;
		report.counts.needForce += plan.changes.filter((c) => c.status === 'conflict').length;
		report.counts.held += plan.changes.filter((c) => c.status === 'held').length;
		report.counts.unknownVenues += plan.changes.filter((c) => c.status === 'unknown-venue').length;
	}
	report.newVenues = [...new Set(plans.flatMap((p) => (p.newVenue ? [p.newVenue.name] : [])))].sort();
}

/** A file as it would be written, by its name in the catalogue folder. */
interface StagedFile {
	name: string;
	file: string;
	text: string;
}

/** The files whose text would change: edited papers, venues.yaml, and citations.json or review.json. */
function stageFiles(catalogue: Catalogue, found: Found, opts: EnrichOptions, report: EnrichReport): StagedFile[] {
	const staged: StagedFile[] = [];
	const dir = catalogue.dir;
	const stage = (name: string, text: string) => {
		const file = path.join(dir, name);
		if (readOrNull(file) !== text) staged.push({ name, file, text });
	};
	const newVenues = new Map<string, Venue>();
	for (const plan of found.plans) {
		const changes: Record<string, EditValue> = {};
		for (const c of plan.changes) if (APPLIED.has(c.status)) changes[c.field] = c.to;
		if (!Object.keys(changes).length) continue;
		stage(`papers/${plan.id}.yaml`, editPaperYaml(readFileSync(path.join(dir, 'papers', `${plan.id}.yaml`), 'utf8'), changes));
		if (plan.newVenue) newVenues.set(plan.newVenue.name, plan.newVenue);
	}
	if (newVenues.size) stage('venues.yaml', addVenuesYaml(readFileSync(path.join(dir, 'venues.yaml'), 'utf8'), [...newVenues.values()]));
	const ids = catalogue.papers.map((p) => p.id);
	if (found.citations) {
		const previous = readCitationsFile(path.join(dir, 'citations.json'));
		if (previous.problem) opts.log(`warning: citations.json could not be read (${previous.problem}); it will be rebuilt from the answers`);
		const merged = mergeCitations(previous.citations, found.citations.counts, ids, found.citations.asked, opts.today);
		report.citations = { updated: merged.updated.length, kept: merged.kept, removed: merged.removed };
		// No count at all (both services down): citations.json stays as it was, byte for byte.
		if (found.citations.counts.size) stage('citations.json', citationsToJson(merged.citations));
	}
	if (found.review?.size) {
		const previous = readReviewFile(path.join(dir, 'review.json'));
		if (previous.problem) opts.log(`warning: review.json could not be read (${previous.problem}); it will be rebuilt`);
		stage('review.json', reviewToJson(mergeReview(previous.review, found.review, ids)));
	}
	return staged;
}

/** Check the staged files as one catalogue, then write them all, or none when it would be invalid. */
function writeIfValid(dir: string, staged: readonly StagedFile[], report: EnrichReport): void {
	const overlay = new Map(staged.filter((s) => s.name.endsWith('.yaml')).map((s) => [s.name, s.text]));
	const errors = loadCatalogue(dir, { overlay, skipCitations: true }).diagnostics.filter((d) => d.severity === 'error');
	if (errors.length) {
		report.invalid = errors;
		report.problems.push(`the changes would leave the catalogue invalid (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}); nothing was written`);
		return;
	}
	replaceFiles(staged.map(({ file, text }) => ({ file, text })));
	report.written = staged.map((s) => displayPath(s.file));
}

function readOrNull(file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return null;
	}
}

/** Ask both services (at once: they are different hosts) and turn the answers into evidence per paper. */
async function askServices(papers: readonly Paper[], opts: EnrichOptions, report: EnrichReport, venues: VenueResolver) {
	const arxivIds = new Map<string, string>();
	const s2Ids = new Map<string, string>();
	const notLookedUp: string[] = [];
	for (const p of papers) {
		const id = paperArxivId(p);
		if (id) arxivIds.set(p.id, id);
		if (id) s2Ids.set(p.id, `ARXIV:${id}`);
		else if (p.doi) s2Ids.set(p.id, `DOI:${p.doi}`);
		else notLookedUp.push(p.id);
	}
	const [ax, s2] = await Promise.all([
		fetchArxiv([...new Set(arxivIds.values())], opts.arxiv),
		fetchSemanticScholar([...new Set(s2Ids.values())], opts.semanticScholar),
	]);
	const summary = (run: ServiceRun<unknown>, asked: number): ServiceSummary => ({
		asked,
		found: run.records.size,
		notFound: [...run.notFound].sort(),
		failed: run.failed,
		requests: run.requests,
	});
	report.services = {
		arxiv: summary(ax, new Set(arxivIds.values()).size),
		semanticScholar: summary(s2, new Set(s2Ids.values()).size),
		notLookedUp,
	};
	for (const f of ax.failed) report.problems.push(`arXiv: ${f.ids.length} ${f.ids.length === 1 ? 'paper was' : 'papers were'} not read (${f.reason}); their authors and dates were not checked`);
	for (const f of s2.failed) report.problems.push(`Semantic Scholar: ${f.ids.length} ${f.ids.length === 1 ? 'paper was' : 'papers were'} not read (${f.reason}); their venues and citation counts were not checked (the last counts are kept)`);

	const evidence = new Map<string, Evidence>();
	const citations = new Map<string, number>();
	for (const p of papers) {
		const a = arxivIds.has(p.id) ? ax.records.get(arxivIds.get(p.id)!) : undefined;
		const s = s2Ids.has(p.id) ? s2.records.get(s2Ids.get(p.id)!) : undefined;
		if (s?.citations != null) citations.set(p.id, s.citations);
		const ev = evidenceOf(p, a, s, venues);
		if (ev) evidence.set(p.id, ev);
	}
	return { evidence, citations, asked: papers.filter((p) => s2Ids.has(p.id)).map((p) => p.id) };
}

/**
 * One paper's evidence from both answers: authors, the first-version date and the abstract from
 * arXiv (authors from Semantic Scholar when arXiv gave none; an abstract never from it: publishers
 * keep the rights to those), the venue and its year from Semantic Scholar, the DOI from either,
 * and a DOI link as the published version when the file has none.
 */
export function evidenceOf(p: Paper, a: ArxivRecord | undefined, s: S2Record | undefined, venues: VenueResolver): Evidence | null {
	if (!a && !s) return null;
	const ev: Evidence = { source: { default: a ? 'arXiv' : 'Semantic Scholar' } };
	if (a?.authors.length) ev.authors = a.authors;
	else if (s?.authors.length) {
		ev.authors = s.authors;
		ev.source.authors = 'Semantic Scholar';
	}
	if (a?.date) ev.date = a.date;
	if (a?.summary) ev.abstract = a.summary;
	const doi = a?.doi ?? s?.doi ?? null;
	if (doi) {
		ev.doi = doi;
		ev.source.doi = a?.doi ? 'arXiv' : 'Semantic Scholar';
		if (!p.published) {
			ev.published = `https://doi.org/${doi}`;
			ev.source.published = ev.source.doi;
		}
	}
	if (s) {
		ev.venue = { reading: venues.read(s.venueNames), year: s.year };
		ev.source.venue = ev.source.year = 'Semantic Scholar';
	}
	// Semantic Scholar's year is that of the first publication, often the preprint's: worth a look when they agree.
	const reading = ev.venue?.reading;
	if (s?.year && a?.date && reading?.kind === 'publication' && isPlaceholderVenue(venues.resolve(p.venue)) && String(s.year) === a.date.slice(0, 4)) {
		ev.notes = [`Semantic Scholar gives ${s.year}, the year of the arXiv version too; check that ${reading.venue.name} ${s.year} is the edition that published it`];
	}
	// A journal reference is free text: shown for a maintainer to judge, never parsed into a venue.
	if (a?.journalRef && ev.venue?.reading.kind !== 'publication' && isPlaceholderVenue(venues.resolve(p.venue))) {
		ev.notes = [...(ev.notes ?? []), `arXiv's journal reference says "${a.journalRef}"; if that is a publication, set "venue" and "year" by hand`];
	}
	return ev;
}
