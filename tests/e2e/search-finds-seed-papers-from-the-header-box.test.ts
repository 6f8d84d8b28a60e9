import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/catalogue.ts';
import { buildSite, launchChromium, recordFetches, type ApiPaper, type Site } from './search-harness.ts';

let site: Site;
let browser: Browser;

beforeAll(async () => {
	site = await buildSite(path.join(ROOT, 'data'));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const byAlias = (alias: string): ApiPaper => {
	const paper = site.papers.find((p) => p.aliases.includes(alias));
	if (!paper) throw new Error(`data/ has no paper with the alias ${alias}`);
	return paper;
};

async function openHome(): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(site.server.url);
	return page;
}

/** Type into the header box and wait for its options to show `query`'s results. */
async function typeQuery(page: Page, query: string): Promise<string[]> {
	const input = page.locator('[data-search-box] input');
	await input.fill(query);
	await page.locator(`[role="listbox"] [role="option"]:last-child:has-text("${query}")`).waitFor();
	return page.locator('[role="listbox"] .search-option-title').allTextContents();
}

describe('the header search box', () => {
	it.each(['SnapKV', 'H2O', 'Quest', 'LeanKV', 'vLLM'])('lists the paper named %s first', async (name) => {
		const page = await openHome();

		const titles = await typeQuery(page, name);

		expect(titles[0]).toBe(byAlias(name).title);
		await page.close();
	});

	it.each(['OSDI', 'ICML'])('lists the papers of %s before any other', async (venue) => {
		const page = await openHome();
		// Its workshops count too: "ICML ES-FoMo II Workshop" is a venue of ICML.
		const atVenue = new Set(site.papers.filter((p) => p.venue.split(' ').includes(venue)).map((p) => p.title));

		const titles = await typeQuery(page, venue);

		expect(atVenue.size).toBeGreaterThan(1);
		expect(titles.slice(0, Math.min(atVenue.size, titles.length)).every((t) => atVenue.has(t))).toBe(true);
		await page.close();
	});

	it('fetches nothing from Pagefind until the reader focuses it', async () => {
		const page = await browser.newPage();
		const fetched = recordFetches(page, site);
		await page.goto(site.server.url, { waitUntil: 'networkidle' });

		const before = fetched.filter((f) => f.path.startsWith('pagefind/')).length;
		const wasm = page.waitForRequest((r) => r.url().includes('/pagefind/wasm.'));
		await page.locator('[data-search-box] input').focus();
		await wasm;

		expect(before).toBe(0);
		await page.close();
	});

	it('is a combobox driven by the keyboard: / and Ctrl/⌘K focus, ↑ ↓ move, Esc closes, Enter opens', async () => {
		const page = await openHome();
		const input = page.locator('[data-search-box] input');
		const active = () => input.getAttribute('aria-activedescendant');
		const selected = () => page.locator('[role="option"][aria-selected="true"]').getAttribute('id');

		await page.keyboard.press('/');
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await input.inputValue()).toBe('');
		await page.keyboard.type('kv cache');
		// The list of the whole query: a list for "kv c" would be replaced (its active option with it) under the arrow keys.
		await page.locator('[role="listbox"] [role="option"]:last-child:has-text("kv cache")').waitFor();
		const ids = await page.locator('[role="option"]').evaluateAll((els) => els.map((el) => el.id));
		expect(await input.getAttribute('aria-expanded')).toBe('true');
		expect(await input.getAttribute('aria-controls')).toBe(await page.locator('[role="listbox"]').getAttribute('id'));

		await page.keyboard.press('ArrowDown');
		expect(await active()).toBe(ids[0]);
		expect(await selected()).toBe(ids[0]);
		await page.keyboard.press('ArrowDown');
		expect(await active()).toBe(ids[1]);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await active()).toBe(ids.at(-1));

		await page.keyboard.press('Escape');
		expect(await input.getAttribute('aria-expanded')).toBe('false');
		expect(await page.locator('[role="listbox"]').isHidden()).toBe(true);
		expect(await active()).toBeNull();
		expect(await input.inputValue()).toBe('kv cache');

		await input.blur();
		await page.keyboard.press('Control+k');
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
		await input.blur();
		await page.keyboard.press('Meta+k');
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);

		const snapkv = byAlias('SnapKV');
		await typeQuery(page, 'SnapKV');
		await page.keyboard.press('ArrowDown');
		await Promise.all([page.waitForURL(site.server.origin + snapkv.url), page.keyboard.press('Enter')]);
		expect(await page.locator('h1').textContent()).toBe(snapkv.title);
		await page.close();
	});

	it('opens /search/?q=… on Enter when no option is active, and the search page finds the paper', async () => {
		const page = await openHome();

		await page.keyboard.press('Control+k');
		await page.keyboard.type('H2O');
		await Promise.all([page.waitForURL(/\/search\/\?q=H2O$/), page.keyboard.press('Enter')]);
		await page.locator('.search-result').first().waitFor();

		expect(await page.locator('.search-result-title a').first().textContent()).toBe(byAlias('H2O').title);
		expect(await page.locator('#search-q').inputValue()).toBe('H2O');
		await page.close();
	});

	it('submits to /search/ without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(site.server.url);

		await page.locator('[data-search-box] input').fill('SnapKV');
		await Promise.all([page.waitForURL(/\/search\/\?q=SnapKV$/), page.keyboard.press('Enter')]);

		expect(await page.locator('.search-noscript').textContent()).toContain('needs JavaScript');
		await context.close();
	});
});

describe('search budgets', () => {
	it('keeps the first search within 200 KB and prints the bytes and the warm query time', async () => {
		const page = await browser.newPage();
		const fetched = recordFetches(page, site);
		await page.goto(site.server.url, { waitUntil: 'networkidle' });
		const start = fetched.length;

		await page.keyboard.press('/');
		await typeQuery(page, 'SnapKV');
		// Every script of the page counts, not only search's: the budget is what a reader downloads.
		const ownJs = fetched.filter((f) => /^_astro\/.*\.js$/.test(f.path));
		const search = fetched.slice(start).filter((f) => f.path.startsWith('pagefind/'));
		const files = [...ownJs, ...search];
		const total = files.reduce((n, f) => n + f.bytes, 0);
		// A string, so that Vitest does not rewrite the browser's import() into its own loader.
		const warm = (await page.evaluate(`(async () => {
			const pagefind = await import('${new URL(site.server.url).pathname}pagefind/pagefind.js');
			const time = async (queries, withData) => {
				const times = [];
				for (const q of queries) {
					const t0 = performance.now();
					const response = await pagefind.search(q);
					if (withData) await Promise.all(response.results.slice(0, 6).map((r) => r.data()));
					times.push(performance.now() - t0);
				}
				return times.sort((a, b) => a - b);
			};
			// First pass: every index chunk is fetched. Then new terms (never searched before) are warm queries.
			const cold = await time(['cache', 'quantization', 'attention', 'SnapKV', 'H2O', 'OSDI', 'memory', 'eviction', 'serving', 'merging', 'low rank', 'budget'], true);
			const warm = await time(['kv', 'compression', 'layer', 'token', 'sparse', 'prefill', 'decoding', 'head', 'gpu', 'offloading', 'retrieval', 'pruning'], false);
			return { cold, warm };
		})()`)) as { cold: number[]; warm: number[] };
		const stats = (t: number[]) => `median ${t[t.length >> 1]!.toFixed(1)} ms, max ${t.at(-1)!.toFixed(1)} ms`;

		console.log(
			`first search from the header box: ${(total / 1024).toFixed(1)} KB in ${files.length} files\n` +
				files.map((f) => `  ${String(f.bytes).padStart(7)}  ${f.path}`).join('\n') +
				`\nqueries fetching their index chunk (search + data of the top 6): ${stats(warm.cold)}` +
				`\nwarm queries (index loaded, new terms, pagefind.search): ${stats(warm.warm)}`,
		);
		expect(search.some((f) => f.path.endsWith('.pagefind'))).toBe(true);
		expect(total).toBeLessThanOrEqual(200 * 1024);
		await page.close();
	});

	it('keeps the first search of a shared /search/ URL within 200 KB (results, all filter counts)', async () => {
		const page = await browser.newPage();
		const fetched = recordFetches(page, site);

		await page.goto(`${site.server.url}search/?q=kv&venue=arXiv`);
		await page.waitForSelector('section[aria-busy="false"]');
		await page.locator('.search-result').first().waitFor();
		const files = fetched.filter((f) => f.path.startsWith('pagefind/') || /^_astro\/.*\.js$/.test(f.path));
		const total = files.reduce((n, f) => n + f.bytes, 0);

		console.log(`first search of /search/?q=kv&venue=arXiv: ${(total / 1024).toFixed(1)} KB in ${files.length} files (${files.filter((f) => f.path.startsWith('pagefind/fragment/')).length} result fragments)`);
		expect(total).toBeLessThanOrEqual(200 * 1024);
		await page.close();
	});
});
