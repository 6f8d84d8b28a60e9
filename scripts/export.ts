/**
 * `npm run export -- [--data DIR] [--out FILE] [--include-added]`: write the awesome-list README
 * from the catalogue (CATALOGUE_DIR or data/ by default) to FILE or stdout: the papers of the
 * survey's list (`listed: true`), and with --include-added the papers the atlas added too. An
 * invalid catalogue is refused with the validator's messages (exit 1): a README is only ever
 * written from checked data.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { exportMarkdown } from '../src/awesome-list/export.ts';

const USAGE = 'usage: npm run export -- [--data DIR] [--out FILE] [--include-added]';
let values: { data?: string; out?: string; 'include-added'?: boolean; help?: boolean };
try {
	({ values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, 'include-added': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
} catch (err) {
	console.error(`${(err as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const dir = values.data ? path.resolve(values.data) : catalogueDir();
const { catalogue, diagnostics } = loadCatalogue(dir);
if (!catalogue) {
	for (const d of diagnostics) console.error(formatDiagnostic(d));
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	console.error(`✗ ${displayPath(dir)}: ${errors} error${errors === 1 ? '' : 's'}; nothing exported. Fix them (npm run validate) and export again.`);
	process.exit(1);
}
const includeAdded = values['include-added'] === true;
const markdown = exportMarkdown(catalogue, { includeAdded });
if (values.out) {
	writeFileSync(values.out, markdown);
	const listed = catalogue.papers.filter((p) => p.listed === true).length;
	const added = catalogue.papers.length - listed;
	const written = includeAdded ? catalogue.papers.length : listed;
	const left = !includeAdded && added ? `; ${added} added by the atlas left out (--include-added writes them)` : '';
	console.log(`✓ wrote ${displayPath(path.resolve(values.out))}: ${written} papers${left}`);
} else process.stdout.write(markdown);
