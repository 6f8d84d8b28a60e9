/**
 * Astro integration: once the site is built, give every HTML page its strict
 * Content-Security-Policy meta tag (see src/catalogue/csp.ts for the policy and why). It runs on
 * the built files, so the hashes are those of the exact bytes the browser receives.
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
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
			'astro:build:done': async ({ dir, logger }) => {
				const start = performance.now();
				const root = fileURLToPath(dir);
				const files = htmlFiles(root);
				const queue = [...files];
				const skipped: string[] = [];
				// Reads and writes run in libuv's thread pool while this thread hashes: a third faster
				// than one file after another at 10,000 pages (the output does not depend on the order).
				const worker = async () => {
					for (let file = queue.pop(); file; file = queue.pop()) {
						const html = await readFile(file, 'utf8');
						const out = withCsp(html);
						if (out === null) skipped.push(path.relative(root, file));
						else if (out !== html) await writeFile(file, out);
					}
				};
				await Promise.all(Array.from({ length: 16 }, worker));
				skipped.sort();
				if (skipped.length) throw new Error(`no <head> to hold the Content-Security-Policy in: ${skipped.slice(0, 5).join(', ')}`);
				logger.info(`Content-Security-Policy on ${files.length} pages in ${Math.round(performance.now() - start)} ms`);
			},
		},
	};
}
