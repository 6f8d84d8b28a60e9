/**
 * `npm run build`: validate the catalogue, build the site with Astro, index it with Pagefind.
 * Bad data stops the build before Astro runs, with the same messages as `npm run validate`.
 * Each step's wall time is printed; `BUILD_REPORT=file.json` also writes them as JSON (bench).
 * `--step validate|astro|pagefind` runs one step only, so the benchmark can measure each step's
 * memory in its own process; without it the three run in order, as always. Astro logs warnings
 * and errors only; `--verbose` shows its page-by-page log.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatAnnotation, formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { VALIDATED_ENV, validatedFile, writeValidated } from '../src/catalogue/catalogue-cache.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';
import { indexSite } from './lib/pagefind-index.ts';

const STEPS = ['validate', 'astro', 'pagefind'] as const;
type Step = (typeof STEPS)[number];

const stepArg = process.argv.indexOf('--step');
const only = stepArg >= 0 ? process.argv[stepArg + 1] : undefined;
if (only !== undefined && !STEPS.includes(only as Step)) {
	console.error(`--step must be one of ${STEPS.join(', ')}, not "${only}"`);
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

const dist = path.resolve(process.env.DIST_DIR || 'dist');
const steps: Record<string, number> = {};
const time = async <T>(name: Step, fn: () => T | Promise<T>): Promise<T> => {
	const start = performance.now();
	const result = await fn();
	steps[name] = Math.round(performance.now() - start);
	return result;
};

let papers: number | undefined;
if (runs('validate')) {
	const dir = catalogueDir();
	const loaded = await time('validate', () => loadCatalogue(dir));
	for (const d of loaded.diagnostics) {
		(d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
		if (process.env.GITHUB_ACTIONS === 'true') console.log(formatAnnotation(d));
	}
	if (!loaded.catalogue) {
		console.error(`✗ ${displayPath(dir)}: the catalogue has errors; nothing was built. Fix them and run "npm run build" again.`);
		process.exit(1);
	}
	papers = loaded.catalogue.papers.length;
	// Handed to the Astro step, which then need not parse every file again (unless one changes).
	writeValidated(validatedFile(dir), loaded.catalogue);
	console.log(`✓ ${displayPath(dir)}: ${papers} papers valid`);
}

if (runs('astro')) {
	await time('astro', () => {
		const astro = path.join(import.meta.dirname, 'lib', 'astro-build.ts');
		// Vite's own variables (set when a test runner starts this script) would override Astro's base and mode.
		const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV)$/.test(k)));
		const validated = validatedFile(catalogueDir());
		const run = spawnSync(process.execPath, [astro], { stdio: 'inherit', env: { ...env, SOURCE_DATE_EPOCH: sourceDateEpoch(), [VALIDATED_ENV]: validated, ASTRO_TELEMETRY_DISABLED: '1', ...(verbose ? { ATLAS_ASTRO_LOG: 'info' } : {}) } });
		// Used once: the next build validates again, and temp catalogues leave nothing behind.
		rmSync(validated, { force: true });
		if (run.status !== 0) {
			console.error('✗ astro build failed');
			process.exit(run.status ?? 1);
		}
		console.log(`✓ Astro built the site into ${displayPath(dist)}`);
	});
}

if (runs('pagefind')) {
	const indexed = await time('pagefind', () => indexSite(dist, papers)).catch((error: unknown) => {
		console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
	console.log(`✓ Pagefind indexed ${indexed.pages} pages into ${indexed.records} search records in ${displayPath(indexed.outputPath)}`);
}
console.log(`build: ${Object.entries(steps).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
if (process.env.BUILD_REPORT) writeFileSync(process.env.BUILD_REPORT, JSON.stringify({ steps, papers }, null, 2));
