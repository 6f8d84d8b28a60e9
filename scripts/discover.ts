/**
 * `npm run discover -- --list FILE.md …`: queue the papers of other lists that the catalogue lacks
 * as candidates in data/candidates/ (CATALOGUE_DIR respected). See src/maintain/discover/run.ts.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runDiscover } from '../src/maintain/discover/run.ts';

const today = new Date().toISOString().slice(0, 10);
const result = runDiscover(process.argv.slice(2), catalogueDir(), today);
for (const line of result.err) console.error(line);
for (const line of result.out) console.log(line);
// exitCode, not exit(): a large --json report on a pipe is still being written when the script ends.
process.exitCode = result.code;
