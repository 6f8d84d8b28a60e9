/**
 * `npm run reject -- ID …`: decide a candidate of the queue (CATALOGUE_DIR respected). See
 * src/maintain/decide/reject.ts for the flags and exit codes.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runReject } from '../src/maintain/decide/reject.ts';
import { printResult } from './lib/print-result.ts';

const today = new Date().toISOString().slice(0, 10);
const result = runReject(process.argv.slice(2), catalogueDir(), today);
printResult(result);
