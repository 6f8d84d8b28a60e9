import { describe, expect, it } from 'vitest';
import { citationMeta, scholarlyArticle } from '../../../src/site/citation-meta.ts';
import { serializeJsonLd } from '../../../src/site/json-ld.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { buildAtlas } from '../../../src/catalogue/queries.ts';
import { FIXTURE } from '../../helpers/catalogue.ts';

const atlas = buildAtlas(loadCatalogueOrThrow(FIXTURE), '/');
const paper = (id: string) => atlas.paperById.get(id)!;

describe('citation meta tags', () => {
	it('names title, every author in order, year, first version, conference, DOI and arXiv id of a conference paper', () => {
		const vllm = paper('vllm');

		expect(citationMeta(vllm)).toEqual([
			['citation_title', 'Efficient Memory Management for Large Language Model Serving with PagedAttention'],
			...vllm.authors!.map((a) => ['citation_author', a]),
			['citation_publication_date', '2023'],
			['citation_date', '2023/09/12'],
			['citation_conference_title', 'ACM Symposium on Operating Systems Principles'],
			['citation_doi', '10.1145/3600006.3613165'],
			['citation_arxiv_id', '2309.06180'],
			['citation_pdf_url', 'https://arxiv.org/pdf/2309.06180'],
		]);
		expect(vllm.authors).toHaveLength(9);
	});

	it('takes the arXiv id from the arxiv field when the paper links elsewhere, and names a journal', () => {
		const other = { ...paper('snapkv'), paper: 'https://openreview.net/forum?id=x', arxiv: '2404.14469', venueInfo: { name: 'TMLR', fullName: 'Transactions on Machine Learning Research', kind: 'journal' as const } };

		const tags = citationMeta(other);

		expect(tags).toContainEqual(['citation_arxiv_id', '2404.14469']);
		expect(tags).toContainEqual(['citation_pdf_url', 'https://arxiv.org/pdf/2404.14469']);
		expect(tags).toContainEqual(['citation_journal_title', 'Transactions on Machine Learning Research']);
		expect(tags.map(([n]) => n)).not.toContain('citation_conference_title');
	});

	it('gives a preprint without an arXiv link neither venue title nor PDF', () => {
		const names = citationMeta(paper('markup-title')).map(([n]) => n);

		expect(names).toEqual(['citation_title', 'citation_publication_date']);
	});
});

describe('JSON-LD', () => {
	it('describes a ScholarlyArticle with its authors as Persons and its first version as the date', () => {
		const ld = scholarlyArticle(paper('snapkv'), ['Static KV Cache Selection']);

		expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', headline: paper('snapkv').title, alternateName: ['SnapKV'], datePublished: '2024-04-22', keywords: 'Static KV Cache Selection', sameAs: 'https://arxiv.org/abs/2404.14469' });
		expect(ld.author).toEqual(paper('snapkv').authors!.map((name) => ({ '@type': 'Person', name })));
	});

	it('gives the published version, the DOI and the arXiv abstract as sameAs, and a paper link that is not arXiv', () => {
		const elsewhere = { ...paper('snapkv'), paper: 'https://openreview.net/forum?id=x', arxiv: '2404.14469' };

		expect(scholarlyArticle(elsewhere, []).sameAs).toEqual(['https://openreview.net/forum?id=x', 'https://arxiv.org/abs/2404.14469']);
		expect(scholarlyArticle(paper('vllm'), []).sameAs).toEqual([
			'https://dl.acm.org/doi/10.1145/3600006.3613165',
			'https://doi.org/10.1145/3600006.3613165',
			'https://arxiv.org/abs/2309.06180',
		]);
	});

	it('dates a paper without a first version by its year, and names no author it does not know', () => {
		const ld = scholarlyArticle(paper('markup-title'), []);

		expect(ld.datePublished).toBe('2025');
		expect(ld).not.toHaveProperty('author');
	});

	it('cannot close its script element, and parses back to the same value', () => {
		const value = { headline: '</script><script>alert(1)</script> & \u2028' };
		const json = serializeJsonLd(value);

		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json)).toEqual(value);
	});
});
