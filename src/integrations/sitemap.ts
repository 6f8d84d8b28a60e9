/**
 * Astro integration: `sitemap-index.xml` and `sitemap-0.xml`, `sitemap-1.xml`… (50,000 URLs each,
 * the protocol's limit) listing every built page but the 404 page and the pages of the routes it
 * is told to leave out (the redirect pages), under the site's base. It
 * replaces @astrojs/sitemap, whose locale-aware sort of the URLs alone cost 1.5 s at 10,000
 * papers; URLs here are sorted by code point, which is as deterministic and free.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** URLs per sitemap file: the limit of the sitemaps.org protocol. */
export const SITEMAP_LIMIT = 50_000;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** The site's root URL with its base, ending in "/". */
function siteRoot(site: string, base: string): URL {
	return new URL(base.endsWith('/') ? base : `${base}/`, site);
}

/** Absolute URLs of the pages Astro built (its `pathname`s, e.g. "" and "papers/snapkv/"), sorted, without error pages. */
export function sitemapUrls(pathnames: Iterable<string>, site: string, base: string): string[] {
	const root = siteRoot(site, base);
	const urls = new Set<string>();
	for (const pathname of pathnames) {
		const relative = pathname.replace(/^\/+/, '');
		if (/^(?:404|500)(?:\/|\.html)?$/.test(relative)) continue;
		urls.add(new URL(relative, root).href);
	}
	return [...urls].sort();
}

/** The files of a sitemap of `urls`: name → XML. The index names its parts by absolute URL. */
export function sitemapFiles(urls: string[], site: string, base: string): Map<string, string> {
	const root = siteRoot(site, base);
	const head = '<?xml version="1.0" encoding="UTF-8"?>';
	const files = new Map<string, string>();
	const parts: string[] = [];
	for (let i = 0; i * SITEMAP_LIMIT < urls.length || i === 0; i++) {
		const name = `sitemap-${i}.xml`;
		const locs = urls.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT).map((u) => `<url><loc>${escapeXml(u)}</loc></url>`);
		files.set(name, `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.join('')}</urlset>\n`);
		parts.push(`<sitemap><loc>${escapeXml(new URL(name, root).href)}</loc></sitemap>`);
	}
	files.set('sitemap-index.xml', `${head}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join('')}</sitemapindex>\n`);
	return files;
}

/** What the sitemap leaves out. */
export interface SitemapOptions {
	/** Routes whose pages are not content (redirect pages), as Astro names them: "/[...moved]". @default [] */
	excludeRoutes?: readonly string[];
}

/** The pathname Astro reports for a built file: `<out>/a/b/index.html` → "a/b/", `<out>/404.html` → "404.html". */
export function pathnameOfFile(out: string, file: string): string {
	return path.relative(out, file).split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1');
}

/** The integration; needs `site` in the Astro config. */
export function sitemap(options: SitemapOptions = {}): AstroIntegration {
	let site = '';
	let base = '/';
	return {
		name: 'atlas:sitemap',
		hooks: {
			'astro:config:done': ({ config }) => {
				if (!config.site) throw new Error('the sitemap needs `site` in astro.config.mjs (SITE_URL)');
				site = config.site;
				base = config.base;
			},
			'astro:build:done': async ({ dir, pages, assets }) => {
				const out = fileURLToPath(dir);
				const excluded = new Set((options.excludeRoutes ?? []).flatMap((route) => assets.get(route) ?? []).map((url) => pathnameOfFile(out, fileURLToPath(url))));
				const kept = pages.map((p) => p.pathname.replace(/^\/+/, '')).filter((p) => !excluded.has(p));
				const files = sitemapFiles(sitemapUrls(kept, site, base), site, base);
				await Promise.all([...files].map(([name, xml]) => writeFile(`${out}${name}`, xml)));
			},
		},
	};
}
