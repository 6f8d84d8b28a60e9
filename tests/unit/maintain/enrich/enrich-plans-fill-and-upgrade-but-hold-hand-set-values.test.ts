import { describe, expect, it } from 'vitest';
import type { Paper, Venue } from '../../../../src/catalogue/schema.ts';
import { planPaper, type Evidence } from '../../../../src/maintain/enrich/plan.ts';
import { venueResolver } from '../../../../src/maintain/common/published-venue.ts';

const venues = venueResolver([
	{ name: 'arXiv', kind: 'preprint' },
	{ name: 'ICML', kind: 'conference' },
	{ name: 'MLSys', kind: 'conference' },
	{ name: 'Unspecified', kind: 'other' },
] satisfies Venue[]);
const paper = (fields: Partial<Paper> = {}): Paper => ({ id: 'p', title: 'A Paper', year: 2024, venue: 'arXiv', categories: ['x'], paper: 'https://arxiv.org/abs/2404.14469', ...fields });
const ev = (fields: Partial<Evidence>): Evidence => ({ source: { default: 'test' }, ...fields });
const at = (name: string, year: number | null) => ({ reading: venues.read([name]), year });
const statuses = (p: Paper, e: Evidence, force = false) => planPaper(p, e, { force, venues }).changes.map((c) => `${c.field}:${c.status}`);

describe('an enrich plan', () => {
	it('fills empty fields and upgrades a preprint venue with its year, which are not overwrites', () => {
		const plan = planPaper(paper(), ev({ authors: ['A', 'B'], date: '2024-04-22', doi: '10.1/x', venue: at('ICML', 2025) }), { force: false, venues });

		expect(plan.changes).toEqual([
			{ field: 'authors', from: null, to: ['A', 'B'], status: 'fill', source: 'test' },
			{ field: 'venue', from: 'arXiv', to: 'ICML', status: 'upgrade', source: 'test' },
			{ field: 'year', from: 2024, to: 2025, status: 'upgrade', source: 'test' },
			{ field: 'date', from: null, to: '2024-04-22', status: 'fill', source: 'test' },
			{ field: 'doi', from: null, to: '10.1/x', status: 'fill', source: 'test' },
		]);
	});

	it('fills an empty abstract, takes one that differs only in its spacing as the same, and changes another only with --force', () => {
		const text = 'We compress the KV cache.\nIt works.';

		expect(statuses(paper(), ev({ abstract: 'We compress the KV cache. It works.' }))).toEqual(['abstract:fill']);
		expect(statuses(paper({ abstract: text }), ev({ abstract: 'We compress the KV cache. It works.' }))).toEqual([]);
		expect(statuses(paper({ abstract: text }), ev({ abstract: 'We compress the KV cache better.' }))).toEqual(['abstract:conflict']);
		expect(statuses(paper({ abstract: text }), ev({ abstract: 'We compress the KV cache better.' }), true)).toEqual(['abstract:force']);
	});

	it('treats "Unspecified" and "ICLR submission" like arXiv', () => {
		expect(statuses(paper({ venue: 'Unspecified' }), ev({ venue: at('ICML', 2024) }))).toEqual(['venue:upgrade']);
		expect(statuses(paper({ venue: 'ICLR submission' }), ev({ venue: at('ICLR', 2025) }))).toEqual(['venue:upgrade', 'year:upgrade']);
	});

	it('holds differing authors, a different publication or year, and other set values for --force', () => {
		const p = paper({ venue: 'MLSys', authors: ['A'], date: '2024-01-01' });
		const e = ev({ authors: ['A', 'B'], date: '2024-04-22', venue: at('ICML', 2023) });

		expect(statuses(p, e)).toEqual(['authors:conflict', 'venue:conflict', 'year:conflict', 'date:conflict']);
		expect(statuses(p, e, true)).toEqual(['authors:force', 'venue:force', 'year:force', 'date:force']);
		expect(planPaper(p, e, { force: false, venues }).changes[1]!.reason).toBe('the file already names the publication MLSys 2024; run with --force to replace it');
	});

	it('proposes nothing when the source agrees, says a preprint, or says nothing', () => {
		expect(statuses(paper({ venue: 'ICML', authors: ['A'] }), ev({ authors: ['A'], venue: at('ICML', 2024) }))).toEqual([]);
		expect(statuses(paper(), ev({ venue: at('arXiv.org', 2024) }))).toEqual([]);
		expect(statuses(paper(), ev({}))).toEqual([]);
	});

	it('reports an unknown venue and does not touch the year it came with', () => {
		const plan = planPaper(paper(), ev({ venue: at('Journal of Imaginary Results', 2025) }), { force: true, venues });

		expect(plan.changes.map((c) => `${c.field}:${c.status}:${c.to}`)).toEqual(['venue:unknown-venue:Journal of Imaginary Results']);
	});

	it('writes an arXiv id only for a paper linked elsewhere, and notes one that disagrees with the link', () => {
		expect(statuses(paper({ paper: 'https://proceedings.mlr.press/v202/xiao23c.html' }), ev({ arxiv: '2211.10438' }))).toEqual(['arxiv:fill']);
		const plan = planPaper(paper(), ev({ arxiv: '2504.03775' }), { force: false, venues });
		expect(plan.changes).toEqual([]);
		expect(plan.notes).toEqual(['test gives arXiv 2504.03775, but the paper links arXiv 2404.14469; check the link']);
	});

	it('names a venue venues.yaml lacks, so that applying adds it', () => {
		expect(planPaper(paper(), ev({ venue: at('Findings of EMNLP', 2024) }), { force: false, venues }).newVenue?.name).toBe('Findings of EMNLP');
		expect(planPaper(paper(), ev({ venue: at('ICML', 2024) }), { force: false, venues }).newVenue).toBeUndefined();
	});

	it('from a medium fact fills and upgrades, but holds every overwrite even with --force', () => {
		const p = paper({ venue: 'ICML', authors: ['A'] });
		const e = ev({ authors: ['B'], date: '2024-04-22', venue: at('ICML ES-FoMo II Workshop', 2024), confidence: 'medium' });

		expect(statuses(p, e, true)).toEqual(['authors:held', 'venue:held', 'date:fill']);
		expect(statuses(paper(), { ...e, confidence: 'medium' })).toEqual(['authors:fill', 'venue:upgrade', 'date:fill']);
	});

	it('from a low fact writes nothing; from a high one follows the usual rules', () => {
		const e = ev({ authors: ['B'], venue: at('ICML', 2023) });

		expect(statuses(paper(), { ...e, confidence: 'low' })).toEqual(['authors:held', 'venue:held', 'year:held']);
		expect(statuses(paper({ venue: 'MLSys' }), { ...e, confidence: 'high' })).toEqual(['authors:fill', 'venue:conflict', 'year:conflict']);
		expect(statuses(paper({ venue: 'MLSys' }), { ...e, confidence: 'high' }, true)).toEqual(['authors:fill', 'venue:force', 'year:force']);
	});
});
