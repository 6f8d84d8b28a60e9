import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/catalogue.ts';
import { axeViolations, buildSite, launchChromium, resultTitles, settled, taxonomyTitles, type Site } from './search-harness.ts';

/** What Pagefind lists: a paper or a benchmark, with its values in every facet. */
interface Entry {
	url: string;
	/** A paper's title, a benchmark's name. */
	title: string;
	year: number;
	stars: number;
	type: 'Paper' | 'Benchmark';
	facets: Record<string, string[]>;
}

let site: Site;
let browser: Browser;
let entries: Entry[];

beforeAll(async () => {
	site = await buildSite(path.join(ROOT, 'data'));
	browser = await launchChromium();
	const { leafTitle, groupTitle } = taxonomyTitles(site.taxonomy);
	entries = [
		...site.papers.map((p): Entry => ({
			url: p.url,
			title: p.title,
			year: p.year,
			stars: p.stars ?? 0,
			type: 'Paper',
			facets: {
				type: ['Paper'],
				venue: [p.venue],
				year: [String(p.year)],
				code: [p.code ? 'yes' : 'no'],
				category: [...new Set(p.categories.map((c) => leafTitle.get(c)!))],
				group: [...new Set(p.categories.map((c) => groupTitle.get(c)!))],
				source: [p.listed ? 'survey' : 'atlas'],
			},
		})),
		...site.benchmarks.map((b): Entry => ({
			url: b.url,
			title: b.name,
			year: b.year ?? 0,
			stars: 0,
			type: 'Benchmark',
			facets: {
				type: ['Benchmark'],
				venue: b.venue ? [b.venue] : [],
				year: b.year ? [String(b.year)] : [],
				code: [b.links.code || b.links.data ? 'yes' : 'no'],
				category: [leafTitle.get('datasets-and-benchmarks')!],
				group: [groupTitle.get('datasets-and-benchmarks')!],
				source: [b.inSurvey ? 'survey' : 'atlas'],
			},
		})),
	];
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** Papers and benchmarks matching every facet selection (OR within a facet, AND across). */
const matching = (selection: Record<string, string[]>): Entry[] =>
	entries.filter((e) => Object.entries(selection).every(([facet, values]) => values.some((v) => e.facets[facet]!.includes(v))));

/** The most common value of a facet over the catalogue. */
const commonest = (facet: string, skip: string[] = []): string => {
	const counts = new Map<string, number>();
	for (const e of entries) for (const v of e.facets[facet]!) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].filter(([v]) => !skip.includes(v)).sort((a, b) => b[1] - a[1])[0]![0];
};

/** How the count line starts for these results: "12 papers", "1 benchmark", "12 papers and 3 benchmarks". */
const said = (list: Entry[]): string => {
	const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
	const papers = list.filter((e) => e.type === 'Paper').length;
	const benchmarks = list.length - papers;
	return !benchmarks ? n(papers, 'paper') : !papers ? n(benchmarks, 'benchmark') : `${n(papers, 'paper')} and ${n(benchmarks, 'benchmark')}`;
};

async function open(query = ''): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(`${site.server.url}search/${query}`);
	await settled(page);
	return page;
}

const box = (page: Page, facet: string, value: string) => page.locator(`input[type="checkbox"][name="${facet}"][value="${value}"]`);
const shownCount = (page: Page, facet: string, value: string) => page.locator(`[data-facet="${facet}"] li[data-value="${value}"] .facet-count`).textContent();
const countLine = (page: Page) => page.locator('[data-search-count]').textContent();

async function tick(page: Page, facet: string, value: string): Promise<void> {
	const checkbox = box(page, facet, value);
	if (await checkbox.isHidden()) await page.locator(`[data-facet="${facet}"] .facet-toggle`).click();
	await checkbox.check();
	await settled(page);
}

/** The number of results the count line gives ("12 papers and 3 benchmarks match …" → 15). */
async function resultCount(page: Page): Promise<number> {
	const line = (await countLine(page))!;
	return [...line.matchAll(/(\d+) (?:papers?|benchmarks?)/g)].reduce((n, m) => n + Number(m[1]), 0);
}

/** Every result, after pressing "Show more" until it goes. */
async function allResults(page: Page): Promise<string[]> {
	const more = page.locator('[data-search-more]');
	while (await more.isVisible()) {
		const before = await page.locator('.search-result').count();
		await more.click();
		await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
	}
	return page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('the search page', () => {
	it('shows the survey\'s list alone with the "Source" and "Kind" filters, and counts what the atlas added', async () => {
		const page = await open('?type=Paper&source=survey');
		const survey = site.papers.filter((p) => p.listed);
		const added = entries.filter((e) => e.facets.source![0] === 'atlas');

		const urls = await allResults(page);

		expect(survey.length).toBe(150);
		expect(site.papers.length).toBeGreaterThan(survey.length);
		expect(new Set(urls)).toEqual(new Set(survey.map((p) => p.url)));
		expect(await page.locator('[data-facet="source"] legend').textContent()).toBe('Source');
		expect(await page.locator('[data-facet="source"] li[data-value="atlas"] label').textContent()).toContain('Added by the atlas');
		await page.locator('[data-facet="type"] input[value="Paper"]').uncheck();
		await settled(page);
		expect(await shownCount(page, 'source', 'atlas')).toBe(String(added.length));
		await page.close();
	});

	it('shows browse mode from the build and fetches nothing from Pagefind until the reader acts', async () => {
		const page = await browser.newPage();
		const pagefind: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/pagefind/')) pagefind.push(r.url());
		});
		await page.goto(`${site.server.url}search/`, { waitUntil: 'networkidle' });

		expect(await page.locator('.search-result').count()).toBe(20);
		expect(await countLine(page)).toBe(`${said(entries)}, newest first`);
		expect(pagefind).toEqual([]);
		await page.keyboard.press('/');
		expect(await page.locator('#search-q').evaluate((el) => el === document.activeElement)).toBe(true);
		await tick(page, 'code', 'yes');
		expect(pagefind.length).toBeGreaterThan(0);
		expect(await countLine(page)).toBe(`${said(matching({ code: ['yes'] }))} with these filters, newest first`);
		await page.close();
	});

	it('lists every paper and benchmark, newest first, when the query is empty (browse mode)', async () => {
		const page = await open();
		const year = new Map(entries.map((e) => [e.url, e.year]));

		const urls = await allResults(page);

		expect(await countLine(page)).toBe(`${said(entries)}, newest first`);
		expect(new Set(urls).size).toBe(entries.length);
		const years = urls.map((u) => year.get(u)!);
		expect(years).toEqual([...years].sort((a, b) => b - a));
		await page.close();
	});

	it('sorts every paper by stars, so every record carries the stars sort key', async () => {
		const page = await open();
		const stars = new Map(entries.map((e) => [e.url, e.stars]));

		await page.locator('[data-search-sort]').selectOption('stars');
		await settled(page);
		const urls = await allResults(page);

		expect(page.url()).toMatch(/[?&]sort=stars$/);
		expect(urls).toHaveLength(entries.length);
		const counts = urls.map((u) => stars.get(u)!);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		await page.close();
	});

	it('sorts a query by year when asked for the newest', async () => {
		const page = await open('?q=quantization&sort=newest');
		const year = new Map(entries.map((e) => [e.url, e.year]));

		const years = (await allResults(page)).map((u) => year.get(u)!);

		expect(years.length).toBeGreaterThan(3);
		expect(years).toEqual([...years].sort((a, b) => b - a));
		await page.close();
	});

	it.each(['type', 'venue', 'year', 'category', 'group', 'code', 'source'])('narrows the results by the %s facet, with the counts the catalogue gives', async (facet) => {
		const page = await open();
		const value = commonest(facet);
		const expected = matching({ [facet]: [value] });

		expect(await shownCount(page, facet, value)).toBe(String(expected.length));
		await tick(page, facet, value);

		expect(await countLine(page)).toMatch(new RegExp(`^${said(expected)} with these filters`));
		expect(new Set(await allResults(page))).toEqual(new Set(expected.map((p) => p.url)));
		expect(page.url()).toContain(`${facet}=${encodeURIComponent(value).replace(/%20/g, '+')}`);
		await page.close();
	});

	it('ORs two values of one facet, ANDs two facets, and counts what each box would show', async () => {
		const page = await open();
		const first = commonest('venue');
		const second = commonest('venue', [first]);

		await tick(page, 'venue', first);
		await tick(page, 'venue', second);
		const either = matching({ venue: [first, second] });
		expect(await countLine(page)).toMatch(new RegExp(`^${said(either)}`));
		// The other venues still count what ticking them would add.
		const third = commonest('venue', [first, second]);
		expect(await shownCount(page, 'venue', third)).toBe(String(matching({ venue: [third] }).length));

		await tick(page, 'code', 'yes');
		const both = matching({ venue: [first, second], code: ['yes'] });
		expect(await countLine(page)).toMatch(new RegExp(`^${said(both)}`));
		expect(await shownCount(page, 'code', 'no')).toBe(String(matching({ venue: [first, second], code: ['no'] }).length));
		expect(await shownCount(page, 'venue', third)).toBe(String(matching({ venue: [third], code: ['yes'] }).length));
		await page.close();
	});

	it('updates the counts with the query: the kind counts add up to the results, the venue counts to at most that', async () => {
		const page = await open('?q=cache');

		const total = await resultCount(page);
		const kinds = await page.locator('[data-facet="type"] .facet-count').allTextContents();
		const counts = await page.locator('[data-facet="venue"] .facet-count').allTextContents();

		expect(total).toBeGreaterThan(1);
		expect(total).toBeLessThan(entries.length);
		expect(kinds.reduce((n, c) => n + Number(c), 0)).toBe(total);
		// A benchmark without a paper has no venue.
		expect(counts.reduce((n, c) => n + Number(c), 0)).toBeLessThanOrEqual(total);
		await page.close();
	});

	it('restores a shared URL, pushes filter changes, and goes back', async () => {
		const venue = commonest('venue');
		const other = commonest('venue', [venue]);
		const page = await open(`?q=cache&venue=${encodeURIComponent(venue)}&sort=newest`);
		const first = page.url();
		const before = await countLine(page);

		expect(await page.locator('#search-q').inputValue()).toBe('cache');
		expect(await box(page, 'venue', venue).isChecked()).toBe(true);
		expect(await page.locator('[data-search-sort]').inputValue()).toBe('newest');

		await tick(page, 'venue', other);
		expect(page.url()).toBe(`${first.replace(/&sort=newest$/, '')}&venue=${encodeURIComponent(other)}&sort=newest`);

		await page.goBack();
		await settled(page);
		expect(page.url()).toBe(first);
		expect(await box(page, 'venue', other).isChecked()).toBe(false);
		expect(await countLine(page)).toBe(before);

		await page.goForward();
		await settled(page);
		expect(await box(page, 'venue', other).isChecked()).toBe(true);
		await page.close();
	});

	it('replaces the history entry while typing, so Back leaves the page instead of undoing letters', async () => {
		const page = await browser.newPage();
		await page.goto(site.server.url);
		await page.goto(`${site.server.url}search/`);
		await settled(page);

		await page.locator('#search-q').pressSequentially('SnapKV', { delay: 30 });
		await page.waitForURL(/\?q=SnapKV$/);
		await settled(page);
		expect((await resultTitles(page))[0]).toBe(site.papers.find((p) => p.aliases.includes('SnapKV'))!.title);

		await page.goBack();
		expect(page.url()).toBe(site.server.url);
		await page.close();
	});

	it('downloads the BibTeX of exactly the results', async () => {
		const page = await open('?venue=OSDI');
		const osdi = matching({ venue: ['OSDI'] });

		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-search-bibtex]').click()]);
		const text = readFileSync((await download.path())!, 'utf8');

		expect(download.suggestedFilename()).toBe('kv-cache-papers.bib');
		expect(text.match(/^@\w+\{/gm)).toHaveLength(osdi.length);
		for (const p of osdi) expect(text).toContain(p.title.split(':')[0]);
		await page.close();
	});

	it('shows title, venue, year, categories and star badge on each result', async () => {
		const page = await open('?q=SnapKV');
		const snapkv = site.papers.find((p) => p.aliases.includes('SnapKV'))!;
		const { leafTitle } = taxonomyTitles(site.taxonomy);

		const result = page.locator('.search-result').first();

		expect(await result.locator('a').first().getAttribute('href')).toBe(snapkv.url);
		expect(await result.locator('.search-result-meta').textContent()).toContain(`${snapkv.venue} ${snapkv.year}`);
		expect(await result.locator('.search-result-categories').textContent()).toBe(snapkv.categories.map((c) => leafTitle.get(c)).join(', '));
		if (snapkv.stars !== null) {
			expect(await result.locator('.star-badge').getAttribute('href')).toBe(`https://github.com/${snapkv.repo}`);
			expect(await result.locator('.star-badge').getAttribute('aria-label')).toMatch(/GitHub stars?$/);
		}
		await page.close();
	});

	it.each(['light', 'dark'] as const)('passes axe in the %s theme, with results, filters and the header listbox open', async (scheme) => {
		// The site's CSP (rightly) refuses the injected axe script; the search itself ran under it in the tests above.
		const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${site.server.url}search/?q=cache&code=yes`);
		await settled(page);
		await page.locator('[data-facet="category"] .facet-toggle').click();
		await page.locator('[data-search-box] input').fill('kv');
		await page.locator('[data-search-box] [role="option"]').first().waitFor();

		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});
