import { describe, expect, it } from 'vitest';
import { bibtexForUrls, paperIdFromUrl } from '../../../src/search/bibtex.ts';
import { countSearches, facetValues } from '../../../src/search/facets.ts';
import { decodeSearchState } from '../../../src/search/state.ts';

describe('facet values', () => {
	it('order by papers in the whole index, so values do not move while the counts change', () => {
		const totals = { NeurIPS: 30, ICML: 12, OSDI: 2, arXiv: 60 };

		const values = facetValues('venue', totals, { OSDI: 2 }, []);

		expect(values.map((v) => v.value)).toEqual(['arXiv', 'NeurIPS', 'ICML', 'OSDI']);
		expect(values.map((v) => v.count)).toEqual([0, 0, 0, 2]);
	});

	it('list years newest first and code as "With code" before "Without code"', () => {
		expect(facetValues('year', { 2022: 5, 2024: 50, 2023: 20 }, {}, []).map((v) => v.value)).toEqual(['2024', '2023', '2022']);
		expect(facetValues('code', { no: 70, yes: 60 }, {}, []).map((v) => v.label)).toEqual(['With code', 'Without code']);
	});

	it('keep a ticked value listed even when the index no longer has it (an old shared URL)', () => {
		const values = facetValues('venue', { ICML: 3 }, { ICML: 3 }, ['NIPS']);

		expect(values).toContainEqual({ value: 'NIPS', label: 'NIPS', count: 0, selected: true });
	});

	it('need one search for the results and one more per ticked facet', () => {
		expect(countSearches(decodeSearchState('q=kv'))).toEqual([null]);
		expect(countSearches(decodeSearchState('venue=ICML&venue=OSDI&code=yes'))).toEqual([null, 'venue', 'code']);
	});
});

describe('BibTeX of the results', () => {
	it('find the paper id in a result URL, base path or not', () => {
		expect(paperIdFromUrl('/papers/snapkv/')).toBe('snapkv');
		expect(paperIdFromUrl('/Awesome-KV-Cache-Management/papers/h2o/')).toBe('h2o');
		expect(paperIdFromUrl('https://example.org/x/papers/kivi/#cite')).toBe('kivi');
		expect(paperIdFromUrl('/venues/icml/')).toBeNull();
	});

	it('join the entries in result order, once each, skipping unknown papers', () => {
		const entries = { a: '@misc{a,\n}\n', b: '@misc{b,\n}' };

		expect(bibtexForUrls(['/papers/b/', '/papers/x/', '/papers/a/', '/papers/b/'], entries)).toBe('@misc{b,\n}\n\n@misc{a,\n}\n');
		expect(bibtexForUrls(['/papers/constructor/'], entries)).toBe('');
	});
});
