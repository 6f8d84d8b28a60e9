/**
 * `npm run build`: check the catalogue, build the site with Astro, index it with Pagefind.
 * The check and Astro share one process (scripts/lib/astro-build.ts): bad data stops the build
 * before Astro runs, with the same messages as `npm run validate`, and good data is parsed once.
 * Each step's wall time is printed; `BUILD_REPORT=file.json` also writes them as JSON.
 * `--step astro|pagefind` runs one step only, so the benchmark can measure each step's memory in
 * its own process (`--step astro` includes the check); without it both run in order, as always.
 * Astro logs warnings and errors only; `--verbose` shows its page-by-page log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../src/catalogue/load.ts';
import { indexSite } from './lib/pagefind-index.ts';

const STEPS = ['astro', 'pagefind'] as const;
type Step = (typeof STEPS)[number];

const stepArg = process.argv.indexOf('--step');
const only = stepArg >= 0 ? process.argv[stepArg + 1] : undefined;
if (only !== undefined && !STEPS.includes(only as Step)) {
	console.error(`--step must be one of ${STEPS.join(', ')}, not "${only}" (the catalogue alone: npm run validate)`);
	process.exit(2);
}
const runs = (step: Step) => only === undefined || only === step;
/** `--verbose`: Astro's own log, a line per page (off by default: printing it is a tenth of a big build). */
const verbose = process.argv.includes('--verbose');

/**
 * The build date the footer shows: SOURCE_DATE_EPOCH when set, else the time of the commit being
 * built, so two builds of one commit are byte-identical on any day (the clock only without git).
 */
function sourceDateEpoch(): string | undefined {
	if (process.env.SOURCE_DATE_EPOCH) return process.env.SOURCE_DATE_EPOCH;
	const git = spawnSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' });
	const epoch = git.status === 0 ? git.stdout.trim() : '';
	return /^\d+$/.test(epoch) ? epoch : undefined;
}

/** Papers and benchmarks of the built site, from its papers.json: the search records Pagefind must write. */
function builtPapers(dist: string): number | undefined {
	const api = path.join(dist, 'papers.json');
	if (!existsSync(api)) return undefined;
	const { papers, benchmarks } = JSON.parse(readFileSync(api, 'utf8')) as { papers: unknown[]; benchmarks?: unknown[] };
	return papers.length + (benchmarks?.length ?? 0);
}

const dist = path.resolve(process.env.DIST_DIR || 'dist');
const steps: Record<string, number> = {};
const time = async <T>(name: Step, fn: () => T | Promise<T>): Promise<T> => {
	const start = performance.now();
	const result = await fn();
	steps[name] = Math.round(performance.now() - start);
	return result;
};

if (runs('astro')) {
	await time('astro', () => {
		const astro = path.join(import.meta.dirname, 'lib', 'astro-build.ts');
		// Vite's own variables (set when a test runner starts this script) would override Astro's base and mode.
		const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV)$/.test(k)));
		const run = spawnSync(process.execPath, [astro], { stdio: 'inherit', env: { ...env, SOURCE_DATE_EPOCH: sourceDateEpoch(), ASTRO_TELEMETRY_DISABLED: '1', ...(verbose ? { ATLAS_ASTRO_LOG: 'info' } : {}) } });
		if (run.status !== 0) {
			// The check has said why when the data was bad; otherwise Astro has printed its error.
			console.error('✗ build failed');
			process.exit(run.status ?? 1);
		}
		console.log(`✓ Astro built the site into ${displayPath(dist)}`);
	});
}

if (runs('pagefind')) {
	const papers = builtPapers(dist);
	const indexed = await time('pagefind', () => indexSite(dist, papers)).catch((error: unknown) => {
		console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
	console.log(`✓ Pagefind indexed ${indexed.pages} pages into ${indexed.records} search records in ${displayPath(indexed.outputPath)}`);
}
console.log(`build: ${Object.entries(steps).map(([k, v]) => `${k === 'astro' ? 'check + astro' : k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
if (process.env.BUILD_REPORT) writeFileSync(process.env.BUILD_REPORT, JSON.stringify({ steps }, null, 2));
