/**
 * Astro integration: once the site is built, give every HTML page its strict
 * Content-Security-Policy meta tag (see src/catalogue/csp.ts for the policy and why). It runs on
 * the built files, so the hashes are those of the exact bytes the browser receives.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withCsp } from '../catalogue/csp.ts';

function htmlFiles(dir: string, out: string[] = []): string[] {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const abs = path.join(dir, e.name);
		if (e.isDirectory()) htmlFiles(abs, out);
		else if (e.name.endsWith('.html')) out.push(abs);
	}
	return out;
}

/** The integration; add it last in astro.config.mjs so it sees every page. */
export function contentSecurityPolicy(): AstroIntegration {
	return {
		name: 'atlas:content-security-policy',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const start = performance.now();
				const files = htmlFiles(fileURLToPath(dir));
				const skipped: string[] = [];
				for (const file of files) {
					const html = readFileSync(file, 'utf8');
					const out = withCsp(html);
					if (out === null) skipped.push(path.relative(fileURLToPath(dir), file));
					else if (out !== html) writeFileSync(file, out);
				}
				if (skipped.length) throw new Error(`no <head> to hold the Content-Security-Policy in: ${skipped.slice(0, 5).join(', ')}`);
				logger.info(`Content-Security-Policy on ${files.length} pages in ${Math.round(performance.now() - start)} ms`);
			},
		},
	};
}
