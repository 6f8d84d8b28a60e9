/**
 * `npm run accept -- ID …`: decide a candidate of the queue (CATALOGUE_DIR respected). See
 * src/maintain/decide/accept.ts for the flags and exit codes.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runAccept } from '../src/maintain/decide/accept.ts';

const today = new Date().toISOString().slice(0, 10);
const result = runAccept(process.argv.slice(2), catalogueDir(), today);
for (const line of result.err) console.error(line);
for (const line of result.out) console.log(line);
process.exitCode = result.code;
