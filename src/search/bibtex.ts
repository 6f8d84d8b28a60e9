/**
 * The BibTeX behind "Download these results as BibTeX": the search page holds result URLs
 * (`…/papers/<id>/`, `…/benchmarks/<id>/`), the build writes one entry per paper id and per
 * `benchmarks/<id>`; this joins the two.
 */

/**
 * The key of a page URL in the map of entries, base path or origin included: a paper page's id
 * (`/x/papers/h2o/` → `h2o`), or `benchmarks/<id>` for a benchmark page.
 */
export function paperIdFromUrl(url: string): string | null {
	const m = /\/(papers|benchmarks)\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url);
	if (!m) return null;
	return m[1] === 'papers' ? m[2]! : `benchmarks/${m[2]}`;
}

/** The entries of the papers at `urls`, in that order, separated by blank lines; unknown ids are skipped. */
export function bibtexForUrls(urls: readonly string[], entries: Readonly<Record<string, string>>): string {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const url of urls) {
		const id = paperIdFromUrl(url);
		if (!id || seen.has(id) || !Object.hasOwn(entries, id)) continue;
		seen.add(id);
		out.push(entries[id]!.trim());
	}
	return out.length ? `${out.join('\n\n')}\n` : '';
}
