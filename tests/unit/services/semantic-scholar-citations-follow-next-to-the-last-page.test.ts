import { describe, expect, it } from 'vitest';
import { fetchCitations, S2_CITATION_FIELDS, type SemanticScholarOptions } from '../../../src/services/semantic-scholar.ts';
import { fakeServices, s2CitationsAnswer, type S2Citing } from '../../cli/enrich-fake-services.ts';

const serve = fakeServices();

const options = (apiUrl: string, over: Partial<SemanticScholarOptions> = {}): SemanticScholarOptions => ({ apiUrl, delayMs: 0, attempts: 2, retryBaseMs: 0, timeoutMs: 2000, maxRetryAfterMs: 5000, log: () => {}, ...over });
const citer = (n: number): S2Citing => ({ title: `Citing paper ${n}`, abstract: `It cites the survey (${n}).`, venue: n % 2 ? 'arXiv.org' : 'Neural Information Processing Systems', year: 2025, publicationDate: '2025-03-04', externalIds: { ArXiv: `2503.${String(10000 + n)}`, DOI: n % 2 ? `10.48550/arXiv.2503.${10000 + n}` : `10.5555/${n}`, CorpusId: n }, authors: [`Author ${n}`, `Second ${n}`] });
const citers = Array.from({ length: 12 }, (_, i) => citer(i));

describe('the citations of a paper on Semantic Scholar', () => {
	it('are read page by page, following next with offset and limit, with the fields discover asks and the key', async () => {
		const fake = await serve(s2CitationsAnswer(citers));

		const run = await fetchCitations('arXiv:2412.19442', { ...options(fake.url, { apiKey: 'k-9' }), pageSize: 5 });

		expect(fake.requests.map((r) => [r.method, decodeURIComponent(r.url.pathname), r.url.searchParams.get('fields'), r.url.searchParams.get('offset'), r.url.searchParams.get('limit'), r.headers['x-api-key']])).toEqual([
			['GET', '/paper/arXiv:2412.19442/citations', S2_CITATION_FIELDS, '0', '5', 'k-9'],
			['GET', '/paper/arXiv:2412.19442/citations', S2_CITATION_FIELDS, '5', '5', 'k-9'],
			['GET', '/paper/arXiv:2412.19442/citations', S2_CITATION_FIELDS, '10', '5', 'k-9'],
		]);
		expect(S2_CITATION_FIELDS).toBe('title,abstract,externalIds,venue,year,publicationDate,authors');
		expect(run).toMatchObject({ failure: null, capped: false, untitled: 0, requests: 3 });
		expect(run.citers).toHaveLength(12);
		expect(run.citers[1]).toEqual({ paperId: expect.stringMatching(/^c0+2$/), title: 'Citing paper 1', abstract: 'It cites the survey (1).', venue: 'arXiv.org', year: 2025, date: '2025-03-04', arxiv: '2503.10001', doi: null, authors: ['Author 1', 'Second 1'] });
		expect(run.citers[2]).toMatchObject({ venue: 'Neural Information Processing Systems', doi: '10.5555/2' });
	});

	it('leaves out citations without a title, and stops at maxCiters', async () => {
		const fake = await serve(s2CitationsAnswer([{ title: null }, ...citers]));

		const run = await fetchCitations('arXiv:2412.19442', { ...options(fake.url), pageSize: 4, maxCiters: 6 });

		expect(run).toMatchObject({ untitled: 1, capped: true, failure: null });
		expect(run.citers.map((c) => c.title)).toEqual(['Citing paper 0', 'Citing paper 1', 'Citing paper 2', 'Citing paper 3', 'Citing paper 4']);
		expect(fake.requests.map((r) => r.url.searchParams.get('limit'))).toEqual(['4', '2']);
	});

	it('retries a 429 and a 500, and keeps the pages read when a later page fails for good', async () => {
		const answer = s2CitationsAnswer(citers);
		const fake = await serve((req, nth) => (nth === 1 ? { status: 429, headers: { 'retry-after': '0' } } : nth === 2 ? { status: 502 } : nth >= 4 ? { status: 500, body: { message: 'Internal Server Error' } } : answer(req)));

		const run = await fetchCitations('arXiv:2412.19442', { ...options(fake.url, { attempts: 3 }), pageSize: 5 });

		expect(run.citers).toHaveLength(5);
		expect(run.failure).toBe('HTTP 500 after 3 tries (at offset 5)');
		expect(run.requests).toBe(6);
	});

	it('fails on an answer that is not the citations format, and stops when next does not move on', async () => {
		const odd = await serve(() => ({ status: 200, body: { papers: [] } }));
		const stuck = await serve(() => ({ status: 200, body: { offset: 0, next: 0, data: [{ citingPaper: { paperId: 'a', title: 'Stuck' } }] } }));

		const a = await fetchCitations('arXiv:2412.19442', options(odd.url));
		const b = await fetchCitations('arXiv:2412.19442', options(stuck.url));

		expect(a.failure).toMatch(/^unexpected answer at offset 0 \(/);
		expect(b).toMatchObject({ failure: null, citers: [expect.objectContaining({ title: 'Stuck' })] });
		expect(stuck.requests).toHaveLength(1);
	});
});
