/**
 * `npm run stars`: refresh data/stars.json (CATALOGUE_DIR respected) from the GitHub REST API
 * (GITHUB_API_URL, GITHUB_TOKEN). Progress on stderr, a summary at the end. Exit 0 when any
 * request returned a count, 1 when every request failed (the snapshot is then left untouched)
 * or the catalogue is invalid.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../src/catalogue/transaction.ts';
import { repositoriesOf } from '../src/catalogue/links.ts';
import { readStarsFile, refreshStars, starsOptionsFromEnv, starsToJson } from '../src/maintain/stars/stars.ts';

const dir = catalogueDir();
const file = path.join(dir, 'stars.json');
const shown = displayPath(file);
const started = performance.now();

const { catalogue, diagnostics } = loadCatalogue(dir, { skipStars: true });
if (!catalogue) {
	for (const d of diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
	console.error(`✗ ${displayPath(dir)} has errors; fix them ("npm run validate") before refreshing stars. ${shown} was not changed.`);
	process.exit(1);
}

// Killed while waiting for GitHub: nothing has been written yet, so the old snapshot stands.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		console.error(`\ninterrupted: ${shown} was not changed`);
		process.exit(signal === 'SIGINT' ? 130 : 143);
	});
}

removeStaleTempFiles(file);
const previous = readStarsFile(file);
if (previous.problem) console.error(`warning: ${shown} could not be read (${previous.problem}); it will be rebuilt from the answers`);
const repos = repositoriesOf(catalogue.papers);
const today = new Date().toISOString().slice(0, 10);
const options = starsOptionsFromEnv(process.env, today, (line) => console.error(line));
console.error(`stars: ${repos.length} repositories from ${catalogue.papers.length} papers via ${options.apiUrl}${options.token ? ' (with GITHUB_TOKEN)' : ' (no GITHUB_TOKEN: 60 requests an hour)'}`);

const run = await refreshStars(repos, previous.stars, options);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const parts = [
	`${run.updated.length} updated`,
	`${run.unchanged.length} unchanged`,
	`${run.kept.length} kept after failure`,
	`${run.removed.length} removed (no longer referenced)`,
];
if (run.missing.length) parts.push(`${run.missing.length} failed without a previous count`);
if (run.notChecked.length) parts.push(`${run.notChecked.length} not checked (rate limit)`);

if (repos.length > 0 && run.succeeded === 0) {
	console.error(`✗ stars: all ${repos.length} requests failed; ${shown} was not changed (${seconds} s)`);
	process.exit(1);
}
const text = starsToJson(run.stars);
const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
if (text !== before) writeFileAtomic(file, text);
for (const [from, to] of run.renamed) console.error(`note: ${from} is now ${to} on GitHub; update the code links that name it`);
console.error(`✓ stars: ${parts.join(', ')} → ${shown} in ${seconds} s`);
