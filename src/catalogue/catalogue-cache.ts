/**
 * The catalogue parsed once per build. Inside a process, the two content loaders and the pages
 * share one parse (three parses of 10,000 files cost 6 s). Across processes, `npm run build`'s
 * validate step leaves the catalogue it checked in a file that the Astro step reads instead of
 * parsing every YAML file again (2 s at 10,000 papers), if no catalogue file changed in between.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueDir, loadCatalogueOrThrow, type Catalogue } from './load.ts';

/** The variable through which build.ts tells the Astro step where the validated catalogue is. */
export const VALIDATED_ENV = 'ATLAS_VALIDATED_CATALOGUE';

const SHARED = Symbol.for('kv-cache-atlas.catalogue');
const TOP_FILES = ['taxonomy.yaml', 'venues.yaml', 'site.yaml', 'stars.json'];

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
	return existsSync(papers) ? readdirSync(papers).sort() : [];
}

/**
 * A cheap state of the catalogue, for the in-process cache: the paper file names, the papers
 * folder's time and the other files' times. Adding, removing or renaming a paper (editors save by
 * renaming) or editing taxonomy, venues, site or stars changes it; an in-place edit of one paper
 * is seen at the next change of the folder or a restart (as Astro's dev server did anyway).
 */
function quickState(dir: string): string {
	return [`papers:${stamp(path.join(dir, 'papers'))}`, ...TOP_FILES.map((f) => `${f}:${stamp(path.join(dir, f))}`), ...paperNames(dir)].join('\n');
}

/** The exact state: size and time of every file, for the file handed from one process to another. */
export function fullState(dir: string): string {
	return [...TOP_FILES.map((f) => `${f}:${stamp(path.join(dir, f))}`), ...paperNames(dir).map((f) => `${f}:${stamp(path.join(dir, 'papers', f))}`)].join('\n');
}

/** Where build.ts keeps the validated catalogue of `dir` (git-ignored, under node_modules/.cache). */
export function validatedFile(dir: string, root: string = process.cwd()): string {
	const id = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
	return path.join(root, 'node_modules', '.cache', 'kv-cache-atlas', `validated-${id}.json`);
}

/** Leave a validated catalogue for the next step (atomic: a reader sees the old file or the new one). */
export function writeValidated(file: string, catalogue: Catalogue): void {
	mkdirSync(path.dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify({ dir: path.resolve(catalogue.dir), state: fullState(catalogue.dir), catalogue }));
	renameSync(tmp, file);
}

/** The validated catalogue of `dir` from `file`, or undefined when it is absent, of another catalogue or out of date. */
export function readValidated(file: string, dir: string): Catalogue | undefined {
	try {
		const saved = JSON.parse(readFileSync(file, 'utf8')) as { dir: string; state: string; catalogue: Catalogue };
		return saved.dir === path.resolve(dir) && saved.state === fullState(dir) ? saved.catalogue : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The validated catalogue of `dir`: from this process's cache, else from the file the validate
 * step left (when `ATLAS_VALIDATED_CATALOGUE` names one and it is current), else parsed and
 * checked by `loadCatalogueOrThrow`. The cache lives on globalThis because Astro loads this
 * module twice (content config and pages).
 */
export function loadCatalogueShared(dir: string = catalogueDir()): Catalogue {
	const cache = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new Map()) as Map<string, { key: string; catalogue: Catalogue }>;
	const key = quickState(dir);
	const hit = cache.get(dir);
	if (hit?.key === key) return hit.catalogue;
	const handed = process.env[VALIDATED_ENV];
	const catalogue = (handed ? readValidated(handed, dir) : undefined) ?? loadCatalogueOrThrow(dir);
	cache.set(dir, { key, catalogue });
	return catalogue;
}
