/**
 * `npm run reject -- ID …`: decide a candidate of the queue (CATALOGUE_DIR respected). See
 * src/maintain/decide/reject.ts for the flags and exit codes.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runReject } from '../src/maintain/decide/reject.ts';

const today = new Date().toISOString().slice(0, 10);
const result = runReject(process.argv.slice(2), catalogueDir(), today);
for (const line of result.err) console.error(line);
for (const line of result.out) console.log(line);
process.exitCode = result.code;
