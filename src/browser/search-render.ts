/**
 * DOM for search results, built with createElement and textContent only: titles, venues and
 * excerpts are data and never become markup. Excerpts keep Pagefind's <mark>s through
 * `excerptParts`, which reads no other tag.
 */
import { compactCount, starsBadgeLabel, starsLabel } from '../site/format.ts';
import { excerptParts, titleShowsMatch } from '../search/excerpt.ts';
import type { PagefindResultData } from './search-pagefind.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** "Venue 2024", as the meta of a result reads. */
function venueYear(meta: PagefindResultData['meta']): string {
	return [meta.venue, meta.year].filter(Boolean).join(' ');
}

/** An excerpt as text with <mark> elements around the matched words. */
export function excerptNode(excerpt: string): HTMLElement {
	const p = el('p', 'search-result-excerpt');
	for (const part of excerptParts(excerpt)) p.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
	return p;
}

/** The compact count and the repository the page's badge templates are rendered with (stars={12345}, repo="owner/name"). */
const TEMPLATE_COUNT = '12.3k';
const TEMPLATE_REPO = 'owner/name';

/** A clone of the first element of `<template data-…>`, with each placeholder text replaced; null without the template. */
function fromTemplate(name: string, texts: Array<[string, string]>): HTMLAnchorElement | null {
	const template = document.querySelector<HTMLTemplateElement>(`template[${name}]`);
	if (!template) return null;
	const link = template.content.firstElementChild!.cloneNode(true) as HTMLAnchorElement;
	// Whatever the component's markup, its texts are the ones the template was rendered with.
	const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		for (const [from, to] of texts) if (node.nodeValue?.includes(from)) node.nodeValue = node.nodeValue.replace(from, to);
	}
	return link;
}

/**
 * A star badge like StarBadge.astro's, cloned from the `<template data-star-badge>` the search
 * page renders with that component (so its styles apply); without a count, the repository's name
 * as a link (`<template data-repo-link>`), as the component draws it; null with neither.
 */
export function starBadge(stars: string | undefined, repo: string | undefined): HTMLElement | null {
	const n = Number(stars);
	const known = !!stars && Number.isInteger(n) && n >= 0;
	const validRepo = !!repo && /^[\w.-]+\/[\w.-]+$/.test(repo);
	if (!known) {
		if (!validRepo) return null;
		const link = fromTemplate('data-repo-link', [[TEMPLATE_REPO, repo]]);
		link?.setAttribute('href', `https://github.com/${repo}`);
		link?.setAttribute('aria-label', `${repo} on GitHub`);
		return link;
	}
	const link = fromTemplate('data-star-badge', [[TEMPLATE_COUNT, compactCount(n)]]);
	if (!link) return null;
	link.setAttribute('aria-label', starsBadgeLabel(n));
	if (validRepo) {
		link.href = `https://github.com/${repo}`;
		link.title = `${starsLabel(n)} for ${repo}`;
		return link;
	}
	// No repository to link to: the same badge as an image of its count.
	const badge = document.createElement('span');
	for (const { name, value } of link.attributes) if (name !== 'href' && name !== 'title') badge.setAttribute(name, value);
	badge.setAttribute('role', 'img');
	badge.append(...link.childNodes);
	return badge;
}

/**
 * One result of the search page: title link, authors (the record's short line), venue and year,
 * categories, stars, and the excerpt around the match when the title does not show it (a match on
 * an alias, an author, the venue).
 */
export function resultItem(hit: PagefindResultData, query: string): HTMLLIElement {
	const li = el('li', 'search-result');
	const heading = el('h3', 'search-result-title');
	const link = el('a', undefined, hit.meta.title ?? hit.url);
	link.href = hit.url;
	heading.append(link);
	li.append(heading);
	if (hit.meta.authors) li.append(el('p', 'search-result-authors', hit.meta.authors));
	const meta = el('p', 'search-result-meta');
	meta.append(el('span', undefined, venueYear(hit.meta)));
	if (hit.meta.categories) meta.append(el('span', 'search-result-categories', hit.meta.categories));
	const badge = starBadge(hit.meta.stars, hit.meta.repo);
	if (badge) meta.append(badge);
	li.append(meta);
	// An excerpt without a <mark> shows the page's opening words, which explain nothing.
	if (query.trim() && hit.excerpt.includes('<mark>') && !titleShowsMatch(hit.meta.title ?? '', query)) li.append(excerptNode(hit.excerpt));
	return li;
}
