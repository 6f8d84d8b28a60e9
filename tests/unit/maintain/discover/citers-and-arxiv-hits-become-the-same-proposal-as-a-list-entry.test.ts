/**
 * What discover's outside sources propose (src/maintain/discover/services.ts), against the fake
 * services: a citer's venue read as enrich reads it (canonical when known, as written when not,
 * none for a preprint), its link from its arXiv id, else its DOI, else its Semantic Scholar page,
 * and its abstract marked as Semantic Scholar's; an arXiv hit with arXiv's abstract and first date.
 */
import { describe, expect, it } from 'vitest';
import type { Venue } from '../../../../src/catalogue/schema.ts';
import { DEFAULT_DISCOVER_CONFIG } from '../../../../src/maintain/discover/config.ts';
import { arxivProposals, citationProposals } from '../../../../src/maintain/discover/services.ts';
import { arxivSearchAnswer, fakeServices, s2CitationsAnswer } from '../../../cli/enrich-fake-services.ts';

const serve = fakeServices();
const retry = { attempts: 1, retryBaseMs: 0, timeoutMs: 2000, maxRetryAfterMs: 1000, log: () => {} };
const venues: Venue[] = [
	{ name: 'arXiv', kind: 'preprint' },
	{ name: 'NeurIPS', fullName: 'Conference on Neural Information Processing Systems', kind: 'conference', aliases: ['NIPS'] },
];
const ABSTRACT = 'We shrink the KV cache of large language models.';

describe('the outside sources of discover', () => {
	it('turn each kept citer into a proposal with its venue, link, authors, date and Semantic Scholar\'s abstract', async () => {
		const fake = await serve(
			s2CitationsAnswer([
				{ title: 'Published at ICML', abstract: ABSTRACT, venue: 'International Conference on Machine Learning', year: 2025, publicationDate: '2025-05-01', externalIds: { ArXiv: '2505.00001', CorpusId: 1 }, authors: ['A One'] },
				{ title: 'A Preprint', abstract: ABSTRACT, venue: 'arXiv.org', year: 2026, externalIds: { DOI: '10.5555/pre', CorpusId: 2 }, authors: ['B Two'] },
				{ title: 'At an Unknown Venue', abstract: null, venue: 'Workshop on Caches', year: 2026, externalIds: { CorpusId: 3 } },
			]),
		);

		const result = await citationProposals(DEFAULT_DISCOVER_CONFIG, venues, '2026-12-07', { ...retry, apiUrl: fake.url, delayMs: 0 });

		expect(result.failure).toBeNull();
		expect(result.tally).toEqual({ read: 3, kept: 3, dropped: 0, failedBy: { 'names the KV cache': 0, 'names a language model': 0 } });
		const [icml, preprint, unknown] = result.proposals;
		expect(icml).toEqual({
			title: 'Published at ICML',
			paper: 'https://arxiv.org/abs/2505.00001',
			arxiv: '2505.00001',
			venue: 'ICML',
			year: 2025,
			authors: ['A One'],
			date: '2025-05-01',
			abstract: ABSTRACT,
			abstractSource: 'Semantic Scholar',
			found: { source: 'Semantic Scholar: cites arXiv:2412.19442', at: '2026-12-07', where: 'https://www.semanticscholar.org/paper/c000000000000000000000000000000000000001', why: 'cites the survey, and its title or abstract names the KV cache ("KV cache") and names a language model ("language model")' },
			where: 'arXiv 2505.00001',
		});
		expect(preprint).toMatchObject({ paper: 'https://doi.org/10.5555/pre', doi: '10.5555/pre' });
		expect(preprint!.venue).toBeUndefined();
		expect(preprint!.year).toBeUndefined();
		expect(unknown).toMatchObject({ venue: 'Workshop on Caches', year: 2026, paper: 'https://www.semanticscholar.org/paper/c000000000000000000000000000000000000003', found: { why: 'cites the survey; Semantic Scholar gives no abstract to check' } });
		expect(unknown!.abstract).toBeUndefined();
	});

	it('turn each kept arXiv hit into a proposal with arXiv\'s abstract and first date, waiting ARXIV_DELAY_MS between pages', async () => {
		const hits = Array.from({ length: 3 }, (_, i) => ({ id: `2611.1000${i}`, published: `2026-11-2${i}T00:00:00Z`, title: `Paper ${i}`, authors: ['C Three'], summary: ABSTRACT, categories: ['cs.CL'] }));
		const fake = await serve(arxivSearchAnswer(hits));

		const result = await arxivProposals({ ...DEFAULT_DISCOVER_CONFIG, arxiv: { ...DEFAULT_DISCOVER_CONFIG.arxiv, pageSize: 1 } }, '2026-11-01', '2026-12-07', { ...retry, apiUrl: fake.url, delayMs: 150 });

		expect(result.proposals.map((p) => [p.arxiv, p.date, p.abstractSource])).toEqual([
			['2611.10002', '2026-11-22', 'arXiv'],
			['2611.10001', '2026-11-21', 'arXiv'],
			['2611.10000', '2026-11-20', 'arXiv'],
		]);
		const at = fake.requests.map((r) => r.at);
		expect(at.slice(1).map((t, i) => t - at[i]!).every((gap) => gap >= 145)).toBe(true);
	});
});
