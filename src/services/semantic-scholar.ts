/**
 * The Semantic Scholar Graph API client: `POST /paper/batch` with up to 500 ids
 * (`ARXIV:2404.14469`, `DOI:10.…`), answered by a JSON array aligned with the ids (`null` for an
 * id it does not know). It gives the published venue, its year, the DOI and the citation count.
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
		const doi = typeof ids.DOI === 'string' && !/^10\.48550\//i.test(ids.DOI) ? ids.DOI : null;
		return {
			title: d.title ?? null,
			venueNames: [...new Set(names.map((n) => n.trim()))],
			year: d.year ?? null,
			doi,
			arxiv: typeof ids.ArXiv === 'string' ? ids.ArXiv : null,
			authors: (d.authors ?? []).map((a) => a.name?.trim() ?? '').filter(Boolean),
			citations: d.citationCount ?? null,
		};
	});
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
