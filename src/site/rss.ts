/**
 * The RSS 2.0 feed of the catalogue: the newest papers first (`newestPapers`: first public
 * version, else the arXiv id's month, else the day added in the paper's year, else the year), each item linking to its paper page with an
 * absolute URL and naming its authors as Dublin Core creators (RSS's own <author> must be an
 * e-mail address). Written by hand with escaping, so the feed needs no package and no network.
 */
import { newestPapers, type Atlas } from '../catalogue/queries.ts';
import { escapeXml } from './xml.ts';

/** How many papers the feed holds; readers poll it, so it stays small even for a large catalogue. */
export const FEED_LIMIT = 100;

/** A YYYY-MM-DD day as an RFC 822 date at midnight UTC, as RSS wants it. */
export function rfc822(day: string): string {
	return new Date(`${day}T00:00:00Z`).toUTCString().replace('GMT', '+0000');
}

/** Options of `rssFeed`. */
export interface FeedOptions {
	/** The site's origin (Astro's `site`), such as https://example.github.io. */
	site: string | URL;
	/** Title of the feed. */
	title: string;
	/** One sentence on what the feed carries. */
	description: string;
	/** @default FEED_LIMIT */
	limit?: number;
}

/** The feed as an XML string. */
export function rssFeed(atlas: Atlas, opts: FeedOptions): string {
	const abs = (pathname: string) => new URL(pathname, opts.site).href;
	const papers = newestPapers(atlas.papers, opts.limit ?? FEED_LIMIT);
	const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
	const items = papers.map((p) => {
		const link = abs(p.url);
		const categories = p.categories.map((slug) => atlas.tree.bySlug.get(slug)?.title ?? slug);
		const about = [`${p.venue} ${p.year}`, categories.join(', '), p.summary].filter(Boolean).join(' · ');
		// Short names readers know the paper by, unless the title already says them ("SnapKV: …").
		const extra = (p.aliases ?? []).filter((a) => !p.title.toLowerCase().includes(a.toLowerCase()));
		return [
			'<item>',
			el('title', extra.length ? `${p.title} (${extra.join(', ')})` : p.title),
			el('link', link),
			`<guid isPermaLink="true">${escapeXml(link)}</guid>`,
			...(p.authors ?? []).map((a) => el('dc:creator', a)),
			p.date || p.added ? el('pubDate', rfc822((p.date ?? p.added)!)) : '',
			// RSS readers render <description> as HTML: escape the text for HTML, then for XML, so data stays text there too.
			el('description', escapeXml(about)),
			...categories.map((c) => el('category', c)),
			'</item>',
		].join('');
	});
	const newest = papers.map((p) => p.date ?? p.added).find(Boolean);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
		'<channel>',
		el('title', opts.title),
		el('link', abs(atlas.base)),
		el('description', opts.description),
		'<language>en</language>',
		`<atom:link href="${escapeXml(abs(`${atlas.base}rss.xml`))}" rel="self" type="application/rss+xml"/>`,
		newest ? el('lastBuildDate', rfc822(newest)) : '',
		...items,
		'</channel>',
		'</rss>',
		'',
	].join('\n');
}
