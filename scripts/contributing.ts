/**
 * `npm run contributing [-- --check]`: regenerate the category and venue lists of
 * CONTRIBUTING.md and the "Add a paper" issue form from the catalogue (data/, or the test fixture
 * until data/ exists). `--check` writes nothing and exits 1 when a file is stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contributingMarkdown, contributingSourceDir, issueFormYaml } from '../src/maintain/contributing/contributing-docs.ts';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { loadCatalogue } from '../src/catalogue/load.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const dir = contributingSourceDir(root);
const { catalogue, diagnostics } = loadCatalogue(dir);
if (!catalogue) {
	for (const d of diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
	console.error('✗ the catalogue has errors; fix them before regenerating the contributor docs');
	process.exit(1);
}
const source = path.relative(root, dir).split(path.sep).join('/');
const contributing = path.join(root, 'CONTRIBUTING.md');
const form = path.join(root, '.github/ISSUE_TEMPLATE/add-paper.yml');
const files: Array<[string, string]> = [
	[contributing, contributingMarkdown(readFileSync(contributing, 'utf8'), catalogue)],
	[form, issueFormYaml(catalogue, source)],
];
let stale = 0;
for (const [file, text] of files) {
	const rel = path.relative(root, file);
	const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
	if (current === text) {
		console.log(`✓ ${rel} is up to date (from ${source})`);
		continue;
	}
	stale++;
	if (check) {
		console.error(`✗ ${rel} is out of date; run "npm run contributing" and commit it`);
		continue;
	}
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	console.log(`wrote ${rel} (from ${source})`);
}
if (check && stale) process.exit(1);
