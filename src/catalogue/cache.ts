/**
 * The catalogue parsed once per build. Inside a process, the two content loaders and the pages
 * share one parse (three parses of 10,000 files cost 6 s), and the build's own check of the
 * catalogue, made before Astro starts in the same process, is that parse (shareCatalogue).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { catalogueDir, loadCatalogueOrThrow, type Catalogue } from './load.ts';

const SHARED = Symbol.for('kv-cache-atlas.catalogue');
const TOP_FILES = ['taxonomy.yaml', 'venues.yaml', 'site.yaml', 'stars.json', 'citations.json'];

function stamp(file: string): string {
	try {
		const st = statSync(file);
		return `${st.size}:${st.mtimeMs}`;
	} catch {
		return '-';
	}
}

function paperNames(dir: string): string[] {
	const papers = path.join(dir, 'papers');
	try {
		return readdirSync(papers).sort();
	} catch {
		return []; // absent, or a file where the folder belongs: the loader reports it
	}
}

/**
 * A cheap state of the catalogue, for the in-process cache: the paper file names, the papers
 * folder's time and the other files' times. Adding, removing or renaming a paper (editors save by
 * renaming) or editing taxonomy, venues, site, stars or citations changes it; an in-place edit of one paper
 * is seen at the next change of the folder or a restart (as Astro's dev server did anyway).
 */
function quickState(dir: string): string {
	return [`papers:${stamp(path.join(dir, 'papers'))}`, `benchmarks:${stamp(path.join(dir, 'benchmarks'))}`, ...TOP_FILES.map((f) => `${f}:${stamp(path.join(dir, f))}`), ...paperNames(dir)].join('\n');
}

/** This process's cache, on globalThis because Astro loads this module twice (content config and pages). */
function cache(): Map<string, { key: string; catalogue: Catalogue }> {
	return ((globalThis as Record<symbol, unknown>)[SHARED] ??= new Map()) as Map<string, { key: string; catalogue: Catalogue }>;
}

/** Hand a catalogue that was just loaded and checked (without errors) to this process's later loads of `dir`. */
export function shareCatalogue(dir: string, catalogue: Catalogue): void {
	cache().set(dir, { key: quickState(dir), catalogue });
}

/**
 * The validated catalogue of `dir`: from this process's cache while the folder looks unchanged,
 * else parsed and checked by `loadCatalogueOrThrow`.
 */
export function loadCatalogueShared(dir: string = catalogueDir()): Catalogue {
	const key = quickState(dir);
	const hit = cache().get(dir);
	if (hit?.key === key) return hit.catalogue;
	const catalogue = loadCatalogueOrThrow(dir);
	cache().set(dir, { key, catalogue });
	return catalogue;
}
