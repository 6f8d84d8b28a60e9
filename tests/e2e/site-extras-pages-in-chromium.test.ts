/**
 * The pages around the catalogue in real Chromium, on the real catalogue (the fixture when data/
 * is missing) under a base path: stats, venues, years, the prose pages and the 404 pass axe in
 * light and dark at 390 px (the stats page at 1280 px too), never scroll sideways at 320 px, request
 * nothing from another origin, draw their charts, open their data tables, and the 404's search form
 * reaches search.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { buildAtlas } from '../../src/catalogue/queries.ts';
import { FIXTURE, ROOT } from '../helpers/catalogue.ts';
import { axeViolations } from './search-harness.ts';
import { siteInChromium } from './site-in-chromium.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const CATALOGUE = existsSync(path.join(ROOT, 'data/taxonomy.yaml')) ? path.join(ROOT, 'data') : FIXTURE;

const site = siteInChromium({ catalogue: CATALOGUE, base: BASE, name: 'site-extras e2e' });
const atlas = buildAtlas(loadCatalogueOrThrow(CATALOGUE), BASE);
const venue = [...atlas.venues].sort((a, b) => b.papers.length - a.papers.length)[0]!;
/** Site paths (without the base) of the pages under test. */
const pages = ['stats/', 'venues/', `venues/${venue.slug}/`, 'years/', `years/${atlas.years[0]!.year}/`, 'about/', 'cite/', 'contributing/', 'datasets-and-benchmarks-guide/', 'no-such-page/'];

async function open(sitePath: string, width: number, scheme: 'light' | 'dark', bypassCSP = false): Promise<{ page: Page; outside: string[] }> {
	const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP });
	const page = await context.newPage();
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(site.server.origin)) outside.push(r.url());
	});
	await page.goto(site.server.at(sitePath));
	return { page, outside };
}

describe('the pages around the catalogue', () => {
	for (const sitePath of pages) {
		// Every page on a phone (the bar); the stats page's charts at desktop width too.
		const widths = sitePath === 'stats/' ? [390, 1280] : [390];
		it(`${sitePath} passes axe with no violation in light and dark at ${widths.join(' and ')} px`, async () => {
			const found: string[] = [];

			for (const scheme of ['light', 'dark'] as const) {
				for (const width of widths) {
					// bypassCSP: axe is injected as an inline script, which the site's policy rightly refuses.
					const { page } = await open(sitePath, width, scheme, true);
					const violations = await axeViolations(page);
					found.push(...violations.map((v) => `${scheme} ${width} px: ${v}`));
					await page.context().close();
				}
			}

			expect(found).toEqual([]);
		}, 180_000);
	}

	it('never scroll sideways on a 320 px phone and request nothing from another origin', async () => {
		const wide: string[] = [];
		const external: string[] = [];

		for (const sitePath of pages) {
			const { page, outside } = await open(sitePath, 320, 'light');
			const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
			if (scroll > 320) wide.push(`${sitePath}: ${scroll} px`);
			external.push(...outside);
			await page.context().close();
		}

		expect(wide).toEqual([]);
		expect(external).toEqual([]);
	}, 180_000);
});

describe('the stats page', () => {
	it('draws each chart at the width of the page and shows its numbers when the table is opened', async () => {
		const { page } = await open('stats/', 390, 'light');
		const charts = page.locator('svg.chart');

		expect(await charts.count()).toBe(3);
		for (let i = 0; i < 3; i++) {
			const box = (await charts.nth(i).boundingBox())!;
			expect(box.width).toBeGreaterThan(300);
			expect(box.height).toBeGreaterThan(40);
		}
		const table = page.locator('#venues table');
		expect(await table.isVisible()).toBe(false);
		await page.locator('#venues summary').click();
		expect(await table.isVisible()).toBe(true);
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
		await page.context().close();
	});
});

describe('the 404 page', () => {
	it('is served for an unknown path and its search form opens the search page with the query', async () => {
		const { page } = await open('no-such-page/', 390, 'light');

		expect(await page.locator('h1').textContent()).toContain('not in the atlas');
		await page.locator('#not-found-q').fill('SnapKV');
		await Promise.all([page.waitForURL(/\/search\/\?q=SnapKV/), page.locator('#not-found-q').press('Enter')]);
		expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
		await page.context().close();
	});
});
