import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import PaperTable from '../../src/components/PaperTable.astro';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { buildAtlas } from '../../src/catalogue/queries.ts';
import { FIXTURE } from '../helpers/catalogue.ts';

const atlas = buildAtlas(loadCatalogueOrThrow(FIXTURE), '/');
let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

describe('PaperTable', () => {
	it('has a row per paper in the order given, with title, venue, paper and code links', async () => {
		const papers = atlas.papersByLeaf.get('dynamic-selection')!;

		const html = await container.renderToString(PaperTable, { props: { papers, caption: 'Dynamic Selection' } });
		const titles = [...html.matchAll(/<td><a href="(\/papers\/[^"]+)">/g)].map((m) => m[1]);

		expect(titles).toEqual(papers.map((p) => p.url));
		expect(html).toContain('<a href="/venues/sosp/">SOSP</a>');
		expect(html).toContain('<a href="https://arxiv.org/pdf/2309.06180">arXiv</a>');
		expect(html).toContain('aria-label="61.2k GitHub stars (61,234)"');
		expect(html).toContain('role="region" aria-label="Papers in Dynamic Selection" tabindex="0"');
	});

	it('marks Year as sorted newest first and every column as sortable', async () => {
		const html = await container.renderToString(PaperTable, { props: { papers: atlas.papers, caption: 'All' } });

		expect(html.match(/<th scope="col" data-sort=/g)).toHaveLength(5);
		expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*>Year<\/th>/);
		expect(html.match(/aria-sort=/g)).toHaveLength(1);
	});

	it('names the authors of each paper in short under its title', async () => {
		const papers = [atlas.paperById.get('kivi')!, atlas.paperById.get('markup-title')!];

		const html = await container.renderToString(PaperTable, { props: { papers, caption: 'Quantization' } });
		const titleCells = [...html.matchAll(/<td><a href="\/papers\/[^"]+">[\s\S]*?<\/td>/g)].map((m) => m[0]);

		expect(titleCells[0]).toContain('<small>Zirui Liu, Jiayi Yuan, … Xia Hu</small>');
		expect(titleCells[1]).not.toMatch(/<small>/);
	});

	it('draws a badge only for a known star count: "Code" already links the repository', async () => {
		const papers = [atlas.paperById.get('vllm')!, atlas.paperById.get('kivi')!];

		const html = await container.renderToString(PaperTable, { props: { papers, caption: 'Mixed' } });

		expect(html.match(/class="star-badge"/g)).toHaveLength(1);
		expect(html).not.toContain('class="repo-link"');
		expect(html).toContain('<a href="https://github.com/jy-yuan/KIVI">Code</a>');
	});

	it('adds a sortable "Cited by" column only when a paper of the table has a citation count', async () => {
		const counted = buildAtlas({ ...loadCatalogueOrThrow(FIXTURE), citations: { kivi: { citations: 1234 } } }, '/');
		const papers = counted.papersByLeaf.get('quantization')!;

		const without = await container.renderToString(PaperTable, { props: { papers: atlas.papersByLeaf.get('quantization')!, caption: 'Quantization' } });
		const html = await container.renderToString(PaperTable, { props: { papers, caption: 'Quantization' } });
		const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => m[1]!);
		const cells = rows.map((row) => /<td data-value="(-?\d+)">((?:(?!<td)[\s\S])*?)<\/td>\s*$/.exec(row)!.slice(1));

		expect(without).not.toContain('Cited by');
		expect(html).toMatch(/<th scope="col" data-sort="num" data-dir="descending">Cited by<\/th>/);
		expect(cells).toEqual(papers.map((p) => (p.id === 'kivi' ? ['1234', '1,234'] : ['-1', '<span class="none">—</span>'])));
	});

	it('says when code is unofficial and shows a dash where a link is missing', async () => {
		const papers = [atlas.paperById.get('markup-title')!];

		const html = await container.renderToString(PaperTable, { props: { papers, caption: 'Quantization' } });

		expect(html).toContain('Code (unofficial)');
		expect(html).not.toContain('class="star-badge"');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt;');
	});
});
