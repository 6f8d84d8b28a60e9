/**
 * Test helpers for "no published URL may break": read a list of URLs a site once published, and
 * walk them against a build — each must answer with a page, or with a redirect page whose target
 * is a page (one hop; a redirect to a redirect is reported too).
 */
import { readFileSync } from 'node:fs';
import { buildAtlas, papersJson } from '../../src/catalogue/queries.ts';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { attr, fileFor, readPage, SITE, type Built, type Page } from './links-dist-reader.ts';

/** The site paths (without base, starting and ending with "/") of a published-URL list; "#" starts a comment line. */
export function readPublished(file: string): string[] {
	return readFileSync(file, 'utf8')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#'));
}

/** Every category and paper URL a catalogue's site publishes (as its papers.json lists them), without base. */
export function publishedBy(catalogue: string): string[] {
	const api = papersJson(buildAtlas(loadCatalogueOrThrow(catalogue), '/')) as { taxonomy: Array<{ url: string; children: unknown[] }>; papers: Array<{ url: string }> };
	const urls: string[] = [];
	const walk = (nodes: Array<{ url: string; children: unknown[] }>) => nodes.forEach((n) => (urls.push(n.url), walk(n.children as typeof nodes)));
	walk(api.taxonomy);
	return [...urls, ...api.papers.map((p) => p.url)];
}

/** The URL a page's `<meta http-equiv="refresh">` leads to, resolved against the page, or null for a page that stays. */
export function refreshTarget(page: Page): URL | null {
	const meta = page.elements.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'refresh');
	if (!meta) return null;
	const url = /^\s*\d+\s*;\s*url=(.+)$/i.exec(attr(meta, 'content') ?? '')?.[1];
	return url ? new URL(url.trim(), SITE + page.url) : new URL(SITE + page.url);
}

/** What answers at `url` (a site path without base): null for a page, else why it does not answer. */
export function whyUnanswered(built: Built, url: string): string | null {
	const file = fileFor(built, built.base + url.replace(/^\/+/, ''));
	if (!file) return `${url}: no page and no redirect page`;
	const target = refreshTarget(readPage(built, file));
	if (!target) return null;
	const targetFile = target.origin === SITE ? fileFor(built, target.pathname) : null;
	if (!targetFile) return `${url}: redirects to ${target.href}, which is not a page of the site`;
	if (refreshTarget(readPage(built, targetFile))) return `${url}: redirects to ${target.pathname}, which redirects again`;
	return null;
}

/** The published URLs that do not answer in `built`, each with the reason. */
export function unanswered(built: Built, urls: readonly string[]): string[] {
	return urls.map((u) => whyUnanswered(built, u)).filter((why): why is string => why !== null);
}
