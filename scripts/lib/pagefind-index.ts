/**
 * Index the built site with Pagefind's Node API (as Starlight does): createIndex → addDirectory
 * → writeFiles, `close()` always. Any error Pagefind reports becomes a thrown error, so a failed
 * index fails the build; so does an index whose record count is not the number of papers and
 * benchmarks (a page without `data-pagefind-body`, or another page indexed by mistake).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What the index step reports. */
export interface IndexReport {
	/** HTML files Pagefind read: the paper and benchmark pages. */
	pages: number;
	/** Search records written: one per paper and benchmark page. */
	records: number;
	outputPath: string;
}

/** The pages Pagefind reads: one per paper (src/pages/papers/[id].astro) and one per benchmark (src/pages/benchmarks/[id].astro). */
export const PAPER_PAGES = '{papers,benchmarks}/*/index.html';

/** Pagefind's prebuilt UIs; the site has its own over the search API, so they are not shipped. */
const UNUSED_BUNDLES = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/**
 * Index the paper and benchmark pages of `distDir` into `distDir/pagefind`. Only elements marked
 * `data-pagefind-body` (the pages' article) become records; with `expectedRecords` set, a
 * different number of records is an error that says which contract the pages broke.
 */
export async function indexSite(distDir: string, expectedRecords?: number): Promise<IndexReport> {
	const outputPath = path.join(distDir, 'pagefind');
	let pages: number;
	try {
		// Field labels (<dt>: "Year", "Venue", "Code") are on every paper page: indexing them would make
		// "code" match all papers and clutter the excerpts between the values.
		const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['dt'] });
		if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		// Only paper and benchmark pages hold search records: reading the other pages (categories, venues, years…)
		// cost Pagefind 0.7–1 s at 10,000 papers for nothing.
		const added = await index.addDirectory({ path: distDir, glob: PAPER_PAGES });
		if (added.errors.length) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
		pages = added.page_count;
	} finally {
		await pagefind.close();
	}
	for (const file of readdirSync(outputPath)) if (UNUSED_BUNDLES.test(file)) rmSync(path.join(outputPath, file));
	const records = recordCount(outputPath);
	// An empty catalogue has no paper page: the index is empty and search finds nothing, as it should.
	if (expectedRecords && records !== expectedRecords) {
		throw new Error(
			`Pagefind wrote ${records} search records for ${expectedRecords} papers and benchmarks: each paper and benchmark page (src/pages/papers/[id].astro and benchmarks/[id].astro, built as ${PAPER_PAGES}) must carry data-pagefind-body once.`,
		);
	}
	return { pages, records, outputPath };
}

/** Records in the written index, as pagefind-entry.json counts them over its languages. */
function recordCount(outputPath: string): number {
	const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
	return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}
