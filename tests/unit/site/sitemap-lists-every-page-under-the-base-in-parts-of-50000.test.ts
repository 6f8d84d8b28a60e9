/**
 * The sitemap integration (src/integrations/sitemap.ts): every page Astro built except the error
 * pages, as absolute URLs under the base, sorted, escaped for XML, in parts of at most 50,000 URLs
 * that the index lists. The links test checks the real build's sitemap against its pages.
 */
import { describe, expect, it } from 'vitest';
import { pathnameOfFile, SITEMAP_LIMIT, sitemapFiles, sitemapUrls } from '../../../src/integrations/sitemap.ts';

const SITE = 'https://treeai-lab.github.io';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

describe('sitemapUrls', () => {
	it('puts every page under the base, once, sorted, and leaves the error pages out', () => {
		const urls = sitemapUrls(['', 'papers/snapkv/', '404', '/about/', 'papers/snapkv/', '500.html', 'a/404-not-an-error/'], SITE, '/Awesome-KV-Cache-Management');
		expect(urls).toEqual([
			`${SITE}/Awesome-KV-Cache-Management/`,
			`${SITE}/Awesome-KV-Cache-Management/a/404-not-an-error/`,
			`${SITE}/Awesome-KV-Cache-Management/about/`,
			`${SITE}/Awesome-KV-Cache-Management/papers/snapkv/`,
		]);
	});

	it('works at the root of the site', () => {
		expect(sitemapUrls(['', 'stats/'], SITE, '/')).toEqual([`${SITE}/`, `${SITE}/stats/`]);
	});
});

describe('pathnameOfFile', () => {
	it('names a built file as Astro names its page, so pages of a left-out route can be matched', () => {
		expect(pathnameOfFile('/srv/dist', '/srv/dist/token-level/selection/index.html')).toBe('token-level/selection/');
		expect(pathnameOfFile('/srv/dist', '/srv/dist/index.html')).toBe('');
		expect(pathnameOfFile('/srv/dist', '/srv/dist/404.html')).toBe('404.html');
	});
});

describe('sitemapFiles', () => {
	it('escapes URLs for XML', () => {
		const files = sitemapFiles([`${SITE}/q?a=1&b='2'`], SITE, '/');
		expect(files.get('sitemap-0.xml')).toContain(`<loc>${SITE}/q?a=1&amp;b=&apos;2&apos;</loc>`);
	});

	it('splits more than 50,000 URLs into parts the index lists, losing none', () => {
		const urls = Array.from({ length: SITEMAP_LIMIT * 2 + 3 }, (_, i) => `${SITE}/base/papers/p${String(i).padStart(6, '0')}/`);
		const files = sitemapFiles(urls, SITE, '/base/');
		expect([...files.keys()].sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
		expect(locs(files.get('sitemap-index.xml')!)).toEqual([0, 1, 2].map((i) => `${SITE}/base/sitemap-${i}.xml`));
		const parts = [0, 1, 2].map((i) => locs(files.get(`sitemap-${i}.xml`)!));
		expect(parts.map((p) => p.length)).toEqual([SITEMAP_LIMIT, SITEMAP_LIMIT, 3]);
		expect(parts.flat()).toEqual(urls);
	});

	it('writes one empty part for a site without pages, so the index never points nowhere', () => {
		const files = sitemapFiles([], SITE, '/');
		expect(locs(files.get('sitemap-index.xml')!)).toEqual([`${SITE}/sitemap-0.xml`]);
		expect(locs(files.get('sitemap-0.xml')!)).toEqual([]);
	});
});
