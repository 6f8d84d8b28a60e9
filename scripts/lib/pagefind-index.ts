/**
 * Index the built site with Pagefind's Node API (as Starlight does): createIndex → addDirectory
 * → writeFiles, `close()` always. Any error Pagefind reports becomes a thrown error, so a failed
 * index fails the build.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What the index step reports. */
export interface IndexReport {
	pages: number;
	outputPath: string;
}

/** Index every HTML page of `distDir` into `distDir/pagefind`. */
export async function indexSite(distDir: string): Promise<IndexReport> {
	try {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
		if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: distDir });
		if (added.errors.length) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
		const outputPath = path.join(distDir, 'pagefind');
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
		return { pages: added.page_count, outputPath };
	} finally {
		await pagefind.close();
	}
}
