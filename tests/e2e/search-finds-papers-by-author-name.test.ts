/**
 * Searching an author's name in real Chromium, on the fixture catalogue: the header box and
 * /search/ list that author's papers first (names weigh more than body text in the Pagefind
 * record), results name the authors in short as the build renders them, and a repository
 * without a star count shows by name rather than as an empty badge.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../helpers/catalogue.ts';
import { buildSite, launchChromium, settled, type ApiPaper, type Site } from './search-harness.ts';

let site: Site;
let browser: Browser;

beforeAll(async () => {
	site = await buildSite(FIXTURE);
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const byAuthor = (name: string): ApiPaper[] => site.papers.filter((p) => (p as ApiPaper & { authors: string[] }).authors.includes(name));

/** Type into the header box and wait for its options to answer `query`. */
async function headerOptions(page: Page, query: string): Promise<string[]> {
	await page.locator('[data-search-box] input').fill(query);
	await page.locator(`[role="listbox"] [role="option"]:last-child:has-text("${query}")`).waitFor();
	return page.locator('[role="listbox"] .search-option-title').allTextContents();
}

describe('a search for an author', () => {
	it.each([
		['Zirui Liu', 1],
		['Beidi Chen', 2],
		['Lianmin Zheng', 2],
	])('lists the papers of %s first in the header box', async (name, count) => {
		const page = await browser.newPage();
		await page.goto(site.server.url);
		const theirs = byAuthor(name).map((p) => p.title);

		const titles = await headerOptions(page, name);

		expect(theirs).toHaveLength(count);
		expect(titles.slice(0, count).sort()).toEqual([...theirs].sort());
		await page.close();
	});

	it('lists them first on /search/, each result naming its authors in short', async () => {
		const page = await browser.newPage();
		const theirs = byAuthor('Beidi Chen').map((p) => p.title);

		await page.goto(`${site.server.url}search/?q=${encodeURIComponent('Beidi Chen')}`);
		await settled(page);
		const titles = await page.locator('.search-result-title a').allTextContents();
		const authors = await page.locator('.search-result').evaluateAll((items) => items.map((li) => li.querySelector('.search-result-authors')?.textContent ?? null));

		expect(titles.slice(0, theirs.length).sort()).toEqual([...theirs].sort());
		expect(authors[titles.indexOf(theirs.find((t) => t.startsWith('KIVI'))!)]).toBe('Zirui Liu, Jiayi Yuan, … Xia Hu');
		expect(authors[titles.indexOf(theirs.find((t) => t.startsWith('H2O'))!)]).toBe('Zhenyu Zhang, Ying Sheng, … Beidi Chen');
		await page.close();
	});

	it('marks a name the short line leaves out in the result\'s excerpt', async () => {
		const page = await browser.newPage();

		await page.goto(`${site.server.url}search/?q=${encodeURIComponent('Vladimir Braverman')}`);
		await settled(page);

		expect(await page.locator('.search-result-title a').first().textContent()).toMatch(/^KIVI/);
		expect((await page.locator('.search-result').first().locator('.search-result-excerpt mark').allTextContents()).join(' ')).toMatch(/Vladimir\W+Braverman/);
		await page.close();
	});

	it('shows a repository without a star count by its name, in the browser as in the build', async () => {
		const page = await browser.newPage();

		await page.goto(`${site.server.url}search/?q=H2O`);
		await settled(page);
		const result = page.locator('.search-result').filter({ hasText: 'Heavy-Hitter' });

		expect(await result.locator('.star-badge').count()).toBe(0);
		expect(await result.locator('.repo-link').textContent()).toBe('FMInference/H2O');
		expect(await result.locator('.repo-link').getAttribute('href')).toBe('https://github.com/FMInference/H2O');
		expect(await result.locator('.repo-link').getAttribute('aria-label')).toBe('FMInference/H2O on GitHub');
		await page.close();
	});
});
