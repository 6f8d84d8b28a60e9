/**
 * Abstracts in real Chromium, on a copy of the fixture catalogue where two papers have one (made
 * up): a word that only an abstract holds finds its paper, from the header box and on /search/,
 * and a short name that one paper carries and another's abstract mentions finds the first before
 * the second (the abstract weighs less than titles, short names and authors).
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCatalogue, readIn, writeIn } from '../helpers/catalogue.ts';
import { buildSite, launchChromium, resultTitles, settled, type Site } from './search-harness.ts';

let catalogue = '';
let site: Site;
let browser: Browser;

beforeAll(async () => {
	catalogue = copyCatalogue();
	writeIn(catalogue, 'papers/markup-title.yaml', `${readIn(catalogue, 'papers/markup-title.yaml')}abstract: "We teach a quokka to quantize the KV cache: <b>keys</b> in 2 bits & values in 4."\n`);
	writeIn(catalogue, 'papers/h2o.yaml', `${readIn(catalogue, 'papers/h2o.yaml')}abstract: "Heavy hitters are tokens with large accumulated attention; unlike SnapKV, we evict during decoding."\n`);
	site = await buildSite(catalogue);
	browser = await launchChromium();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
	if (catalogue) rmSync(catalogue, { recursive: true, force: true });
});

describe('a search for a word of an abstract', () => {
	it('finds the one paper whose abstract holds it, on /search/ and in the header box', async () => {
		const page = await browser.newPage();

		await page.goto(`${site.server.url}search/?q=quokka`);
		await settled(page);
		const titles = await resultTitles(page);
		await page.goto(site.server.url);
		await page.locator('[data-search-box] input').fill('quokka');
		await page.locator('[role="listbox"] [role="option"]:last-child:has-text("quokka")').waitFor();
		const options = await page.locator('[role="listbox"] .search-option-title').allTextContents();

		expect(titles).toEqual(['<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches']);
		expect(options).toEqual(['<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches']);
		await page.close();
	});

	it('ranks a paper whose short name is the word above one whose abstract only mentions it', async () => {
		const page = await browser.newPage();

		await page.goto(`${site.server.url}search/?q=SnapKV`);
		await settled(page);
		const titles = await resultTitles(page);

		expect(titles[0]).toMatch(/^SnapKV/);
		expect(titles.findIndex((t) => t.startsWith('H2O'))).toBeGreaterThan(0);
		await page.close();
	});
});
