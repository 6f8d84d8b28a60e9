/** `/papers.bib`: the BibTeX entry of every paper (ordered by id), from the same code as the paper pages. */
import type { APIRoute } from 'astro';
import { bibtexEntry, citationKeys } from '../site/bibtex.ts';
import { getAtlas } from '../site/atlas.ts';
import { SITE_NAME } from '../layouts/site-meta.ts';

export const GET: APIRoute = async ({ site }) => {
	const atlas = await getAtlas();
	const keys = citationKeys(atlas.papers);
	const papers = [...atlas.papers].sort((a, b) => a.id.localeCompare(b.id));
	const home = new URL(atlas.base, site ?? 'http://localhost:4321').href;
	const header = `% ${SITE_NAME}: ${papers.length} papers on KV cache management for LLM acceleration.\n% ${home}\n`;
	const body = papers.map((p) => bibtexEntry(p, keys.get(p.id))).join('\n\n');
	return new Response(`${header}\n${body}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
