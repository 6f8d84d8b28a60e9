import { describe, expect, it } from 'vitest';
import { KNOWN_VENUES } from '../../../../src/catalogue/venues.ts';
import type { Venue } from '../../../../src/catalogue/schema.ts';
import { isPlaceholderVenue } from '../../../../src/catalogue/venues.ts';
import { venueResolver } from '../../../../src/maintain/common/published-venue.ts';

const catalogueVenues: Venue[] = [
	{ name: 'NeurIPS', fullName: 'Conference on Neural Information Processing Systems', kind: 'conference', aliases: ['NIPS'] },
	{ name: 'arXiv', kind: 'preprint' },
	{ name: 'My Local Venue', kind: 'conference', aliases: ['MLV'] },
];
const venues = venueResolver(catalogueVenues);
const nameOf = (names: string[]) => {
	const r = venues.read(names);
	return r.kind === 'publication' ? r.venue.name : r.kind;
};

describe('published venue names from a service', () => {
	it('map through names, aliases and full names, case and punctuation aside', () => {
		expect(nameOf(['International Conference on Machine Learning'])).toBe('ICML');
		expect(nameOf(['Neural Information Processing Systems', 'Neural Inf Process Syst', 'NeurIPS'])).toBe('NeurIPS');
		expect(nameOf(['annual meeting of the association for computational linguistics'])).toBe('ACL');
		expect(nameOf(['USENIX-ATC'])).toBe('USENIX ATC');
		expect(nameOf(['MLV'])).toBe('My Local Venue');
	});

	it('read a trailing year as the edition of a venue', () => {
		expect(nameOf(['Findings of the Association for Computational Linguistics: EMNLP 2024'])).toBe('Findings of EMNLP');
		expect(nameOf(["ICML'24"])).toBe('ICML');
	});

	it('keep Findings apart from the main conferences', () => {
		expect(nameOf(['Findings of ACL'])).toBe('Findings of ACL');
		expect(nameOf(['ACL Findings'])).toBe('Findings of ACL');
		expect(nameOf(['NAACL Findings'])).toBe('Findings of NAACL');
		expect(KNOWN_VENUES.find((v) => v.name === 'EMNLP')?.aliases ?? []).not.toContain('Findings of EMNLP');
	});

	it('know the workshops of the gathered facts under both spellings', () => {
		expect(nameOf(['ES-FoMo II Workshop (ICML 2024)'])).toBe('ICML ES-FoMo II Workshop');
		expect(nameOf(['NeurIPS ENLSP-IV Workshop'])).toBe('NeurIPS ENLSP-IV Workshop');
		expect(venues.resolve('Sparsity in LLMs (SLLM) Workshop')?.kind).toBe('workshop');
	});

	it('take arXiv and CoRR to mean the paper is still a preprint', () => {
		expect(venues.read(['arXiv.org', 'ArXiv'])).toEqual({ kind: 'preprint', name: 'arXiv.org' });
		expect(venues.read(['CoRR'])).toEqual({ kind: 'preprint', name: 'CoRR' });
	});

	it('report a name nothing matches instead of inventing a venue, and say nothing for no name', () => {
		expect(venues.read(['Findings', 'Journal of Imaginary Results'])).toEqual({ kind: 'unknown', names: ['Findings', 'Journal of Imaginary Results'] });
		expect(venues.read(['', '  '])).toEqual({ kind: 'none' });
	});

	it('tell the catalogue\'s own venues from known ones that venues.yaml does not list yet', () => {
		expect(venues.inCatalogue('NeurIPS')).toBe(true);
		expect(venues.inCatalogue('ICML')).toBe(false);
		expect(venues.resolve('ICML')).toEqual(KNOWN_VENUES.find((v) => v.name === 'ICML'));
	});

	it('count arXiv, "ICLR submission" and Unspecified as placeholders a publication replaces', () => {
		expect(['arXiv', 'ICLR submission', 'Unspecified', 'ICML', 'TMLR', 'ICML ES-FoMo II Workshop'].map((n) => isPlaceholderVenue(venues.resolve(n)))).toEqual([true, true, true, false, false, false]);
	});
});
