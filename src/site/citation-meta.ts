/**
 * What scholar indexers read from a paper page: Highwire `citation_*` meta tags and a schema.org
 * ScholarlyArticle. Values are plain text; the page escapes them (meta) or serializes them safely
 * (JSON-LD, see json-ld.ts).
 */
import { arxivId } from '../catalogue/links.ts';
import type { PaperView } from '../catalogue/queries.ts';

/** The `citation_*` meta tags of a paper as [name, content] pairs, in Google Scholar's order. */
export function citationMeta(paper: PaperView): Array<[string, string]> {
	const tags: Array<[string, string]> = [['citation_title', paper.title]];
	for (const author of paper.authors ?? []) tags.push(['citation_author', author]);
	tags.push(['citation_publication_date', String(paper.year)]);
	const venue = paper.venueInfo.fullName ?? paper.venueInfo.name;
	if (paper.venueInfo.kind === 'conference' || paper.venueInfo.kind === 'workshop') tags.push(['citation_conference_title', venue]);
	if (paper.venueInfo.kind === 'journal') tags.push(['citation_journal_title', venue]);
	const arxiv = arxivId(paper.paper);
	if (arxiv) tags.push(['citation_arxiv_id', arxiv], ['citation_pdf_url', `https://arxiv.org/pdf/${arxiv}`]);
	else if (paper.paper && /\.pdf(?:$|[?#])/i.test(paper.paper)) tags.push(['citation_pdf_url', paper.paper]);
	return tags;
}

/** A schema.org ScholarlyArticle for a paper page (its URL is the page's canonical link). */
export function scholarlyArticle(paper: PaperView, categories: readonly string[]): Record<string, unknown> {
	const venue = paper.venueInfo.fullName ?? paper.venueInfo.name;
	return {
		'@context': 'https://schema.org',
		'@type': 'ScholarlyArticle',
		headline: paper.title,
		...(paper.aliases?.length ? { alternateName: paper.aliases } : {}),
		...(paper.authors?.length ? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
		datePublished: String(paper.year),
		isPartOf: { '@type': paper.venueInfo.kind === 'journal' ? 'Periodical' : 'CreativeWork', name: venue },
		...(paper.paper ? { sameAs: paper.paper } : {}),
		...(paper.summary ? { abstract: paper.summary } : {}),
		keywords: categories.join(', '),
	};
}
