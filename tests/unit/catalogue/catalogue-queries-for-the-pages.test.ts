import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { atlasFigures, buildAtlas, newestPapers, paperGroups, paperLeaves, type PaperView } from '../../../src/catalogue/queries.ts';
import { rootNames, slugClashes } from '../../../src/site/routes.ts';
import { FIXTURE, SEED_LIST } from '../../helpers/catalogue.ts';

const catalogue = loadCatalogueOrThrow(FIXTURE);
const atlas = buildAtlas(catalogue, '/');

describe('home page figures', () => {
	it('counts papers, leaf categories, papers with code and venues that have papers', () => {
		expect(atlasFigures(atlas)).toEqual({ papers: 5, categories: 4, withCode: 5, venues: 4 });
	});
});

describe('newest papers', () => {
	it('order the fixture by first public version; a paper known by its year alone comes before the dated papers of the years before', () => {
		expect(newestPapers(atlas.papers).map((p) => p.id)).toEqual(['markup-title', 'snapkv', 'kivi', 'vllm', 'h2o']);
		expect(newestPapers(atlas.papers, 2)).toHaveLength(2);
	});

	it('count from the first public version, else the arXiv id\'s month, else the day added in its own year, else the year, then the latest arXiv id', () => {
		const paper = (id: string, fields: Partial<PaperView>) => ({ ...atlas.paperById.get('kivi')!, id, title: id, ...fields });
		const papers = [
			paper('dated', { date: '2024-03-01', added: '2020-01-01' }),
			paper('added', { date: undefined, added: '2024-06-01', paper: 'https://example.org/added.pdf' }),
			paper('arxiv-2024-11', { date: undefined, added: '2026-12-03', paper: 'https://arxiv.org/abs/2411.00001' }),
			paper('arxiv-2024-01', { date: undefined, added: undefined, year: 2024, paper: 'https://arxiv.org/abs/2401.00001' }),
			paper('year-only', { date: undefined, added: undefined, year: 2024, paper: 'https://example.org/late.pdf' }),
			paper('found-later', { date: undefined, added: '2026-12-03', year: 2023, paper: 'https://example.org/found.pdf' }),
			paper('dated-2023', { date: '2023-12-31', added: undefined, year: 2023 }),
		];

		expect(newestPapers(papers).map((p) => p.id)).toEqual(['arxiv-2024-11', 'added', 'dated', 'arxiv-2024-01', 'year-only', 'dated-2023', 'found-later']);
	});
});

describe('citation counts', () => {
	it('reach each paper from the counts by id, and are null when unknown or not a count', () => {
		const counted = buildAtlas({ ...catalogue, citations: { kivi: { citations: 412 }, vllm: { citations: -1 } } }, '/');

		expect(counted.paperById.get('kivi')!.citations).toBe(412);
		expect(counted.paperById.get('vllm')!.citations).toBeNull();
		expect(counted.paperById.get('h2o')!.citations).toBeNull();
		expect(atlas.papers.every((p) => p.citations === null)).toBe(true);
	});
});

describe('categories of a paper', () => {
	it('lists its leaves in tree order and its top-level groups once', () => {
		const vllm = atlas.paperById.get('vllm')!;

		expect(paperLeaves(atlas, vllm).map((n) => n.slug)).toEqual(['dynamic-selection', 'memory-management']);
		expect(paperGroups(atlas, vllm).map((n) => n.slug)).toEqual(['token-level', 'system-level']);
		expect(paperGroups(atlas, { categories: ['static-selection', 'dynamic-selection'] }).map((n) => n.slug)).toEqual(['token-level']);
	});
});

describe('taxonomy URLs beside the site pages', () => {
	it('reads the root names that files of src/pages and public take', () => {
		expect(rootNames(['[...node].astro', 'index.astro', 'stats.astro', 'papers.json.ts', 'venues', 'about.mdx', 'favicon.svg', '_redirects'])).toEqual(
			['404', '_astro', 'about', 'favicon.svg', 'pagefind', 'papers', 'papers.json', 'stats', 'venues'],
		);
	});

	it('names a top-level slug that would lose its page', () => {
		const clashing = buildAtlas({ ...catalogue, taxonomy: [...catalogue.taxonomy, { slug: 'stats', title: 'Stats' }] }, '/');

		expect(slugClashes(atlas.tree.roots, rootNames(['stats.astro']))).toEqual([]);
		expect(slugClashes(clashing.tree.roots, rootNames(['stats.astro'])).map((n) => n.slug)).toEqual(['stats']);
	});
});

describe('the build date in the footer', () => {
	it('follows SOURCE_DATE_EPOCH so that two builds of a commit match', async () => {
		const { buildDate } = await import('../../../src/layouts/site-meta.ts');

		expect(buildDate({ SOURCE_DATE_EPOCH: '1735689600' })).toBe('2025-01-01');
		expect(buildDate({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('leafLabel', () => {
	it('keeps a unique leaf title and prefixes the parent when two leaves share a title, so facets never merge categories', async () => {
		const { buildAtlas, leafLabel } = await import('../../../src/catalogue/queries.ts');
		const { importMarkdown } = await import('../../../src/awesome-list/import.ts');
		// The seed list has two leaves titled "Compression" (under "Intra later" and "Cross Layer").
		const seed = importMarkdown(readFileSync(SEED_LIST, 'utf8'));
		const atlas = buildAtlas({ site: seed.site, taxonomy: seed.taxonomy, venues: seed.venues, papers: [], stars: {} });

		const compression = atlas.tree.leaves.filter((l) => l.title === 'Compression').map((l) => leafLabel(atlas, l));
		const labels = atlas.tree.leaves.map((l) => leafLabel(atlas, l));

		expect(compression).toEqual(['Intra later › Compression', 'Cross Layer › Compression']);
		expect(leafLabel(atlas, atlas.tree.bySlug.get('static-kv-cache-selection')!)).toBe('Static KV Cache Selection');
		expect(new Set(labels).size).toBe(labels.length);
	});
});
