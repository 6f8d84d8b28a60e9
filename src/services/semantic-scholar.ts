/**
 * The Semantic Scholar Graph API client: `POST /paper/batch` with up to 500 ids
 * (`ARXIV:2404.14469`, `DOI:10.…`), answered by a JSON array aligned with the ids (`null` for an
 * id it does not know). It gives the published venue, its year, the DOI and the citation count.
 * `fetchCitations` pages through the papers that cite one paper (`GET /paper/{id}/citations`).
 */
import { z } from 'zod';
import { createPacer, envNumber, fetchWithRetry, type RetryOptions, type ServiceRun } from './http-retry.ts';

/** Semantic Scholar answers at most this many ids per batch. */
export const S2_BATCH = 500;
/** The fields asked for. */
export const S2_FIELDS = 'title,venue,year,publicationVenue,externalIds,publicationDate,authors,citationCount';

/** Where and how to ask Semantic Scholar. */
export interface SemanticScholarOptions extends RetryOptions {
	/** The Graph API root. @default https://api.semanticscholar.org/graph/v1 */
	apiUrl: string;
	/** Sent as `x-api-key` when set. */
	apiKey?: string | undefined;
	/** Gap between the starts of two requests (one a second is the keyed rate). @default 1000 */
	delayMs: number;
}

/** Options from SEMANTIC_SCHOLAR_API_URL, SEMANTIC_SCHOLAR_API_KEY and SEMANTIC_SCHOLAR_DELAY_MS. */
export function semanticScholarOptionsFromEnv(env: NodeJS.ProcessEnv, retry: RetryOptions): SemanticScholarOptions {
	return {
		...retry,
		apiUrl: (env.SEMANTIC_SCHOLAR_API_URL || 'https://api.semanticscholar.org/graph/v1').replace(/\/+$/, ''),
		apiKey: env.SEMANTIC_SCHOLAR_API_KEY || undefined,
		delayMs: envNumber(env, 'SEMANTIC_SCHOLAR_DELAY_MS', 1000),
	};
}

// Lenient: a field of an unexpected shape reads as absent instead of failing the whole batch.
const text = z.string().nullish().catch(null);
const S2PaperSchema = z.object({
	title: text,
	venue: text,
	year: z.number().int().nullish().catch(null),
	publicationDate: text,
	publicationVenue: z.object({ name: text, alternate_names: z.array(z.string()).nullish().catch(null), type: text }).nullish().catch(null),
	externalIds: z.record(z.string(), z.union([z.string(), z.number()])).nullish().catch(null),
	authors: z.array(z.object({ name: text })).nullish().catch(null),
	citationCount: z.number().int().min(0).nullish().catch(null),
});

/** What Semantic Scholar says about one paper. */
export interface S2Record {
	title: string | null;
	/** Venue names to try, most specific first: the publication venue's name, its other names, then `venue`. */
	venueNames: string[];
	year: number | null;
	/** The DOI of the published version (arXiv's own 10.48550 DOIs left out). */
	doi: string | null;
	arxiv: string | null;
	authors: string[];
	citations: number | null;
}

/** Read a batch answer: one record (or null) per id asked, in the same order; throws on a malformed answer. */
export function parseS2Batch(json: unknown, asked: number): Array<S2Record | null> {
	if (!Array.isArray(json)) throw new Error('expected a JSON array');
	if (json.length !== asked) throw new Error(`expected ${asked} answers, got ${json.length}`);
	return json.map((item) => {
		if (item === null) return null;
		const p = S2PaperSchema.safeParse(item);
		if (!p.success) return null;
		const d = p.data;
		const names = [d.publicationVenue?.name, ...(d.publicationVenue?.alternate_names ?? []), d.venue].filter((n): n is string => Boolean(n && n.trim()));
		const ids = d.externalIds ?? {};
		return {
			title: d.title ?? null,
			venueNames: [...new Set(names.map((n) => n.trim()))],
			year: d.year ?? null,
			doi: publishedDoi(ids),
			arxiv: typeof ids.ArXiv === 'string' ? ids.ArXiv : null,
			authors: authorNames(d.authors),
			citations: d.citationCount ?? null,
		};
	});
}

/** The DOI of the published version among a paper's external ids: arXiv's own 10.48550 DOIs name the preprint, not a venue. */
function publishedDoi(ids: Readonly<Record<string, unknown>>): string | null {
	return typeof ids.DOI === 'string' && !/^10\.48550\//i.test(ids.DOI) ? ids.DOI : null;
}

/** The authors' names, trimmed, unnamed ones left out. */
function authorNames(authors: ReadonlyArray<{ name?: string | null | undefined }> | null | undefined): string[] {
	return (authors ?? []).map((a) => a.name?.trim() ?? '').filter(Boolean);
}

/** A run over many ids ("ARXIV:…", "DOI:…"), records by the id asked. */
export type S2Run = ServiceRun<S2Record>;

/** Ask Semantic Scholar for `ids` ("ARXIV:…", "DOI:…"), 500 a batch. */
export async function fetchSemanticScholar(ids: readonly string[], opts: SemanticScholarOptions): Promise<S2Run> {
	const run: S2Run = { records: new Map(), notFound: [], failed: [], requests: 0 };
	const pacer = createPacer(opts.delayMs);
	const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': 'kv-cache-atlas-enrich' };
	if (opts.apiKey) headers['x-api-key'] = opts.apiKey;
	for (let start = 0; start < ids.length; start += S2_BATCH) {
		const batch = ids.slice(start, start + S2_BATCH);
		const url = `${opts.apiUrl}/paper/batch?fields=${S2_FIELDS}`;
		const outcome = await fetchWithRetry(url, { method: 'POST', headers, body: JSON.stringify({ ids: batch }) }, { ...opts, service: 'Semantic Scholar', pacer });
		run.requests += outcome.tries;
		if (!outcome.ok) {
			run.failed.push({ ids: batch, reason: outcome.reason });
			opts.log(`Semantic Scholar: ${batch.length} ids not read: ${outcome.reason}`);
			continue;
		}
		let records: Array<S2Record | null>;
		try {
			records = parseS2Batch(JSON.parse(outcome.text), batch.length);
		} catch (err) {
			run.failed.push({ ids: batch, reason: `unexpected answer (${(err as Error).message})` });
			continue;
		}
		records.forEach((r, i) => (r ? run.records.set(batch[i]!, r) : run.notFound.push(batch[i]!)));
		opts.log(`Semantic Scholar: ${batch.length} ids asked, ${records.filter(Boolean).length} found`);
	}
	return run;
}

/** The fields asked of each citing paper. */
export const S2_CITATION_FIELDS = 'title,abstract,externalIds,venue,year,publicationDate,authors';
/** Semantic Scholar answers at most this many citations per request. */
export const S2_CITATIONS_PAGE_MAX = 1000;

const CitingPaperSchema = z.object({
	paperId: text,
	title: text,
	abstract: text,
	venue: text,
	year: z.number().int().nullish().catch(null),
	publicationDate: text,
	externalIds: z.record(z.string(), z.union([z.string(), z.number()]).nullable()).nullish().catch(null),
	authors: z.array(z.object({ name: text })).nullish().catch(null),
});
const CitationsPageSchema = z.object({
	offset: z.number().int().min(0).optional(),
	next: z.number().int().min(0).nullish(),
	data: z.array(z.object({ citingPaper: z.unknown() })),
});

/** A paper that cites the one asked, as Semantic Scholar describes it. */
export interface S2Citer {
	/** Semantic Scholar's id of the paper (40 hex digits). */
	paperId: string | null;
	title: string;
	/** The abstract Semantic Scholar holds; its publisher may keep the rights to it (never published by the atlas). */
	abstract: string | null;
	/** The venue as Semantic Scholar writes it ("" or "arXiv.org" for a preprint). */
	venue: string | null;
	year: number | null;
	/** `publicationDate`, YYYY-MM-DD. */
	date: string | null;
	arxiv: string | null;
	/** The DOI of the published version (arXiv's own 10.48550 DOIs left out). */
	doi: string | null;
	authors: string[];
}

/** What paging through the citations came to. */
export interface CitationsRun {
	/** The citing papers read, in the order given; entries without a title are left out (`untitled`). */
	citers: S2Citer[];
	/** Entries without a title (Semantic Scholar lists citations it could not resolve to a paper). */
	untitled: number;
	/** Why a page could not be read after its retries; what the pages before it gave is kept. */
	failure: string | null;
	/** True when paging stopped at `maxCiters` before the last page. */
	capped: boolean;
	/** Requests made, retries included. */
	requests: number;
}

/** Read one page of `GET /paper/{id}/citations`; throws on a malformed answer. */
export function parseCitationsPage(json: unknown): { citers: S2Citer[]; untitled: number; next: number | null } {
	const page = CitationsPageSchema.parse(json);
	const citers: S2Citer[] = [];
	let untitled = 0;
	for (const item of page.data) {
		const p = CitingPaperSchema.safeParse(item.citingPaper ?? {});
		const d = p.success ? p.data : null;
		const title = d?.title?.replace(/\s+/g, ' ').trim();
		if (!d || !title) {
			untitled++;
			continue;
		}
		const ids = d.externalIds ?? {};
		const date = d.publicationDate && /^\d{4}-\d{2}-\d{2}$/.test(d.publicationDate) ? d.publicationDate : null;
		citers.push({
			paperId: d.paperId ?? null,
			title,
			abstract: d.abstract?.replace(/\s+/g, ' ').trim() || null,
			venue: d.venue?.trim() || null,
			year: d.year ?? null,
			date,
			arxiv: typeof ids.ArXiv === 'string' ? ids.ArXiv.replace(/v\d+$/, '') : null,
			doi: publishedDoi(ids),
			authors: authorNames(d.authors),
		});
	}
	return { citers, untitled, next: page.next ?? null };
}

/**
 * Page through the papers citing `paper` ("arXiv:2412.19442"): `GET /paper/{paper}/citations
 * ?fields=…&offset=…&limit=…`, following each answer's `next` until an answer has none, or
 * `maxCiters` are read. A page that fails after its retries ends the run; what came before is kept.
 */
export async function fetchCitations(paper: string, opts: SemanticScholarOptions & { pageSize?: number; maxCiters?: number }): Promise<CitationsRun> {
	const limit = Math.min(opts.pageSize ?? 100, S2_CITATIONS_PAGE_MAX);
	const max = opts.maxCiters ?? 5000;
	const run: CitationsRun = { citers: [], untitled: 0, failure: null, capped: false, requests: 0 };
	const pacer = createPacer(opts.delayMs);
	const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'kv-cache-atlas-discover' };
	if (opts.apiKey) headers['x-api-key'] = opts.apiKey;
	let offset = 0;
	for (;;) {
		if (offset >= max) {
			run.capped = true;
			return run;
		}
		const url = `${opts.apiUrl}/paper/${encodeURIComponent(paper).replace(/%3A/gi, ':')}/citations?fields=${S2_CITATION_FIELDS}&offset=${offset}&limit=${Math.min(limit, max - offset)}`;
		const outcome = await fetchWithRetry(url, { headers }, { ...opts, service: 'Semantic Scholar', pacer });
		run.requests += outcome.tries;
		let page: ReturnType<typeof parseCitationsPage> | null = null;
		if (outcome.ok) {
			try {
				page = parseCitationsPage(JSON.parse(outcome.text));
			} catch (err) {
				run.failure = `unexpected answer at offset ${offset} (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 200)})`;
			}
		} else run.failure = `${outcome.reason} (at offset ${offset})`;
		if (!page) {
			opts.log(`Semantic Scholar: citations not read from offset ${offset}: ${run.failure}`);
			return run;
		}
		run.citers.push(...page.citers);
		run.untitled += page.untitled;
		opts.log(`Semantic Scholar: citations ${offset + 1}–${offset + page.citers.length + page.untitled} read`);
		// No next, or a next that does not move on (which would page forever): the last page.
		if (page.next === null || page.next <= offset) return run;
		offset = page.next;
	}
}
