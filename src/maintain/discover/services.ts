/**
 * The outside sources of `npm run discover`: an arXiv search (`--arxiv`) and the papers that cite
 * the survey on Semantic Scholar (`--citations`). Each hit is judged by the rules of
 * `data/discover.yaml` (filter.ts) and, when kept, becomes the same proposal as a list entry: title,
 * authors, first date, arXiv id, venue and year when published, abstract (with who gave it) and
 * where it was found, with the rule that kept it as the sighting's `why`.
 */
import { ARXIV_ID_PATTERN, DOI_PATTERN } from '../../catalogue/schema.ts';
import type { Venue } from '../../catalogue/schema.ts';
import { searchArxiv, type ArxivOptions, type ArxivRecord } from '../../services/arxiv.ts';
import { fetchCitations, type S2Citer, type SemanticScholarOptions } from '../../services/semantic-scholar.ts';
import { venueResolver } from '../common/published-venue.ts';
import { arxivSearchQuery, type DiscoverConfig } from './config.ts';
import { countVerdict, emptyTally, hitFilter, type FilterTally } from './filter.ts';
import type { Proposal } from './plan.ts';

/** What one outside source gave. */
export interface ServiceSourceResult {
	/** "arXiv search" or "Semantic Scholar citations". */
	source: string;
	/** What was asked: the days read, or the paper whose citers were read. */
	asked: string;
	/** The hits kept, as proposals. */
	proposals: Proposal[];
	/** How many hits the rules kept and dropped. */
	tally: FilterTally;
	/** Requests made, retries included. */
	requests: number;
	/** Why the source did not answer in full; null when it did. What it gave before is still proposed. */
	failure: string | null;
}

/** The sighting source of an arXiv search hit. */
export const ARXIV_SOURCE = 'arXiv search';

/** Search arXiv for the query of `config` back to `since`, and keep the hits the rules accept. */
export async function arxivProposals(config: DiscoverConfig, since: string, today: string, opts: ArxivOptions): Promise<ServiceSourceResult> {
	const filter = hitFilter(config.keep);
	const tally = emptyTally(config.keep);
	const run = await searchArxiv({ query: arxivSearchQuery(config.arxiv), since, pageSize: config.arxiv.pageSize, maxResults: config.arxiv.maxResults }, opts);
	const proposals: Proposal[] = [];
	for (const r of run.records) {
		if (!ARXIV_ID_PATTERN.test(r.id) || !r.title) continue;
		const verdict = filter.judge({ title: r.title, abstract: r.summary });
		countVerdict(tally, verdict);
		if (verdict.keep) proposals.push(arxivProposal(r, verdict.why, today));
	}
	const failure =
		run.reached === 'failed'
			? run.failure
			: run.reached === 'cap'
				? `read the newest ${config.arxiv.maxResults} entries (maxResults of discover.yaml) without reaching ${since}; the older ones were not read`
				: null;
	return { source: ARXIV_SOURCE, asked: `submitted since ${since}`, proposals, tally, requests: run.requests, failure };
}

function arxivProposal(r: ArxivRecord, why: string, today: string): Proposal {
	return dropUndefined({
		title: r.title,
		paper: `https://arxiv.org/abs/${r.id}`,
		arxiv: r.id,
		doi: r.doi && DOI_PATTERN.test(r.doi) ? r.doi : undefined,
		authors: r.authors.length ? r.authors : undefined,
		date: r.date ?? undefined,
		abstract: r.summary ?? undefined,
		abstractSource: r.summary ? ('arXiv' as const) : undefined,
		found: dropUndefined({ source: ARXIV_SOURCE, at: today, where: [r.primaryCategory, r.date && `submitted ${r.date}`].filter(Boolean).join(', ') || undefined, why }),
		where: `arXiv ${r.id}`,
	});
}

/** The sighting source of a paper citing the survey. */
export function citationsSource(paper: string): string {
	return `Semantic Scholar: cites arXiv:${paper}`;
}

/**
 * Read the papers citing the survey and keep those the rules accept; a citer without an abstract
 * is kept (citing the survey is its evidence, and the maintainer sees that nothing was checked).
 */
export async function citationProposals(config: DiscoverConfig, venues: readonly Venue[], today: string, opts: SemanticScholarOptions): Promise<ServiceSourceResult> {
	const filter = hitFilter(config.keep);
	const tally = emptyTally(config.keep);
	const { paper, pageSize, maxCiters } = config.citations;
	const run = await fetchCitations(`arXiv:${paper}`, { ...opts, pageSize, maxCiters });
	const resolver = venueResolver(venues);
	const proposals: Proposal[] = [];
	for (const c of run.citers) {
		let why = 'cites the survey; Semantic Scholar gives no abstract to check';
		if (c.abstract) {
			const verdict = filter.judge({ title: c.title, abstract: c.abstract });
			countVerdict(tally, verdict);
			if (!verdict.keep) continue;
			why = `cites the survey, and ${verdict.why}`;
		} else {
			tally.read++;
			tally.kept++;
		}
		proposals.push(citerProposal(c, why, resolver, paper, today));
	}
	const failure = run.failure ?? (run.capped ? `read ${maxCiters} citations (maxCiters of discover.yaml) before the last page; the rest were not read` : null);
	return { source: 'Semantic Scholar citations', asked: `papers citing arXiv:${paper}`, proposals, tally, requests: run.requests, failure };
}

function citerProposal(c: S2Citer, why: string, resolver: ReturnType<typeof venueResolver>, survey: string, today: string): Proposal {
	const id = c.arxiv && ARXIV_ID_PATTERN.test(c.arxiv) ? c.arxiv : undefined;
	const doi = c.doi && DOI_PATTERN.test(c.doi) ? c.doi : undefined;
	const s2Page = c.paperId && /^[0-9a-f]{40}$/i.test(c.paperId) ? `https://www.semanticscholar.org/paper/${c.paperId}` : undefined;
	// The venue when the paper is published: canonical when known, as written when not (accept asks for it then).
	const reading = resolver.read(c.venue ? [c.venue] : []);
	const venue = reading.kind === 'publication' ? reading.venue.name : reading.kind === 'unknown' ? reading.names[0] : undefined;
	return dropUndefined({
		title: c.title,
		paper: id ? `https://arxiv.org/abs/${id}` : doi ? `https://doi.org/${doi}` : s2Page,
		arxiv: id,
		doi,
		venue,
		year: venue && c.year !== null && c.year >= 1990 ? c.year : undefined,
		authors: c.authors.length ? c.authors : undefined,
		date: c.date ?? undefined,
		abstract: c.abstract ?? undefined,
		abstractSource: c.abstract ? ('Semantic Scholar' as const) : undefined,
		found: dropUndefined({ source: citationsSource(survey), at: today, where: s2Page, why }),
		where: id ? `arXiv ${id}` : (s2Page ?? c.title),
	});
}

function dropUndefined<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
