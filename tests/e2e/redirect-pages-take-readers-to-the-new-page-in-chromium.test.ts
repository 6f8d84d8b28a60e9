/**
 * Old URLs in real Chromium, on a regrouped catalogue (tests/helpers/moved-catalogue.ts) under a
 * base path: opening a former category, a page of a former category's list or a merged paper's old
 * URL lands on the new page by itself, under the strict CSP, with no console error; and the
 * redirect page itself (held still by removing its refresh) passes axe in light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MOVED, movedCatalogue } from '../helpers/moved-catalogue.ts';
import { axeViolations } from './search-harness.ts';
import { siteInChromium } from './site-in-chromium.ts';

const BASE = '/Awesome-KV-Cache-Management/';

const site = siteInChromium({ catalogue: movedCatalogue, base: BASE, name: 'redirects e2e' });

/** A page that records console errors and page errors (a CSP violation is a console error in Chromium). */
async function watchedPage(scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
	const context = await site.browser.newContext({ viewport: { width: 390, height: 900 }, colorScheme: scheme });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return { page, problems };
}

describe('an old URL in Chromium', () => {
	it.each(MOVED.filter((m) => ['token-level/selection/static-selection/', 'system-level/memory-management/page/2/', 'papers/snapkv-short/'].includes(m.from)))(
		'$from lands on $to by itself, with no console error',
		async ({ from, to }) => {
			const { page, problems } = await watchedPage();

			await page.goto(site.server.at(from));
			await page.waitForURL(site.server.at(to), { timeout: 10_000 });
			await page.waitForLoadState('load');

			expect(new URL(page.url()).pathname).toBe(`${BASE}${to}`);
			expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
			expect(await page.locator('h1').count()).toBe(1);
			expect(problems).toEqual([]);
			await page.context().close();
		},
	);

	it('shows a redirect page that passes axe in light and dark, whose first link in the content is the new page', async () => {
		const { from, to, title } = MOVED.find((m) => m.from === 'system-level/memory-management/')!;
		const found: string[] = [];

		for (const scheme of ['light', 'dark'] as const) {
			// bypassCSP: axe is injected as an inline script, which the site's policy rightly refuses.
			const context = await site.browser.newContext({ viewport: { width: 390, height: 900 }, colorScheme: scheme, bypassCSP: true });
			const page = await context.newPage();
			// Hold the page still: the same bytes without the refresh.
			await page.route(site.server.at(from), async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, body: (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '') });
			});
			await page.goto(site.server.at(from));
			const link = page.locator('main a').first();

			expect(await link.textContent()).toBe(title);
			expect(await link.getAttribute('href')).toBe(`${BASE}${to}`);
			found.push(...(await axeViolations(page)).map((v) => `${scheme}: ${v}`));
			await context.close();
		}

		expect(found).toEqual([]);
	}, 120_000);
});
