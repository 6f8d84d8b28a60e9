/**
 * `npm run new -- --title … --year … --venue … --category …`: write data/papers/<id>.yaml
 * (CATALOGUE_DIR respected), validated with the catalogue. Exit 0 with the path, 1 when the paper
 * is already listed or does not validate, 2 on a missing or bad flag.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runNewPaper } from '../src/maintain/new/new-paper.ts';
import { printResult } from './lib/print-result.ts';

const today = new Date().toISOString().slice(0, 10);
const result = runNewPaper(process.argv.slice(2), catalogueDir(), today);
printResult(result);
