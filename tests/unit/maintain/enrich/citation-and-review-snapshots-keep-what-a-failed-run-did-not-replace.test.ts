import { describe, expect, it } from 'vitest';
import type { GatheredFact, ReviewEntry } from '../../../../src/catalogue/schema.ts';
import { citationsToJson, mergeCitations } from '../../../../src/maintain/enrich/citations.ts';
import type { PaperPlan } from '../../../../src/maintain/enrich/plan.ts';
import { mergeReview, reviewEntry } from '../../../../src/maintain/enrich/review.ts';

const old = { kivi: { citations: 150, checked: '2026-11-01' }, snapkv: { citations: 199, checked: '2026-11-01' }, gone: { citations: 1, checked: '2026-11-01' } };

describe('the citation snapshot', () => {
	it('takes fresh counts dated today, keeps the last count of a paper not answered, and drops papers that are gone', () => {
		const merged = mergeCitations(old, new Map([['snapkv', 250], ['h2o', 300]]), ['h2o', 'kivi', 'snapkv', 'vllm'], ['h2o', 'kivi', 'snapkv', 'vllm'], '2026-12-01');

		expect(merged.citations).toEqual({ h2o: { citations: 300, checked: '2026-12-01' }, kivi: { citations: 150, checked: '2026-11-01' }, snapkv: { citations: 250, checked: '2026-12-01' } });
		expect(merged.kept).toEqual(['kivi']);
		expect(merged.removed).toEqual(['gone']);
		expect(merged.updated).toEqual(['h2o', 'snapkv']);
	});

	it('is written one paper a line in id order', () => {
		expect(citationsToJson({ snapkv: { citations: 2, checked: '2026-12-01' }, h2o: { citations: 1, checked: '2026-12-01' } })).toBe(
			'{\n  "h2o": { "citations": 1, "checked": "2026-12-01" },\n  "snapkv": { "citations": 2, "checked": "2026-12-01" }\n}\n',
		);
		expect(citationsToJson({})).toBe('{}\n');
	});
});

const fact = (confidence: GatheredFact['confidence']): GatheredFact => ({ title: 'T', listArxiv: null, arxiv: '2404.14469', authors: ['A'], authorsComplete: true, arxivDate: null, published: { venue: 'ICML', year: 2024, url: null }, confidence, sources: ['https://example.org/a'], note: 'one page only' });
const plan: PaperPlan = {
	id: 'p',
	notes: [],
	changes: [
		{ field: 'authors', from: null, to: ['A'], status: 'fill', source: 'facts (medium)' },
		{ field: 'venue', from: 'MLSys', to: 'ICML', status: 'held', source: 'facts (medium)', reason: 'medium confidence' },
	],
};

describe('the review list', () => {
	it('holds medium and low facts with what was written and what was not, never high ones or facts that changed nothing', () => {
		expect(reviewEntry(fact('medium'), plan, 'papers.json (gathered 2026-12-01)')).toEqual({
			from: 'papers.json (gathered 2026-12-01)',
			confidence: 'medium',
			applied: ['authors'],
			notApplied: [{ field: 'venue', value: 'ICML', reason: 'medium confidence' }],
			fact: { title: 'T', listArxiv: null, arxiv: '2404.14469', authors: ['A'], authorsComplete: true, arxivDate: null, published: { venue: 'ICML', year: 2024, url: null } },
			sources: ['https://example.org/a'],
			note: 'one page only',
		});
		expect(reviewEntry(fact('high'), plan, 'x')).toBeNull();
		expect(reviewEntry(fact('low'), { ...plan, changes: [] }, 'x')).toBeNull();
	});

	it('keeps fields written by an earlier run, keeps other papers\' entries and drops papers that are gone', () => {
		const entry = reviewEntry(fact('medium'), plan, 'x')!;
		const earlier: ReviewEntry = { ...entry, applied: ['date'] };

		const merged = mergeReview({ p: earlier, q: entry, gone: entry }, new Map([['p', entry]]), ['p', 'q']);

		expect(Object.keys(merged)).toEqual(['p', 'q']);
		expect(merged.p!.applied).toEqual(['date', 'authors']);
		expect(merged.q).toEqual(entry);
	});

	it('joins an entry from another facts file to the earlier one, keeping the evidence for what the earlier file wrote', () => {
		const earlier = reviewEntry(fact('medium'), plan, 'neighbours.json (gathered 2026-12-03)')!;
		const dateFact: GatheredFact = { ...fact('medium'), authors: null, authorsComplete: false, arxivDate: '2024-04-22', published: null, sources: ['https://example.org/b'], note: 'the date from one page' };
		const datePlan: PaperPlan = { id: 'p', notes: [], changes: [{ field: 'date', from: null, to: '2024-04-22', status: 'fill', source: 'facts (medium)' }] };
		const dated = reviewEntry(dateFact, datePlan, 'first-dates.json (gathered 2026-12-03)')!;

		const merged = mergeReview({ p: earlier }, new Map([['p', dated]]), ['p']);

		expect(merged.p).toEqual({
			from: 'first-dates.json (gathered 2026-12-03); neighbours.json (gathered 2026-12-03)',
			confidence: 'medium',
			applied: ['authors', 'date'],
			notApplied: [{ field: 'venue', value: 'ICML', reason: 'medium confidence' }],
			fact: { title: 'T', listArxiv: null, arxiv: '2404.14469', authors: ['A'], authorsComplete: true, arxivDate: '2024-04-22', published: { venue: 'ICML', year: 2024, url: null } },
			sources: ['https://example.org/b', 'https://example.org/a'],
			note: 'first-dates.json (gathered 2026-12-03): the date from one page neighbours.json (gathered 2026-12-03): one page only',
		});
		expect(mergeReview(merged, new Map([['p', dated]]), ['p'])).toEqual(merged);
		expect(mergeReview({ p: dated }, new Map([['p', { ...dated, note: 'corrected' }]]), ['p']).p!.note).toBe('corrected');
	});
});
