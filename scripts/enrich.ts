/**
 * `npm run enrich [-- --apply] [--force] [--only ID…] [--json] [--facts FILE.json]`: authors, first
 * dates, published venues, DOIs and citation counts from the arXiv API (ARXIV_API_URL) and
 * Semantic Scholar (SEMANTIC_SCHOLAR_API_URL, SEMANTIC_SCHOLAR_API_KEY), or from a file of gathered
 * facts. Without --apply it only reports. Exit 0 when every request was answered, 1 when a service
 * failed (what was gathered is still written with --apply) or the catalogue is invalid, 2 on a bad flag.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { didYouMean, formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { arxivOptionsFromEnv } from '../src/services/arxiv.ts';
import { enrich } from '../src/maintain/enrich/enrich.ts';
import { enrichJson, formatEnrichText } from '../src/maintain/enrich/report.ts';
import { readFactsFile, type FactsFile } from '../src/maintain/enrich/facts.ts';
import { retryOptionsFromEnv } from '../src/services/http-retry.ts';
import { semanticScholarOptionsFromEnv } from '../src/services/semantic-scholar.ts';

const USAGE = 'Usage: npm run enrich [-- --apply] [--force] [--only ID…] [--json] [--facts FILE.json]';
const bad = (message: string): never => {
	console.error(`npm run enrich: ${message}\n${USAGE}`);
	process.exit(2);
};

let parsed: ReturnType<typeof parseFlags>;
function parseFlags() {
	return parseArgs({
		options: {
			apply: { type: 'boolean' },
			force: { type: 'boolean' },
			json: { type: 'boolean' },
			only: { type: 'string', multiple: true },
			facts: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
		allowPositionals: true,
		strict: true,
	});
}
try {
	parsed = parseFlags();
} catch (err) {
	bad((err as Error).message);
}
const { values: flags, positionals } = parsed!;
if (flags.help) {
	console.log(USAGE);
	process.exit(0);
}
if (positionals.length && !flags.only) bad(`unexpected argument "${positionals[0]}"; name papers with --only ID…`);
const only = flags.only ? [...flags.only, ...positionals].flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean) : null;
if (only && !only.length) bad('--only needs at least one paper id, such as --only snapkv');

let facts: { file: string; data: FactsFile } | undefined;
if (flags.facts !== undefined) {
	const file = path.resolve(flags.facts);
	try {
		facts = { file, data: readFactsFile(file, displayPath(file)) };
	} catch (err) {
		bad(`--facts: ${(err as Error).message}`);
	}
}

const dir = catalogueDir();
const { catalogue, diagnostics } = loadCatalogue(dir, { skipCitations: true });
if (!catalogue) {
	for (const d of diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
	console.error(`✗ ${displayPath(dir)} has errors; fix them ("npm run validate") before enriching. Nothing was changed.`);
	process.exit(1);
}
const ids = new Set(catalogue.papers.map((p) => p.id));
for (const id of only ?? []) {
	if (ids.has(id)) continue;
	const guess = didYouMean(id, ids);
	bad(`--only: no paper "${id}" in ${displayPath(dir)}${guess ? ` — did you mean "${guess}"?` : '; a paper id is its file name without .yaml'}`);
}

// Nothing is written before the very end (in one synchronous step), so an interrupted run changed nothing.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		console.error(`\ninterrupted: nothing was changed`);
		process.exit(signal === 'SIGINT' ? 130 : 143);
	});
}

const log = (line: string) => console.error(line);
const retry = retryOptionsFromEnv(process.env, log);
const arxiv = arxivOptionsFromEnv(process.env, retry);
const semanticScholar = semanticScholarOptionsFromEnv(process.env, retry);
if (facts) log(`enrich: facts from ${displayPath(facts.file)} for ${only?.length ?? catalogue.papers.length} papers; no service is asked`);
else log(`enrich: ${only?.length ?? catalogue.papers.length} papers via ${arxiv.apiUrl} and ${semanticScholar.apiUrl}${semanticScholar.apiKey ? ' (with SEMANTIC_SCHOLAR_API_KEY)' : ''}`);

const report = await enrich(catalogue, {
	apply: Boolean(flags.apply),
	force: Boolean(flags.force),
	only,
	today: new Date().toISOString().slice(0, 10),
	facts,
	arxiv,
	semanticScholar,
	log,
});
process.stdout.write(flags.json ? enrichJson(report) : formatEnrichText(report));
// Not process.exit(): on a pipe stdout is written asynchronously, and exiting would cut a long report short.
process.exitCode = report.problems.length ? 1 : 0;
