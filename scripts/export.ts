/**
 * `npm run export -- [--data DIR] [--out FILE]`: write the awesome-list README from the catalogue
 * (CATALOGUE_DIR or data/ by default) to FILE or stdout. An invalid catalogue is refused with the
 * validator's messages (exit 1): a README is only ever written from checked data.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { exportMarkdown } from '../src/awesome-list/export.ts';

const USAGE = 'usage: npm run export -- [--data DIR] [--out FILE]';
let values: { data?: string; out?: string; help?: boolean };
try {
	({ values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
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
const markdown = exportMarkdown(catalogue);
if (values.out) {
	writeFileSync(values.out, markdown);
	console.log(`✓ wrote ${displayPath(path.resolve(values.out))}: ${catalogue.papers.length} papers`);
} else process.stdout.write(markdown);
