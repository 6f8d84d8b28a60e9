/**
 * A category with hundreds of papers (a synthetic catalogue over the fixture's taxonomy, built
 * with the real pipeline) becomes a chain of small pages: page 1 at the category's path, page n at
 * <path>/page/<n>/, linked by rel="prev"/"next" and a page nav; following the chain reaches every
 * paper of the category exactly once, and every page stays within the 60 KB category budget.
 * Venue and year lists are split the same way.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../scripts/lib/synthetic.ts';
import { PAPERS_PER_PAGE } from '../../src/site/pagination.ts';
import { decodeSearchState } from '../../src/search/state.ts';
import { buildDir } from '../helpers/build-dir.ts';
import { FIXTURE, runScript } from '../helpers/catalogue.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
interface TaxonomyEntry {
	slug: string;
	url: string;
	children: TaxonomyEntry[];
}

let out = '';
let dist = '';
let api: { taxonomy: TaxonomyEntry[]; papers: Array<{ id: string; url: string; categories: string[]; year: number }> };

beforeAll(() => {
	out = buildDir('atlas-pages-');
	const catalogue = path.join(out, 'catalogue');
	writeSyntheticCatalogue({ papers: 400, source: FIXTURE, out: catalogue, seed: 7 });
	dist = path.join(out, 'dist');
	const run = runScript('build', [], { CATALOGUE_DIR: catalogue, DIST_DIR: dist });
	if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
	api = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node as Element;
	const kids = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
	for (const c of kids) yield* elements(c);
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const fileOf = (url: string) => path.join(dist, url, 'index.html');

/** A built page: its elements, the papers its table links to, its rel=prev/next and its weight with CSS and JS. */
function page(url: string) {
	const html = readFileSync(fileOf(url), 'utf8');
	const els = [...elements(parse(html))];
	const rel = (r: string) => els.find((e) => e.tagName === 'link' && attr(e, 'rel') === r)?.attrs.find((a) => a.name === 'href')?.value;
	const table = els.filter((e) => e.tagName === 'table');
	const papers = table.flatMap((t) => [...elements(t)]).filter((e) => e.tagName === 'a' && /\/papers\/[^/]+\/$/.test(attr(e, 'href') ?? '')).map((e) => attr(e, 'href')!);
	const assets = els.map((e) => (e.tagName === 'link' && attr(e, 'rel') === 'stylesheet' ? attr(e, 'href') : e.tagName === 'script' ? attr(e, 'src') : undefined)).filter((h): h is string => !!h);
	const weight = Buffer.byteLength(html) + assets.reduce((n, a) => n + readFileSync(path.join(dist, a)).length, 0);
	const title = els.find((e) => e.tagName === 'title')!.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
	return { papers, prev: rel('prev'), next: rel('next'), weight, title, nav: els.some((e) => e.tagName === 'nav' && /^Pages of /.test(attr(e, 'aria-label') ?? '')) };
}

function leaves(nodes: TaxonomyEntry[]): TaxonomyEntry[] {
	return nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));
}

describe('a category longer than one page', () => {
	it('exists in this catalogue', () => {
		const sizes = leaves(api.taxonomy).map((l) => api.papers.filter((p) => p.categories.includes(l.slug)).length);

		expect(Math.max(...sizes)).toBeGreaterThan(3 * PAPERS_PER_PAGE);
	});

	it('is a chain of pages from its own path through rel=next that lists each of its papers once', () => {
		for (const leaf of leaves(api.taxonomy)) {
			const expected = api.papers.filter((p) => p.categories.includes(leaf.slug)).map((p) => p.url);
			const seen: string[] = [];
			const urls: string[] = [];
			for (let url: string | undefined = leaf.url; url; url = page(url).next) {
				urls.push(url);
				seen.push(...page(url).papers);
			}

			expect(urls.length).toBe(Math.max(1, Math.ceil(expected.length / PAPERS_PER_PAGE)));
			expect(urls.slice(1)).toEqual(urls.slice(1).map((_, i) => `${leaf.url}page/${i + 2}/`));
			expect([...seen].sort()).toEqual([...expected].sort());
		}
	});

	it('links each page back with rel=prev, names it in the title and shows the page nav', () => {
		const big = leaves(api.taxonomy).find((l) => api.papers.filter((p) => p.categories.includes(l.slug)).length > PAPERS_PER_PAGE)!;
		const first = page(big.url);
		const second = page(`${big.url}page/2/`);

		expect(first.prev).toBeUndefined();
		expect(second.prev).toBe(big.url);
		expect(second.title).toMatch(/, page 2 of \d+ · /);
		expect(first.nav && second.nav).toBe(true);
	});

	it('says that column sorting orders one page, and links the whole category in search', () => {
		const big = leaves(api.taxonomy).find((l) => api.papers.filter((p) => p.categories.includes(l.slug)).length > PAPERS_PER_PAGE)!;
		const els = [...elements(parse(readFileSync(fileOf(big.url), 'utf8')))];
		const link = els.find((e) => e.tagName === 'a' && (attr(e, 'href') ?? '').startsWith('/search/?'));
		const small = leaves(api.taxonomy).find((l) => api.papers.filter((p) => p.categories.includes(l.slug)).length <= PAPERS_PER_PAGE);

		expect(link, 'a link to search on a long category').toBeDefined();
		const state = decodeSearchState(new URL(attr(link!, 'href')!, 'http://x').searchParams);
		const title = els.find((e) => e.tagName === 'h1')!.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
		expect(state.filters.category).toHaveLength(1);
		expect(state.filters.category[0]!.endsWith(title)).toBe(true);
		if (small) expect(readFileSync(fileOf(small.url), 'utf8')).not.toContain('browse this category in search');
	});

	it('keeps every page within 60 KB with its CSS and JS', () => {
		const weights = leaves(api.taxonomy).flatMap((leaf) => {
			const list: Array<[string, number]> = [];
			for (let url: string | undefined = leaf.url; url; url = page(url).next) list.push([url, page(url).weight]);
			return list;
		});

		for (const [url, weight] of weights) expect(weight, url).toBeLessThanOrEqual(60 * 1024);
	});
});

describe('the venue and year lists', () => {
	/** Every paper link met following `start`'s chain of pages through rel=next. */
	const chain = (start: string) => {
		const seen: string[] = [];
		for (let url: string | undefined = start; url; url = page(url).next) seen.push(...page(url).papers);
		return seen;
	};

	it('are chains of pages like a category: each year lists its papers once', () => {
		const years = [...new Set(api.papers.map((p) => p.year))];
		const long = years.filter((y) => api.papers.filter((p) => p.year === y).length > PAPERS_PER_PAGE);

		expect(long.length).toBeGreaterThan(0);
		for (const year of years) {
			const expected = api.papers.filter((p) => p.year === year).map((p) => p.url);
			expect([...chain(`/years/${year}/`)].sort(), String(year)).toEqual([...expected].sort());
		}
		expect(page(`/years/${long[0]}/page/2/`).title).toMatch(/, page 2 of \d+ · /);
	});

	it('are chains of pages like a category: the venues together list every paper once', () => {
		const index = [...elements(parse(readFileSync(fileOf('/venues/'), 'utf8')))];
		const venues = [...new Set(index.filter((e) => e.tagName === 'a' && /^\/venues\/[^/]+\/$/.test(attr(e, 'href') ?? '')).map((e) => attr(e, 'href')!))];
		const seen = venues.flatMap(chain);

		expect(venues.some((v) => page(v).next)).toBe(true);
		expect([...seen].sort()).toEqual(api.papers.map((p) => p.url).sort());
	});
});
