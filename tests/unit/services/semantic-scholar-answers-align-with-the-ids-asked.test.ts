import { describe, expect, it } from 'vitest';
import { parseS2Batch } from '../../../src/services/semantic-scholar.ts';
import { s2Paper } from '../../cli/enrich-fake-services.ts';

describe('Semantic Scholar batch answers', () => {
	it('give one record per id asked, null where the id is unknown, venue names most specific first', () => {
		const answer = [
			s2Paper({ title: 'KIVI', venue: 'International Conference on Machine Learning', year: 2024, publicationVenue: { id: '4', name: 'International Conference on Machine Learning', type: 'conference', alternate_names: ['ICML', 'Int Conf Mach Learn'] }, externalIds: { ArXiv: '2402.02750', DOI: '10.5555/1', CorpusId: 1 }, authors: ['Zirui Liu', 'Jiayi Yuan'], citationCount: 200 }),
			null,
		];

		const records = parseS2Batch(JSON.parse(JSON.stringify(answer)), 2);

		expect(records).toEqual([
			{ title: 'KIVI', venueNames: ['International Conference on Machine Learning', 'ICML', 'Int Conf Mach Learn'], year: 2024, doi: '10.5555/1', arxiv: '2402.02750', authors: ['Zirui Liu', 'Jiayi Yuan'], citations: 200 },
			null,
		]);
	});

	it('leave out arXiv\'s own DOIs (10.48550/…): they name the preprint, not a published version', () => {
		const [record] = parseS2Batch([s2Paper({ title: 'SnapKV', venue: 'arXiv.org', year: 2024, externalIds: { ArXiv: '2404.14469', DOI: '10.48550/arXiv.2404.14469' }, authors: [], citationCount: 5 })], 1);

		expect(record?.doi).toBeNull();
		expect(record?.venueNames).toEqual(['arXiv.org']);
	});

	it('read a field of an unexpected shape as absent instead of losing the paper', () => {
		const [record] = parseS2Batch([{ paperId: 'x', title: 'T', venue: 42, year: '2024', publicationVenue: 'ICML', externalIds: null, authors: [{ name: 'A' }, { name: null }], citationCount: -1 }], 1);

		expect(record).toEqual({ title: 'T', venueNames: [], year: null, doi: null, arxiv: null, authors: ['A'], citations: null });
	});

	it('are refused when they are not an array of as many answers as ids asked', () => {
		expect(() => parseS2Batch({ error: 'Too Many Requests' }, 1)).toThrow('expected a JSON array');
		expect(() => parseS2Batch([null], 2)).toThrow('expected 2 answers, got 1');
	});
});
