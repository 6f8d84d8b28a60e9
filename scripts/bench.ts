/**
 * `npm run bench -- --papers N [--papers M …] [--runs K] [--json] [--keep] [--seed S]`: write a synthetic
 * catalogue of N papers over the real taxonomy and venues into a temp folder, build it with the
 * real pipeline (`node scripts/build.ts --step …`, one process per step so each step's peak
 * memory is its own; `npm run validate` is also measured alone), and report wall time and peak
 * memory per step, pages, dist size, Pagefind
 * index size, the largest page and the bytes of a first search. Targets (issue 6): 10,000 papers
 * in ≤ 45 s and ≤ 1.5 GiB, and time per paper at 10,000 no worse than at 1,000. Wall times on a
 * shared machine vary by a fifth from run to run: `--runs K` builds each size K times and judges
 * the median run (every run's total is listed).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { distSizes, type DistSizes } from './lib/dist-sizes.ts';
import { measure } from './lib/measure-process.ts';
import { realCatalogueSource, writeSyntheticCatalogue, type SyntheticReport } from './lib/synthetic.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The build's processes: the catalogue check and Astro share one (`--step astro`), Pagefind has its own. */
const STEPS = ['astro', 'pagefind'] as const;
/** What the table calls each step. */
const STEP_NAMES: Record<(typeof STEPS)[number], string> = { astro: 'check + astro', pagefind: 'pagefind' };

/** One step's cost. */
interface StepResult {
	wallMs: number;
	/** Of the astro step: the catalogue check's share, as the step printed it. */
	checkMs?: number;
	cpuMs: number;
	peakProcessBytes: number;
	peakTreeBytes: number;
}

/** One benchmark run. */
interface BenchResult {
	papers: number;
	catalogue: SyntheticReport & { source: string; generateMs: number };
	steps: Record<(typeof STEPS)[number], StepResult>;
	/** `npm run validate` on the catalogue in a process of its own: the check's own time and memory (the build does the same check inside its Astro step, so this is not added to the total). */
	validate: StepResult;
	totalMs: number;
	msPerPaper: number;
	/** CPU time of all steps; with a busy machine, wall time grows and this does not. */
	cpuMs: number;
	/** The 1-minute load average before and after the run: a busy machine inflates wall times. */
	load: [number, number];
	peakBytes: number;
	sizes: DistSizes;
	/** The temp folder, when kept. */
	kept?: string;
	/** Total wall time of every run of this size, in run order (this result is the median run). */
	runsMs?: number[];
}

function usage(message: string): never {
	console.error(`${message}\nusage: npm run bench -- --papers N [--papers M …] [--runs K] [--json] [--keep] [--seed S]`);
	process.exit(2);
}

function parseArgs(argv: string[]) {
	const papers: number[] = [];
	let json = false;
	let keep = false;
	let seed = 1;
	let runs = 1;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--json') json = true;
		else if (a === '--keep') keep = true;
		else if (a === '--papers' || a === '--seed' || a === '--runs') {
			const v = argv[++i] ?? '';
			const n = Number(v.replace(/[_,]/g, ''));
			if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive whole number, not "${v}"`);
			if (a === '--papers') papers.push(n);
			else if (a === '--runs') runs = n;
			else seed = n;
		} else usage(`unknown argument "${a}"`);
	}
	if (!papers.length) usage('--papers N is required');
	return { papers, json, keep, seed, runs };
}

async function benchOnce(n: number, seed: number, keep: boolean): Promise<BenchResult> {
	// Inside the repository (.bench/ is git-ignored): Astro keeps an outDir's prerender chunks in it only
	// when it is under the working directory, otherwise in ./.astro/.prerender, shared with other builds.
	mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
	const work = mkdtempSync(path.join(ROOT, '.bench', `atlas-bench-${n}-`));
	const catalogueDir = path.join(work, 'catalogue');
	const dist = path.join(work, 'dist');
	const source = realCatalogueSource(ROOT);
	const loadBefore = loadavg()[0]!;
	const genStart = performance.now();
	const report = writeSyntheticCatalogue({ papers: n, source, out: catalogueDir, seed });
	const generateMs = performance.now() - genStart;
	// Flush the 10,000 files just written, so the build is not charged for the generator's writeback.
	spawnSync('sync');

	const env = { ...process.env, CATALOGUE_DIR: catalogueDir, DIST_DIR: dist, GITHUB_ACTIONS: '', ASTRO_TELEMETRY_DISABLED: '1' };
	const validate = await measure(process.execPath, [path.join(ROOT, 'scripts/validate.ts')], env, ROOT);
	if (validate.code !== 0) {
		console.error(validate.output.split('\n').slice(-40).join('\n'));
		console.error(`✗ bench: the synthetic catalogue does not validate (exit ${validate.code}): ${catalogueDir}`);
		process.exit(1);
	}
	const steps = {} as BenchResult['steps'];
	for (const step of STEPS) {
		const m = await measure(process.execPath, [path.join(ROOT, 'scripts/build.ts'), '--step', step], env, ROOT);
		if (m.code !== 0) {
			console.error(m.output.split('\n').slice(-40).join('\n'));
			console.error(`✗ bench: step "${step}" failed (exit ${m.code}) on ${catalogueDir}`);
			process.exit(1);
		}
		const check = / valid \((\d+(?:\.\d+)?) s\)/.exec(m.output);
		steps[step] = { wallMs: m.wallMs, cpuMs: m.cpuMs, peakProcessBytes: m.peakProcessBytes, peakTreeBytes: m.peakTreeBytes, ...(check ? { checkMs: Number(check[1]) * 1000 } : {}) };
	}
	const totalMs = STEPS.reduce((s, k) => s + steps[k].wallMs, 0);
	const result: BenchResult = {
		papers: n,
		catalogue: { ...report, source: path.relative(ROOT, source), generateMs },
		steps,
		validate: { wallMs: validate.wallMs, cpuMs: validate.cpuMs, peakProcessBytes: validate.peakProcessBytes, peakTreeBytes: validate.peakTreeBytes },
		totalMs,
		msPerPaper: totalMs / n,
		cpuMs: STEPS.reduce((sum, k) => sum + steps[k].cpuMs, 0),
		load: [loadBefore, loadavg()[0]!],
		peakBytes: Math.max(...STEPS.map((k) => steps[k].peakTreeBytes)),
		sizes: distSizes(dist),
	};
	if (keep) result.kept = work;
	else rmSync(work, { recursive: true, force: true });
	return result;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

function table(results: BenchResult[]): string {
	const rows: Array<[string, (r: BenchResult) => string]> = [
		['papers', (r) => String(r.papers)],
		['taxonomy from', (r) => `${r.catalogue.source} (${r.catalogue.leaves} leaves)`],
		['largest leaf', (r) => `${r.catalogue.largestLeaf.slug} (${r.catalogue.largestLeaf.papers})`],
		['validate alone: wall / peak', (r) => `${s(r.validate.wallMs)} / ${mib(r.validate.peakProcessBytes)} (not in the total)`],
		...STEPS.flatMap((k): Array<[string, (r: BenchResult) => string]> => [
			[`${STEP_NAMES[k]} wall / cpu`, (r) => `${s(r.steps[k].wallMs)} / ${s(r.steps[k].cpuMs)}`],
			...(k === 'astro' ? [['  of which the check', (r: BenchResult) => (r.steps.astro.checkMs === undefined ? '-' : s(r.steps.astro.checkMs))] as [string, (r: BenchResult) => string]] : []),
			[`${STEP_NAMES[k]} peak (process / tree)`, (r) => `${mib(r.steps[k].peakProcessBytes)} / ${mib(r.steps[k].peakTreeBytes)}`],
		]),
		['total wall / cpu', (r) => `${s(r.totalMs)} / ${s(r.cpuMs)}`],
		['total wall, every run', (r) => (r.runsMs ?? [r.totalMs]).map(s).join(', ')],
		['load average', (r) => `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} (${cpus().length} CPUs)`],
		['time per paper', (r) => `${r.msPerPaper.toFixed(2)} ms`],
		['peak memory', (r) => mib(r.peakBytes)],
		['pages', (r) => String(r.sizes.pages)],
		['dist size', (r) => mib(r.sizes.distBytes)],
		['pagefind index', (r) => mib(r.sizes.indexBytes)],
		['largest page', (r) => `${kib(r.sizes.largestPage.bytes)} ${r.sizes.largestPage.path}`],
		['first search', (r) => `${kib(r.sizes.firstSearch.bytes)} (${kib(r.sizes.firstSearch.gzipBytes)} gzip)`],
		['kept in', (r) => r.kept ?? '-'],
	];
	const width = Math.max(...rows.map(([h]) => h.length));
	return rows.map(([h, f]) => `${h.padEnd(width)}  ${results.map(f).join('  |  ')}`).join('\n');
}

function verdict(results: BenchResult[]): string[] {
	const lines: string[] = [];
	for (const r of results.filter((x) => x.papers >= 10_000)) {
		lines.push(`${r.papers} papers: ${s(r.totalMs)} (target ≤ 45 s per 10,000: ${r.totalMs <= (45_000 * r.papers) / 10_000 ? 'met' : 'MISSED'}), ${mib(r.peakBytes)} (target ≤ 1536 MiB: ${r.peakBytes <= 1.5 * 2 ** 30 ? 'met' : 'MISSED'})`);
	}
	const sorted = [...results].sort((a, b) => a.papers - b.papers);
	for (let i = 1; i < sorted.length; i++) {
		const [a, b] = [sorted[i - 1]!, sorted[i]!];
		lines.push(`time per paper ${a.papers} → ${b.papers}: ${a.msPerPaper.toFixed(2)} → ${b.msPerPaper.toFixed(2)} ms (${b.msPerPaper <= a.msPerPaper ? 'flat or better' : 'WORSE'})`);
	}
	return lines;
}

const args = parseArgs(process.argv.slice(2));
const results: BenchResult[] = [];
for (const n of args.papers) {
	if (!args.json) console.error(`bench: ${n} papers…`);
	const runs: BenchResult[] = [];
	for (let i = 0; i < args.runs; i++) runs.push(await benchOnce(n, args.seed, args.keep));
	// The median run (the lower middle one for an even count) stands for this size.
	const median = [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor((runs.length - 1) / 2)]!;
	results.push({ ...median, runsMs: runs.map((r) => r.totalMs) });
}
if (args.json) console.log(JSON.stringify({ machine: { cpus: cpus().length }, results, verdict: verdict(results) }, null, 2));
else console.log([table(results), '', ...verdict(results)].join('\n'));
