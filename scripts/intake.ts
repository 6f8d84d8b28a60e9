/**
 * `npm run intake -- --event FILE [--data DIR] [--out DIR]`: an "Add a paper" issue event → a paper
 * file in the catalogue (CATALOGUE_DIR respected) and the texts of its pull request and comment.
 * See src/maintain/intake/run.ts for the files written and the exit codes.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runIntake } from '../src/maintain/intake/run.ts';
import { printResult } from './lib/print-result.ts';

const today = new Date().toISOString().slice(0, 10);
const result = await runIntake(process.argv.slice(2), process.env, catalogueDir(), today);
printResult(result);
