/**
 * `npm run suggest -- --title "…" [--abstract "…"] [--data DIR] [--json]`: the three likeliest
 * leaves for a paper not yet filed, learnt from the catalogue's own filing (src/suggest).
 * `--json` prints exactly `{"suggestions": [{"category", "score", "path", "terms", "nearest"}]}`.
 *
 * Exit codes: 0 suggested; 1 the catalogue (or its suggest.yaml) is invalid; 2 a bad or missing flag.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { didYouMean, formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { formatSuggestions, suggestionsJson } from '../src/suggest/format.ts';
import { readKeywords } from '../src/suggest/keywords.ts';
import { trainSuggester } from '../src/suggest/suggester.ts';

const USAGE = 'usage: npm run suggest -- --title "…" [--abstract "…"] [--data DIR] [--json]';
const options = {
	title: { type: 'string' },
	abstract: { type: 'string' },
	data: { type: 'string' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

function usage(message: string): never {
	console.error(`npm run suggest: ${message}\n${USAGE}`);
	process.exit(2);
}

let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
	({ values } = parseArgs({ options, strict: true }));
} catch (err) {
	const message = (err as Error).message;
	const unknown = /Unknown option '--?([^']+)'/.exec(message)?.[1];
	const guess = unknown ? didYouMean(unknown, Object.keys(options)) : null;
	const positional = /Unexpected argument '([^']*)'/.exec(message)?.[1];
	if (unknown !== undefined) usage(guess ? `unknown option "--${unknown}" — did you mean "--${guess}"?` : `unknown option "--${unknown}"; the options are --title, --abstract, --data and --json`);
	if (positional !== undefined) usage(`unexpected "${positional}": quote a title or abstract of several words, --title "…"`);
	usage(message);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const title = values.title?.trim() ?? '';
if (!title) usage(values.title === undefined ? '--title is required: the paper\'s title, such as --title "KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache"' : '--title is empty: give the paper\'s title');
if (values.abstract !== undefined && !values.abstract.trim()) usage('--abstract is empty: give the abstract, or leave the flag out');
if (values.data !== undefined && !values.data.trim()) usage('--data is empty: name the catalogue folder, such as --data data');

const dir = values.data ? path.resolve(values.data) : catalogueDir();
if (values.data !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage(`--data "${values.data}" is not a folder; name a catalogue folder, such as --data data`);
const { catalogue, diagnostics } = loadCatalogue(dir);
const keywords = catalogue ? readKeywords(dir, catalogue.taxonomy) : null;
const errors = [...diagnostics, ...(keywords?.diagnostics ?? [])].filter((d) => d.severity === 'error');
if (!catalogue || errors.length) {
	for (const d of errors) console.error(formatDiagnostic(d));
	console.error(`✗ ${displayPath(dir)}: ${errors.length} error${errors.length === 1 ? '' : 's'}; suggestions are learnt from a valid catalogue. Fix them ("npm run validate") and ask again.`);
	process.exit(1);
}

const suggestions = trainSuggester(catalogue, { keywords: keywords?.keywords }).suggest({ title, abstract: values.abstract?.trim() });
if (values.json) process.stdout.write(suggestionsJson(suggestions, catalogue.taxonomy));
else process.stdout.write(formatSuggestions(suggestions, catalogue, { title, catalogue: displayPath(dir), keywords: keywords?.keywords != null }));
