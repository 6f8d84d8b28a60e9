/**
 * `npm run bench:sync -- --rows N [--seed S] [--keep]`: the cost of `npm run sync` on a big list.
 * Writes a synthetic catalogue over the real taxonomy, exports it as the list's README, changes
 * that list the way an upstream edit would (a leaf renamed, rows added and dropped, titles and
 * venues edited), cuts it to N table rows, then times the real CLI twice in a process of its own:
 * the sync that applies the changes, and a second one that finds nothing to change.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measure } from './lib/measure-process.ts';
import { prng, realCatalogueSource, writeSyntheticCatalogue } from './lib/synthetic.ts';
import { exportMarkdown } from '../src/awesome-list/export.ts';
import { loadCatalogueOrThrow } from '../src/catalogue/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function usage(message: string): never {
	console.error(`${message}\nusage: npm run bench:sync -- --rows N [--seed S] [--keep]`);
	process.exit(2);
}

let rows = 0;
let seed = 1;
let keep = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
	const a = argv[i]!;
	if (a === '--keep') keep = true;
	else if (a === '--rows' || a === '--seed') {
		const n = Number((argv[++i] ?? '').replace(/[_,]/g, ''));
		if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive whole number`);
		if (a === '--rows') rows = n;
		else seed = n;
	} else usage(`unknown argument "${a}"`);
}
if (!rows) usage('--rows N is required');

mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, '.bench', `atlas-sync-${rows}-`));
const original = path.join(work, 'original');
// Papers are listed in 1.4 categories on average: this many give at least N rows.
writeSyntheticCatalogue({ papers: Math.ceil(rows / 1.2), source: realCatalogueSource(ROOT), out: original, seed });
mkdirSync(path.join(work, 'schemas'), { recursive: true });
for (const f of ['paper', 'taxonomy', 'venues', 'site'].map((n) => `${n}.schema.json`)) copyFileSync(path.join(ROOT, 'public/schemas', f), path.join(work, 'schemas', f));
const catalogue = loadCatalogueOrThrow(original);
const lines = exportMarkdown(catalogue).split('\n');

// An upstream edit, drawn from the seed: every change the sync reports has a few hundred cases.
const rand = prng(seed + 1);
// The first category heading (a heading with a table under it, not one of the preamble's).
const leafHeading = lines.findIndex((l, i) => /^#{2,6} /.test(l) && lines.slice(i + 1, i + 4).some((x) => x.startsWith('| Year')));
lines[leafHeading] = lines[leafHeading]!.replace(/^(#{2,6}) (.*?)( \(\[|$)/, '$1 $2 (renamed)$3');
let kept = 0;
const counts = { dropped: 0, added: 0, retitled: 0, venues: 0 };
const out: string[] = [];
for (const line of lines) {
	const row = /^\| (\d{4}) \| (.*?) \| (.*?) \| (.*?) \| (.*?) \|(.*)$/.exec(line);
	if (!row) {
		out.push(line);
		continue;
	}
	if (kept >= rows) continue;
	const x = rand();
	if (x < 0.02) {
		counts.dropped++;
		continue;
	}
	let [, year, title, type, venue, paper, rest] = row as unknown as string[];
	if (x < 0.04) {
		title = `${title} (extended version)`;
		counts.retitled++;
	} else if (x < 0.06 && venue!.trim() === 'arXiv') {
		venue = 'ICML   ';
		counts.venues++;
	}
	out.push(`| ${year} | ${title} | ${type} | ${venue} | ${paper} |${rest}`);
	kept++;
	if (x > 0.97 && kept < rows) {
		const n = counts.added++;
		out.push(`| ${year} | NewPaper${n}: A Fresh Look at ${type!.trim()} | ${type} | arXiv | [Link](https://arxiv.org/abs/2601.${String(50000 + n).padStart(5, '0')}) |  |`);
		kept++;
	}
}
const list = path.join(work, 'list.md');
writeFileSync(list, out.join('\n'));

const target = path.join(work, 'catalogue');
cpSync(original, target, { recursive: true });
const env = { ...process.env, GITHUB_ACTIONS: '' };
const sync = (label: string) => measure(process.execPath, [path.join(ROOT, 'scripts/sync.ts'), list, '--data', target, '--date', '2026-12-01', '--json'], env, ROOT).then((m) => ({ label, ...m }));
const first = await sync('apply');
const second = await sync('again');
for (const m of [first, second]) {
	if (m.code !== 0) {
		console.error(m.output.split('\n').slice(-30).join('\n'));
		usage(`sync (${m.label}) exited ${m.code}; the work folder is ${work}`);
	}
}
const report = JSON.parse(first.stdout) as { counts: { rows: number; listPapers: number; papersBefore: number; papersAfter: number }; added: unknown[]; updated: unknown[]; moved: unknown[]; removed: unknown[]; taxonomy: unknown[]; files: { written: string[] } };
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
console.log(`list: ${report.counts.rows} rows, ${report.counts.listPapers} papers; catalogue ${report.counts.papersBefore} → ${report.counts.papersAfter} papers`);
console.log(`edit: ${counts.added} rows added, ${counts.dropped} dropped, ${counts.retitled} retitled, ${counts.venues} venues published, 1 leaf renamed`);
console.log(`report: ${report.added.length} added, ${report.updated.length} updated, ${report.moved.length} moved, ${report.removed.length} no longer listed, ${report.taxonomy.length} taxonomy changes; ${report.files.written.length} files written`);
console.log(`sync (apply): ${s(first.wallMs)} wall, ${s(first.cpuMs)} cpu, ${mib(first.peakProcessBytes)} peak`);
console.log(`sync (again, nothing to change): ${s(second.wallMs)} wall, ${s(second.cpuMs)} cpu, ${mib(second.peakProcessBytes)} peak`);
if (keep) console.log(`kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
