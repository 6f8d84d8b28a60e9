/**
 * A regrouped catalogue (tests/helpers/moved-catalogue.ts: a renamed group whose leaves move with
 * it, a renamed two-page leaf, a removed paper, a merged paper) built with and without BASE_PATH:
 * every old URL answers with a small redirect page — refresh to the new page, canonical on the
 * new page's absolute URL, noindex, a visible link titled as the new page, under the page's CSP —
 * and no redirect page counts as content: none is in the sitemap, papers.json, the feed, the
 * BibTeX export or the search index, and no page of the site links to one.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../helpers/catalogue.ts';
import { FILLERS, MOVED, movedCatalogue } from '../helpers/moved-catalogue.ts';
import { attr, buildSite, fileFor, filesUnder, readPage, refsOf, SITE, textOf, type Built, type Page } from './links-dist-reader.ts';
import { publishedBy, refreshTarget, unanswered } from './published-urls.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const PAPERS = 5 + FILLERS;
const configs = [
	{ label: 'base /', base: '/' },
	{ label: `base ${BASE}`, base: BASE },
];

let catalogue = '';
const builds = new Map<string, Built>();

beforeAll(async () => {
	catalogue = movedCatalogue();
	for (const b of await Promise.all(configs.map((c) => buildSite(catalogue, c.base, c.label)))) builds.set(b.name, b);
}, 300_000);
afterAll(() => {
	for (const b of builds.values()) rmSync(b.tmp, { recursive: true, force: true });
	if (catalogue) rmSync(catalogue, { recursive: true, force: true });
});

const element = (page: Page, tag: string, name: string, value: string) => page.elements.find((e) => e.tagName === tag && attr(e, name)?.toLowerCase() === value);

describe.each(configs)('the regrouped catalogue built with $label', ({ label, base }) => {
	const built = () => builds.get(label)!;
	const pageAt = (sitePath: string) => {
		const file = fileFor(built(), base + sitePath);
		expect(file, `${base}${sitePath}`).not.toBeNull();
		return readPage(built(), file!);
	};

	it.each(MOVED)('answers $from with a redirect page to $to', ({ from, to, title }) => {
		const page = pageAt(from);
		const main = page.elements.find((e) => e.tagName === 'main')!;
		const link = refsOf({ ...page, elements: page.elements.filter((e) => e.tagName === 'a' && textOf(e) === title) })[0];

		expect(attr(element(page, 'meta', 'http-equiv', 'refresh')!, 'content')).toBe(`0; url=${base}${to}`);
		expect(attr(element(page, 'link', 'rel', 'canonical')!, 'href')).toBe(`${SITE}${base}${to}`);
		expect(attr(element(page, 'meta', 'property', 'og:url')!, 'content')).toBe(`${SITE}${base}${to}`);
		expect(attr(element(page, 'meta', 'name', 'robots')!, 'content')).toBe('noindex');
		expect(element(page, 'meta', 'http-equiv', 'content-security-policy')).toBeDefined();
		expect(attr(page.elements.find((e) => e.tagName === 'html')!, 'lang')).toBe('en');
		expect(textOf(page.elements.find((e) => e.tagName === 'h1')!)).toBe('This page moved');
		expect(textOf(main).replace(/\s+/g, ' ')).toContain(`This page moved to ${title}.`);
		expect(link?.url).toBe(`${base}${to}`);
		expect(page.html).not.toContain('data-pagefind-body');
		const target = pageAt(to);
		expect(refreshTarget(target)).toBeNull();
		expect(element(target, 'meta', 'name', 'robots')).toBeUndefined();
	});

	it('builds a redirect page for the old URLs only, and every link on one resolves to a built file', () => {
		const redirects = filesUnder(built().dist).filter((f) => f.endsWith('.html')).map((f) => readPage(built(), f)).filter((p) => refreshTarget(p));
		const broken = redirects.flatMap((p) => refsOf(p).map((r) => ({ r, u: new URL(r.url, SITE + p.url) })).filter(({ u }) => u.origin === SITE && !fileFor(built(), u.pathname)).map(({ r }) => `${p.file}: ${r.where}="${r.url}"`));

		expect(redirects.map((p) => p.url).sort()).toEqual(MOVED.map((m) => base + m.from).sort());
		expect(broken).toEqual([]);
	});

	it('lists no redirect page in the sitemap, and every page it moved to', () => {
		const locs = readdirSync(built().dist)
			.filter((f) => /^sitemap-\d+\.xml$/.test(f))
			.flatMap((f) => [...readFileSync(path.join(built().dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));

		for (const { from, to } of MOVED) {
			expect(locs).not.toContain(`${SITE}${base}${from}`);
			expect(locs).toContain(`${SITE}${base}${to}`);
		}
	});

	it('keeps redirect pages out of papers.json, the feed, the BibTeX export and the search index', () => {
		const dist = built().dist;
		const api = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8')) as { papers: Array<{ id: string; url: string }> };
		const rss = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
		const bib = readFileSync(path.join(dist, 'papers.bib'), 'utf8');
		const fragments = readdirSync(path.join(dist, 'pagefind/fragment')).map((f) => JSON.parse(gunzipSync(readFileSync(path.join(dist, 'pagefind/fragment', f))).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string });
		const olds = MOVED.map((m) => `${base}${m.from}`);

		expect(api.papers).toHaveLength(PAPERS);
		expect(api.papers.map((p) => p.id)).not.toContain('snapkv-short');
		expect(bib.match(/^@\w+\{/gm)).toHaveLength(PAPERS);
		expect(fragments).toHaveLength(PAPERS);
		for (const old of olds) {
			expect(api.papers.map((p) => p.url)).not.toContain(old);
			expect(rss).not.toContain(`${SITE}${old}<`);
			expect(fragments.map((f) => f.url)).not.toContain(old);
		}
	});

	it('links to no redirect page from any page of the site', () => {
		const olds = new Set(MOVED.map((m) => `${base}${m.from}`));
		const linking = filesUnder(built().dist)
			.filter((f) => f.endsWith('.html'))
			.map((f) => readPage(built(), f))
			.filter((p) => !refreshTarget(p))
			.flatMap((p) => refsOf(p).filter((r) => olds.has(new URL(r.url, SITE + p.url).pathname)).map((r) => `${p.file}: ${r.where}="${r.url}"`));

		expect(linking).toEqual([]);
	});

	it('answers every URL the site of the fixture published before the regrouping', () => {
		const published = publishedBy(FIXTURE);

		expect(published).toContain('/token-level/selection/static-selection/');
		expect(unanswered(built(), published)).toEqual([]);
	});
});
