/**
 * The pages around the catalogue, read from a real build of the fixture under BASE_PATH: venues
 * and years list exactly their papers, the stats charts are accessible and add up, the feed is
 * newest first, papers.bib holds every paper, and the prose pages and the 404 say what they must.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationKeys } from '../../src/site/bibtex.ts';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { PAPER_KEYS } from '../../src/catalogue/schema.ts';
import { FIXTURE } from '../helpers/catalogue.ts';
import { attr, buildSite, readPage, textOf, type Built, type Page } from './links-dist-reader.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const catalogue = loadCatalogueOrThrow(FIXTURE);
let built: Built;

beforeAll(async () => {
	built = await buildSite(FIXTURE, BASE, 'fixture for site extras');
}, 300_000);
afterAll(() => rmSync(built.tmp, { recursive: true, force: true }));

const page = (file: string): Page => readPage(built, file);
const read = (file: string): string => readFileSync(path.join(built.dist, file), 'utf8');
const all = (p: Page, tag: string) => p.elements.filter((e) => e.tagName === tag);
/** Paper ids linked from the page's <main>, in order. */
const paperLinks = (p: Page): string[] =>
	all(p, 'a')
		.map((a) => attr(a, 'href') ?? '')
		.map((h) => new RegExp(`^${BASE}papers/([^/]+)/$`).exec(h)?.[1])
		.filter((id): id is string => !!id);
const idsWhere = (pred: (p: (typeof catalogue.papers)[number]) => boolean) => catalogue.papers.filter(pred).map((p) => p.id).sort();

describe('the venues pages', () => {
	it('list every venue with papers, with its kind, full name and count, and venues without papers muted and unlinked', () => {
		const p = page('venues/index.html');
		const rows = all(p, 'tr').slice(1).map((tr) => {
			const cells = collect(tr);
			const name = textOf(cells.find((e) => e.tagName === 'a')!);
			const full = textOf(cells.find((e) => attr(e, 'class') === 'full')!).replace(/^\w+( · )?/, '');
			const kind = textOf(cells.find((e) => attr(e, 'class')?.includes('kind-col'))!);
			return [name, full, kind, textOf(cells.find((e) => attr(e, 'class') === 'num')!)];
		});
		const muted = textOf(p.elements.find((e) => attr(e, 'class')?.includes('empty'))!);

		expect(rows).toEqual([
			['NeurIPS', 'Conference on Neural Information Processing Systems', 'Conference', '2'],
			['arXiv', '', 'Preprint', '1'],
			['ICML', 'International Conference on Machine Learning', 'Conference', '1'],
			['SOSP', 'ACM Symposium on Operating Systems Principles', 'Conference', '1'],
		]);
		expect(muted).toContain('TMLR');
		expect(all(p, 'a').some((a) => attr(a, 'href')?.includes('venues/tmlr'))).toBe(false);
	});

	it('give each venue a page whose table lists exactly its papers', () => {
		for (const [slug, name] of [['neurips', 'NeurIPS'], ['sosp', 'SOSP'], ['arxiv', 'arXiv']]) {
			const p = page(`venues/${slug}/index.html`);
			const table = p.elements.find((e) => e.tagName === 'table')!;

			expect(textOf(all(p, 'h1')[0]!)).toBe(name);
			expect([...new Set(paperLinks({ ...p, elements: collect(table) }))].sort()).toEqual(idsWhere((q) => q.venue === name));
		}
	});
});

describe('the years pages', () => {
	it('list the years newest first and give each a page with exactly its papers', () => {
		const years = all(page('years/index.html'), 'a').map((a) => attr(a, 'href')).filter((h) => /years\/\d{4}\/$/.test(h ?? ''));

		expect(years).toEqual([`${BASE}years/2025/`, `${BASE}years/2024/`, `${BASE}years/2023/`]);
		for (const year of [2023, 2024, 2025]) {
			const table = page(`years/${year}/index.html`).elements.find((e) => e.tagName === 'table')!;
			expect([...new Set(paperLinks({ ...page(`years/${year}/index.html`), elements: collect(table) }))].sort()).toEqual(idsWhere((q) => q.year === year));
		}
	});
});

describe('the stats page', () => {
	it('draws three charts as images named by their own title and description', () => {
		const p = page('stats/index.html');
		const svgs = all(p, 'svg').filter((s) => attr(s, 'role') === 'img' && attr(s, 'class') === 'chart');

		expect(svgs).toHaveLength(3);
		for (const svg of svgs) {
			const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
			const title = collect(svg).find((e) => attr(e, 'id') === titleId);
			const desc = collect(svg).find((e) => attr(e, 'id') === descId);
			expect(title?.tagName).toBe('title');
			expect(desc?.tagName).toBe('desc');
			expect(textOf(desc!).length).toBeGreaterThan(10);
		}
	});

	it('gives each chart its numbers as a table, and the tables add up to the catalogue', () => {
		const p = page('stats/index.html');
		const sections = ['years', 'venues', 'categories'].map((id) => p.elements.find((e) => e.tagName === 'section' && attr(e, 'id') === id)!);
		const tables = sections.map((s) => collect(s).find((e) => e.tagName === 'table')!);
		const lastNumbers = (t: ReturnType<typeof collect>[number], part: string) =>
			collect(t).filter((e) => e.tagName === part).flatMap((g) => collect(g).filter((e) => e.tagName === 'tr')).map((tr) => Number(textOf(tr.childNodes.filter((c) => 'tagName' in c).at(-1)!)));

		for (const s of sections) expect(collect(s).some((e) => e.tagName === 'details')).toBe(true);
		expect(lastNumbers(tables[0]!, 'tbody')).toEqual([2, 2, 1]);
		expect(lastNumbers(tables[0]!, 'tfoot')).toEqual([catalogue.papers.length]);
		expect(lastNumbers(tables[1]!, 'tbody').reduce((a, b) => a + b, 0)).toBe(catalogue.papers.length);
		expect(lastNumbers(tables[2]!, 'tbody')).toEqual([1, 2, 2, 1]);
	});
});

describe('the feeds and files', () => {
	it('rss.xml lists every paper newest first, by first version, else added date, else year, with titles as escaped text', () => {
		const xml = read('rss.xml');
		const items = [...xml.matchAll(/<item>[\s\S]*?<link>[^<]*\/papers\/([^/]+)\/<\/link>/g)].map((m) => m[1]);

		expect(items).toEqual(['markup-title', 'snapkv', 'kivi', 'vllm', 'h2o']);
		expect(xml).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt; Claims about KV Caches</title>');
		expect(xml).not.toMatch(/<script|<b>/);
		expect(xml).toContain('<pubDate>Mon, 22 Apr 2024 00:00:00 +0000</pubDate>');
		expect(xml).toContain('<lastBuildDate>Mon, 22 Apr 2024 00:00:00 +0000</lastBuildDate>');
	});

	it('rss.xml names each paper\'s authors in order as Dublin Core creators', () => {
		const xml = read('rss.xml');
		const creators = (id: string) => [...xml.split('<item>').find((i) => i.includes(`/papers/${id}/<`))!.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1]);

		expect(xml).toMatch(/<rss [^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
		for (const p of catalogue.papers) expect(creators(p.id), p.id).toEqual((p.authors ?? []).map((a) => a.replace(/&/g, '&amp;').replace(/</g, '&lt;')));
		expect(creators('h2o')).toContain('Christopher Ré');
		expect(xml).not.toMatch(/<author>/);
	});

	it('papers.bib holds one entry per paper under its citation key', () => {
		const bib = read('papers.bib');
		const keys = [...bib.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => m[2]);

		expect(keys.sort()).toEqual([...citationKeys(catalogue.papers).values()].sort());
		expect(bib).toContain('@inproceedings');
		expect(bib).toContain('@misc');
	});

	it('robots.txt allows crawling and names the sitemap under the base', () => {
		expect(read('robots.txt')).toMatch(new RegExp(`^User-agent: \\*\\nAllow: /\\n\\nSitemap: https://atlas\\.test${BASE}sitemap-index\\.xml\\n$`));
	});
});

describe('the 404 page', () => {
	it('is kept out of search engines and offers a search form, the home page and every top-level group', () => {
		const p = page('404.html');
		const form = all(p, 'form').find((f) => collect(f).some((e) => attr(e, 'id') === 'not-found-q'))!;
		const hrefs = all(p, 'a').map((a) => attr(a, 'href'));

		expect(all(p, 'meta').some((m) => attr(m, 'name') === 'robots' && attr(m, 'content') === 'noindex')).toBe(true);
		expect(attr(form, 'action')).toBe(`${BASE}search/`);
		expect(collect(form).find((e) => e.tagName === 'input' && attr(e, 'name') === 'q')).toBeDefined();
		expect(hrefs).toEqual(expect.arrayContaining([BASE, `${BASE}token-level/`, `${BASE}system-level/`, `${BASE}venues/`]));
	});
});

describe('the prose pages', () => {
	const prose = ['about', 'cite', 'contributing', 'datasets-and-benchmarks-guide'];

	it('use the site layout: header navigation, one h1, a canonical URL and a footer', () => {
		for (const name of prose) {
			const p = page(`${name}/index.html`);

			expect(all(p, 'h1'), name).toHaveLength(1);
			expect(all(p, 'nav').some((n) => attr(n, 'aria-label') === 'Main'), name).toBe(true);
			expect(all(p, 'footer'), name).toHaveLength(1);
			expect(all(p, 'link').find((l) => attr(l, 'rel') === 'canonical') && true, name).toBe(true);
		}
	});

	it('about names the survey, its ten authors, the arXiv paper, TMLR and the three levels of the taxonomy', () => {
		const text = textOf(all(page('about/index.html'), 'main')[0]!);
		const authors = ['Haoyang Li', 'Yiming Li', 'Anxin Tian', 'Tianhao Tang', 'Zhanchao Xu', 'Xuejia Chen', 'Nicole Hu', 'Wei Dong', 'Qing Li', 'Lei Chen'];

		expect(text).toContain('A Survey on Large Language Model Acceleration based on KV Cache Management');
		for (const a of authors) expect(text).toContain(a);
		for (const level of ['Token-level', 'Model-level', 'System-level']) expect(text).toContain(level);
		for (const school of ['PolyU', 'HKUST', 'CUHK', 'HUST', 'NTU']) expect(text).toContain(school);
		expect(text).toContain('TMLR');
		expect(all(page('about/index.html'), 'a').map((a) => attr(a, 'href'))).toContain('https://arxiv.org/abs/2412.19442');
	});

	it('cite shows the survey BibTeX highlighted with a copy button and links to papers.bib', () => {
		const p = page('cite/index.html');
		const block = p.elements.find((e) => attr(e, 'id') === 'survey-bibtex')!;

		expect(textOf(block)).toMatch(/^@article\{li2025survey,[\s\S]*2412\.19442[\s\S]*\}$/);
		expect(collect(block).some((e) => /\btk-/.test(attr(e, 'class') ?? ''))).toBe(true);
		expect(p.elements.find((e) => e.tagName === 'button' && attr(e, 'data-copy') === 'survey-bibtex')).toBeDefined();
		expect(all(p, 'a').map((a) => attr(a, 'href'))).toContain(`${BASE}papers.bib`);
	});

	it('contributing shows a paper file with every field and the commands', () => {
		const text = textOf(all(page('contributing/index.html'), 'main')[0]!);

		for (const key of PAPER_KEYS) expect(text).toContain(`${key}:`);
		for (const command of ['npm run new', 'npm run validate', 'npm test']) expect(text).toContain(command);
	});

	it('datasets and benchmarks points to the survey and names the benchmarks modestly', () => {
		const p = page('datasets-and-benchmarks-guide/index.html');

		expect(all(p, 'a').map((a) => attr(a, 'href'))).toContain('https://arxiv.org/abs/2412.19442');
		for (const name of ['LongBench', 'Needle-in-a-Haystack', 'RULER', 'InfiniteBench']) expect(textOf(all(p, 'main')[0]!)).toContain(name);
	});
});

/** Every element inside `root`, depth first. */
function collect(root: Page['elements'][number]): Page['elements'] {
	const out: Page['elements'] = [];
	const walk = (n: Page['elements'][number]) => {
		for (const c of n.childNodes) if ('tagName' in c) (out.push(c), walk(c));
	};
	walk(root);
	return out;
}
