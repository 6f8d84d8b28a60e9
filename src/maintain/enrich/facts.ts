/**
 * Facts gathered about the papers (a file such as papers.json: per paper its title, arXiv ids,
 * authors, first arXiv date, published venue and a confidence), matched to the catalogue's papers
 * and turned into the same evidence the services give, so one plan and one apply serve both.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalizeTitle, paperArxivId } from '../../catalogue/links.ts';
import { GatheredFactSchema, type Confidence, type GatheredFact, type Paper } from '../../catalogue/schema.ts';
import type { Evidence } from './plan.ts';
import type { VenueResolver } from '../common/published-venue.ts';

/** A facts file: when the facts were gathered, and one entry per paper. */
export const FactsFileSchema = z.object({
	/** What the file is and where it comes from. */
	about: z.string().optional(),
	/** Where this copy comes from (test fixtures name their origin). */
	source: z.string().optional(),
	/** The day the facts were gathered, YYYY-MM-DD. */
	gathered: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
	papers: z.array(GatheredFactSchema),
});
export type FactsFile = z.infer<typeof FactsFileSchema>;

/** Read and check a facts file; the error names the file, the entry and the field. */
export function readFactsFile(file: string, shown: string = file): FactsFile {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (err) {
		throw new Error(`${shown}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(err as Error).message})`}`);
	}
	const parsed = FactsFileSchema.safeParse(json);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0]!;
	const [top, index, ...rest] = issue.path;
	const entry = top === 'papers' && typeof index === 'number' ? (json as { papers: Array<{ title?: unknown }> }).papers[index] : undefined;
	const where = entry ? `papers[${String(index)}] ("${String(entry.title ?? '?')}") field ${rest.map(String).join('.') || '(entry)'}` : `field ${issue.path.map(String).join('.') || '(top)'}`;
	throw new Error(`${shown}: ${where}: ${issue.message}; fix the facts file or regenerate it`);
}

/** A fact and the paper it is about. */
export interface FactMatch {
	fact: GatheredFact;
	paper: Paper;
	/** How they were matched. */
	by: 'arxiv' | 'title';
}

/** Facts matched to papers; a paper matched by several facts keeps the most confident (the first among equals). */
export interface FactMatching {
	matches: FactMatch[];
	unmatched: GatheredFact[];
	/** Facts that matched a paper another fact had already claimed. */
	duplicates: Array<{ fact: GatheredFact; paper: string }>;
	/** Facts whose title names a paper that links another arXiv id: not used, since they may be about another paper. */
	mismatched: Array<{ fact: GatheredFact; paper: string; linked: string }>;
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/**
 * Match facts to papers by arXiv id, else by normalised title. A fact is about its own `arxiv`
 * id; the list's id (`listArxiv`) counts only when the two agree or the fact has no own id, since
 * a list can link the wrong paper (and the fact then says so).
 */
export function matchFacts(facts: readonly GatheredFact[], papers: readonly Paper[]): FactMatching {
	const byArxiv = new Map<string, Paper>();
	const byTitle = new Map<string, Paper>();
	for (const p of papers) {
		const id = paperArxivId(p);
		if (id) byArxiv.set(id, p);
		byTitle.set(normalizeTitle(p.title), p);
	}
	const chosen = new Map<string, FactMatch>();
	const out: FactMatching = { matches: [], unmatched: [], duplicates: [], mismatched: [] };
	for (const fact of facts) {
		const own = fact.arxiv ?? fact.listArxiv;
		const viaId = own ? byArxiv.get(own) : undefined;
		const viaTitle = viaId ? undefined : byTitle.get(normalizeTitle(fact.title));
		const linked = viaTitle ? paperArxivId(viaTitle) : null;
		if (viaTitle && own && linked && linked !== own) {
			out.mismatched.push({ fact, paper: viaTitle.id, linked });
			continue;
		}
		const paper = viaId ?? viaTitle;
		if (!paper) {
			out.unmatched.push(fact);
			continue;
		}
		const match: FactMatch = { fact, paper, by: viaId ? 'arxiv' : 'title' };
		const before = chosen.get(paper.id);
		if (!before) chosen.set(paper.id, match);
		else if (RANK[fact.confidence] > RANK[before.fact.confidence]) {
			chosen.set(paper.id, match);
			out.duplicates.push({ fact: before.fact, paper: paper.id });
		} else out.duplicates.push({ fact, paper: paper.id });
	}
	out.matches = [...chosen.values()].sort((a, b) => (a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0));
	return out;
}

/** What a fact says, as evidence for the plan. Authors only when the list is complete. */
export function factEvidence(fact: GatheredFact, venues: VenueResolver): Evidence {
	const ev: Evidence = { source: { default: `facts (${fact.confidence})` }, confidence: fact.confidence };
	if (fact.authorsComplete && fact.authors?.length) ev.authors = fact.authors;
	if (fact.arxivDate) ev.date = fact.arxivDate;
	const arxiv = fact.arxiv ?? fact.listArxiv;
	if (arxiv) ev.arxiv = arxiv;
	if (fact.published) {
		ev.venue = { reading: venues.read([fact.published.venue]), year: fact.published.year };
		if (fact.published.url) ev.published = fact.published.url;
	}
	return ev;
}
