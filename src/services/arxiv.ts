/**
 * The arXiv API client: one query (`GET ?id_list=…` or `?search_query=…&start=…&max_results=…
 * &sortBy=…`), at least 3 s between requests (arXiv's terms), and a reader of the Atom feed it
 * answers with. It gives a paper's authors, the date of its first version, its DOI, journal
 * reference, abstract and categories, and for a search the OpenSearch counts that page through it.
 * `fetchArxiv` looks up many ids, 100 a request.
 */
import { ATOM_NS, childElements, childText, parseAtomFeed, type XmlElement } from './atom.ts';
import { createPacer, envNumber, fetchWithRetry, type Pacer, type RetryOptions, type ServiceRun } from './http-retry.ts';

const ARXIV_NS = 'http://arxiv.org/schemas/atom';
/** arXiv answers at most this many ids per request. */
export const ARXIV_BATCH = 100;

/** Where and how fast to ask arXiv. */
export interface ArxivOptions extends RetryOptions {
	/** The query endpoint. @default https://export.arxiv.org/api/query */
	apiUrl: string;
	/** Gap between the starts of two requests. @default 3000 */
	delayMs: number;
}

/** Options from ARXIV_API_URL and ARXIV_DELAY_MS on top of the shared retry options. */
export function arxivOptionsFromEnv(env: NodeJS.ProcessEnv, retry: RetryOptions): ArxivOptions {
	return { ...retry, apiUrl: env.ARXIV_API_URL || 'https://export.arxiv.org/api/query', delayMs: envNumber(env, 'ARXIV_DELAY_MS', 3000) };
}

/** What arXiv says about one paper. */
export interface ArxivRecord {
	/** The id without version, such as 2404.14469. */
	id: string;
	title: string;
	authors: string[];
	/** The first version's date (the entry's `published`), YYYY-MM-DD. */
	date: string | null;
	doi: string | null;
	journalRef: string | null;
	/** The abstract (the entry's `summary`), whitespace collapsed; null when absent. */
	summary: string | null;
	/** When the first version appeared (`published`), as arXiv writes it (ISO 8601). */
	published: string | null;
	/** When the latest version appeared (`updated`), as arXiv writes it. */
	updated: string | null;
	/** The primary category (`arxiv:primary_category`), such as cs.CL. */
	primaryCategory: string | null;
	/** Every category the entry names (`category`), in its order. */
	categories: string[];
}

/** The entries of a feed, the ids arXiv answered with an error entry, and where the page sits in the results. */
export interface ArxivFeed {
	records: ArxivRecord[];
	/** Error entries ("incorrect id format for …"), as arXiv words them. */
	errors: string[];
	/** Entries the query matches over all pages (`opensearch:totalResults`); null when absent. */
	totalResults: number | null;
	/** The offset of this page's first entry (`opensearch:startIndex`). */
	startIndex: number | null;
	/** The page size (`opensearch:itemsPerPage`). */
	itemsPerPage: number | null;
}

/** Read an arXiv Atom feed; throws when the text is not an Atom feed. */
export function parseArxivFeed(xml: string): ArxivFeed {
	const { entries, totalResults, startIndex, itemsPerPage } = parseAtomFeed(xml);
	const out: ArxivFeed = { records: [], errors: [], totalResults, startIndex, itemsPerPage };
	for (const entry of entries) {
		const rawId = childText(entry, ATOM_NS, 'id') ?? '';
		const title = childText(entry, ATOM_NS, 'title') ?? '';
		if (/\/api\/errors/.test(rawId) || title === 'Error') {
			out.errors.push(childText(entry, ATOM_NS, 'summary') || rawId || 'an error entry');
			continue;
		}
		const id = idOfEntry(rawId);
		if (!id) continue;
		const published = childText(entry, ATOM_NS, 'published') || null;
		out.records.push({
			id,
			title,
			authors: childElements(entry, ATOM_NS, 'author').map((a) => childText(a, ATOM_NS, 'name') ?? '').filter(Boolean),
			date: dateOf(published),
			doi: childText(entry, ARXIV_NS, 'doi') || doiLink(entry),
			journalRef: childText(entry, ARXIV_NS, 'journal_ref') || null,
			summary: childText(entry, ATOM_NS, 'summary') || null,
			published,
			updated: childText(entry, ATOM_NS, 'updated') || null,
			primaryCategory: childElements(entry, ARXIV_NS, 'primary_category')[0]?.attrs.term || null,
			categories: childElements(entry, ATOM_NS, 'category').flatMap((c) => c.attrs.term || []),
		});
	}
	return out;
}

/** `http://arxiv.org/abs/2404.14469v2` → `2404.14469`; old-style ids keep their archive (`cs/0112017`). */
export function idOfEntry(url: string): string | null {
	const m = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/i.exec(url.trim());
	return m ? m[1]!.toLowerCase() : null;
}

function dateOf(published: string | null): string | null {
	const m = /^(\d{4}-\d{2}-\d{2})/.exec(published ?? '');
	return m ? m[1]! : null;
}

function doiLink(entry: XmlElement): string | null {
	const link = childElements(entry, ATOM_NS, 'link').find((l) => l.attrs.title === 'doi');
	const m = /doi\.org\/(10\..+)$/i.exec(link?.attrs.href ?? '');
	return m ? decodeURIComponent(m[1]!) : null;
}

/** One request to the query endpoint: ids to look up, or a search with its page and order. */
export interface ArxivQuery {
	/** `id_list`: the ids to look up (at most `ARXIV_BATCH`). */
	ids?: readonly string[];
	/** `search_query`, such as `abs:"KV cache" AND cat:cs.CL`. */
	search?: string;
	/** `start`: the offset of the first entry wanted. @default 0 */
	start?: number;
	/** `max_results`: the page size. @default the number of ids, else arXiv's own (10) */
	maxResults?: number;
	/** `sortBy`. */
	sortBy?: 'relevance' | 'lastUpdatedDate' | 'submittedDate';
	/** `sortOrder`. */
	sortOrder?: 'ascending' | 'descending';
}

/** The URL of one query: `apiUrl?search_query=…&id_list=…&start=…&max_results=…&sortBy=…&sortOrder=…`, unset parameters left out. */
export function arxivQueryUrl(apiUrl: string, q: ArxivQuery): string {
	const params: string[] = [];
	if (q.search !== undefined) params.push(`search_query=${encodeURIComponent(q.search)}`);
	if (q.ids) params.push(`id_list=${q.ids.map(encodeURIComponent).join(',')}`);
	if (q.start !== undefined) params.push(`start=${q.start}`);
	const max = q.maxResults ?? q.ids?.length;
	if (max !== undefined) params.push(`max_results=${max}`);
	if (q.sortBy) params.push(`sortBy=${q.sortBy}`);
	if (q.sortOrder) params.push(`sortOrder=${q.sortOrder}`);
	return `${apiUrl}?${params.join('&')}`;
}

/** What one query came to: the feed read, or why there is none; `tries` counts requests, retries included. */
export type ArxivAnswer = { ok: true; feed: ArxivFeed; tries: number } | { ok: false; reason: string; tries: number };

/**
 * Make one query, with retries, after waiting for `pacer`. A caller that pages through a search
 * keeps one pacer (`createPacer(opts.delayMs)`) for all its requests, so they stay `delayMs` apart.
 */
export async function queryArxiv(q: ArxivQuery, opts: ArxivOptions & { pacer: Pacer }): Promise<ArxivAnswer> {
	const outcome = await fetchWithRetry(arxivQueryUrl(opts.apiUrl, q), { headers: { 'User-Agent': 'kv-cache-atlas-enrich', Accept: 'application/atom+xml' } }, { ...opts, service: 'arXiv' });
	if (!outcome.ok) return outcome;
	try {
		return { ok: true, feed: parseArxivFeed(outcome.text), tries: outcome.tries };
	} catch (err) {
		return { ok: false, reason: `the answer is not an Atom feed (${(err as Error).message})`, tries: outcome.tries };
	}
}

/** A run over many ids; an id answered with an error entry is not found. */
export type ArxivRun = ServiceRun<ArxivRecord>;

/** Ask arXiv for `ids`, 100 a request, paced `delayMs` apart (retries included). */
export async function fetchArxiv(ids: readonly string[], opts: ArxivOptions): Promise<ArxivRun> {
	const run: ArxivRun = { records: new Map(), notFound: [], failed: [], requests: 0 };
	const pacer = createPacer(opts.delayMs);
	for (let start = 0; start < ids.length; start += ARXIV_BATCH) {
		const batch = ids.slice(start, start + ARXIV_BATCH);
		const answer = await queryArxiv({ ids: batch }, { ...opts, pacer });
		run.requests += answer.tries;
		if (!answer.ok) {
			run.failed.push({ ids: batch, reason: answer.reason });
			opts.log(`arXiv: ${batch.length} ids not read: ${answer.reason}`);
			continue;
		}
		const wanted = new Set(batch);
		for (const r of answer.feed.records) if (wanted.has(r.id)) run.records.set(r.id, r);
		run.notFound.push(...batch.filter((id) => !run.records.has(id)));
		opts.log(`arXiv: ${batch.length} ids asked, ${batch.filter((id) => run.records.has(id)).length} found`);
	}
	return run;
}

/** A search read newest first, page by page, down to a day. */
export interface ArxivSearch {
	/** `search_query`, such as `(abs:"KV cache") AND (cat:cs.CL OR cat:cs.LG)`. */
	query: string;
	/** The oldest first-version day wanted, YYYY-MM-DD: paging stops at the first entry older than it. */
	since: string;
	/** Entries per request (`max_results`). @default 100 */
	pageSize?: number;
	/** Entries read at most over all pages, so that a query gone wrong cannot page forever. @default 3000 */
	maxResults?: number;
}

/** What a search came to: the entries since the day asked, and how far it got. */
export interface ArxivSearchRun {
	/** Entries whose first version is on or after `since`, newest first, each once. */
	records: ArxivRecord[];
	/** Entries the query matches over all time (`opensearch:totalResults` of the first page); null when no page was read. */
	totalResults: number | null;
	/**
	 * Why paging stopped: `since` (an older entry was reached: everything newer was read), `end`
	 * (the last page), `cap` (`maxResults` entries read before reaching `since`) or `failed`.
	 */
	reached: 'since' | 'end' | 'cap' | 'failed';
	/** Why a page could not be read (after its retries), when `reached` is `failed`. */
	failure: string | null;
	/** Requests made, retries included. */
	requests: number;
}

/**
 * Page through a search sorted by submission date, newest first (`sortBy=submittedDate
 * &sortOrder=descending`), `pageSize` entries a request, one pacer for all (`delayMs` apart), until
 * an entry older than `since`, the last page (`opensearch:totalResults`) or `maxResults`. A page
 * that fails after its retries ends the search: what the pages before it gave is kept. arXiv now
 * and then answers a page inside the results with no entries; such a page is asked again (it
 * counts as a try) before it counts as failed.
 */
export async function searchArxiv(search: ArxivSearch, opts: ArxivOptions): Promise<ArxivSearchRun> {
	const pageSize = search.pageSize ?? 100;
	const maxResults = search.maxResults ?? 3000;
	const run: ArxivSearchRun = { records: [], totalResults: null, reached: 'end', failure: null, requests: 0 };
	const pacer = createPacer(opts.delayMs);
	const seen = new Set<string>();
	for (let start = 0; ; start += pageSize) {
		if (start >= maxResults) {
			run.reached = 'cap';
			return run;
		}
		const q: ArxivQuery = { search: search.query, start, maxResults: Math.min(pageSize, maxResults - start), sortBy: 'submittedDate', sortOrder: 'descending' };
		let answer = await queryArxiv(q, { ...opts, pacer });
		run.requests += answer.tries;
		for (let again = 1; answer.ok && !answer.feed.records.length && !answer.feed.errors.length && start < (answer.feed.totalResults ?? 0) && again < opts.attempts; again++) {
			opts.log(`arXiv: an empty page at ${start} of ${answer.feed.totalResults} results; asking again`);
			answer = await queryArxiv(q, { ...opts, pacer });
			run.requests += answer.tries;
		}
		if (answer.ok && answer.feed.errors.length) answer = { ok: false, reason: `arXiv refused the query: ${answer.feed.errors.join('; ')}`, tries: answer.tries };
		if (answer.ok && !answer.feed.records.length && start < (answer.feed.totalResults ?? 0)) answer = { ok: false, reason: `an empty page at ${start} of ${answer.feed.totalResults} results, ${opts.attempts} times`, tries: 0 };
		if (!answer.ok) {
			run.reached = 'failed';
			run.failure = answer.reason;
			opts.log(`arXiv: the search stopped at entry ${start}: ${answer.reason}`);
			return run;
		}
		const feed = answer.feed;
		if (start === 0) run.totalResults = feed.totalResults;
		for (const r of feed.records) {
			if (r.date !== null && r.date < search.since) {
				run.reached = 'since';
				return run;
			}
			if (!seen.has(r.id)) run.records.push(r);
			seen.add(r.id);
		}
		opts.log(`arXiv: entries ${start + 1}–${start + feed.records.length} of ${feed.totalResults ?? '?'} read`);
		if (!feed.records.length || start + pageSize >= (feed.totalResults ?? 0)) {
			run.reached = 'end';
			return run;
		}
	}
}
