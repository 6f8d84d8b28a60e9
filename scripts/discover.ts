/**
 * `npm run discover -- [--list FILE.md …] [--arxiv [--since D]] [--citations]`: queue the papers
 * that other lists, an arXiv search and the survey's citers know and the catalogue lacks as
 * candidates in data/candidates/ (CATALOGUE_DIR respected). See src/maintain/discover/run.ts.
 */
import { catalogueDir } from '../src/catalogue/load.ts';
import { runDiscover } from '../src/maintain/discover/run.ts';
import { printResult } from './lib/print-result.ts';

// Nothing is written before the very end (in one synchronous step), so an interrupted run changed nothing.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		console.error('\ninterrupted: nothing was changed');
		process.exit(signal === 'SIGINT' ? 130 : 143);
	});
}

const today = new Date().toISOString().slice(0, 10);
const result = await runDiscover(process.argv.slice(2), catalogueDir(), today, { env: process.env, log: (line) => console.error(line) });
printResult(result);
