import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../../src/catalogue/schema.ts';
import type { ArxivRecord } from '../../../../src/services/arxiv.ts';
import { planPaper } from '../../../../src/maintain/enrich/plan.ts';
import { evidenceOf } from '../../../../src/maintain/enrich/enrich.ts';
import { venueResolver } from '../../../../src/maintain/common/published-venue.ts';
import type { S2Record } from '../../../../src/services/semantic-scholar.ts';

const venues = venueResolver([{ name: 'arXiv', kind: 'preprint' }]);
const paper = (f: Partial<Paper> = {}): Paper => ({ id: 'p', title: 'P', year: 2024, venue: 'arXiv', categories: ['x'], paper: 'https://arxiv.org/abs/2404.14469', ...f });
const arxiv = (f: Partial<ArxivRecord> = {}): ArxivRecord => ({ id: '2404.14469', title: 'P', authors: ['Yuhong Li', 'Yingbing Huang'], date: '2024-04-22', doi: null, journalRef: null, summary: null, published: '2024-04-22T17:42:58Z', updated: null, primaryCategory: 'cs.CL', categories: ['cs.CL'], ...f });
const s2 = (f: Partial<S2Record> = {}): S2Record => ({ title: 'P', venueNames: ['International Conference on Machine Learning', 'ICML'], year: 2025, doi: null, arxiv: '2404.14469', authors: ['Y. Li'], citations: 3, ...f });

describe('the answers of both services about one paper', () => {
	it('take authors and the first date from arXiv, the venue and its year from Semantic Scholar', () => {
		const ev = evidenceOf(paper(), arxiv(), s2(), venues)!;

		expect(ev.authors).toEqual(['Yuhong Li', 'Yingbing Huang']);
		expect(ev.date).toBe('2024-04-22');
		expect(ev.venue).toEqual({ reading: { kind: 'publication', venue: expect.objectContaining({ name: 'ICML' }), name: 'International Conference on Machine Learning' }, year: 2025 });
		expect(ev.source).toEqual({ default: 'arXiv', venue: 'Semantic Scholar', year: 'Semantic Scholar' });
		expect(ev.notes).toBeUndefined();
	});

	it('take the abstract from arXiv\'s summary alone: Semantic Scholar gives none here, its publishers keep the rights', () => {
		expect(evidenceOf(paper(), arxiv({ summary: 'We compress the KV cache.' }), s2(), venues)).toMatchObject({ abstract: 'We compress the KV cache.', source: { default: 'arXiv' } });
		expect(evidenceOf(paper(), undefined, s2(), venues)?.abstract).toBeUndefined();
	});

	it('fall back on Semantic Scholar\'s authors and DOI, and make the DOI the published link only when the file has none', () => {
		expect(evidenceOf(paper(), undefined, s2({ doi: '10.1/x' }), venues)).toMatchObject({ authors: ['Y. Li'], doi: '10.1/x', published: 'https://doi.org/10.1/x', source: { default: 'Semantic Scholar' } });
		expect(evidenceOf(paper({ published: 'https://openreview.net/forum?id=abc' }), arxiv({ doi: '10.1/y' }), undefined, venues)?.published).toBeUndefined();
		expect(evidenceOf(paper(), undefined, undefined, venues)).toBeNull();
	});

	it('note a venue year equal to the preprint\'s year, which Semantic Scholar often gives for a later edition', () => {
		const ev = evidenceOf(paper(), arxiv(), s2({ year: 2024 }), venues)!;

		expect(ev.notes).toEqual(['Semantic Scholar gives 2024, the year of the arXiv version too; check that ICML 2024 is the edition that published it']);
	});

	it('show arXiv\'s journal reference for a maintainer to judge when no publication venue was found, never parse it', () => {
		const ev = evidenceOf(paper(), arxiv({ journalRef: 'Accepted at ICML 2025' }), s2({ venueNames: ['arXiv.org'] }), venues)!;

		expect(ev.notes).toEqual(['arXiv\'s journal reference says "Accepted at ICML 2025"; if that is a publication, set "venue" and "year" by hand']);
		expect(planPaper(paper(), ev, { force: false, venues }).changes.map((c) => c.field)).toEqual(['authors', 'date']);
	});

	it('propose no published link that is the paper link itself, in another form', () => {
		const p = paper({ paper: 'https://proceedings.mlr.press/v202/xiao23c.html' });

		expect(planPaper(p, { source: { default: 't' }, published: 'https://proceedings.mlr.press/v202/xiao23c/xiao23c.pdf' }, { force: false, venues }).changes).toEqual([]);
		expect(planPaper(p, { source: { default: 't' }, published: 'https://icml.cc/virtual/2023/poster/1' }, { force: false, venues }).changes.map((c) => c.status)).toEqual(['fill']);
	});
});
