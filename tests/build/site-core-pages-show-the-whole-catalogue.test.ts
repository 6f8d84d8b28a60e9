/**
 * The reading pages of the built site, parsed from dist/: a page for every paper and taxonomy
 * node, leaf tables that list exactly their papers, counts that add up, star badges, BibTeX,
 * JSON-LD and citation meta, Pagefind attributes on paper pages only, and data shown as text.
 * Built twice: the fixture under BASE_PATH, and the real catalogue (data/) when present.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { bibtexEntry, citationKeys } from '../../src/site/bibtex.ts';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { buildAtlas, type Atlas } from '../../src/catalogue/queries.ts';
import { FIXTURE, ROOT } from '../helpers/catalogue.ts';
import { attr, buildSite, filesUnder, readPage, textOf, type Built, type Page } from './links-dist-reader.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const DATA = path.join(ROOT, 'data');
const configs = [{ label: 'fixture', dir: FIXTURE, base: BASE }];
if (existsSync(path.join(DATA, 'taxonomy.yaml'))) configs.push({ label: 'data', dir: DATA, base: '/' });

const builds = new Map<string, { built: Built; atlas: Atlas; pages: Map<string, Page> }>();

beforeAll(async () => {
	const done = await Promise.all(configs.map((c) => buildSite(c.dir, c.base, `site-core ${c.label}`)));
	configs.forEach((c, i) => {
		const built = done[i]!;
		const pages = new Map(filesUnder(built.dist).filter((f) => f.endsWith('.html')).map((f) => [f, readPage(built, f)] as const));
		builds.set(c.label, { built, atlas: buildAtlas(loadCatalogueOrThrow(c.dir), c.base), pages });
	});
}, 600_000);
afterAll(() => {
	for (const b of builds.values()) rmSync(b.built.tmp, { recursive: true, force: true });
});

const all = (page: Page, test: (el: T.Element) => boolean) => page.elements.filter(test);
const byClass = (page: Page, cls: string) => all(page, (el) => (attr(el, 'class') ?? '').split(/\s+/).includes(cls));
const one = (page: Page, test: (el: T.Element) => boolean) => {
	const found = all(page, test);
	expect(found).toHaveLength(1);
	return found[0]!;
};
/** The built page of a site-relative URL (base included). */
const pageAt = (b: { built: Built; pages: Map<string, Page> }, url: string): Page => {
	const file = `${url.slice(b.built.base.length)}index.html`;
	const page = b.pages.get(file);
	if (!page) throw new Error(`no page for ${url} (${file})`);
	return page;
};

describe.each(configs)('the reading pages built from the $label', ({ label }) => {
	const b = () => builds.get(label)!;

	it('give every paper and every taxonomy node its own page', () => {
		const { atlas } = b();

		for (const p of atlas.papers) expect(textOf(one(pageAt(b(), p.url), (el) => el.tagName === 'h1'))).toBe(p.title);
		for (const n of atlas.tree.nodes) expect(textOf(one(pageAt(b(), atlas.nodeUrl(n)), (el) => el.tagName === 'h1'))).toBe(n.title);
	});

	it('list exactly the papers of each leaf in its table, newest first, with venue and paper links', () => {
		const { atlas } = b();

		for (const leaf of atlas.tree.leaves) {
			const page = pageAt(b(), atlas.nodeUrl(leaf));
			const papers = atlas.papersByLeaf.get(leaf.slug)!;
			// The paper table only: the Datasets and Benchmarks leaf has its benchmark tables above it.
			const rows = all(page, (el) => el.tagName === 'tr' && el.parentNode?.nodeName === 'tbody' && (attr(el.parentNode.parentNode as T.Element, 'class') ?? '').includes('paper-table'));
			const titleLinks = rows.map((tr) => attr((tr.childNodes.filter((c) => 'tagName' in c)[1] as T.Element).childNodes.find((c) => 'tagName' in c && c.tagName === 'a') as T.Element, 'href'));

			expect(titleLinks, leaf.slug).toEqual(papers.map((p) => p.url));
			for (const [i, tr] of rows.entries()) {
				const cells = tr.childNodes.filter((c): c is T.Element => 'tagName' in c);
				expect(textOf(cells[0]!)).toBe(String(papers[i]!.year));
				expect(textOf(cells[2]!)).toBe(papers[i]!.venue);
			}
		}
	});

	it('show counts that add up at every node of the tree on the home page and on each node page', () => {
		const { atlas } = b();
		const home = pageAt(b(), atlas.base);
		const counts = byClass(home, 'tree-count').map((el) => Number.parseInt(textOf(el), 10));

		expect(counts).toEqual(atlas.tree.nodes.map((n) => atlas.countBySlug.get(n.slug)));
		for (const n of atlas.tree.nodes) {
			const count = atlas.countBySlug.get(n.slug)!;
			const benchmarks = atlas.benchmarkCountBySlug.get(n.slug) ?? 0;
			if (n.isLeaf) expect(count).toBe(atlas.papersByLeaf.get(n.slug)!.length + benchmarks);
			else {
				const children = n.children.map((c) => atlas.countBySlug.get(c.slug)!);
				expect(count).toBeGreaterThanOrEqual(Math.max(...children));
				expect(count).toBeLessThanOrEqual(children.reduce((x, y) => x + y, 0));
			}
			const papers = count - benchmarks;
			const said = benchmarks ? `${benchmarks} benchmarks${papers ? ` and ${papers} ${papers === 1 ? 'paper' : 'papers'}` : ''}` : `${count} ${count === 1 ? 'paper' : 'papers'}`;
			expect(pageAt(b(), atlas.nodeUrl(n)).html).toContain(said);
		}
		const top = atlas.tree.roots.map((r) => atlas.countBySlug.get(r.slug)!);
		expect(top.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(atlas.papers.length);
	});

	it('give each paper page its BibTeX, JSON-LD and citation meta tags', () => {
		const { atlas } = b();
		const keys = citationKeys(atlas.papers);

		for (const p of atlas.papers) {
			const page = pageAt(b(), p.url);
			const pre = one(page, (el) => el.tagName === 'pre');
			const ld = JSON.parse(textOf(one(page, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')));
			const meta = (name: string) => all(page, (el) => el.tagName === 'meta' && attr(el, 'name') === name).map((el) => attr(el, 'content'));

			expect(textOf(pre)).toBe(bibtexEntry(p, keys.get(p.id)));
			expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', headline: p.title, datePublished: p.date ?? String(p.year) });
			expect(ld.author ?? []).toEqual((p.authors ?? []).map((name) => ({ '@type': 'Person', name })));
			expect(meta('citation_title')).toEqual([p.title]);
			expect(meta('citation_publication_date')).toEqual([String(p.year)]);
			expect(meta('citation_author')).toEqual(p.authors ?? []);
			expect(meta('citation_date')).toEqual(p.date ? [p.date.replace(/-/g, '/')] : []);
			expect(meta('citation_doi')).toEqual(p.doi ? [p.doi] : []);
		}
	});

	it('put one Pagefind record on each paper page and each benchmark page, and none anywhere else', () => {
		const { atlas, pages } = b();
		const paperFiles = new Set([...atlas.papers, ...atlas.benchmarks].map((p) => `${p.url.slice(b().built.base.length)}index.html`));

		for (const [file, page] of pages) {
			const bodies = all(page, (el) => el.attrs.some((a) => a.name === 'data-pagefind-body'));
			expect(bodies.length, file).toBe(paperFiles.has(file) ? 1 : 0);
		}
		for (const p of atlas.papers) {
			const article = one(pageAt(b(), p.url), (el) => el.attrs.some((a) => a.name === 'data-pagefind-body'));
			expect(attr(article, 'data-pagefind-sort')).toBe('year[data-year], stars[data-stars], citations[data-citations]');
			expect(attr(article, 'data-stars')).toBe(String(p.stars ?? 0));
			expect(attr(article, 'data-code')).toBe(p.code ? 'yes' : 'no');
			expect(attr(article, 'data-pagefind-filter')).toMatch(/^type\[data-type\], venue\[data-venue\], year\[data-year\], code\[data-code\], source\[data-source\], category\[data-c0\]/);
			expect(attr(article, 'data-type')).toBe('Paper');
			for (const alias of p.aliases ?? []) expect(textOf(article)).toContain(alias);
		}
	});

	it('show the search page\'s first results with the category labels of the Pagefind records the script renders later', () => {
		const { atlas } = b();
		const search = pageAt(b(), `${atlas.base}search/`);
		const titles = byClass(search, 'search-result-title');
		const categories = byClass(search, 'search-result-categories');

		expect(titles.length).toBeGreaterThan(0);
		expect(categories).toHaveLength(titles.length);
		titles.forEach((title, i) => {
			const link = title.childNodes.find((n): n is T.Element => 'tagName' in n && n.tagName === 'a')!;
			const paper = [...atlas.papers, ...atlas.benchmarks].find((p) => p.url === attr(link, 'href'))!;
			const record = one(pageAt(b(), paper.url), (el) => el.attrs.some((a) => a.name === 'data-pagefind-body'));

			// A benchmark's result reads "Benchmark · text", its record's data-kind.
			expect(textOf(categories[i]!), paper.id).toBe(attr(record, 'data-kind') ?? attr(record, 'data-categories') ?? attr(record, 'data-c0'));
		});
	});

	it('leave the site\'s own pages to them: the taxonomy catch-all route takes no fixed path', () => {
		const { atlas, pages } = b();
		const nodeFiles = new Set(atlas.tree.nodes.map((n) => `${atlas.nodeUrl(n).slice(b().built.base.length)}index.html`));

		for (const file of ['index.html', 'stats/index.html', 'venues/index.html', 'search/index.html', 'about/index.html', 'cite/index.html', 'contributing/index.html']) {
			expect(pages.has(file), file).toBe(true);
			expect(nodeFiles.has(file), file).toBe(false);
			expect(byClass(pages.get(file)!, 'paper-table'), file).toEqual([]);
		}
	});

	it('name the repository of every GitHub code link, with a star badge when the snapshot has a count and never an empty one', () => {
		const { atlas, pages } = b();

		for (const p of atlas.papers.filter((x) => x.repo)) {
			const page = pageAt(b(), p.url);
			const code = one(page, (el) => el.tagName === 'span' && attr(el, 'class') === 'paper-code');
			const links = all(page, (el) => el.tagName === 'a' && el.parentNode === code);
			expect(links.map((a) => [textOf(a), attr(a, 'href')])[0]).toEqual([p.repo, p.code]);
			const badges = links.filter((a) => attr(a, 'class') === 'star-badge');
			if (p.stars === null) expect(badges, p.id).toEqual([]);
			else {
				// Named by what it shows first (WCAG 2.5.3), then the count in full.
				const label = attr(badges[0]!, 'aria-label') ?? '';
				expect(attr(badges[0]!, 'href')).toBe(`https://github.com/${p.repo}`);
				expect(label.startsWith(`${textOf(badges[0]!)} GitHub ${p.stars === 1 ? 'star' : 'stars'}`), label).toBe(true);
				expect(label).toContain(p.stars.toLocaleString('en-US'));
			}
		}
		for (const [file, page] of pages) {
			for (const badge of byClass(page, 'star-badge')) expect(textOf(badge), file).toMatch(/^\d+(?:\.\d)?[kMB]?$/);
			for (const link of byClass(page, 'repo-link')) expect(attr(link, 'aria-label'), file).toBe(`${textOf(link)} on GitHub`);
		}
	});
});

describe('the fixture site', () => {
	const b = () => builds.get('fixture')!;

	it('shows a paper\'s authors, first version, published version, arXiv link and DOI on its page', () => {
		const page = pageAt(b(), `${BASE}papers/vllm/`);
		const authors = one(page, (el) => attr(el, 'class') === 'authors');
		const time = one(page, (el) => el.tagName === 'time' && attr(el, 'datetime') === '2023-09-12');
		const link = (text: string) => one(page, (el) => el.tagName === 'a' && textOf(el) === text);

		expect(textOf(authors)).toBe(`Authors: ${b().atlas.paperById.get('vllm')!.authors!.join(', ')}`);
		expect(attr(authors, 'data-pagefind-weight')).toBeDefined();
		expect(all(page, (el) => el.tagName === 'details' && el.parentNode === authors)).toEqual([]);
		expect(textOf(time)).toBe('12 September 2023');
		expect(attr(link('arXiv 2309.06180'), 'href')).toBe('https://arxiv.org/pdf/2309.06180');
		expect(attr(link('Published version'), 'href')).toBe('https://dl.acm.org/doi/10.1145/3600006.3613165');
		expect(attr(link('10.1145/3600006.3613165'), 'href')).toBe('https://doi.org/10.1145/3600006.3613165');
	});

	it('names the authors in short in tables, related papers and the search page\'s results', () => {
		const leaf = pageAt(b(), `${BASE}token-level/quantization/`);
		const related = pageAt(b(), `${BASE}papers/h2o/`);
		const search = pageAt(b(), `${BASE}search/`);
		const kivi = 'Zirui Liu, Jiayi Yuan, … Xia Hu';

		expect(all(leaf, (el) => el.tagName === 'small').map(textOf)).toContain(kivi);
		expect(byClass(related, 'paper-list').flatMap((ul) => all(related, (el) => el.tagName === 'p' && (el.parentNode as T.Element | null)?.parentNode === ul)).map(textOf)).toContain('Woosuk Kwon, Zhuohan Li, … Ion Stoica');
		expect(byClass(search, 'search-result-authors').map(textOf)).toContain(kivi);
		expect(attr(one(pageAt(b(), `${BASE}papers/kivi/`), (el) => el.attrs.some((a) => a.name === 'data-pagefind-body')), 'data-authors')).toBe(kivi);
	});

	it('formats star counts compactly and dates them', () => {
		const page = pageAt(b(), `${BASE}papers/snapkv/`);
		const badge = byClass(page, 'star-badge')[0]!;

		expect(textOf(badge)).toBe('1.2k');
		expect(attr(badge, 'aria-label')).toBe('1.2k GitHub stars (1,234)');
		expect(attr(badge, 'title')).toBe('1,234 GitHub stars for FasterDecoding/SnapKV on 2026-11-01');
	});

	it('shows markup in a title as text on its page, in its table, on the home page and in its JSON-LD', () => {
		const title = '<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches';
		const paper = pageAt(b(), `${BASE}papers/markup-title/`);
		const leaf = pageAt(b(), `${BASE}token-level/quantization/`);
		const home = pageAt(b(), BASE);

		for (const page of [paper, leaf, home]) {
			// Attribute values may hold "<" harmlessly; what matters is that no element comes of it.
			expect(all(page, (el) => el.tagName === 'script' && attr(el, 'type') !== 'application/ld+json' && textOf(el).includes('alert(1)'))).toEqual([]);
			expect(all(page, (el) => el.tagName === 'b')).toEqual([]);
		}
		for (const page of [leaf, home]) expect(all(page, (el) => el.tagName === 'a' && textOf(el) === title)).toHaveLength(1);
		expect(textOf(one(paper, (el) => el.tagName === 'h1'))).toBe(title);
		const ld = one(paper, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json');
		expect(textOf(ld)).not.toMatch(/[<>]/);
		expect(JSON.parse(textOf(ld)).headline).toBe(title);
	});

	it('renders a description as a safe markdown subset', () => {
		const page = pageAt(b(), `${BASE}token-level/`);

		expect(page.html).toContain('Methods that choose, merge or compress <strong>tokens</strong> of the KV cache.');
	});

	it('links venues, categories and the edit page under the base path', () => {
		const page = pageAt(b(), `${BASE}papers/vllm/`);
		const hrefs = all(page, (el) => el.tagName === 'a').map((el) => attr(el, 'href'));

		expect(hrefs).toContain(`${BASE}venues/sosp/`);
		expect(hrefs).toContain(`${BASE}token-level/selection/dynamic-selection/`);
		expect(hrefs).toContain(`${BASE}system-level/memory-management/`);
		expect(hrefs).toContain('https://github.com/example/fixture-list/edit/main/data/papers/vllm.yaml');
		expect(hrefs).toContain('https://arxiv.org/pdf/2309.06180');
	});

	it('loads no resource from another origin', () => {
		for (const page of b().pages.values()) {
			for (const el of page.elements) {
				const src = el.tagName === 'link' && /stylesheet|icon|preload/.test(attr(el, 'rel') ?? '') ? attr(el, 'href') : attr(el, 'src');
				if (src) expect(src, page.file).not.toMatch(/^(?:https?:)?\/\//);
			}
		}
	});
});
