/**
 * The reading experience in real Chromium, on the real catalogue (the fixture when data/ is
 * missing) served under a base path: sorting a category table by every column, the theme toggle
 * remembered across a reload without a flash, copying BibTeX to the clipboard, no sideways scroll
 * on a phone, and axe-core finding no violation in light and dark at 390 and 1280 px. The copy
 * of the catalogue gets star counts (data/stars.json is empty until the first Refresh pull request
 * is merged), so badges show compact counts such as "1.2k", as they will on the real site.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { githubRepo } from '../../src/catalogue/links.ts';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { copyCatalogue, FIXTURE, ROOT } from '../helpers/catalogue.ts';
import { axeViolations } from './search-harness.ts';
import { siteInChromium } from './site-in-chromium.ts';

const BASE = '/Awesome-KV-Cache-Management/';
const CATALOGUE = existsSync(path.join(ROOT, 'data/taxonomy.yaml')) ? path.join(ROOT, 'data') : FIXTURE;

/** Counts of every size a badge shows differently: plain, thousands, tens of thousands, millions. */
const COUNTS = [0, 1, 7, 999, 1234, 61_234, 1_234_567];

/** A copy of `from` whose stars.json counts every GitHub repository of its papers. */
function withStarCounts(from: string): string {
	const dir = copyCatalogue(from);
	const repos = [...new Set(loadCatalogueOrThrow(dir).papers.map((p) => githubRepo(p.code)).filter((r): r is string => !!r))].sort();
	const stars = Object.fromEntries(repos.map((repo, i) => [repo, { stars: COUNTS[i % COUNTS.length]!, checked: '2026-11-01' }]));
	writeFileSync(path.join(dir, 'stars.json'), `${JSON.stringify(stars, null, 2)}\n`);
	return dir;
}

const site = siteInChromium({ catalogue: () => withStarCounts(CATALOGUE), base: BASE, name: 'site-core e2e' });
/** Site paths (without base) of the pages under test. */
let leaf = '';
let paper = '';
/** A paper the atlas added (its page says so under the title), when the catalogue has one. */
let added = '';

beforeAll(async () => {
	// The largest category, and a paper of it with code, read from the public API.
	const api = JSON.parse(readFileSync(path.join(site.built.dist, 'papers.json'), 'utf8')) as {
		taxonomy: Array<{ slug: string; url: string; children: unknown[] }>;
		papers: Array<{ categories: string[]; url: string; code: string | null; listed: boolean }>;
	};
	const leaves: Array<{ slug: string; url: string }> = [];
	const walk = (nodes: Array<{ slug: string; url: string; children: unknown[] }>) => {
		for (const n of nodes) (n.children.length ? walk(n.children as typeof nodes) : leaves.push(n));
	};
	walk(api.taxonomy);
	const size = (slug: string) => api.papers.filter((p) => p.categories.includes(slug)).length;
	const biggest = leaves.sort((a, b) => size(b.slug) - size(a.slug))[0]!;
	leaf = biggest.url.slice(BASE.length);
	paper = api.papers.find((p) => p.categories.includes(biggest.slug) && p.code)!.url.slice(BASE.length);
	added = api.papers.find((p) => !p.listed)?.url.slice(BASE.length) ?? '';
});

async function open(sitePath: string, options: { width?: number; scheme?: 'light' | 'dark'; context?: BrowserContext } = {}): Promise<Page> {
	const context = options.context ?? (await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.scheme ?? 'light' }));
	const page = await context.newPage();
	await page.goto(site.server.at(sitePath));
	return page;
}

/** The sort keys of one column, row by row, as the table shows them now. */
async function columnKeys(page: Page, index: number): Promise<Array<string | number>> {
	return page.$$eval(
		'table.paper-table tbody tr',
		(rows, i) =>
			rows.map((r) => {
				const cell = (r as HTMLTableRowElement).cells[i]!;
				const raw = cell.dataset.value ?? cell.textContent ?? '';
				return i === 0 || i === 4 ? Number(raw) : raw.trim().toLocaleLowerCase('en');
			}),
		index,
	);
}

function isSorted(keys: Array<string | number>, direction: 'ascending' | 'descending'): boolean {
	const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
	const cmp = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
	return keys.every((k, i) => i === 0 || (direction === 'ascending' ? cmp(keys[i - 1]!, k) <= 0 : cmp(keys[i - 1]!, k) >= 0));
}

describe('a category table', () => {
	it('sorts by every column with header buttons, aria-sort following, and flips on a second press', async () => {
		const page = await open(leaf);
		const headers = page.locator('table.paper-table thead th');
		const rows = await page.locator('table.paper-table tbody tr').count();
		expect(rows, leaf).toBeGreaterThan(2);
		expect(await headers.nth(0).getAttribute('aria-sort')).toBe('descending');
		expect(isSorted(await columnKeys(page, 0), 'descending')).toBe(true);

		for (let i = 0; i < 5; i++) {
			const button = headers.nth(i).getByRole('button');
			const before = await page.locator('table.paper-table tbody tr').allTextContents();
			await button.click();
			const first = (await headers.nth(i).getAttribute('aria-sort')) as 'ascending' | 'descending';
			expect(['ascending', 'descending']).toContain(first);
			expect(isSorted(await columnKeys(page, i), first)).toBe(true);
			for (let j = 0; j < 5; j++) if (j !== i) expect(await headers.nth(j).getAttribute('aria-sort')).toBeNull();
			await button.click();
			const second = await headers.nth(i).getAttribute('aria-sort');
			expect(second).toBe(first === 'ascending' ? 'descending' : 'ascending');
			expect(isSorted(await columnKeys(page, i), second as 'ascending' | 'descending')).toBe(true);
			const after = await page.locator('table.paper-table tbody tr').allTextContents();
			expect([...after].sort()).toEqual([...before].sort());
			expect(await page.locator('[data-sort-status]').textContent()).toMatch(/^Sorted by /);
		}
		await page.context().close();
	});

	it('is operable from the keyboard', async () => {
		const page = await open(leaf);

		await page.locator('table.paper-table thead th').nth(1).getByRole('button').focus();
		await page.keyboard.press('Enter');

		expect(await page.locator('table.paper-table thead th').nth(1).getAttribute('aria-sort')).toBe('ascending');
		await page.context().close();
	});

	it('never makes a phone scroll the whole page sideways', async () => {
		for (const width of [320, 390]) {
			for (const sitePath of ['', leaf, paper]) {
				const page = await open(sitePath, { width });
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${sitePath || 'home'} at ${width}px`).toBeLessThanOrEqual(0);
				await page.context().close();
			}
		}
	});
});

describe('the taxonomy tree', () => {
	it('reads every count with its unit, and folds from the keyboard', async () => {
		const page = await open('');
		const counts = await page.locator('.tree .tree-count').allTextContents();
		const snapshot = await page.locator('.tree').ariaSnapshot();

		expect(snapshot.match(/text: \d+ papers?$/gm)).toHaveLength(counts.length);
		const summary = page.locator('.tree summary').first();
		await summary.focus();
		await page.keyboard.press('Enter');
		expect(await page.locator('.tree details').first().getAttribute('open')).toBeNull();
		expect(await page.locator('.tree details').first().locator('ul').first().isVisible()).toBe(false);
		await page.context().close();
	});
});

describe('the theme toggle', () => {
	it('switches theme, remembers it across a reload, and applies it before the body is parsed', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
		// Record the theme at the moment <body> appears: a flash would show it unset there.
		await context.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				(window as unknown as { __themeAtBody: string }).__themeAtBody = document.documentElement.dataset.theme ?? '';
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		const page = await open('', { context });
		const toggle = page.locator('[data-theme-toggle]');
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const light = await background();
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');

		await toggle.click();

		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		expect(await background()).not.toBe(light);
		expect(await page.evaluate(() => localStorage.getItem('atlas-theme'))).toBe('dark');

		await page.reload();

		expect(await page.evaluate(() => (window as unknown as { __themeAtBody: string }).__themeAtBody)).toBe('dark');
		expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
		const other = await context.newPage();
		await other.goto(site.server.at(paper));
		expect(await other.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await context.close();
	});

	it('follows the system when the reader has not chosen', async () => {
		const page = await open('', { scheme: 'dark' });

		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
		expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light dark');
		await page.context().close();
	});
});

describe('the copy buttons', () => {
	for (const [name, sitePath] of [['the survey on the home page', () => ''], ['a paper', () => paper]] as const) {
		it(`put the BibTeX of ${name} on the clipboard`, async () => {
			const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
			const page = await open(sitePath(), { context });
			const expected = (await page.locator('pre.bibtex').first().textContent())!;

			await page.locator('button[data-copy]').first().click();

			await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
			expect(expected).toMatch(/^@\w+\{\w+,\n/);
			expect(await page.locator('[data-copy-status]').first().textContent()).toBe('Copied');
			await context.close();
		});
	}
});

describe('accessibility', () => {
	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [390, 1280]) {
			it(`axe finds no violation on home, a category, a paper and a paper the atlas added in ${scheme} at ${width} px`, async () => {
				// bypassCSP: axe is injected as an inline script, which the site's policy rightly refuses.
				const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
				for (const sitePath of ['', leaf, paper, ...(added ? [added] : [])]) {
					const page = await context.newPage();
					await page.goto(site.server.at(sitePath));
					const violations = await axeViolations(page);
					expect(violations, `${sitePath || 'home'} (${scheme}, ${width}px)`).toEqual([]);
					await page.close();
				}
				await context.close();
			});
		}
	}
});
