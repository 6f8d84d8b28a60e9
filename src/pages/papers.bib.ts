/**
 * `/papers.bib`: the BibTeX entry of every paper (ordered by id), then of every benchmark that has
 * an entry of its own (a benchmark whose paper is in the catalogue is cited by that paper's entry),
 * from the same code as the pages.
 */
import type { APIRoute } from 'astro';
import { bibtexEntry, citationKeys } from '../site/bibtex.ts';
import { benchmarkBibtex, benchmarkCitationKeys } from '../site/benchmark-meta.ts';
import { getAtlas } from '../site/atlas.ts';
import { SITE_NAME } from '../layouts/site-meta.ts';

export const GET: APIRoute = async ({ site }) => {
	const atlas = await getAtlas();
	const keys = citationKeys(atlas.papers);
	const papers = [...atlas.papers].sort((a, b) => a.id.localeCompare(b.id));
	const home = new URL(atlas.base, site ?? 'http://localhost:4321').href;
	const benchmarkKeys = benchmarkCitationKeys(atlas.benchmarks, keys.values());
	const benchmarks = [...atlas.benchmarks].sort((a, b) => a.id.localeCompare(b.id)).filter((b) => benchmarkKeys.has(b.id));
	const also = benchmarks.length ? ` and ${benchmarks.length} benchmarks` : '';
	const header = `% ${SITE_NAME}: ${papers.length} papers on KV cache management for LLM acceleration${also}.\n% ${home}\n`;
	const body = [...papers.map((p) => bibtexEntry(p, keys.get(p.id))), ...benchmarks.map((b) => benchmarkBibtex(b, benchmarkKeys, keys)!)].join('\n\n');
	return new Response(`${header}\n${body}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
