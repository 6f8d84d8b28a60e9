/**
 * In real Chromium, every kind of page runs under its strict Content-Security-Policy with no
 * violation and no console error, search still answers (Pagefind's worker and wasm are allowed),
 * the policy really blocks injected inline code, and a paper whose title is an `<img onerror>`
 * attack shows as text in search results without running anything.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir } from '../helpers/build-dir.ts';
import { runScript } from '../helpers/catalogue.ts';
import { HOSTILE, hostileCatalogue } from '../helpers/hostile-catalogue.ts';
import { serveDist, type DistServer } from './serve-dist.ts';

const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let out = '';
let catalogue = '';
let server: DistServer;
let browser: Browser;

beforeAll(async () => {
	out = buildDir('atlas-csp-');
	catalogue = hostileCatalogue();
	const dist = path.join(out, 'dist');
	const run = runScript('build', [], { CATALOGUE_DIR: catalogue, DIST_DIR: dist });
	if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
	server = await serveDist(dist);
	browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
	rmSync(out, { recursive: true, force: true });
	rmSync(catalogue, { recursive: true, force: true });
});

/** A page that records CSP violations, console errors, page errors and dialogs (an alert() would be one). */
async function watchedPage(): Promise<{ page: Page; problems: string[]; violations: () => Promise<string[]> }> {
	const page = await browser.newPage();
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('dialog', (d) => {
		problems.push(`dialog: ${d.message()}`);
		void d.dismiss();
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __violations: string[] };
		w.__violations = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`));
	});
	return { page, problems, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

describe('pages under the Content-Security-Policy', () => {
	it.each([
		['the home page', ''],
		['a leaf category', 'token-level/quantization/'],
		['a paper page', 'papers/snapkv/'],
		['the hostile paper page', `papers/${HOSTILE.id}/`],
		['the cite page (highlighted code)', 'cite/'],
		['the stats page (charts)', 'stats/'],
	])('%s loads with its policy, no violation and no console error', async (_name, sitePath) => {
		const { page, problems, violations } = await watchedPage();

		await page.goto(server.at(sitePath), { waitUntil: 'networkidle' });

		expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});

	it('search answers a query through the Pagefind worker and wasm without a violation', async () => {
		const { page, problems, violations } = await watchedPage();

		await page.goto(server.at('search/?q=snapkv'), { waitUntil: 'networkidle' });
		const hit = page.locator('[data-search-list] a[href$="/papers/snapkv/"]');
		await hit.first().waitFor({ timeout: 30_000 }).catch(async (e: Error) => {
			throw new Error(`${e.message}\nsearch said: ${await page.locator('[data-search-count]').textContent()}\n${problems.join('\n')}\n${(await violations()).join('\n')}`);
		});

		expect(await hit.first().textContent()).toContain('SnapKV');
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});

	it('a hostile title found by search is shown as text and runs nothing', async () => {
		const { page, problems, violations } = await watchedPage();

		await page.goto(server.at('search/?q=hostile'), { waitUntil: 'networkidle' });
		const hit = page.locator(`[data-search-list] a[href$="/papers/${HOSTILE.id}/"]`);
		await hit.first().waitFor({ timeout: 30_000 });

		expect(await hit.first().textContent()).toBe(HOSTILE.title);
		expect(await page.locator('img[src="x"], img[src="y"], svg[onload]').count()).toBe(0);
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});

	it('blocks inline code that is not in the policy, and reports it', async () => {
		const { page, violations } = await watchedPage();
		await page.goto(server.at(''), { waitUntil: 'networkidle' });

		const ran = await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__injected = true';
			document.head.append(s);
			const div = document.createElement('div');
			div.setAttribute('style', 'outline: 3px solid red');
			document.body.append(div);
			return { script: (window as unknown as { __injected?: boolean }).__injected === true, style: getComputedStyle(div).outlineStyle };
		});
		await page.waitForTimeout(100);

		expect(ran).toEqual({ script: false, style: 'none' });
		expect((await violations()).map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-attr']));
		await page.close();
	});
});
