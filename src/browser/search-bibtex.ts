/**
 * "Download these results as BibTeX": fetches the id → entry map written at build time
 * (`/search/bibtex.json`) on the first click only, so the entries never count against the
 * first-search budget, and saves the entries of the current results, in their order, as a file.
 */
import { bibtexForUrls } from '../search/bibtex.ts';
import { BASE, type PagefindResult } from './search-pagefind.ts';

let entries: Promise<Record<string, string>> | undefined;

function loadEntries(): Promise<Record<string, string>> {
	entries ??= fetch(`${BASE}search/bibtex.json`).then((r) => {
		if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
		return r.json() as Promise<Record<string, string>>;
	});
	entries.catch(() => {
		entries = undefined;
	});
	return entries;
}

/** Save the BibTeX of `results` as kv-cache-papers.bib. */
export async function downloadBibtex(results: readonly PagefindResult[]): Promise<void> {
	const [map, hits] = await Promise.all([loadEntries(), Promise.all(results.map((r) => r.data()))]);
	const text = bibtexForUrls(hits.map((h) => h.url), map);
	const link = document.createElement('a');
	link.href = URL.createObjectURL(new Blob([text], { type: 'application/x-bibtex' }));
	link.download = 'kv-cache-papers.bib';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
