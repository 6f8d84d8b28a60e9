import { describe, expect, it } from 'vitest';
import type { GatheredFact, Paper } from '../../../../src/catalogue/schema.ts';
import { factEvidence, matchFacts } from '../../../../src/maintain/enrich/facts.ts';
import { venueResolver } from '../../../../src/maintain/common/published-venue.ts';

const fact = (f: Partial<GatheredFact>): GatheredFact => ({ title: 'T', listArxiv: null, arxiv: null, authors: ['A'], authorsComplete: true, arxivDate: null, published: null, confidence: 'high', sources: [], note: '', ...f });
const paper = (id: string, f: Partial<Paper> = {}): Paper => ({ id, title: id, year: 2024, venue: 'arXiv', categories: ['x'], ...f });

describe('gathered facts', () => {
	it('match a paper by the arXiv id of its link or of its arxiv field, else by title without case or punctuation', () => {
		const papers = [paper('snapkv', { paper: 'https://arxiv.org/pdf/2404.14469v2' }), paper('awq', { paper: 'https://proceedings.mlsys.org/x', arxiv: '2306.00978' }), paper('orca', { title: 'Orca: A Distributed Serving System' })];

		const m = matchFacts([fact({ listArxiv: '2404.14469', arxiv: '2404.14469' }), fact({ arxiv: '2306.00978' }), fact({ title: 'ORCA — a distributed serving system' }), fact({ title: 'Nothing Like It' })], papers);

		expect(m.matches.map((x) => `${x.paper.id}:${x.by}`)).toEqual(['awq:arxiv', 'orca:title', 'snapkv:arxiv']);
		expect(m.unmatched.map((f) => f.title)).toEqual(['Nothing Like It']);
	});

	it('are about their own arXiv id: a list link to another paper\'s id does not make them that paper\'s', () => {
		const fastserve = paper('fastserve', { paper: 'https://arxiv.org/abs/2305.05920' });

		const m = matchFacts([fact({ title: 'FlowKV', listArxiv: '2305.05920', arxiv: '2504.03775' })], [fastserve]);

		expect(m.matches).toEqual([]);
		expect(m.unmatched).toHaveLength(1);
	});

	it('are not used when their title names a paper that links another arXiv id', () => {
		const m = matchFacts([fact({ title: 'FlowKV', arxiv: '2504.03775' })], [paper('flowkv', { title: 'FlowKV', paper: 'https://arxiv.org/abs/2305.05920' })]);

		expect(m.matches).toEqual([]);
		expect(m.mismatched).toEqual([{ fact: expect.objectContaining({ title: 'FlowKV' }), paper: 'flowkv', linked: '2305.05920' }]);
	});

	it('keep the most confident of several facts about one paper, the first among equals', () => {
		const p = paper('flexgen', { title: 'FlexGen', arxiv: '2303.06865' });

		const m = matchFacts([fact({ title: 'FlexGen', confidence: 'medium', note: 'first' }), fact({ arxiv: '2303.06865', confidence: 'medium', note: 'second' }), fact({ arxiv: '2303.06865', confidence: 'high', note: 'third' })], [p]);

		expect(m.matches.map((x) => x.fact.note)).toEqual(['third']);
		expect(m.duplicates.map((d) => d.fact.note)).toEqual(['second', 'first']);
	});

	it('give authors only when the list is complete, and the venue and published link of the publication', () => {
		const venues = venueResolver([]);

		const ev = factEvidence(fact({ authors: ['A'], authorsComplete: false, arxivDate: '2024-05-07', listArxiv: '2405.04434', published: { venue: 'Findings of ACL', year: 2024, url: 'https://aclanthology.org/2024.findings-acl.195/' }, confidence: 'medium' }), venues);

		expect(ev).toEqual({
			source: { default: 'facts (medium)' },
			confidence: 'medium',
			date: '2024-05-07',
			arxiv: '2405.04434',
			venue: { reading: { kind: 'publication', venue: expect.objectContaining({ name: 'Findings of ACL' }), name: 'Findings of ACL' }, year: 2024 },
			published: 'https://aclanthology.org/2024.findings-acl.195/',
		});
	});
});
