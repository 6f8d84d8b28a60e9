import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../helpers/catalogue.ts';
import { buildSite, launchChromium, settled, type Site } from './search-harness.ts';

const BASE = '/Awesome-KV-Cache-Management/';
let site: Site;
let browser: Browser;

beforeAll(async () => {
	site = await buildSite(FIXTURE, BASE);
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

describe('search under BASE_PATH', () => {
	it('opens a paper from the header box at its URL under the base', async () => {
		const page = await browser.newPage();
		await page.goto(site.server.url);

		await page.locator('[data-search-box] input').fill('KIVI');
		await page.locator('[role="option"]:has-text("KIVI:")').waitFor();
		await page.keyboard.press('ArrowDown');
		await Promise.all([page.waitForURL(`${site.server.url}papers/kivi/`), page.keyboard.press('Enter')]);

		expect(await page.locator('h1').textContent()).toContain('KIVI');
		await page.close();
	});

	it('sends Enter on the query to the search page under the base, which links results under the base', async () => {
		const page = await browser.newPage();
		await page.goto(`${site.server.url}papers/kivi/`);

		await page.keyboard.press('/');
		await page.keyboard.type('PagedAttention');
		await Promise.all([page.waitForURL(`${site.server.url}search/?q=PagedAttention`), page.keyboard.press('Enter')]);
		await settled(page);
		const hrefs = await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

		expect(hrefs).toEqual([`${BASE}papers/vllm/`]);
		expect(await page.locator('.search-result .star-badge').getAttribute('aria-label')).toBe('61.2k GitHub stars (61,234)');
		expect(await page.locator('.search-result .star-badge').textContent()).toBe('61.2k');
		await page.close();
	});

	it('filters, downloads BibTeX and fetches nothing outside the base', async () => {
		const page = await browser.newPage();
		await page.goto(`${site.server.url}search/?venue=NeurIPS`);
		await settled(page);

		const links = await page.locator('.search-result-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-search-bibtex]').click()]);
		const bib = readFileSync((await download.path())!, 'utf8');

		expect(links.sort()).toEqual([`${BASE}papers/h2o/`, `${BASE}papers/snapkv/`]);
		expect(bib.match(/^@\w+\{/gm)).toHaveLength(2);
		expect(site.server.requests.filter((r) => !r.startsWith(BASE))).toEqual([]);
		await page.close();
	});

	it('shows a title written with markup as text, never as markup', async () => {
		const page = await browser.newPage();
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await page.goto(`${site.server.url}search/?venue=arXiv`);
		await settled(page);

		const link = page.locator('.search-result-title a');

		expect(await link.textContent()).toBe('<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches');
		expect(await page.locator('.search-list b, .search-list script').count()).toBe(0);
		await page.locator('[data-search-box] input').fill('Bold');
		await page.locator('[role="option"]:has-text("Claims")').waitFor();
		expect(await page.locator('[role="listbox"] b, [role="listbox"] script').count()).toBe(0);
		// A query the title does not show, so the result carries an excerpt (with the title's text in it).
		await page.locator('#search-q').fill('arXiv');
		await page.waitForURL(/q=arXiv/);
		await settled(page);
		expect(await page.locator('.search-result-excerpt mark').first().textContent()).toMatch(/arxiv/i);
		expect(await page.locator('.search-list b, .search-list script').count()).toBe(0);
		expect(dialogs).toBe(0);
		await page.close();
	});
});
