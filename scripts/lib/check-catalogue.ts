/**
 * The build's first step: load and check the catalogue, print every problem as
 * `path:line:col  field  message` (and as GitHub annotations under Actions), and stop the process
 * with exit 1 when there is an error, so bad data never reaches Astro.
 */
import { formatAnnotation, formatDiagnostic } from '../../src/catalogue/diagnostics.ts';
import { displayPath, loadCatalogue, type Catalogue } from '../../src/catalogue/load.ts';

/** The checked catalogue of `dir` and how long checking took; exits 1 (after printing why) when it has errors. */
export function checkCatalogue(dir: string): { catalogue: Catalogue; ms: number } {
	const start = performance.now();
	const loaded = loadCatalogue(dir);
	const ms = performance.now() - start;
	for (const d of loaded.diagnostics) {
		(d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
		if (process.env.GITHUB_ACTIONS === 'true') console.log(formatAnnotation(d));
	}
	if (!loaded.catalogue) {
		console.error(`✗ ${displayPath(dir)}: the catalogue has errors; nothing was built. Fix them and run "npm run build" again.`);
		process.exit(1);
	}
	console.log(`✓ ${displayPath(dir)}: ${loaded.catalogue.papers.length} papers valid (${(ms / 1000).toFixed(1)} s)`);
	return { catalogue: loaded.catalogue, ms };
}
