/**
 * The page of a paper with 160 authors (tests/helpers/long-authors-catalogue.ts) in real Chromium,
 * under a base path: the names past the tenth stay folded until the reader opens the disclosure,
 * from the keyboard and with JavaScript off; each name reaches the accessibility tree once; axe
 * finds nothing in light and dark at 390 and 1280 px, folded or open; a phone never scrolls
 * sideways; and a name from the folded part still finds the paper from the header box.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LONG, longAuthorsCatalogue } from '../helpers/long-authors-catalogue.ts';
import { axeViolations } from './search-harness.ts';
import { siteInChromium } from './site-in-chromium.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const PAGE = `papers/${LONG.id}/`;
/** A name from the folded part of the list. */
const FOLDED = LONG.authors[128]!;

const site = siteInChromium({ catalogue: longAuthorsCatalogue, base: BASE, name: 'long authors e2e' });

async function open(options: { width?: number; scheme?: 'light' | 'dark'; javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
	const context = await site.browser.newContext({
		viewport: { width: options.width ?? 1280, height: 900 },
		colorScheme: options.scheme ?? 'light',
		javaScriptEnabled: options.javaScript ?? true,
		bypassCSP: options.bypassCSP ?? false,
	});
	const page = await context.newPage();
	await page.goto(site.server.at(PAGE));
	return { context, page };
}

describe('a long author list', () => {
	it('keeps the names past the tenth folded until the reader opens it from the keyboard, with JavaScript off', async () => {
		const { context, page } = await open({ javaScript: false });
		const summary = page.locator('.authors summary');

		expect(FOLDED).toBe('Jean-Pierre Dupont');
		expect(await page.getByText(LONG.authors[9]!, { exact: false }).first().isVisible()).toBe(true);
		expect(await page.locator('.authors details p').isVisible()).toBe(false);
		expect(await summary.textContent()).toBe('and 150 more authors');

		await summary.focus();
		await page.keyboard.press('Enter');

		expect(await page.locator('.authors details').getAttribute('open')).toBe('');
		expect(await page.locator('.authors details p').isVisible()).toBe(true);
		expect(await page.locator('.authors details p').textContent()).toContain(FOLDED);
		await context.close();
	});

	it('gives the accessibility tree each name once: the first ten, then the rest only when open', async () => {
		const { context, page } = await open();
		const block = page.locator('.authors');
		const count = (snapshot: string, name: string) => snapshot.split(name).length - 1;

		const folded = await block.ariaSnapshot();
		await page.locator('.authors summary').click();
		const opened = await block.ariaSnapshot();

		expect(folded).toContain(`Authors: ${LONG.authors.slice(0, 10).join(', ')}`);
		expect(folded).not.toContain(FOLDED);
		expect(folded).toMatch(/and 150 more authors/);
		expect(count(opened, FOLDED)).toBe(1);
		expect(count(opened, LONG.authors[0]!)).toBe(1);
		expect(count(opened, LONG.authors.at(-1)!)).toBe(1);
		await context.close();
	});

	it('never makes a phone scroll the whole page sideways, folded or open', async () => {
		for (const width of [320, 390]) {
			const { context, page } = await open({ width });
			for (const state of ['folded', 'open']) {
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${state} at ${width}px`).toBeLessThanOrEqual(0);
				await page.locator('.authors summary').click();
			}
			await context.close();
		}
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [390, 1280]) {
			it(`leaves axe nothing to report in ${scheme} at ${width} px, folded or open`, async () => {
				// bypassCSP: axe is injected as an inline script, which the site's policy rightly refuses.
				const { context, page } = await open({ width, scheme, bypassCSP: true });

				const folded = await axeViolations(page);
				await page.locator('.authors summary').click();
				const opened = await axeViolations(page);

				expect(folded, 'folded').toEqual([]);
				expect(opened, 'open').toEqual([]);
				await context.close();
			});
		}
	}

	it('still finds the paper from the header box by a name in the folded part', async () => {
		const { context, page } = await open();
		const input = page.locator('[data-search-box] input');

		await input.fill(FOLDED);
		await page.locator(`[role="listbox"] [role="option"]:last-child:has-text("${FOLDED}")`).waitFor();

		expect(await page.locator('[role="listbox"] .search-option-title').first().textContent()).toBe(LONG.title);
		await context.close();
	});
});
