/**
 * Issue 11, "no published URL may break": every category and paper URL the site published before
 * the sync to the list of 2025-07-30 (tests/fixtures/published/site-2024-12-27.txt) answers in a
 * build of data/ — with its page, or with a redirect page whose target is a page. The walk is
 * shown to catch a break: a regrouped copy of the fixture that renames a leaf without recording
 * its former path leaves exactly that URL unanswered, while the renames it did record answer.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, readIn, ROOT, writeIn } from '../helpers/catalogue.ts';
import { movedCatalogue } from '../helpers/moved-catalogue.ts';
import { buildSite, type Built } from './links-dist-reader.ts';
import { publishedBy, readPublished, unanswered } from './published-urls.ts';

const PUBLISHED = path.join(ROOT, 'tests/fixtures/published/site-2024-12-27.txt');

let data: Built;
let unrecorded: Built;
let catalogue = '';

beforeAll(async () => {
	catalogue = movedCatalogue();
	const taxonomy = readIn(catalogue, 'taxonomy.yaml');
	writeIn(catalogue, 'taxonomy.yaml', taxonomy.replace(/\n\s*formerPaths: \[system-level\/memory-management\]/, ''));
	[data, unrecorded] = await Promise.all([buildSite(path.join(ROOT, 'data'), '/', 'data'), buildSite(catalogue, '/', 'a leaf renamed without formerPaths')]);
}, 300_000);
afterAll(() => {
	for (const b of [data, unrecorded]) if (b) rmSync(b.tmp, { recursive: true, force: true });
	if (catalogue) rmSync(catalogue, { recursive: true, force: true });
});

describe('URLs the site published', () => {
	it('all answer in a build of data/, with their page or a redirect page to a page', () => {
		const urls = readPublished(PUBLISHED);

		expect(urls.length).toBeGreaterThan(150);
		expect(urls.every((u) => /^\/(?:[a-z0-9-]+\/)+$/.test(u)), 'every line a site path such as /papers/snapkv/').toBe(true);
		expect(unanswered(data, urls)).toEqual([]);
	});

	it('are reported when a leaf is renamed without its former path, and only that one', () => {
		const urls = publishedBy(FIXTURE);

		expect(unanswered(unrecorded, urls)).toEqual(['/system-level/memory-management/: no page and no redirect page']);
	});
});
