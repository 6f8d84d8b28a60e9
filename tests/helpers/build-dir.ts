/**
 * A fresh folder for a test build inside the repository's .tmp/ (git-ignored). Astro writes its
 * prerender chunks to <outDir>/.prerender only when outDir is inside the working directory;
 * otherwise to ./.astro/.prerender, which builds running at the same time would share (and delete).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './catalogue.ts';

/** A new empty folder under .tmp/ whose name starts with `prefix`. */
export function buildDir(prefix: string): string {
	mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
	return mkdtempSync(path.join(ROOT, '.tmp', prefix));
}
