/**
 * Benchmarks in the built site, parsed from dist/ of the catalogue with benchmarks under a base
 * path: the Datasets and Benchmarks page as one table per modality with working filters and sort
 * keys, a page per benchmark (facts, links, survey mention, methods with sources, BibTeX,
 * citation_* tags, JSON-LD Dataset), paper pages that link their benchmarks, the node's count on
 * the home page, papers.json, papers.bib, the search BibTeX and the Pagefind records.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { buildAtlas } from '../../src/catalogue/queries.ts';
import { ROOT } from '../helpers/catalogue.ts';
import { attr, buildSite, filesUnder, readPage, textOf, type Built, type Page } from './links-dist-reader.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const CATALOGUE = path.join(ROOT, 'tests/fixtures/catalogue-with-benchmarks');
const atlas = buildAtlas(loadCatalogueOrThrow(CATALOGUE), BASE);
let built: Built;
let pages: Map<string, Page>;

beforeAll(async () => {
	built = await buildSite(CATALOGUE, BASE, 'benchmarks');
	pages = new Map(filesUnder(built.dist).filter((f) => f.endsWith('.html')).map((f) => [f, readPage(built, f)] as const));
}, 600_000);
afterAll(() => rmSync(built.tmp, { recursive: true, force: true }));

const page = (file: string) => pages.get(file) ?? (() => { throw new Error(`no page ${file}`); })();
const all = (p: Page, test: (el: T.Element) => boolean) => p.elements.filter(test);
const hasClass = (el: T.Element, cls: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(cls);
const text = (el: T.Element) => textOf(el).replace(/\s+/g, ' ').trim();
const metas = (p: Page, name: string) => all(p, (el) => el.tagName === 'meta' && attr(el, 'name') === name).map((el) => attr(el, 'content'));
const read = (rel: string) => readFileSync(path.join(built.dist, rel), 'utf8');
/** The element `n` levels above `el` (1: its parent). */
const up = (el: T.Element, n: number): T.ParentNode | null => {
	let node: T.ParentNode | null = el.parentNode;
	for (let i = 1; i < n && node && 'parentNode' in node; i++) node = (node as T.Element).parentNode;
	return node;
};

describe('the Datasets and Benchmarks page', () => {
	const node = () => page('datasets-and-benchmarks/index.html');
	const tables = () => all(node(), (el) => el.tagName === 'table' && hasClass(el, 'benchmark-table'));
	const rowsOf = (table: T.Element) => all(node(), (el) => el.tagName === 'tr' && el.parentNode === table.childNodes.find((c) => 'tagName' in c && c.tagName === 'tbody'));

	it('holds the section itself instead of the list\'s pointer to the paper, which stays in the data for the README', () => {
		expect(atlas.tree.bySlug.get('datasets-and-benchmarks')!.description).toContain('Please refer to our paper');
		expect(read('datasets-and-benchmarks/index.html')).not.toContain('Please refer to our paper');
	});

	it('shows one sortable table per modality, each benchmark once, linked to its page, in name order', () => {
		const [textTable, mmTable] = tables();
		const names = (t: T.Element) => rowsOf(t).map((r) => text(all(node(), (el) => el.tagName === 'a' && up(el, 2) === r)[0]!));

		expect(tables()).toHaveLength(2);
		expect(attr(textTable!, 'data-sortable')).toBe('');
		expect(names(textTable!)).toEqual(['LongBench', 'longctx_bench', 'Needle-in-a-Haystack', 'RULER', 'StreamingEval']);
		expect(names(mmTable!)).toEqual(['Video-MME']);
		const links = all(node(), (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith(`${BASE}benchmarks/`)).map((a) => attr(a, 'href'));
		expect(new Set(links)).toEqual(new Set(atlas.benchmarks.map((b) => b.url)));
	});

	it('heads the columns the issue asks for, and gives lengths a sort key by unit, then size', () => {
		const headers = all(node(), (el) => el.tagName === 'th' && up(el, 3) === tables()[0]).map(text);
		const lengthKeys = new Map(rowsOf(tables()[0]!).map((r) => {
			const cells = r.childNodes.filter((c): c is T.Element => 'tagName' in c && c.tagName === 'td');
			return [text(cells[0]!), Number(attr(cells[5]!, 'data-value'))] as const;
		}));

		expect(headers).toEqual(['Name', 'Year', 'Venue', 'Tasks', 'Languages', 'Context length', 'In the survey', 'Links']);
		expect(lengthKeys.get('RULER')).toBeGreaterThan(lengthKeys.get('LongBench')!);
		expect(lengthKeys.get('Needle-in-a-Haystack')).toBeGreaterThan(lengthKeys.get('RULER')!);
		expect(lengthKeys.get('StreamingEval')).toBe(-1);
	});

	it('says how sure each survey mention is, and filters by modality with links to sections that exist', () => {
		const filter = all(node(), (el) => el.tagName === 'nav' && hasClass(el, 'benchmark-filter'))[0]!;
		const targets = all(node(), (el) => el.tagName === 'a' && el.parentNode === filter).map((a) => attr(a, 'href')!.slice(1));

		expect(targets).toEqual(['benchmarks', 'text-benchmarks', 'multimodal-benchmarks']);
		for (const id of targets) expect(node().ids.has(id), id).toBe(true);
		expect(node().html).toContain('Yes <small>own words</small>');
		expect(node().html).toContain('No <small>reading notes</small>');
	});

	it('lists the papers filed under the node as evaluation studies, and counts both in its heading', () => {
		const studies = all(node(), (el) => el.tagName === 'table' && hasClass(el, 'paper-table'));

		expect(studies).toHaveLength(1);
		expect(text(studies[0]!)).toContain('KV Cache Compression, But What Must We Give in Return?');
		expect(node().html).toContain('6 benchmarks and 1 paper');
	});
});

describe('a benchmark page', () => {
	it('gives its facts, links, survey mention, sources and unconfirmed fields', () => {
		const ruler = page('benchmarks/ruler/index.html');

		expect(text(all(ruler, (el) => el.tagName === 'h1')[0]!)).toBe('RULER');
		expect(text(all(ruler, (el) => el.tagName === 'dl')[0]!)).toContain('configurable, 4K–128K tokens');
		expect(ruler.html).toContain('Named in the survey, according to reading notes of it (medium confidence).');
		expect(ruler.html).toContain('No source confirmed: languages.');
		expect(all(ruler, (el) => el.tagName === 'a' && attr(el, 'href') === 'https://github.com/NVIDIA/RULER')).toHaveLength(1);
	});

	it('lists the methods of the catalogue that report on it, each with its source', () => {
		const longbench = page('benchmarks/longbench/index.html');
		const users = all(longbench, (el) => el.tagName === 'ul' && hasClass(el, 'benchmark-users'))[0]!;
		const links = all(longbench, (el) => el.tagName === 'a' && up(el, 2) === users).map((a) => attr(a, 'href'));

		// Newest first, then by title, as every paper list.
		expect(links).toEqual([`${BASE}papers/kivi/`, 'https://ri.k117.org/papers/kivi_a_tuningfree_asymmetric_2bit_quantization_for_kv_cache__c6d4fd4d', `${BASE}papers/snapkv/`, 'https://ri.k117.org/papers/snapkv_llm_knows_what_you_are_looking_for_before_generation__168d95cb']);
		expect(page('benchmarks/ruler/index.html').html).toContain('No paper of the catalogue names it yet.');
	});

	it('carries citation_* tags, a JSON-LD Dataset and its BibTeX; one without a paper cites its repository, one with a study its paper', () => {
		const longbench = page('benchmarks/longbench/index.html');
		const niah = page('benchmarks/needle-in-a-haystack/index.html');
		const longctx = page('benchmarks/longctx-bench/index.html');
		const ld = JSON.parse(textOf(all(longbench, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')[0]!));

		expect(metas(longbench, 'citation_title')).toEqual(['LongBench: A Bilingual, Multitask Benchmark for Long Context Understanding']);
		expect(metas(longbench, 'citation_author')).toEqual(['Yushi Bai', 'Xin Lv', 'Jiajie Zhang']);
		expect(metas(longbench, 'citation_arxiv_id')).toEqual(['2308.14508']);
		expect(ld).toMatchObject({ '@type': 'Dataset', name: 'LongBench', alternateName: 'LongBench: A Bilingual, Multitask Benchmark for Long Context Understanding', url: `https://atlas.test${BASE}benchmarks/longbench/`, inLanguage: ['English', 'Chinese'] });
		expect(ld.creator).toHaveLength(3);
		expect(textOf(all(longbench, (el) => el.tagName === 'pre')[0]!)).toMatch(/^@inproceedings\{bai2024longbench,[\s\S]*author\s+= \{Yushi Bai and Xin Lv and Jiajie Zhang and others\}/);
		expect(textOf(all(niah, (el) => el.tagName === 'pre')[0]!)).toMatch(/^@misc\{kamradt2023needleinahaystack,[\s\S]*howpublished = \{GitHub repository\}[\s\S]*url\s+= \{https:\/\/github\.com\/gkamradt\/LLMTest_NeedleInAHaystack\}/);
		expect(textOf(all(longctx, (el) => el.tagName === 'pre')[0]!)).toMatch(/^@inproceedings\{yuan2024kv,/);
		expect(longctx.html).toContain(`Described in the catalogue paper <a href="${BASE}papers/longctx-study/">`);
	});

	it('leaves out BibTeX and citation tags for a benchmark whose paper is unknown, and says so in its facts', () => {
		const streaming = page('benchmarks/streamingeval/index.html');

		expect(metas(streaming, 'citation_title')).toEqual([]);
		expect(all(streaming, (el) => el.tagName === 'pre')).toEqual([]);
		expect(streaming.html).toContain('No source page found.');
	});

	it('is one Pagefind record with the Benchmark type, and the index counts papers and benchmarks', () => {
		const article = all(page('benchmarks/video-mme/index.html'), (el) => el.tagName === 'article')[0]!;

		expect(attr(article, 'data-pagefind-body')).toBe('');
		expect(attr(article, 'data-type')).toBe('Benchmark');
		expect(attr(article, 'data-kind')).toBe('Benchmark · multimodal');
		const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
		expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(atlas.papers.length + atlas.benchmarks.length);
	});
});

describe('the rest of the site', () => {
	it('links a paper page to the benchmarks it reports on, with the source of each, and a study to its benchmark', () => {
		const snapkv = page('papers/snapkv/index.html');
		const line = all(snapkv, (el) => el.tagName === 'p' && hasClass(el, 'paper-benchmarks'))[0]!;

		expect(text(line)).toBe('Reports results on Needle-in-a-Haystack (source) and LongBench (source).');
		expect(all(snapkv, (el) => el.tagName === 'a' && el.parentNode === line).map((a) => attr(a, 'href'))).toEqual([
			`${BASE}benchmarks/needle-in-a-haystack/`,
			'https://nips.cc/virtual/2024/poster/93531',
			`${BASE}benchmarks/longbench/`,
			'https://ri.k117.org/papers/snapkv_llm_knows_what_you_are_looking_for_before_generation__168d95cb',
		]);
		expect(page('papers/longctx-study/index.html').html).toContain(`This paper describes the benchmark <a href="${BASE}benchmarks/longctx-bench/">longctx_bench</a>.`);
		expect(page('papers/h2o/index.html').html).not.toContain('benchmarks-heading');
	});

	it('counts the benchmarks and the evaluation papers at the node on the home page and the stats page', () => {
		const home = page('index.html');
		const link = all(home, (el) => el.tagName === 'a' && attr(el, 'href') === `${BASE}datasets-and-benchmarks/`)[0]!;
		const count = link.parentNode!.childNodes.find((c): c is T.Element => 'tagName' in c && hasClass(c, 'tree-count'))!;

		expect(text(count)).toBe('7');
		expect(page('stats/index.html').html).toContain('counts its 6 benchmarks with its papers');
	});

	it('serves papers.json with the benchmarks array and each paper\'s benchmark ids', () => {
		const api = JSON.parse(read('papers.json')) as { papers: Array<{ id: string; benchmarks: string[] }>; benchmarks: Array<Record<string, unknown>> };

		expect(api.papers.find((p) => p.id === 'snapkv')!.benchmarks).toEqual(['needle-in-a-haystack', 'longbench']);
		expect(api.papers.find((p) => p.id === 'h2o')!.benchmarks).toEqual([]);
		expect(api.benchmarks.map((b) => b.id)).toEqual(atlas.benchmarks.map((b) => b.id));
		for (const b of api.benchmarks) expect(Object.keys(b)).toEqual(['id', 'name', 'title', 'year', 'venue', 'modality', 'tasks', 'languages', 'languageCount', 'lengths', 'links', 'url', 'study', 'inSurvey', 'inSurveyConfidence']);
		expect(api.benchmarks.find((b) => b.id === 'ruler')).toEqual({
			id: 'ruler',
			name: 'RULER',
			title: "RULER: What's the Real Context Size of Your Long-Context Language Models?",
			year: 2024,
			venue: 'COLM',
			modality: 'text',
			tasks: ['retrieval', 'aggregation', 'question-answering', 'reasoning'],
			languages: ['English'],
			languageCount: 1,
			lengths: { unit: 'tokens', min: 4000, typical: null, max: 128000, configurable: true, note: 'the length is a parameter; the paper evaluates 4K to 128K tokens, later uses go past 1M' },
			links: { paper: 'https://arxiv.org/abs/2404.06654', arxiv: '2404.06654', doi: null, code: 'https://github.com/NVIDIA/RULER', data: null },
			url: `${BASE}benchmarks/ruler/`,
			study: null,
			inSurvey: true,
			inSurveyConfidence: 'medium',
		});
		expect(api.benchmarks.find((b) => b.id === 'longctx-bench')).toMatchObject({ study: 'longctx-study', inSurvey: false });
	});

	it('writes each benchmark with an entry of its own into papers.bib and the search BibTeX, under keys no paper has', () => {
		const bib = read('papers.bib');
		const search = JSON.parse(read('search/bibtex.json')) as Record<string, string>;
		const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]!);

		// Every benchmark but StreamingEval (no year: no paper known) and longctx_bench (cited by its study's entry).
		expect(bib).toContain('6 papers on KV cache management for LLM acceleration and 4 benchmarks.');
		expect(keys).toHaveLength(6 + 4);
		expect(new Set(keys).size).toBe(keys.length);
		expect(bib).toContain('@inproceedings{bai2024longbench,');
		expect(Object.keys(search).filter((k) => k.startsWith('benchmarks/')).sort()).toEqual(['benchmarks/longbench', 'benchmarks/longctx-bench', 'benchmarks/needle-in-a-haystack', 'benchmarks/ruler', 'benchmarks/video-mme']);
		expect(search['benchmarks/longctx-bench']).toBe(search['longctx-study']);
	});
});
