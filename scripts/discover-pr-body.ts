/**
 * `node scripts/discover-pr-body.ts --pending FILE [--report FILE.json] [--data DIR] [--branch B]
 * [--run-url URL] [--title]`: the body (or, with --title, the title) of the weekly "New papers"
 * pull request, for .github/workflows/refresh.yml. FILE lists the candidate files the pull request
 * adds, one a line (`git diff --name-only --diff-filter=A` prints them); the report is that week's
 * `npm run discover -- --json`. See src/maintain/discover/pr-body.ts.
 *
 * Exit 0 with the text on stdout; 1 when the catalogue is invalid; 2 on a bad flag or an unreadable list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, loadCatalogue } from '../src/catalogue/load.ts';
import { buildTree } from '../src/catalogue/tree.ts';
import { discoverPrBody, discoverPrTitle } from '../src/maintain/discover/pr-body.ts';
import type { DiscoverJson } from '../src/maintain/discover/run.ts';

const USAGE = 'Usage: node scripts/discover-pr-body.ts --pending FILE [--report FILE.json] [--data DIR] [--branch B] [--run-url URL] [--title]';
const bad = (message: string): never => {
	console.error(`discover-pr-body: ${message}\n${USAGE}`);
	process.exit(2);
};

let values: { pending?: string; report?: string; data?: string; branch?: string; 'run-url'?: string; title?: boolean };
try {
	({ values } = parseArgs({ options: { pending: { type: 'string' }, report: { type: 'string' }, data: { type: 'string' }, branch: { type: 'string' }, 'run-url': { type: 'string' }, title: { type: 'boolean' } }, strict: true }));
} catch (err) {
	bad((err as Error).message);
}
if (!values!.pending) bad('name the list of candidate files: --pending FILE');
let pendingText = '';
try {
	pendingText = readFileSync(values!.pending!, 'utf8');
} catch (err) {
	bad(`cannot read --pending ${values!.pending}: ${(err as Error).message}`);
}
const ids = new Set(pendingText.split('\n').map((l) => l.trim()).filter((l) => l.endsWith('.yaml')).map((l) => path.basename(l, '.yaml')));

const dir = values!.data ? path.resolve(values!.data) : catalogueDir();
const { catalogue, diagnostics } = loadCatalogue(dir);
if (!catalogue) {
	for (const d of diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
	process.exit(1);
}
const candidates = catalogue.candidates.filter((c) => ids.has(c.id));

// A run that failed before writing its report still gets a body: the table is what matters.
let report: DiscoverJson | null = null;
if (values!.report) {
	try {
		report = JSON.parse(readFileSync(values!.report, 'utf8')) as DiscoverJson;
		if (!Array.isArray(report?.services) || typeof report?.counts !== 'object') report = null;
	} catch {
		report = null;
	}
}
const text = values!.title ? `${discoverPrTitle(candidates.length)}\n` : discoverPrBody({ candidates, tree: buildTree(catalogue.taxonomy), report, branch: values!.branch ?? 'discover/candidates', runUrl: values!['run-url'] });
process.stdout.write(text);
