/**
 * Every internal reference of every built page resolves to a built file, with and without
 * BASE_PATH, for the fixture and (when present) the real catalogue; no page loads a resource from
 * another origin; feeds, sitemap, robots.txt and papers.json carry the base. Byte budgets of
 * issue 3 are asserted (they are deterministic) and printed per page type.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, ROOT } from '../helpers/catalogue.ts';
import { attr, paperAllowance, benchmarkLinkAllowance, buildSite, cssUrls, fileFor, filesUnder, pageWeight, readPage, refsOf, SITE, type Built, type Page } from './links-dist-reader.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const DATA = path.join(ROOT, 'data');
const catalogues: Array<[string, string]> = [['fixture', FIXTURE]];
if (existsSync(path.join(DATA, 'taxonomy.yaml'))) catalogues.push(['data', DATA]);
const configs = catalogues.flatMap(([label, dir]) => [
	{ label: `${label}, base /`, dir, base: '/' },
	{ label: `${label}, base ${BASE}`, dir, base: BASE },
]);

const builds = new Map<string, Built>();
const pagesOf = new Map<string, Page[]>();

beforeAll(async () => {
	const done = await Promise.all(configs.map((c) => buildSite(c.dir, c.base, c.label)));
	for (const b of done) {
		builds.set(b.name, b);
		pagesOf.set(b.name, filesUnder(b.dist).filter((f) => f.endsWith('.html')).map((f) => readPage(b, f)));
	}
}, 600_000);
afterAll(() => {
	for (const b of builds.values()) {
		rmSync(b.tmp, { recursive: true, force: true });
	}
});

/** Resolve `ref` from `page`: null for another origin, else the pathname and hash. */
function resolve(page: Page, ref: string): { pathname: string; hash: string } | null {
	const u = new URL(ref, SITE + page.url);
	if (u.origin !== SITE) return null;
	return { pathname: u.pathname, hash: decodeURIComponent(u.hash.slice(1)) };
}

describe.each(configs)('the site built from the $label', ({ label, base }) => {
	const built = () => builds.get(label)!;
	const pages = () => pagesOf.get(label)!;

	it('has pages, and every internal href, src, srcset, action and URL meta of every page resolves to a built file', () => {
		const broken: string[] = [];

		for (const page of pages()) {
			for (const ref of refsOf(page)) {
				if (/^(?:mailto|tel):/i.test(ref.url)) continue;
				expect(ref.url, `${page.file} ${ref.where}`).not.toMatch(/^\s*(?:javascript|vbscript|data:text\/html)/i);
				const r = resolve(page, ref.url);
				if (!r) continue;
				if (!r.pathname.startsWith(base)) broken.push(`${page.file}: ${ref.where}="${ref.url}" does not carry the base ${base}`);
				else if (!fileFor(built(), r.pathname)) broken.push(`${page.file}: ${ref.where}="${ref.url}" → no file for ${r.pathname}`);
			}
		}

		expect(pages().length).toBeGreaterThan(10);
		expect(broken).toEqual([]);
	});

	it('points every fragment at an element id that exists on the target page', () => {
		const broken: string[] = [];
		const byFile = new Map(pages().map((p) => [p.file, p]));

		for (const page of pages()) {
			for (const ref of refsOf(page)) {
				const r = resolve(page, ref.url);
				if (!r || !r.hash) continue;
				const file = fileFor(built(), r.pathname);
				const target = file ? byFile.get(file) : undefined;
				if (target && !target.ids.has(r.hash)) broken.push(`${page.file}: ${ref.where}="${ref.url}" → no id "${r.hash}" in ${file}`);
			}
		}

		expect(broken).toEqual([]);
	});

	it('loads no script, style, image, font or frame from another origin; links out only over http(s)', () => {
		const external: string[] = [];

		for (const page of pages()) {
			for (const ref of refsOf(page)) {
				const u = new URL(ref.url, SITE + page.url);
				if (ref.resource && u.origin !== SITE && u.protocol !== 'data:') external.push(`${page.file}: ${ref.where}="${ref.url}"`);
				if (ref.where.startsWith('a[') && u.origin !== SITE) expect(u.protocol, `${page.file}: ${ref.url}`).toMatch(/^(?:https?|mailto):$/);
			}
		}
		for (const css of filesUnder(built().dist).filter((f) => f.endsWith('.css'))) {
			for (const url of cssUrls(readFileSync(path.join(built().dist, css), 'utf8'))) {
				const u = new URL(url, `${SITE}${base}${css}`);
				if (u.origin !== SITE) external.push(`${css}: url(${url})`);
				else if (!fileFor(built(), u.pathname)) external.push(`${css}: url(${url}) → no file`);
			}
		}

		expect(external).toEqual([]);
	});

	it('gives every page a canonical URL and og:url on the site, with the base', () => {
		for (const page of pages()) {
			const canonical = page.elements.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical');
			const og = page.elements.find((e) => e.tagName === 'meta' && attr(e, 'property') === 'og:url');

			expect(attr(canonical!, 'href'), page.file).toMatch(new RegExp(`^${SITE}${base}`));
			expect(attr(og!, 'content'), page.file).toBe(attr(canonical!, 'href'));
		}
	});

	it('serves papers.json whose taxonomy and paper URLs carry the base and resolve to pages', () => {
		const api = JSON.parse(readFileSync(path.join(built().dist, 'papers.json'), 'utf8')) as {
			taxonomy: Array<{ url: string; children: unknown[] }>;
			papers: Array<{ url: string }>;
		};
		const urls: string[] = [];
		const walk = (nodes: Array<{ url: string; children: unknown[] }>) => nodes.forEach((n) => (urls.push(n.url), walk(n.children as typeof nodes)));
		walk(api.taxonomy);
		urls.push(...api.papers.map((p) => p.url));

		expect(api.papers.length).toBeGreaterThan(0);
		for (const url of urls) {
			expect(url.startsWith(base), url).toBe(true);
			expect(fileFor(built(), url), url).toMatch(/index\.html$/);
		}
	});

	it('writes an RSS feed whose channel, self link and items are absolute URLs of built pages', () => {
		const xml = readFileSync(path.join(built().dist, 'rss.xml'), 'utf8');
		const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
		const self = /<atom:link href="([^"]+)"/.exec(xml)?.[1];

		expect(links[0]).toBe(`${SITE}${base}`);
		expect(self).toBe(`${SITE}${base}rss.xml`);
		expect(links.length).toBeGreaterThan(1);
		for (const link of links) {
			expect(link.startsWith(`${SITE}${base}`), link).toBe(true);
			expect(fileFor(built(), new URL(link).pathname), link).not.toBeNull();
		}
	});

	it('lists every indexable page in the sitemap (base included) and points robots.txt at it', () => {
		const index = readFileSync(path.join(built().dist, 'sitemap-index.xml'), 'utf8');
		const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
		const locs = maps.flatMap((m) => {
			const file = fileFor(built(), new URL(m).pathname);
			expect(file, m).not.toBeNull();
			return [...readFileSync(path.join(built().dist, file!), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!);
		});
		const indexable = pages()
			.filter((p) => !p.elements.some((e) => e.tagName === 'meta' && attr(e, 'name') === 'robots' && /noindex/.test(attr(e, 'content') ?? '')))
			.map((p) => `${SITE}${p.url}`);
		const robots = readFileSync(path.join(built().dist, 'robots.txt'), 'utf8');

		for (const loc of locs) expect(fileFor(built(), new URL(loc).pathname), loc).not.toBeNull();
		expect([...locs].sort()).toEqual([...indexable].sort());
		expect(robots).toContain(`Sitemap: ${SITE}${base}sitemap-index.xml`);
	});
});

describe.each(configs.filter((c) => c.base !== '/'))('byte budgets of the site built from the $label', ({ label }) => {
	it('keep home ≤ 40 KB, the largest category ≤ 60 KB, a paper or a benchmark ≤ 25 KB plus its authors\' names and script ≤ 10 KB outside search', () => {
		const built = builds.get(label)!;
		const pages = pagesOf.get(label)!;
		const api = JSON.parse(readFileSync(path.join(built.dist, 'papers.json'), 'utf8')) as { taxonomy: Array<{ url: string; children: unknown[] }> };
		const nodeFiles = new Set<string>();
		const walk = (nodes: Array<{ url: string; children: unknown[] }>) => nodes.forEach((n) => (nodeFiles.add(fileFor(built, n.url)!), walk(n.children as typeof nodes)));
		walk(api.taxonomy);
		const kind = (p: Page) =>
			p.file === 'index.html' ? 'home' : nodeFiles.has(p.file) ? 'category' : p.file.startsWith('papers/') ? 'paper' : p.file.startsWith('benchmarks/') ? 'benchmark' : p.file.startsWith('search/') ? 'search' : 'other';
		// A paper's (or a benchmark's) budget grows with the text its data carries (paperAllowance: authors, leaves beyond the first, summary, abstract,
		// the note of a paper the atlas added) and the benchmark facts it links with their sources (benchmarkLinkAllowance):
		// the rest of the page is held to 25 KB.
		const rows = pages.map((p) => ({ file: p.file, kind: kind(p), ...pageWeight(built, p), allowance: ['paper', 'benchmark'].includes(kind(p)) ? paperAllowance(p) + benchmarkLinkAllowance(p) : 0 }));
		const largest = (k: string) => rows.filter((r) => r.kind === k).sort((a, b) => b.total - b.allowance - (a.total - a.allowance))[0]!;
		const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

		const report = ['home', 'category', 'paper', 'benchmark', 'search', 'other'].map((k) => {
			const r = largest(k);
			if (!r) return `${k.padEnd(8)} none`;
			return `${k.padEnd(8)} largest ${r.file.padEnd(60)} ${kb(r.total).padStart(9)} (script ${kb(r.js)}${r.allowance ? `, ${kb(r.allowance)} of it for the data it carries: authors, further leaves, summary, abstract, linked benchmark facts` : ''})`;
		});
		console.log(`byte budgets, ${label} (HTML + CSS + JS as served, uncompressed):\n  ${report.join('\n  ')}`);

		expect(largest('home').total).toBeLessThanOrEqual(40 * 1024);
		expect(largest('category').total).toBeLessThanOrEqual(60 * 1024);
		expect(largest('paper').total - largest('paper').allowance).toBeLessThanOrEqual(25 * 1024);
		const benchmark = largest('benchmark');
		if (benchmark) expect(benchmark.total - benchmark.allowance, benchmark.file).toBeLessThanOrEqual(25 * 1024);
		for (const r of rows.filter((x) => x.kind !== 'search')) expect(r.js, r.file).toBeLessThanOrEqual(10 * 1024);
	});
});
