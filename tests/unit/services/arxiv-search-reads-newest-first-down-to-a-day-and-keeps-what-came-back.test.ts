import { describe, expect, it } from 'vitest';
import { searchArxiv, type ArxivOptions } from '../../../src/services/arxiv.ts';
import { arxivSearchAnswer, atomFeed, fakeServices, type ArxivPaper } from '../../cli/enrich-fake-services.ts';

const serve = fakeServices();

const options = (apiUrl: string, over: Partial<ArxivOptions> = {}): ArxivOptions => ({ apiUrl, delayMs: 0, attempts: 2, retryBaseMs: 0, timeoutMs: 2000, maxRetryAfterMs: 5000, log: () => {}, ...over });
/** Paper n is submitted on day 30 − n of November 2026: paper 0 is the newest. */
const paper = (n: number): ArxivPaper => ({ id: `2611.${String(20000 + n)}`, published: `2026-11-${String(30 - n).padStart(2, '0')}T12:00:00Z`, title: `Paper ${n} on the KV cache`, authors: [`Author ${n}`], summary: `Abstract ${n}.` });
const all = Array.from({ length: 25 }, (_, i) => paper(i));

describe('an arXiv search', () => {
	it('reads pages newest first and stops at the first entry older than the day asked, asking no further page', async () => {
		const fake = await serve(arxivSearchAnswer(all));

		const run = await searchArxiv({ query: 'abs:"KV cache"', since: '2026-11-19', pageSize: 5 }, options(fake.url));

		expect(run.records.map((r) => r.date)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-11-${30 - i}`));
		expect(run).toMatchObject({ reached: 'since', failure: null, totalResults: 25, requests: 3 });
		expect(fake.requests.map((r) => [r.url.searchParams.get('start'), r.url.searchParams.get('max_results'), r.url.searchParams.get('sortBy'), r.url.searchParams.get('sortOrder')])).toEqual([
			['0', '5', 'submittedDate', 'descending'],
			['5', '5', 'submittedDate', 'descending'],
			['10', '5', 'submittedDate', 'descending'],
		]);
	});

	it('ends at the last page that opensearch:totalResults promises, and at maxResults when the day is not reached', async () => {
		const whole = await serve(arxivSearchAnswer(all.slice(0, 7)));
		const capped = await serve(arxivSearchAnswer(all));

		const end = await searchArxiv({ query: 'x', since: '2020-01-01', pageSize: 5 }, options(whole.url));
		const cap = await searchArxiv({ query: 'x', since: '2020-01-01', pageSize: 5, maxResults: 8 }, options(capped.url));

		expect(end).toMatchObject({ reached: 'end', totalResults: 7, requests: 2 });
		expect(end.records).toHaveLength(7);
		expect(cap).toMatchObject({ reached: 'cap', failure: null });
		expect(cap.records).toHaveLength(8);
		expect(capped.requests.map((r) => r.url.searchParams.get('max_results'))).toEqual(['5', '3']);
	});

	it('waits out a 429 and retries a 500, then keeps the pages it read when a later page fails for good', async () => {
		const answer = arxivSearchAnswer(all);
		const fake = await serve((req, nth) => (nth === 1 ? { status: 429, headers: { 'retry-after': '0' } } : nth === 2 ? { status: 503 } : nth >= 4 ? { status: 500 } : answer(req)));
		const lines: string[] = [];

		const run = await searchArxiv({ query: 'x', since: '2020-01-01', pageSize: 5 }, options(fake.url, { attempts: 3, log: (l) => lines.push(l) }));

		expect(run.reached).toBe('failed');
		expect(run.failure).toBe('HTTP 500 after 3 tries');
		expect(run.records.map((r) => r.id)).toEqual(all.slice(0, 5).map((p) => p.id));
		expect(run.requests).toBe(6);
		expect(lines).toContain('arXiv: the search stopped at entry 5: HTTP 500 after 3 tries');
	});

	it('asks again for an empty page inside the results, and fails the search when it stays empty', async () => {
		const answer = arxivSearchAnswer(all);
		const empty = (start: number) => ({ status: 200, body: atomFeed([], 'x', [], { totalResults: 25, startIndex: start, itemsPerPage: 5 }) });
		const flaky = await serve((req, nth) => (nth === 2 ? empty(5) : answer(req)));
		const broken = await serve((req, nth) => (nth === 1 ? answer(req) : empty(5)));

		const recovered = await searchArxiv({ query: 'x', since: '2026-11-21', pageSize: 5 }, options(flaky.url));
		const failed = await searchArxiv({ query: 'x', since: '2026-11-21', pageSize: 5 }, options(broken.url));

		expect(recovered).toMatchObject({ reached: 'since', failure: null });
		expect(recovered.records).toHaveLength(10);
		expect(failed).toMatchObject({ reached: 'failed', failure: 'an empty page at 5 of 25 results, 2 times' });
		expect(failed.records).toHaveLength(5);
	});

	it('fails on an error entry, as arXiv answers a malformed query', async () => {
		const fake = await serve(() => ({ status: 200, body: atomFeed([], 'x', ['abs:(']) }));

		const run = await searchArxiv({ query: 'abs:(', since: '2020-01-01' }, options(fake.url));

		expect(run).toMatchObject({ reached: 'failed', failure: 'arXiv refused the query: incorrect id format for abs:(', records: [] });
	});
});
