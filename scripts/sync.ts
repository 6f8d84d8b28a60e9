/**
 * `npm run sync -- FILE.md [--data DIR] [--dry-run] [--prune] [--json] [--date YYYY-MM-DD]`: merge a
 * version of the list into the catalogue (CATALOGUE_DIR or data/ by default). Prints the change
 * report (`--json`: the same as JSON on stdout), validates the merged catalogue in a scratch copy,
 * then writes every changed file or none.
 *
 * Exit codes: 0 applied (or nothing to change); 1 some rows could not be placed (the rest is
 * applied), the catalogue is invalid before or would be after (nothing written), or writing failed
 * (nothing written); 2 bad flags, or FILE cannot be read as a list.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatImportMessage } from '../src/awesome-list/report.ts';
import { BASE_FILE, catalogueFiles, formatSyncReport, readSyncBase, syncSummary } from '../src/awesome-list/sync-files.ts';
import { planSync } from '../src/awesome-list/sync.ts';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { replaceFiles } from '../src/catalogue/transaction.ts';
import { readList } from './lib/read-list.ts';

const USAGE = 'usage: npm run sync -- FILE.md [--data DIR] [--dry-run] [--prune] [--json] [--date YYYY-MM-DD]';
const options = {
	data: { type: 'string' },
	'dry-run': { type: 'boolean' },
	prune: { type: 'boolean' },
	json: { type: 'boolean' },
	date: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const;
let args: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
	args = parseArgs({ options, allowPositionals: true });
} catch (err) {
	usage((err as Error).message);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
const [input, ...extra] = args.positionals;
if (!input) usage('no list file: name the README to sync from');
if (extra.length) usage(`one list file only (got ${args.positionals.length}: ${args.positionals.join(', ')})`);
const date = args.values.date ?? new Date().toISOString().slice(0, 10);
// Date.parse takes 2025-02-30 for 2 March: the day must come back as written.
const day = Date.parse(`${date}T00:00:00Z`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) usage(`--date must be a day written YYYY-MM-DD, such as 2025-07-30, not "${date}"`);

const dir = args.values.data ? path.resolve(args.values.data) : catalogueDir();
const json = args.values.json === true;
const say = (line: string) => (json ? console.error(line) : console.log(line));

const { file, list } = readList(input);
if (list.fatal) {
	console.error(formatImportMessage(file, list.fatal));
	console.error(`✗ ${file} is not a list the sync can read; ${displayPath(dir)} is unchanged`);
	process.exit(2);
}

const started = performance.now();
const loaded = loadCatalogue(dir);
if (!loaded.catalogue) {
	for (const d of loaded.diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
	console.error(`✗ ${displayPath(dir)} has errors; fix them (npm run validate) before syncing. Nothing was changed.`);
	process.exit(1);
}
const recorded = readSyncBase(dir);
if (recorded.problem) {
	console.error(`${displayPath(path.join(dir, BASE_FILE))}: ${recorded.problem}; it is written by "npm run sync" only — restore it with git, or delete it to sync without it. Nothing was changed.`);
	process.exit(1);
}
const plan = planSync(loaded.catalogue, list, { date, prune: args.values.prune === true, base: recorded.base });
const changes = catalogueFiles(dir, loaded.catalogue, plan, path.resolve(import.meta.dirname, '..', 'public', 'schemas'));

// The merged catalogue must validate: check it in a scratch copy before touching the real one.
if (changes.length) {
	const scratch = mkdtempSync(path.join(tmpdir(), 'atlas-sync-'));
	let refused = false;
	try {
		cpSync(dir, scratch, { recursive: true });
		const moved = changes.map((c) => ({ ...c, file: path.join(scratch, path.relative(dir, c.file)) }));
		replaceFiles(moved);
		const check = loadCatalogue(scratch);
		const errors = check.diagnostics.filter((d) => d.severity === 'error');
		if (errors.length) {
			const shown = displayPath(dir);
			for (const d of errors) console.error(formatDiagnostic({ ...d, file: d.file.replace(displayPath(scratch), shown) }));
			console.error(`✗ the merged catalogue would not validate (${errors.length} error${errors.length === 1 ? '' : 's'}); nothing was written. Fix the list or ${shown} and sync again.`);
			refused = true;
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	if (refused) process.exit(1);
}

for (const m of list.messages.filter((x) => x.kind === 'problem')) console.error(formatImportMessage(file, m));
const dryRun = args.values['dry-run'] === true;
let written = false;
if (changes.length && !dryRun) {
	try {
		replaceFiles(changes);
		written = true;
	} catch (err) {
		console.error(`✗ writing ${displayPath(dir)} failed (${(err as Error).message}); every file was put back, nothing changed`);
		process.exit(1);
	}
}
const ms = Math.round(performance.now() - started);
const summary = syncSummary(plan.report, changes, dir, { dryRun, written, ms, file });
if (json) console.log(JSON.stringify({ file, data: displayPath(dir), date, dryRun, applied: written, files: summary.files, ms, ...plan.report }, null, 2));
else {
	for (const line of formatSyncReport(plan.report, file)) say(line);
	say(summary.line);
}
// exitCode, not exit(): a large --json report on a pipe is still being written when the script ends.
process.exitCode = plan.report.unplaced.length ? 1 : 0;

function usage(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}
