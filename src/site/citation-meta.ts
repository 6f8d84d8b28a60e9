/**
 * What scholar indexers read from a paper page: Highwire `citation_*` meta tags and a schema.org
 * ScholarlyArticle. Values are plain text; the page escapes them (meta) or serializes them safely
 * (JSON-LD, see json-ld.ts).
 */
import { arxivId, paperArxivId } from '../catalogue/links.ts';
import type { PaperView } from '../catalogue/queries.ts';

/**
 * The `citation_*` meta tags of a paper as [name, content] pairs, in Google Scholar's order:
 * title, one tag per author, the year, the first public version as YYYY/MM/DD (`citation_date`),
 * the venue, then the DOI, the arXiv id and the PDF.
 */
export function citationMeta(paper: Pick<PaperView, 'title' | 'authors' | 'year' | 'date' | 'venueInfo' | 'doi' | 'paper' | 'arxiv'>): Array<[string, string]> {
	const tags: Array<[string, string]> = [['citation_title', paper.title]];
	for (const author of paper.authors ?? []) tags.push(['citation_author', author]);
	tags.push(['citation_publication_date', String(paper.year)]);
	if (paper.date) tags.push(['citation_date', paper.date.replace(/-/g, '/')]);
	const venue = paper.venueInfo.fullName ?? paper.venueInfo.name;
	if (paper.venueInfo.kind === 'conference' || paper.venueInfo.kind === 'workshop') tags.push(['citation_conference_title', venue]);
	if (paper.venueInfo.kind === 'journal') tags.push(['citation_journal_title', venue]);
	if (paper.doi) tags.push(['citation_doi', paper.doi]);
	const arxiv = paperArxivId(paper);
	if (arxiv) tags.push(['citation_arxiv_id', arxiv], ['citation_pdf_url', `https://arxiv.org/pdf/${arxiv}`]);
	else if (paper.paper && /\.pdf(?:$|[?#])/i.test(paper.paper)) tags.push(['citation_pdf_url', paper.paper]);
	return tags;
}

/**
 * A schema.org ScholarlyArticle for a paper page (its URL is the page's canonical link): authors
 * as Persons in order, `datePublished` the first public version (else the year), and the paper's
 * other addresses — its link, the published version, its DOI and arXiv pages — as `sameAs` (the
 * DOI and arXiv id are in those URLs; `identifier` objects would repeat them for every page).
 */
export function scholarlyArticle(paper: PaperView, categories: readonly string[]): Record<string, unknown> {
	const venue = paper.venueInfo.fullName ?? paper.venueInfo.name;
	const arxiv = paperArxivId(paper);
	// An arXiv paper link is the arXiv record again: its abstract page stands for both.
	const sameAs = [
		...new Set([arxivId(paper.paper) ? null : paper.paper, paper.published, paper.doi && `https://doi.org/${paper.doi}`, arxiv && `https://arxiv.org/abs/${arxiv}`].filter((u): u is string => !!u)),
	];
	return {
		'@context': 'https://schema.org',
		'@type': 'ScholarlyArticle',
		headline: paper.title,
		...(paper.aliases?.length ? { alternateName: paper.aliases } : {}),
		...(paper.authors?.length ? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
		datePublished: paper.date ?? String(paper.year),
		isPartOf: { '@type': paper.venueInfo.kind === 'journal' ? 'Periodical' : 'CreativeWork', name: venue },
		...(sameAs.length ? { sameAs: sameAs.length === 1 ? sameAs[0] : sameAs } : {}),
		// Our own sentence on the method: a description, not the paper's abstract.
		...(paper.summary ? { description: paper.summary } : {}),
		keywords: categories.join(', '),
	};
}
