/**
 * The BibTeX behind "Download these results as BibTeX": the search page holds result URLs
 * (`…/papers/<id>/`), the build writes one entry per paper id; this joins the two.
 */

/** The paper id of a paper page URL, base path or origin included: `/x/papers/h2o/` → `h2o`. */
export function paperIdFromUrl(url: string): string | null {
	return /\/papers\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1] ?? null;
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
