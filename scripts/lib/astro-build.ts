/**
 * The validate and Astro steps of `npm run build`, in one process started by scripts/build.ts:
 * the catalogue is checked first (bad data stops here, before Astro, with the validator's
 * messages), then handed to Astro's content loaders and pages in memory (shareCatalogue), so the
 * files are parsed once per build. Astro runs through its JavaScript API at log level warn: its
 * default log writes two lines per page, and at 10,000 pages printing them cost 5–7 s of a 38 s
 * build on the 2-core machine. `ATLAS_ASTRO_LOG=info` (`npm run build -- --verbose`) brings the
 * page-by-page log back. Two builds of one checkout take turns for the Astro part (build-lock.ts).
 */
import path from 'node:path';
import { build } from 'astro';
import { shareCatalogue } from '../../src/catalogue/cache.ts';
import { catalogueDir } from '../../src/catalogue/load.ts';
import { withBuildLock } from './build-lock.ts';
import { checkCatalogue } from './check-catalogue.ts';

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
type Level = (typeof LEVELS)[number];
const wanted = process.env.ATLAS_ASTRO_LOG ?? 'warn';
const logLevel: Level = (LEVELS as readonly string[]).includes(wanted) ? (wanted as Level) : 'warn';

const dir = catalogueDir();
shareCatalogue(dir, checkCatalogue(dir).catalogue);
const root = path.resolve(import.meta.dirname, '../..');
try {
	await withBuildLock(root, () => build({ logLevel }), (pid) => console.log(`… waiting for another build of this checkout${pid ? ` (pid ${pid})` : ''}: Astro steps take turns`));
} catch (error) {
	// Through the API Astro leaves printing the error to its caller (its CLI does it): file, message, hint.
	console.error(error);
	process.exit(1);
}
// Astro's CLI exits once the build is done; through the API, leftover handles could keep the process up.
process.exit(0);
