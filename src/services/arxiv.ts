/**
 * The arXiv API client: `GET ?id_list=…&max_results=…` for up to 100 ids a request, at least
 * 3 s between requests (arXiv's terms), and a reader of the Atom feed it answers with. It gives a
 * paper's authors, the date of its first version, its DOI and its journal reference.
 */
import { createPacer, envNumber, fetchWithRetry, type RetryOptions, type ServiceRun } from './http-retry.ts';
import { childElements, childText, parseXml, type XmlElement } from './atom.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
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
}

/** The entries of a feed, and the ids arXiv answered with an error entry. */
export interface ArxivFeed {
	records: ArxivRecord[];
	/** Error entries ("incorrect id format for …"), as arXiv words them. */
	errors: string[];
}

/** Read an arXiv Atom feed; throws when the text is not an Atom feed. */
export function parseArxivFeed(xml: string): ArxivFeed {
	const feed = parseXml(xml);
	if (feed.ns !== ATOM || feed.local !== 'feed') throw new Error(`expected an Atom <feed>, got <${feed.local}>`);
	const out: ArxivFeed = { records: [], errors: [] };
	for (const entry of childElements(feed, ATOM, 'entry')) {
		const rawId = childText(entry, ATOM, 'id') ?? '';
		const title = childText(entry, ATOM, 'title') ?? '';
		if (/\/api\/errors/.test(rawId) || title === 'Error') {
			out.errors.push(childText(entry, ATOM, 'summary') || rawId || 'an error entry');
			continue;
		}
		const id = idOfEntry(rawId);
		if (!id) continue;
		out.records.push({
			id,
			title,
			authors: childElements(entry, ATOM, 'author').map((a) => childText(a, ATOM, 'name') ?? '').filter(Boolean),
			date: dateOf(childText(entry, ATOM, 'published')),
			doi: childText(entry, ARXIV, 'doi') || doiLink(entry),
			journalRef: childText(entry, ARXIV, 'journal_ref') || null,
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
	const link = childElements(entry, ATOM, 'link').find((l) => l.attrs.title === 'doi');
	const m = /doi\.org\/(10\..+)$/i.exec(link?.attrs.href ?? '');
	return m ? decodeURIComponent(m[1]!) : null;
}

/** A run over many ids; an id answered with an error entry is not found. */
export type ArxivRun = ServiceRun<ArxivRecord>;

/** Ask arXiv for `ids`, 100 a request, paced `delayMs` apart (retries included). */
export async function fetchArxiv(ids: readonly string[], opts: ArxivOptions): Promise<ArxivRun> {
	const run: ArxivRun = { records: new Map(), notFound: [], failed: [], requests: 0 };
	const pacer = createPacer(opts.delayMs);
	for (let start = 0; start < ids.length; start += ARXIV_BATCH) {
		const batch = ids.slice(start, start + ARXIV_BATCH);
		const url = `${opts.apiUrl}?id_list=${batch.map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
		const outcome = await fetchWithRetry(url, { headers: { 'User-Agent': 'kv-cache-atlas-enrich', Accept: 'application/atom+xml' } }, { ...opts, service: 'arXiv', pacer });
		run.requests += outcome.tries;
		if (!outcome.ok) {
			run.failed.push({ ids: batch, reason: outcome.reason });
			opts.log(`arXiv: ${batch.length} ids not read: ${outcome.reason}`);
			continue;
		}
		let feed: ArxivFeed;
		try {
			feed = parseArxivFeed(outcome.text);
		} catch (err) {
			run.failed.push({ ids: batch, reason: `the answer is not an Atom feed (${(err as Error).message})` });
			continue;
		}
		const wanted = new Set(batch);
		for (const r of feed.records) if (wanted.has(r.id)) run.records.set(r.id, r);
		run.notFound.push(...batch.filter((id) => !run.records.has(id)));
		opts.log(`arXiv: ${batch.length} ids asked, ${batch.filter((id) => run.records.has(id)).length} found`);
	}
	return run;
}
