/**
 * `npm run bench:suggest -- [--data DIR] [--papers N …] [--runs K] [--seed S] [--json]`: how well
 * and how fast suggested categories work.
 *
 * - Leave-one-out on the catalogue (DIR, else CATALOGUE_DIR or data/): each paper filed from all the
 *   others, for the method, the title-only nearest-neighbour baseline, and the method with one part
 *   taken away (the survey's terms, the leaves' descriptions, short names, abstracts).
 * - Unseen papers, when the catalogue has papers the atlas added: trained on the survey's list
 *   (`listed: true`, titles and short names) and asked to file the added papers, from the title
 *   alone and with their abstract or summary.
 * - Training time on that catalogue and on synthetic catalogues of N papers (default 10,000; see
 *   scripts/lib/synthetic.ts), the median of K runs (default 5), and the time of one suggestion.
 *
 * Exit 0 with the figures; 1 when the catalogue is invalid; 2 on a bad flag.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { catalogueDir, displayPath, loadCatalogue, loadCatalogueOrThrow } from '../src/catalogue/load.ts';
import { readKeywords, type KeywordMap } from '../src/suggest/keywords.ts';
import { fileUnseen, leaveOneOut, type HeldOutView, type LeaveOneOutResult } from '../src/suggest/leave-one-out.ts';
import { abstractOf, trainSuggester, type Filing, type Suggester, type SuggesterOptions } from '../src/suggest/suggester.ts';
import { trainTitleNeighbours } from '../src/suggest/title-neighbours.ts';
import { realCatalogueSource, writeSyntheticCatalogue } from './lib/synthetic.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run bench:suggest -- [--data DIR] [--papers N …] [--runs K] [--seed S] [--json]';
const options = {
	data: { type: 'string' },
	papers: { type: 'string', multiple: true },
	runs: { type: 'string' },
	seed: { type: 'string' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

function usage(message: string): never {
	console.error(`npm run bench:suggest: ${message}\n${USAGE}`);
	process.exit(2);
}

let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
	({ values } = parseArgs({ options, strict: true }));
} catch (err) {
	usage((err as Error).message);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const whole = (flag: string, text: string | undefined, fallback: number): number => {
	if (text === undefined) return fallback;
	const n = Number(text.replace(/[_,]/g, ''));
	if (!Number.isInteger(n) || n < 1) usage(`${flag} needs a positive whole number, not "${text}"`);
	return n;
};
const sizes = (values.papers ?? ['10000']).map((p) => whole('--papers', p, 0));
const runs = whole('--runs', values.runs, 5);
const seed = whole('--seed', values.seed, 1);

const dir = values.data ? path.resolve(values.data) : catalogueDir();
const { catalogue, diagnostics } = loadCatalogue(dir);
const keywordsRead = catalogue ? readKeywords(dir, catalogue.taxonomy) : null;
const errors = [...diagnostics, ...(keywordsRead?.diagnostics ?? [])].filter((d) => d.severity === 'error');
if (!catalogue || errors.length) {
	for (const d of errors) console.error(formatDiagnostic(d));
	console.error(`✗ ${displayPath(dir)} is not valid; fix it ("npm run validate") first.`);
	process.exit(1);
}
const keywords = keywordsRead?.keywords ?? null;
const say = (line: string) => (values.json ? undefined : console.log(line));

// Leave-one-out: the method, the baseline, and the method with one part taken away.
const withAbstracts = catalogue.papers.filter((p) => abstractOf(p)).length;
const method = (extra: SuggesterOptions = {}) => (rest: Filing) => trainSuggester(rest, { keywords, ...extra });
const rows: Array<{ name: string; train: (rest: Filing) => Suggester; view?: HeldOutView }> = [
	{ name: 'title-only nearest neighbour (baseline)', train: (rest) => trainTitleNeighbours(rest), view: { aliases: false, abstracts: false } },
	{ name: '  the same on word stems', train: (rest) => trainTitleNeighbours(rest, { stems: true }), view: { aliases: false, abstracts: false } },
	{ name: 'this method', train: method() },
	{ name: `  without the survey's terms (suggest.yaml)`, train: method({ keywords: null }) },
	{ name: '  without leaf descriptions (papers only)', train: method({ descriptions: false }) },
	{ name: '  without short names', train: method({ aliases: false }), view: { aliases: false } },
	...(withAbstracts ? [{ name: '  without abstracts and summaries', train: method({ abstracts: false }), view: { abstracts: false } }] : []),
];
if (!keywords) rows.splice(3, 1);
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
const results: Array<{ name: string } & LeaveOneOutResult> = [];
say(`Leave-one-out on ${displayPath(dir)}: ${catalogue.papers.length} papers, each filed from the other ${catalogue.papers.length - 1}`);
say(`(${withAbstracts ? `${withAbstracts} papers have an abstract or summary` : 'no paper has an abstract or summary yet: the abstract row appears once enrich has written them'}; ${keywords ? `survey terms for ${keywords.size} leaves` : 'no suggest.yaml'})`);
say('');
say(`${'method'.padEnd(46)} ${'leaf@1'.padStart(7)} ${'leaf@3'.padStart(7)} ${'group@1'.padStart(8)}`);
for (const row of rows) {
	const r = leaveOneOut(catalogue, row.train, row.view);
	results.push({ name: row.name.trim(), ...r });
	say(`${row.name.padEnd(46)} ${pct(r.leafAt1, r.papers).padStart(7)} ${pct(r.leafAt3, r.papers).padStart(7)} ${pct(r.groupAt1, r.papers).padStart(8)}`);
}

// Papers the suggester never saw: trained on the survey's list, asked to file what the atlas added.
const listed = catalogue.papers.filter((p) => p.listed === true);
const added = catalogue.papers.filter((p) => p.listed !== true);
const unseen: Array<{ name: string } & LeaveOneOutResult> = [];
if (listed.length && added.length) {
	const training: Filing = { taxonomy: catalogue.taxonomy, papers: listed.map((p) => ({ ...p, abstract: undefined, summary: undefined })) };
	const unseenRows: Array<{ name: string; train: (f: Filing) => Suggester; view: HeldOutView }> = [
		{ name: 'title-only nearest neighbour (baseline)', train: (f) => trainTitleNeighbours(f), view: { aliases: false, abstracts: false } },
		{ name: 'this method, from the title', train: method(), view: { abstracts: false } },
		{ name: 'this method, with the abstract or summary', train: method(), view: {} },
	];
	say('');
	say(`Unseen papers: trained on the ${listed.length} papers of the survey's list (titles and short names), filing the ${added.length} the atlas added (${added.filter((p) => abstractOf(p)).length} with an abstract or summary)`);
	for (const row of unseenRows) {
		const r = fileUnseen(training, added, row.train, row.view);
		unseen.push({ name: row.name, ...r });
		say(`${row.name.padEnd(46)} ${pct(r.leafAt1, r.papers).padStart(7)} ${pct(r.leafAt3, r.papers).padStart(7)} ${pct(r.groupAt1, r.papers).padStart(8)}`);
	}
}

// How far the first suggestion's score can be trusted.
const ours = results.find((r) => r.name === 'this method')!;
const firsts = ours.firsts;
const bands = [0.3, 0.2, 0.1].map((min) => {
	const above = firsts.filter((f) => f.score >= min);
	return { min, papers: above.length, right: above.filter((f) => f.right).length };
});
say('');
for (const b of bands) say(`first suggestion scored ${b.min.toFixed(1)} or more: ${b.papers} papers, right for ${b.right} (${b.papers ? pct(b.right, b.papers) : '–'})`);
say(`missed by the first three (${ours.missed.length}): ${ours.missed.join(', ')}`);

// Time: training and one suggestion, on the catalogue and on synthetic ones.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(filing: Filing, words: KeywordMap | null) {
	const train: number[] = [];
	let suggester: Suggester | null = null;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		suggester = trainSuggester(filing, { keywords: words });
		train.push(performance.now() - start);
	}
	const titles = filing.papers.slice(0, 200).map((p) => p.title);
	const start = performance.now();
	for (const title of titles) suggester!.suggest({ title });
	return { papers: filing.papers.length, trainMs: Math.round(median(train) * 10) / 10, trainRunsMs: train.map((t) => Math.round(t * 10) / 10), suggestMs: Math.round(((performance.now() - start) / titles.length) * 100) / 100 };
}
const timings = [time(catalogue, keywords)];
mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
for (const n of sizes) {
	const out = mkdtempSync(path.join(ROOT, '.bench', `atlas-suggest-${n}-`));
	try {
		writeSyntheticCatalogue({ papers: n, source: realCatalogueSource(ROOT), out, seed });
		timings.push(time(loadCatalogueOrThrow(out), keywords));
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}
say('');
for (const t of timings) say(`${t.papers.toLocaleString('en')} papers: training ${t.trainMs} ms (median of ${runs}: ${t.trainRunsMs.join(', ')} ms), one suggestion ${t.suggestMs} ms`);

if (values.json) {
	const share = (r: Pick<LeaveOneOutResult, 'papers' | 'leafAt1' | 'leafAt3' | 'groupAt1'>) => ({ leafAt1: r.leafAt1 / r.papers, leafAt3: r.leafAt3 / r.papers, groupAt1: r.groupAt1 / r.papers });
	console.log(JSON.stringify({ catalogue: displayPath(dir), papers: catalogue.papers.length, withAbstracts, leaveOneOut: results.map(({ firsts: _, ...r }) => ({ ...r, ...share(r) })), unseen: unseen.map(({ firsts: _, ...r }) => ({ ...r, ...share(r) })), firstScore: bands, timings }, null, 2));
}
