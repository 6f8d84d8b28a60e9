/**
 * What the search browser tests share: build a catalogue once into a temp folder (optionally under
 * a base path), serve it, drive Chromium, read the built papers.json for expectations, run axe,
 * and count the bytes a page fetched.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDir } from '../helpers/build-dir.ts';
import { NODE, ROOT } from '../helpers/catalogue.ts';
import { serveDist, type DistServer } from './serve-dist.ts';

/** One paper as the public /papers.json lists it. */
export interface ApiPaper {
	id: string;
	title: string;
	aliases: string[];
	year: number;
	venue: string;
	categories: string[];
	code: string | null;
	repo: string | null;
	stars: number | null;
	url: string;
	listed: boolean;
}

/** One benchmark as /papers.json lists it (the fields the tests read). */
export interface ApiBenchmark {
	id: string;
	name: string;
	year: number | null;
	venue: string | null;
	modality: 'text' | 'multimodal';
	links: { code: string | null; data: string | null };
	url: string;
	inSurvey: boolean;
}

/** A taxonomy node of /papers.json. */
export interface ApiNode {
	slug: string;
	title: string;
	children: ApiNode[];
}

/** A built and served site with its catalogue API. */
export interface Site {
	dist: string;
	server: DistServer;
	papers: ApiPaper[];
	/** The benchmarks (none for a catalogue without them). */
	benchmarks: ApiBenchmark[];
	taxonomy: ApiNode[];
	close(): Promise<void>;
}

/** Build `catalogue` (a folder) with `npm run build`'s script into a temp DIST_DIR and serve it. */
export async function buildSite(catalogue: string, base = '/'): Promise<Site> {
	// Under .tmp/ (tests/helpers/build-dir.ts): an outDir outside the repository shares Astro's ./.astro/.prerender.
	const dist = path.join(buildDir('atlas-search-'), 'dist');
	const run = spawnSync(NODE, [path.join(ROOT, 'scripts/build.ts')], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, CATALOGUE_DIR: catalogue, DIST_DIR: dist, BASE_PATH: base, GITHUB_ACTIONS: '' },
		timeout: 540_000,
	});
	if (run.status !== 0) throw new Error(`build of ${catalogue} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
	const api = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8')) as { papers: ApiPaper[]; benchmarks?: ApiBenchmark[]; taxonomy: ApiNode[] };
	const server = await serveDist(dist, base);
	return {
		dist,
		server,
		papers: api.papers,
		benchmarks: api.benchmarks ?? [],
		taxonomy: api.taxonomy,
		close: async () => {
			await server.close();
			rmSync(path.dirname(dist), { recursive: true, force: true });
			rmSync(`${dist}.cache`, { recursive: true, force: true });
		},
	};
}

/** Headless Chromium from CHROME_PATH (default /usr/bin/chromium). */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}

/** Leaf slug → title and leaf slug → top-level group title, from the taxonomy of papers.json. */
export function taxonomyTitles(taxonomy: ApiNode[]): { leafTitle: Map<string, string>; groupTitle: Map<string, string> } {
	const leafTitle = new Map<string, string>();
	const groupTitle = new Map<string, string>();
	const walk = (node: ApiNode, group: string): void => {
		if (!node.children.length) {
			leafTitle.set(node.slug, node.title);
			groupTitle.set(node.slug, group);
		}
		for (const child of node.children) walk(child, group);
	};
	for (const root of taxonomy) walk(root, root.title);
	return { leafTitle, groupTitle };
}

/** Wait until the search page has rendered the state it was last given. */
export async function settled(page: Page): Promise<void> {
	await page.waitForSelector('section[aria-busy="false"]', { timeout: 15_000 });
}

/** The result titles the search page shows, in order. */
export function resultTitles(page: Page): Promise<string[]> {
	return page.locator('.search-result-title a').allTextContents();
}

/** Run axe-core on the page (injected once per page: a page can be checked again after a click); returns the violations as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
	});
}

/** Records every response of a page: site path and size on disk of the file served (bytes are deterministic). */
export function recordFetches(page: Page, site: Site): Array<{ path: string; bytes: number }> {
	const fetched: Array<{ path: string; bytes: number }> = [];
	page.on('requestfinished', (request) => {
		const url = new URL(request.url());
		if (url.origin !== site.server.origin) return;
		const base = new URL(site.server.url).pathname;
		const rel = url.pathname.slice(base.length);
		let bytes = 0;
		try {
			const file = path.join(site.dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
			bytes = statSync(file).size;
		} catch {
			bytes = 0;
		}
		fetched.push({ path: rel, bytes });
	});
	return fetched;
}
