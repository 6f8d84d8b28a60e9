/**
 * `/search/bibtex.json`: paper id → BibTeX entry, for "Download these results as BibTeX" on the
 * search page. Fetched only when a reader asks for the download; keys match papers.bib.
 */
import type { APIRoute } from 'astro';
import { bibtexEntry, citationKeys } from '../../site/bibtex.ts';
import { getAtlas } from '../../site/atlas.ts';

export const GET: APIRoute = async () => {
	const { papers } = await getAtlas();
	const keys = citationKeys(papers);
	const entries = Object.fromEntries(papers.map((p) => [p.id, bibtexEntry(p, keys.get(p.id))]));
	return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json' } });
};
