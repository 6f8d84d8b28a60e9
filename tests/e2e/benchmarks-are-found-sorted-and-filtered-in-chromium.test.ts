/**
 * The benchmarks of data/ in real Chromium: search finds them by name and by "multimodal", the
 * Kind facet tells them from papers, the header box marks them; the Datasets and Benchmarks table
 * sorts by context length (unit first, then size) and filters by modality without a script; the
 * table page and a benchmark page pass axe in both themes.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lengthSortKey } from '../../src/catalogue/benchmark.ts';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { ROOT } from '../helpers/catalogue.ts';
import { axeViolations, buildSite, launchChromium, settled, type Site } from './search-harness.ts';

const catalogue = loadCatalogueOrThrow(path.join(ROOT, 'data'));
let site: Site;
let browser: Browser;

beforeAll(async () => {
	site = await buildSite(path.join(ROOT, 'data'));
	browser = await launchChromium();
}, 600_000);
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

async function search(query: string): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(`${site.server.url}search/?${query}`);
	await settled(page);
	return page;
}
const resultUrls = (page: Page) => page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
const urlOf = (id: string) => site.benchmarks.find((b) => b.id === id)!.url;

describe('search', () => {
	it.each([
		['RULER', 'ruler'],
		['LongBench', 'longbench'],
	])('finds the benchmark %s first, and says it is a benchmark', async (query, id) => {
		const page = await search(`q=${query}`);

		expect((await resultUrls(page))[0]).toBe(urlOf(id));
		expect(await page.locator('.search-result').first().locator('.search-result-categories').textContent()).toBe('Benchmark · text');
		expect(await page.locator('[data-search-count]').textContent()).toMatch(/^\d+ papers? and \d+ benchmarks? match “/);
		await page.close();
	});

	it('finds every multimodal benchmark by "multimodal"', async () => {
		const page = await search('q=multimodal&type=Benchmark');
		const multimodal = site.benchmarks.filter((b) => b.modality === 'multimodal').map((b) => b.url);

		const urls = await resultUrls(page);

		expect(multimodal.length).toBe(10);
		expect(urls.filter((u) => multimodal.includes(u)).sort()).toEqual([...multimodal].sort());
		await page.close();
	});

	it('tells benchmarks from papers with the Kind facet, counted over the whole catalogue', async () => {
		const page = await search('');
		const count = (value: string) => page.locator(`[data-facet="type"] li[data-value="${value}"] .facet-count`).textContent();

		expect(await count('Paper')).toBe(String(site.papers.length));
		expect(await count('Benchmark')).toBe(String(site.benchmarks.length));
		await page.locator('input[name="type"][value="Benchmark"]').check();
		await settled(page);
		while (await page.locator('[data-search-more]').isVisible()) {
			const before = await page.locator('.search-result').count();
			await page.locator('[data-search-more]').click();
			await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
		}

		expect(new Set(await resultUrls(page))).toEqual(new Set(site.benchmarks.map((b) => b.url)));
		expect(await page.locator('[data-search-count]').textContent()).toBe(`${site.benchmarks.length} benchmarks with these filters, newest first`);
		await page.close();
	});

	it('marks a benchmark in the header box\'s list', async () => {
		const page = await browser.newPage();
		await page.goto(site.server.url);
		await page.locator('[data-search-box] input').fill('RULER');
		const option = page.locator('[data-search-box] [role="option"]').first();
		await option.waitFor();

		expect(await option.textContent()).toContain('COLM 2024 · benchmark');
		await page.close();
	});
});

describe('the Datasets and Benchmarks page', () => {
	const open = async (hash = '', js = true): Promise<Page> => {
		const context = await browser.newContext({ javaScriptEnabled: js });
		const page = await context.newPage();
		await page.goto(`${site.server.url}datasets-and-benchmarks/${hash}`);
		return page;
	};
	const names = (page: Page, section: string) => page.locator(`#${section} tbody tr td:first-child`).allTextContents();

	it('sorts the text benchmarks by context length: tokens before words, longest first, unknown last', async () => {
		const page = await open();
		const text = catalogue.benchmarks.filter((b) => b.modality === 'text');
		const expected = [...text].sort((a, b) => lengthSortKey(b.lengths) - lengthSortKey(a.lengths) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })).map((b) => b.name);

		await page.locator('#text-benchmarks th', { hasText: 'Context length' }).locator('button').click();
		const sorted = (await names(page, 'text-benchmarks')).map((n) => n.trim());

		// 10M tokens, then two of 200K tokens in name order (ties keep the table's order).
		expect(sorted.slice(0, 3)).toEqual(['BABILong', 'L-Eval', 'Needle-in-a-Haystack']);
		expect(sorted.map((n) => lengthSortKey(catalogue.benchmarks.find((b) => b.name === n)!.lengths))).toEqual(expected.map((n) => lengthSortKey(catalogue.benchmarks.find((b) => b.name === n)!.lengths)));
		expect(await page.locator('#text-benchmarks th[aria-sort="descending"]').textContent()).toBe('Context length');
		await page.context().close();
	});

	it('filters by modality without a script: a modality link hides the other table, All shows both', async () => {
		const page = await open('', false);

		await page.locator('.benchmark-filter a', { hasText: 'Multimodal' }).click();
		expect(await page.locator('#text-benchmarks').isVisible()).toBe(false);
		expect(await page.locator('#multimodal-benchmarks').isVisible()).toBe(true);
		expect(await names(page, 'multimodal-benchmarks')).toHaveLength(10);

		await page.locator('.benchmark-filter a', { hasText: 'All' }).click();
		expect(await page.locator('#text-benchmarks').isVisible()).toBe(true);
		expect(await page.locator('#multimodal-benchmarks').isVisible()).toBe(true);
		await page.context().close();
	});

	it('prints a benchmark page as a paper page prints: without the line that links the file on GitHub', async () => {
		const page = await browser.newPage();
		await page.emulateMedia({ media: 'print' });

		const shown: Record<string, boolean> = {};
		for (const at of ['papers/snapkv/', 'benchmarks/longbench/']) {
			await page.goto(`${site.server.url}${at}`);
			const edit = page.locator('main a', { hasText: /^Edit this (paper|benchmark)$/ });
			expect(await edit.count(), at).toBe(1);
			shown[at] = await edit.isVisible();
		}

		expect(shown).toEqual({ 'papers/snapkv/': false, 'benchmarks/longbench/': false });
		await page.close();
	});

	it.each(['light', 'dark'] as const)('passes axe in the %s theme, as does a benchmark page, on a phone and a wide screen', async (scheme) => {
		for (const width of [390, 1280]) {
			// The site's CSP (rightly) refuses the injected axe script.
			const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width, height: 900 } });
			const page = await context.newPage();
			for (const at of ['datasets-and-benchmarks/', 'benchmarks/longbench/', 'benchmarks/streamingeval/', 'papers/snapkv/']) {
				await page.goto(`${site.server.url}${at}`);
				expect(await axeViolations(page), `${at} at ${width}px`).toEqual([]);
			}
			await context.close();
		}
	});
});
