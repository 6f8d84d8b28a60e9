/**
 * Fake arXiv and Semantic Scholar APIs on 127.0.0.1 (random ports) for the `npm run enrich` and
 * `npm run discover` tests. They answer in the services' real formats: an Atom feed for
 * `GET ?id_list=…` or a search page (arXiv's namespaces, links, categories and OpenSearch counts
 * included, paged by `start` and `max_results`), a JSON array aligned with the ids for
 * `POST /paper/batch` (null for an unknown id), and the citations of a paper as
 * `{offset, next, data: [{citingPaper}]}` for `GET /paper/{id}/citations`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach } from 'vitest';
import { startScript } from '../helpers/catalogue.ts';
import { listenOnLoopback, sendReply, type FakeReply } from '../helpers/fake-http.ts';

/** One request as the fake saw it. */
export interface SeenRequest {
	method: string;
	url: URL;
	headers: IncomingHttpHeaders;
	body: string;
	/** Milliseconds since the fake started. */
	at: number;
}

/** A reply: status, headers, body (text as is, anything else as JSON), a delay, or a dropped connection. */
export type Reply = FakeReply;

/** A running fake. */
export interface FakeService {
	url: string;
	requests: SeenRequest[];
	close(): Promise<void>;
}

/** Start a fake; `answer(request, nth)` decides each reply (`nth` counts all requests, from 1). */
export async function startFakeService(answer: (req: SeenRequest, nth: number) => Reply): Promise<FakeService> {
	const requests: SeenRequest[] = [];
	const started = performance.now();
	const server = await listenOnLoopback((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			const seen: SeenRequest = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', server.url), headers: req.headers, body, at: performance.now() - started };
			requests.push(seen);
			void sendReply(req, res, answer(seen, requests.length), 'application/atom+xml; charset=utf-8');
		});
	});
	return { url: server.url, requests, close: server.close };
}

/** For a test file: a `serve(answer)` that starts a fake and closes it after each test. */
export function fakeServices(): (answer: (req: SeenRequest, nth: number) => Reply) => Promise<FakeService> {
	const started: FakeService[] = [];
	afterEach(async () => void (await Promise.all(started.splice(0).map((f) => f.close()))));
	return async (answer) => {
		const fake = await startFakeService(answer);
		started.push(fake);
		return fake;
	};
}

/** What the fake arXiv knows about one paper. */
export interface ArxivPaper {
	id: string;
	version?: number;
	published: string;
	title: string;
	authors: string[];
	doi?: string;
	journalRef?: string;
	/** The abstract; the fake writes it over lines, as arXiv does. Null leaves the element out. @default "What <title> does, in a sentence." */
	summary?: string | null;
	/** @default 2025-01-10T18:00:00Z */
	updated?: string;
	/** The primary category first. @default ['cs.CL'] */
	categories?: string[];
}

/** Where a search page sits in the results. */
export interface FeedPage {
	totalResults: number;
	startIndex: number;
	itemsPerPage: number;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An arXiv API answer in its real Atom format; `errors` become arXiv's error entries; `page` defaults to one page of all `papers`. */
export function atomFeed(papers: readonly ArxivPaper[], query: string, errors: readonly string[] = [], page?: FeedPage): string {
	const { totalResults, startIndex, itemsPerPage } = page ?? { totalResults: papers.length, startIndex: 0, itemsPerPage: papers.length };
	const entries = papers.map((p) => {
		const v = `${p.id}v${p.version ?? 1}`;
		const [primary = 'cs.CL', ...others] = p.categories ?? [];
		return `  <entry>
    <id>http://arxiv.org/abs/${v}</id>
    <updated>${p.updated ?? '2025-01-10T18:00:00Z'}</updated>
    <published>${p.published}</published>
    <title>${escape(p.title).replace(/: /, ':\n  ')}</title>
${p.summary === null ? '' : `    <summary>  ${escape(p.summary ?? `What ${p.title} does,\nin a sentence.`).replace(/\n/g, '\n  ')}\n</summary>\n`}${p.authors.map((a) => `    <author>\n      <name>${escape(a)}</name>\n    </author>`).join('\n')}
${p.doi ? `    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">${escape(p.doi)}</arxiv:doi>\n    <link title="doi" href="http://dx.doi.org/${escape(p.doi)}" rel="related"/>\n` : ''}${p.journalRef ? `    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">${escape(p.journalRef)}</arxiv:journal_ref>\n` : ''}    <link href="http://arxiv.org/abs/${v}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${v}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${primary}" scheme="http://arxiv.org/schemas/atom"/>
${[primary, ...others].map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n')}
  </entry>`;
	});
	const errorEntries = errors.map(
		(id) => `  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_${id}</id>
    <title>Error</title>
    <summary>incorrect id format for ${id}</summary>
    <updated>2025-01-10T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_${id}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?${escape(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: ${escape(query)}</title>
  <id>http://arxiv.org/api/abc123</id>
  <updated>2025-01-10T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${totalResults}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${startIndex}</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${itemsPerPage}</opensearch:itemsPerPage>
${[...entries, ...errorEntries].join('\n')}
</feed>
`;
}

/** Answer an arXiv query from `known` (ids it does not know are left out, as arXiv does). */
export function arxivAnswer(known: ReadonlyMap<string, ArxivPaper>) {
	return (req: SeenRequest): Reply => {
		const ids = (req.url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
		return { status: 200, body: atomFeed(ids.flatMap((id) => known.get(id) ?? []), req.url.search.slice(1)) };
	};
}

/**
 * Answer an arXiv search from `all`, newest first by first version (as `sortBy=submittedDate
 * &sortOrder=descending` asks), one page of `max_results` from `start`, with OpenSearch counts.
 */
export function arxivSearchAnswer(all: readonly ArxivPaper[]) {
	const newest = [...all].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
	return (req: SeenRequest): Reply => {
		if (!req.url.searchParams.get('search_query')) return { status: 400, body: 'search_query is required' };
		const start = Number(req.url.searchParams.get('start') ?? 0);
		const max = Number(req.url.searchParams.get('max_results') ?? 10);
		return { status: 200, body: atomFeed(newest.slice(start, start + max), req.url.search.slice(1), [], { totalResults: newest.length, startIndex: start, itemsPerPage: max }) };
	};
}

/** What the fake Semantic Scholar knows about one paper. */
export interface S2Paper {
	title: string;
	venue: string;
	year: number | null;
	publicationVenue?: { id: string; name: string; type: string; alternate_names?: string[]; url?: string } | null;
	externalIds: Record<string, string | number>;
	publicationDate?: string | null;
	authors: Array<{ authorId: string | null; name: string }>;
	citationCount: number;
}

/** A Semantic Scholar paper object as the batch endpoint returns it (paperId first, then the fields asked). */
export function s2Paper(p: Omit<S2Paper, 'authors' | 'publicationVenue'> & { authors: string[]; publicationVenue?: S2Paper['publicationVenue'] }) {
	return { paperId: `f${String(p.externalIds.CorpusId ?? 1).padStart(39, '0')}`, ...p, publicationVenue: p.publicationVenue ?? null, authors: p.authors.map((name, i) => ({ authorId: String(1000 + i), name })) };
}

/** Answer `POST /paper/batch` from `known` ("ARXIV:…" keys), null for unknown ids. */
export function s2Answer(known: ReadonlyMap<string, unknown>) {
	return (req: SeenRequest): Reply => {
		if (req.method !== 'POST' || req.url.pathname !== '/paper/batch') return { status: 404, body: { error: 'Not found' } };
		const { ids } = JSON.parse(req.body) as { ids: string[] };
		return { status: 200, body: ids.map((id) => known.get(id) ?? null) };
	};
}

/** A citing paper as `GET /paper/{id}/citations` describes it (the fields discover asks for). */
export interface S2Citing {
	paperId?: string;
	title: string | null;
	abstract?: string | null;
	venue?: string;
	year?: number | null;
	publicationDate?: string | null;
	externalIds?: Record<string, string | number>;
	authors?: string[];
}

/** A `citingPaper` object as Semantic Scholar writes it: paperId first, then the fields asked, authors with their ids. */
export function s2Citing(p: S2Citing, n = 1) {
	return {
		paperId: p.paperId ?? `c${String(n).padStart(39, '0')}`,
		externalIds: p.externalIds ?? { CorpusId: 270000000 + n },
		title: p.title,
		abstract: p.abstract ?? null,
		venue: p.venue ?? '',
		year: p.year ?? null,
		publicationDate: p.publicationDate ?? null,
		authors: (p.authors ?? []).map((name, i) => ({ authorId: String(5000 + i), name })),
	};
}

/**
 * Answer `GET /paper/{paper}/citations?fields=…&offset=…&limit=…` with the citers of `paper`
 * (such as "arXiv:2412.19442"), `limit` from `offset`, with `next` on every page but the last;
 * any other paper is Semantic Scholar's 404.
 */
export function s2CitationsAnswer(citers: readonly S2Citing[], paper = 'arXiv:2412.19442') {
	return (req: SeenRequest): Reply => {
		if (req.method !== 'GET' || decodeURIComponent(req.url.pathname) !== `/paper/${paper}/citations`) return { status: 404, body: { error: `Paper with id ${req.url.pathname.split('/')[2]} not found` } };
		const offset = Number(req.url.searchParams.get('offset') ?? 0);
		const limit = Number(req.url.searchParams.get('limit') ?? 100);
		const data = citers.slice(offset, offset + limit).map((c, i) => ({ citingPaper: s2Citing(c, offset + i + 1) }));
		return { status: 200, body: { offset, ...(offset + limit < citers.length ? { next: offset + limit } : {}), data } };
	};
}

/** Run `node scripts/enrich.ts` against the fakes, with short delays and backoff. */
export function runEnrich(dir: string, args: string[], env: NodeJS.ProcessEnv) {
	return startScript('enrich', args, { CATALOGUE_DIR: dir, ...FAST_FAKES_ENV, ENRICH_ATTEMPTS: '3', ...env }).done;
}

/**
 * What a CLI that asks arXiv or Semantic Scholar (enrich, discover, intake) runs with against
 * these fakes: no pacing, a short backoff and timeout, and no API key from the machine.
 */
export const FAST_FAKES_ENV: NodeJS.ProcessEnv = {
	ARXIV_DELAY_MS: '0',
	SEMANTIC_SCHOLAR_DELAY_MS: '0',
	ENRICH_RETRY_BASE_MS: '20',
	ENRICH_TIMEOUT_MS: '5000',
	SEMANTIC_SCHOLAR_API_KEY: '',
};
