/**
 * `/search/bibtex.json`: paper id → BibTeX entry, and `benchmarks/<id>` → the entry of a
 * benchmark, for "Download these results as BibTeX" on the search page. Fetched only when a
 * reader asks for the download; citation keys match papers.bib.
 */
import type { APIRoute } from 'astro';
import { bibtexEntry, citationKeys } from '../../site/bibtex.ts';
import { benchmarkBibtex, benchmarkCitationKeys } from '../../site/benchmark-meta.ts';
import { getAtlas } from '../../site/atlas.ts';

export const GET: APIRoute = async () => {
	const { papers, benchmarks } = await getAtlas();
	const keys = citationKeys(papers);
	const benchmarkKeys = benchmarkCitationKeys(benchmarks, keys.values());
	const entries: Record<string, string> = Object.fromEntries(papers.map((p) => [p.id, bibtexEntry(p, keys.get(p.id))]));
	for (const b of benchmarks) {
		const entry = benchmarkBibtex(b, benchmarkKeys, keys);
		if (entry) entries[`benchmarks/${b.id}`] = entry;
	}
	return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json' } });
};
