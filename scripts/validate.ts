/**
 * `npm run validate`: check the catalogue (CATALOGUE_DIR, default data/) and print every problem
 * as `path:line:col  field  message`. Exit 1 on any error, 0 with warnings only. Under GitHub
 * Actions the problems are also written as annotations so they show on the pull request's lines.
 * The optional suggest.yaml of `npm run suggest` is checked with it (it names leaves of the taxonomy),
 * and so is the optional discover.yaml of `npm run discover` (the query and the rules that keep a hit).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sortDiagnostics } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { readDiscoverConfig } from '../src/maintain/discover/config.ts';
import { KEYWORDS_FILE, readKeywords } from '../src/suggest/keywords.ts';
import { printDiagnostics } from './lib/print-diagnostics.ts';

const dir = process.argv[2] ?? catalogueDir();
const loaded = loadCatalogue(dir);
const { catalogue } = loaded;
const hasKeywords = existsSync(path.join(dir, KEYWORDS_FILE));
const discover = readDiscoverConfig(dir);
const diagnostics = sortDiagnostics([...loaded.diagnostics, ...(catalogue && hasKeywords ? readKeywords(dir, catalogue.taxonomy).diagnostics : []), ...discover.diagnostics]);
const files = loaded.files + (hasKeywords ? 1 : 0) + (discover.fromFile ? 1 : 0);
printDiagnostics(diagnostics);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
const summary = `${displayPath(dir)}: ${files} files, ${catalogue?.papers.length ?? 0} papers${catalogue?.benchmarks.length ? `, ${catalogue.benchmarks.length} benchmarks` : ''}; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
if (errors) {
	console.error(`✗ ${summary}`);
	process.exit(1);
}
console.log(`✓ ${summary}`);
