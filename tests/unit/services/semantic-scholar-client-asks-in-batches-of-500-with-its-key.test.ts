import { describe, expect, it } from 'vitest';
import { fetchSemanticScholar, S2_FIELDS, type SemanticScholarOptions } from '../../../src/services/semantic-scholar.ts';
import { fakeServices, s2Answer, s2Paper } from '../../cli/enrich-fake-services.ts';

const serve = fakeServices();

const options = (apiUrl: string, over: Partial<SemanticScholarOptions> = {}): SemanticScholarOptions => ({ apiUrl, delayMs: 0, attempts: 2, retryBaseMs: 0, timeoutMs: 2000, maxRetryAfterMs: 5000, log: () => {}, ...over });
const known = new Map(Array.from({ length: 600 }, (_, i) => [`ARXIV:2501.${10000 + i}`, s2Paper({ title: `Paper ${i}`, venue: 'ICML', year: 2025, externalIds: { ArXiv: `2501.${10000 + i}`, CorpusId: i + 1 }, authors: [`Author ${i}`], citationCount: i })]));

describe('the Semantic Scholar client', () => {
	it('posts the ids 500 a batch with the fields it reads and its key, and files each answer under the id asked', async () => {
		const fake = await serve(s2Answer(known));
		const ids = [...known.keys(), 'DOI:10.1000/unknown'];

		const run = await fetchSemanticScholar(ids, options(fake.url, { apiKey: 'k-123' }));

		expect(fake.requests.map((r) => [r.method, r.url.pathname, r.url.searchParams.get('fields'), r.headers['x-api-key'], (JSON.parse(r.body) as { ids: string[] }).ids.length])).toEqual([
			['POST', '/paper/batch', S2_FIELDS, 'k-123', 500],
			['POST', '/paper/batch', S2_FIELDS, 'k-123', 101],
		]);
		expect(run.records.size).toBe(600);
		expect(run.records.get('ARXIV:2501.10599')).toMatchObject({ title: 'Paper 599', venueNames: ['ICML'], year: 2025, arxiv: '2501.10599', authors: ['Author 599'], citations: 599 });
		expect(run.notFound).toEqual(['DOI:10.1000/unknown']);
		expect(run).toMatchObject({ failed: [], requests: 2 });
	});

	it('sends no key when it has none, and retries a 429 and a 500 before taking the answer', async () => {
		const answer = s2Answer(known);
		const fake = await serve((req, nth) => (nth === 1 ? { status: 429, headers: { 'retry-after': '0' } } : nth === 2 ? { status: 500 } : answer(req)));

		const run = await fetchSemanticScholar(['ARXIV:2501.10001'], options(fake.url, { attempts: 3 }));

		expect(fake.requests.map((r) => r.headers['x-api-key'])).toEqual([undefined, undefined, undefined]);
		expect(run).toMatchObject({ failed: [], notFound: [], requests: 3 });
		expect(run.records.get('ARXIV:2501.10001')?.title).toBe('Paper 1');
	});

	it('fails a batch whose answer is not aligned with the ids asked, keeping the batches that were', async () => {
		const answer = s2Answer(known);
		const fake = await serve((req, nth) => (nth === 2 ? { status: 200, body: [null] } : answer(req)));
		const ids = [...known.keys()];

		const run = await fetchSemanticScholar(ids, options(fake.url));

		expect(run.records.size).toBe(500);
		expect(run.failed).toEqual([{ ids: ids.slice(500), reason: 'unexpected answer (expected 100 answers, got 1)' }]);
	});
});
