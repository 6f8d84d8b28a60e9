/**
 * A paper with 160 authors and an abstract as long as arXiv allows (tests/helpers/long-authors-catalogue.ts),
 * built under BASE_PATH: its page shows the first ten names and every other name once behind a
 * <details> that needs no script, every citation format names all 160 in order, the abstract
 * shows whole, as text, weighing less in search than the title, short names and authors, and the
 * page stays within its byte budget (25 KB plus what the names and the abstract themselves take,
 * see paperAllowance).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { bibtexName } from '../../src/site/bibtex.ts';
import { LONG, longAuthorsCatalogue } from '../helpers/long-authors-catalogue.ts';
import { attr, paperAllowance, buildSite, pageWeight, readPage, textOf, type Built, type Page } from './links-dist-reader.ts';

const BASE = '/Awesome-KV-Cache-Management/';
let catalogue = '';
let built: Built;
let page: Page;

beforeAll(async () => {
	catalogue = longAuthorsCatalogue();
	built = await buildSite(catalogue, BASE, 'long author list');
	page = readPage(built, `papers/${LONG.id}/index.html`);
}, 300_000);
afterAll(() => {
	if (built) rmSync(built.tmp, { recursive: true, force: true });
	if (catalogue) rmSync(catalogue, { recursive: true, force: true });
});

const all = (test: (el: T.Element) => boolean) => page.elements.filter(test);
const one = (test: (el: T.Element) => boolean) => {
	const found = all(test);
	expect(found).toHaveLength(1);
	return found[0]!;
};
const children = (el: T.Element) => el.childNodes.filter((c): c is T.Element => 'tagName' in c);

describe('the page of a paper with 160 authors', () => {
	it('shows the first ten names, then the other 150 once each behind a closed <details> that says how many', () => {
		const block = one((el) => attr(el, 'class') === 'authors');
		const [shown, details] = children(block);
		const [summary, rest] = children(details!);

		expect(textOf(shown!)).toBe(`Authors: ${LONG.authors.slice(0, 10).join(', ')}`);
		expect(details!.tagName).toBe('details');
		expect(attr(details!, 'open')).toBeUndefined();
		expect([summary!.tagName, textOf(summary!)]).toEqual(['summary', 'and 150 more authors']);
		expect(textOf(rest!)).toBe(LONG.authors.slice(10).join(', '));
		for (const name of LONG.authors) expect(textOf(block).split(name).length - 1, name).toBeGreaterThanOrEqual(1);
		expect(textOf(block).length).toBe(`Authors: ${LONG.authors.slice(0, 10).join(', ')}and 150 more authors${LONG.authors.slice(10).join(', ')}`.length);
	});

	it('names all 160 authors in order in its BibTeX, citation_author tags and JSON-LD', () => {
		const bibtex = textOf(one((el) => el.tagName === 'pre'));
		const meta = all((el) => el.tagName === 'meta' && attr(el, 'name') === 'citation_author').map((el) => attr(el, 'content'));
		const ld = JSON.parse(textOf(one((el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')));

		expect(bibtex).toContain(`author        = {${LONG.authors.map(bibtexName).join(' and ')}},`);
		expect(bibtex).toContain('King, Jr., Martin Luther');
		expect(meta).toEqual(LONG.authors);
		expect(ld.author.map((a: { name: string }) => a.name)).toEqual(LONG.authors);
	});

	it('links the arXiv record from the arxiv field, the published version and the DOI, and cites them', () => {
		const href = (text: string) => attr(one((el) => el.tagName === 'a' && textOf(el) === text), 'href');
		const meta = (name: string) => all((el) => el.tagName === 'meta' && attr(el, 'name') === name).map((el) => attr(el, 'content'));
		const bibtex = textOf(one((el) => el.tagName === 'pre'));

		expect(href(`arXiv ${LONG.arxiv}`)).toBe(`https://arxiv.org/abs/${LONG.arxiv}`);
		expect(href('Published version')).toBe(LONG.published);
		expect(href('Link')).toBe('https://example.org/papers/many-authors.pdf');
		expect(href(LONG.doi)).toBe(`https://doi.org/${LONG.doi}`);
		expect(meta('citation_arxiv_id')).toEqual([LONG.arxiv]);
		expect(meta('citation_doi')).toEqual([LONG.doi]);
		expect(meta('citation_journal_title')).toEqual(['Transactions on Machine Learning Research']);
		expect(meta('citation_date')).toEqual(['2024/05/07']);
		expect(bibtex).toMatch(/^@article\{/);
		expect(bibtex).toContain(`eprint        = {${LONG.arxiv}}`);
		expect(bibtex).toContain(`doi           = {${LONG.doi}}`);
	});

	it('lists the 160 authors in papers.json and as Dublin Core creators in the feed', () => {
		const api = JSON.parse(readFileSync(path.join(built.dist, 'papers.json'), 'utf8')) as { papers: Array<{ id: string; authors: string[] }> };
		const rss = readFileSync(path.join(built.dist, 'rss.xml'), 'utf8');
		const item = rss.split('<item>').find((i) => i.includes(`/papers/${LONG.id}/<`))!;

		expect(api.papers.find((p) => p.id === LONG.id)!.authors).toEqual(LONG.authors);
		expect([...item.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1])).toEqual(LONG.authors);
	});

	it('shows its abstract whole under a heading, as text, and gives it less weight in search than its authors', () => {
		const section = one((el) => attr(el, 'class') === 'paper-abstract');
		const text = one((el) => attr(el, 'class') === 'paper-abstract-text');
		const heading = children(section)[0]!;
		const weights = all((el) => attr(el, 'data-pagefind-weight') !== undefined).map((el) => [attr(el, 'class'), Number(attr(el, 'data-pagefind-weight'))]);

		expect([heading.tagName, textOf(heading), attr(heading, 'data-pagefind-ignore')]).toEqual(['h2', 'Abstract', '']);
		expect(textOf(text)).toBe(LONG.abstract);
		expect(all((el) => el.tagName === 'img')).toEqual([]);
		expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt; A synthetic abstract &amp; ');
		expect(weights).toEqual([['authors', 4], ['paper-abstract-text', 0.5]]);
		expect(page.html.split('quokka').length - 1).toBe(1);
	});

	it('stays within 25 KB as served (HTML, CSS and script) beside what its 160 names and its abstract take', () => {
		const { total } = pageWeight(built, page);
		const allowance = paperAllowance(page);

		console.log(`${LONG.id}: ${(total / 1024).toFixed(1)} KB as served, ${(allowance / 1024).toFixed(1)} KB of it allowed for 160 authors and a ${LONG.abstract.length}-character abstract`);
		expect(allowance).toBeLessThan(25 * 1024);
		expect(total - allowance).toBeLessThanOrEqual(25 * 1024);
	});
});
