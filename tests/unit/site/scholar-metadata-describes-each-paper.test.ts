import { describe, expect, it } from 'vitest';
import { citationMeta, scholarlyArticle } from '../../../src/site/citation-meta.ts';
import { serializeJsonLd } from '../../../src/site/json-ld.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { buildAtlas } from '../../../src/catalogue/queries.ts';
import { FIXTURE } from '../../helpers/catalogue.ts';

const atlas = buildAtlas(loadCatalogueOrThrow(FIXTURE), '/');
const paper = (id: string) => atlas.paperById.get(id)!;

describe('citation meta tags', () => {
	it('names title, authors, date, conference and arXiv id of a conference paper', () => {
		expect(citationMeta(paper('vllm'))).toEqual([
			['citation_title', 'Efficient Memory Management for Large Language Model Serving with PagedAttention'],
			['citation_author', 'Woosuk Kwon'],
			['citation_author', 'Zhuohan Li'],
			['citation_author', 'Siyuan Zhuang'],
			['citation_publication_date', '2023'],
			['citation_conference_title', 'ACM Symposium on Operating Systems Principles'],
			['citation_arxiv_id', '2309.06180'],
			['citation_pdf_url', 'https://arxiv.org/pdf/2309.06180'],
		]);
	});

	it('gives a preprint without an arXiv link neither venue title nor PDF', () => {
		const names = citationMeta(paper('markup-title')).map(([n]) => n);

		expect(names).toEqual(['citation_title', 'citation_publication_date']);
	});
});

describe('JSON-LD', () => {
	it('describes a ScholarlyArticle', () => {
		const ld = scholarlyArticle(paper('snapkv'), ['Static KV Cache Selection']);

		expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', headline: paper('snapkv').title, alternateName: ['SnapKV'], datePublished: '2024', keywords: 'Static KV Cache Selection' });
	});

	it('cannot close its script element, and parses back to the same value', () => {
		const value = { headline: '</script><script>alert(1)</script> & \u2028' };
		const json = serializeJsonLd(value);

		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json)).toEqual(value);
	});
});
