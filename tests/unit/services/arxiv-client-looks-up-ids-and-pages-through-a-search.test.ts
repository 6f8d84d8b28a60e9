import { describe, expect, it } from 'vitest';
import { arxivQueryUrl, fetchArxiv, queryArxiv, type ArxivOptions } from '../../../src/services/arxiv.ts';
import { createPacer } from '../../../src/services/http-retry.ts';
import { arxivAnswer, arxivSearchAnswer, fakeServices, type ArxivPaper } from '../../cli/enrich-fake-services.ts';

const serve = fakeServices();

const options = (apiUrl: string, over: Partial<ArxivOptions> = {}): ArxivOptions => ({ apiUrl, delayMs: 0, attempts: 2, retryBaseMs: 0, timeoutMs: 2000, maxRetryAfterMs: 5000, log: () => {}, ...over });
const paper = (n: number): ArxivPaper => ({ id: `2501.${String(10000 + n)}`, published: `2025-01-${String(28 - (n % 28)).padStart(2, '0')}T00:00:00Z`, title: `Paper ${n}`, authors: [`Author ${n}`], summary: `Abstract ${n}.` });

describe('the arXiv client', () => {
	it('writes a search query with its page and order, and an id lookup as before', () => {
		expect(arxivQueryUrl('https://export.arxiv.org/api/query', { search: 'abs:"KV cache" AND cat:cs.CL', start: 200, maxResults: 100, sortBy: 'submittedDate', sortOrder: 'descending' })).toBe(
			'https://export.arxiv.org/api/query?search_query=abs%3A%22KV%20cache%22%20AND%20cat%3Acs.CL&start=200&max_results=100&sortBy=submittedDate&sortOrder=descending',
		);
		expect(arxivQueryUrl('http://x/q', { ids: ['2404.14469', 'cs/0112017'] })).toBe('http://x/q?id_list=2404.14469,cs%2F0112017&max_results=2');
	});

	it('pages through a search with one pacer, reading each page\'s entries and the total, delayMs apart', async () => {
		const all = Array.from({ length: 5 }, (_, i) => paper(i));
		const fake = await serve(arxivSearchAnswer(all));
		const opts = options(fake.url, { delayMs: 120 });
		const pacer = createPacer(opts.delayMs);

		const pages = [];
		for (let start = 0; ; start += 2) {
			const answer = await queryArxiv({ search: 'abs:"KV cache"', start, maxResults: 2, sortBy: 'submittedDate', sortOrder: 'descending' }, { ...opts, pacer });
			if (!answer.ok) throw new Error(answer.reason);
			pages.push(answer.feed);
			if (start + 2 >= answer.feed.totalResults!) break;
		}

		expect(pages.map((p) => p.records.map((r) => r.id))).toEqual([['2501.10000', '2501.10001'], ['2501.10002', '2501.10003'], ['2501.10004']]);
		expect(pages.map((p) => [p.totalResults, p.startIndex, p.itemsPerPage])).toEqual([[5, 0, 2], [5, 2, 2], [5, 4, 2]]);
		expect(pages[1]!.records[0]).toMatchObject({ summary: 'Abstract 2.', published: '2025-01-26T00:00:00Z', primaryCategory: 'cs.CL' });
		expect(fake.requests.map((r) => Object.fromEntries(r.url.searchParams))).toEqual(
			[0, 2, 4].map((start) => ({ search_query: 'abs:"KV cache"', start: String(start), max_results: '2', sortBy: 'submittedDate', sortOrder: 'descending' })),
		);
		const at = fake.requests.map((r) => r.at);
		expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(115);
		expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(115);
	});

	it('reports an answer that is not an Atom feed, or carries a DOCTYPE, as a failed query without retrying it', async () => {
		const html = await serve(() => ({ status: 200, body: '<html><body>Rate exceeded.</body></html>' }));
		const doctype = await serve(() => ({ status: 200, body: '<!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">&x;</feed>' }));
		const pacer = createPacer(0);

		const a = await queryArxiv({ search: 'x' }, { ...options(html.url), pacer });
		const b = await queryArxiv({ search: 'x' }, { ...options(doctype.url), pacer });

		expect(a).toEqual({ ok: false, reason: 'the answer is not an Atom feed (expected an Atom <feed>, got <html>)', tries: 1 });
		expect(b).toMatchObject({ ok: false, reason: expect.stringMatching(/^the answer is not an Atom feed \(1:\d+: a DOCTYPE is not accepted/), tries: 1 });
		expect(html.requests.length + doctype.requests.length).toBe(2);
	});

	it('looks up ids 100 a request, keeping what came back when a batch fails and naming the ids not found', async () => {
		const known = new Map(Array.from({ length: 150 }, (_, i) => paper(i)).map((p) => [p.id, p]));
		const ids = [...known.keys(), '2501.99999'];
		const lookup = arxivAnswer(known);
		const fake = await serve((req, nth) => (nth === 2 ? { status: 400, body: 'bad request' } : lookup(req)));
		const lines: string[] = [];

		const run = await fetchArxiv(ids, options(fake.url, { log: (l) => lines.push(l) }));

		expect(fake.requests.map((r) => r.url.searchParams.get('id_list')!.split(',').length)).toEqual([100, 51]);
		expect(run.records.size).toBe(100);
		expect(run.records.get('2501.10000')).toMatchObject({ title: 'Paper 0', authors: ['Author 0'], date: '2025-01-28', summary: 'Abstract 0.' });
		expect(run.failed).toEqual([{ ids: ids.slice(100), reason: 'HTTP 400: bad request' }]);
		expect(run.notFound).toEqual([]);
		expect(lines).toEqual(['arXiv: 100 ids asked, 100 found', 'arXiv: 51 ids not read: HTTP 400: bad request']);
	});

	it('counts an id that no entry answers as not found', async () => {
		const known = new Map([paper(1)].map((p) => [p.id, p]));
		const fake = await serve(arxivAnswer(known));

		const run = await fetchArxiv(['2501.10001', '2501.99999'], options(fake.url));

		expect([...run.records.keys()]).toEqual(['2501.10001']);
		expect(run.notFound).toEqual(['2501.99999']);
		expect(run.requests).toBe(1);
	});
});
