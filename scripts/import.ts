/**
 * `npm run import -- FILE.md --out DIR`: turn an awesome-list README into a catalogue folder.
 * Problems in the list are printed as `FILE:LINE: what is wrong` on stderr, notes on what the
 * import did (merged rows, normalised venues) as `FILE:LINE: …` on stdout, then a summary and
 * the validator's verdict on the written folder. Every table row is accounted for: it is part of
 * a paper, or reported at its line with why it is not (no title, above the first category, …).
 *
 * Exit codes: 0 when every row became part of a paper and the written folder is a valid catalogue;
 * 1 when rows could not be read (no title; no year and no arXiv link to take one from, such as a
 * row with a name alone): they are reported at their line and the rest is written; also 1 when the
 * file holds no taxonomy or no table (nothing is written), or when the validator refuses what was
 * written: the files stay, with the validator's messages, because they are the rest of the list
 * already converted — fix the list and import again, or fix the named files, then `npm run
 * validate`; `npm run build` refuses the folder until then. 2 on a usage error.
 *
 * The choices it makes, each reported where it applies:
 * - headings → taxonomy (the first heading is the list's name); a section without a table is a
 *   leaf whose text is its description; slugs are the slugified titles, and titles used twice
 *   are prefixed with their parent's title on every node that uses them
 *   ("Cross Layer" › "Compression" → `cross-layer-compression`), see src/awesome-list/slugs.ts;
 * - rows of one paper (same arXiv id or paper URL, same title, or a short name equal to the
 *   "Name:" before another title's colon) are one paper; the longest title wins, short names
 *   become aliases, and disagreeing year, venue or links are reported (src/awesome-list/merge.ts);
 * - venues resolve through the built-in list of src/catalogue/venues.ts (NIPS → NeurIPS); "ICLR sub."
 *   is the venue "ICLR submission" (kind preprint: under review, not accepted); an empty venue
 *   cell is "Unspecified" (kind other, exported as an empty cell); an unknown name becomes a
 *   venue of kind other. venues.yaml lists the venues the papers use, nothing more;
 * - paper ids come from the short name, else the title's first four words (src/catalogue/ids.ts);
 * - a table whose first column is "Benchmark" (the export writes one under Datasets and Benchmarks)
 *   becomes benchmarks/<id>.yaml, one file per row; a benchmark whose arXiv id is a paper's names
 *   that paper as its study;
 * - an existing stars.json and site.yaml `repository` in DIR are kept; old paper files go
 *   (benchmark files stay).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCatalogue } from '../src/awesome-list/write.ts';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { formatImportMessage } from '../src/awesome-list/report.ts';
import { displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { readList } from './lib/read-list.ts';

const USAGE = 'usage: npm run import -- FILE.md --out DIR';
let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
}
try {
	args = parse();
} catch (err) {
	console.error(`${(err as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
const [input, ...extra] = args.positionals;
if (!input || extra.length || !args.values.out) {
	console.error(`${!input ? 'no input file' : extra.length ? `one input file only (got ${args.positionals.length})` : 'no --out folder'}\n${USAGE}`);
	process.exit(2);
}
const out = path.resolve(args.values.out);
const { file, list: result } = readList(input);
for (const m of result.messages) (m.kind === 'problem' ? console.error : console.log)(formatImportMessage(file, m));
if (result.fatal) {
	console.error(formatImportMessage(file, result.fatal));
	console.error(`✗ ${file}: nothing imported; ${displayPath(out)} is unchanged`);
	process.exit(1);
}

const schemas = path.resolve(import.meta.dirname, '..', 'public', 'schemas');
const written = writeCatalogue(out, result, schemas);
const problems = result.messages.filter((m) => m.kind === 'problem').length;
const skipped = result.skipped.length;
const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const continued = result.continued ? `, ${plural(result.continued, 'line')} joined to the row above` : '';
console.log(
	`✓ ${file}: ${plural(result.rows, 'row')} → ${plural(result.papers.length, 'paper')}${result.benchmarks.length ? ` and ${plural(result.benchmarks.length, 'benchmark')}` : ''} (${result.merged} merged${continued}, ${skipped} skipped) in ${plural(countLeaves(result.taxonomy), 'category', 'categories')}, ${plural(result.venues.length, 'venue')}; ${plural(problems, 'problem')} reported`,
);
console.log(`  wrote ${written.files} files to ${displayPath(out)}${written.removed.length ? `, removed ${written.removed.length} paper files of an earlier import` : ''}`);
if (written.keptStars) console.log('  kept the existing stars.json');
if (written.keptRepository) console.log(`  kept repository ${written.keptRepository} from the existing site.yaml`);

const check = loadCatalogue(out);
const errors = check.diagnostics.filter((d) => d.severity === 'error');
if (errors.length) {
	console.error(`✗ the written catalogue does not validate (${plural(errors.length, 'error')}); the files stay in ${displayPath(out)} — fix the list and import again, or fix these files and run npm run validate:`);
	for (const d of errors) console.error(formatDiagnostic(d));
	process.exit(1);
}
console.log(`  validate: ${displayPath(out)} is a valid catalogue`);
if (skipped) {
	console.error(`✗ ${plural(skipped, 'row')} of ${file} not imported (reported above with ${skipped === 1 ? 'its line' : 'their lines'}); the rest is written — fix ${skipped === 1 ? 'it' : 'them'} in the list and import again`);
	process.exitCode = 1;
}

function countLeaves(nodes: ReadonlyArray<{ children?: unknown[] | undefined }>): number {
	return nodes.reduce((n, node) => n + (node.children?.length ? countLeaves(node.children as typeof nodes) : 1), 0);
}
