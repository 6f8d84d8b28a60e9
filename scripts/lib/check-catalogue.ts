/**
 * The build's first step: load and check the catalogue, print every problem as `npm run validate`
 * does (scripts/lib/print-diagnostics.ts), and stop the process with exit 1 when there is an
 * error, so bad data never reaches Astro.
 */
import { displayPath, loadCatalogue, type Catalogue } from '../../src/catalogue/load.ts';
import { printDiagnostics } from './print-diagnostics.ts';

/** The checked catalogue of `dir` and how long checking took; exits 1 (after printing why) when it has errors. */
export function checkCatalogue(dir: string): { catalogue: Catalogue; ms: number } {
	const start = performance.now();
	const loaded = loadCatalogue(dir);
	const ms = performance.now() - start;
	printDiagnostics(loaded.diagnostics);
	if (!loaded.catalogue) {
		console.error(`✗ ${displayPath(dir)}: the catalogue has errors; nothing was built. Fix them and run "npm run build" again.`);
		process.exit(1);
	}
	console.log(`✓ ${displayPath(dir)}: ${loaded.catalogue.papers.length} papers${loaded.catalogue.benchmarks.length ? ` and ${loaded.catalogue.benchmarks.length} benchmarks` : ''} valid (${(ms / 1000).toFixed(1)} s)`);
	return { catalogue: loaded.catalogue, ms };
}
