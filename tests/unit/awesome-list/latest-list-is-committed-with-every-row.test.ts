/**
 * data/ follows the latest version of the list (tests/fixtures/lists, 2025-07-30), brought there by
 * `npm run sync`, then edited on purpose. This test reads the list with a plain line scanner (not
 * the importer) and checks that every row is in data/: its title or short name, its category, year,
 * venue and links. A venue the catalogue knows better (a publication where the list still says
 * arXiv, one backed by a link to the published version, or a correction made since the sync that
 * data/sync-base.json records) passes; losing a row or moving it to another category does not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexVenues } from '../../../src/catalogue/checks.ts';
import { githubRepo, normalizeTitle, paperKey } from '../../../src/catalogue/links.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { buildTree } from '../../../src/catalogue/tree.ts';
import { LATEST_LIST, ROOT } from '../../helpers/catalogue.ts';

interface ListRow {
	line: number;
	group: string;
	leaf: string;
	year: number;
	title: string;
	venue: string;
	paper: string | undefined;
	code: string | undefined;
}

const text = readFileSync(LATEST_LIST, 'utf8');
const rows: ListRow[] = [];
let group = '';
let leaf = '';
text.split('\n').forEach((line, i) => {
	if (line.startsWith('## ')) group = line.slice(3).trim();
	if (line.startsWith('### ')) leaf = line.slice(4).replace(/\s*\(\[.*$/, '').trim();
	const m = /^\|\s*(\d{4})\s*\|(.*)$/.exec(line);
	if (!m) return;
	const cells = m[2]!.split('|').map((c) => c.trim());
	// The last URL of a cell: a link nested in a broken link ("[Link](a](b))") names its paper last.
	const link = (cell: string | undefined) => [...(cell ?? '').matchAll(/\((https?:\/\/[^()\s\]]+)\)/g)].at(-1)?.[1];
	rows.push({ line: i + 1, group, leaf, year: Number(m[1]), title: cells[0]!, venue: cells[2]!, paper: link(cells[3]), code: link(cells[4]) });
});

const { catalogue, diagnostics } = loadCatalogue(path.join(ROOT, 'data'));
// What the list said at the last sync: a catalogue value that differs from it is a correction made since.
const base = JSON.parse(readFileSync(path.join(ROOT, 'data/sync-base.json'), 'utf8')) as Record<string, { year: number; venue: string }>;
const venues = indexVenues(catalogue?.venues ?? []);
const published = new Set(['conference', 'journal', 'workshop']);

const findPaper = (row: ListRow) => catalogue?.papers.find((p) => [p.title, ...(p.aliases ?? [])].some((t) => normalizeTitle(t) === normalizeTitle(row.title)) || (row.paper && [p.paper, p.published].some((u) => paperKey(u) === paperKey(row.paper))));
const found = new Map(rows.map((r) => [r, findPaper(r)]));
const paperOf = (row: ListRow) => found.get(row);

describe('the committed catalogue in data/', () => {
	it('validates without errors or warnings', () => {
		expect(diagnostics).toEqual([]);
		expect(catalogue).not.toBeNull();
	});

	it('was read from all 160 rows of the latest list', () => {
		expect(rows).toHaveLength(160);
	});

	it('holds every row of the list in its category, with its year, venue and links', () => {
		const tree = buildTree(catalogue!.taxonomy);
		const missing: string[] = [];
		for (const row of rows) {
			const paper = paperOf(row);
			const where = `list line ${row.line} "${row.title}"`;
			if (!paper) {
				missing.push(where);
				continue;
			}
			const leaves = paper.categories.map((slug) => tree.bySlug.get(slug)!);
			expect(leaves.some((l) => normalizeTitle(l.title) === normalizeTitle(row.leaf) && l.parent?.title === row.group), `${where} in "${row.group} › ${row.leaf}"`).toBe(true);
			// The rows of one paper may disagree on the year (the import keeps the full-title row's).
			const years = rows.filter((r) => paperOf(r) === paper).map((r) => r.year);
			const listVenue = venues.resolve(row.venue)?.name ?? row.venue;
			const corrected = base[paper.id]?.venue === listVenue;
			const knowsBetter = paper.venue !== listVenue && published.has(venues.resolve(paper.venue)!.kind) && (!published.has(venues.resolve(listVenue)?.kind ?? 'other') || !!paper.published || !!paper.doi || corrected);
			if (!knowsBetter && !paper.published && !(corrected && base[paper.id]!.year !== paper.year)) expect(years, where).toContain(paper.year);
			if (row.venue && !knowsBetter) expect(paper.venue, where).toBe(listVenue);
			if (row.paper) expect([paperKey(paper.paper), paperKey(paper.published)], where).toContain(paperKey(row.paper));
			if (githubRepo(row.code)) expect(githubRepo(paper.code), where).toBe(githubRepo(row.code));
		}
		expect(missing).toEqual([]);
	});

	it('marks listed exactly the papers the list lists; every other paper is one the atlas added', () => {
		const inList = catalogue!.papers.filter((p) => rows.some((r) => paperOf(r) === p));
		const others = catalogue!.papers.filter((p) => !inList.includes(p));

		expect(inList).toHaveLength(150);
		expect(inList.filter((p) => p.listed !== true).map((p) => p.id)).toEqual([]);
		expect(others.filter((p) => p.listed === true).map((p) => p.id)).toEqual([]);
		for (const p of others) expect(p.added, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('keeps the LCKV code link mended to the repository its star badge names', () => {
		const lckv = catalogue!.papers.find((p) => p.title.startsWith('Layer-Condensed KV Cache'));

		expect(lckv?.code).toBe('https://github.com/whyNLP/LCKV');
	});

	it('keeps FlowKV apart from FastServe, whose arXiv id its broken link also carries', () => {
		const flowkv = catalogue!.papers.find((p) => p.title.startsWith('FlowKV'));
		const fastserve = catalogue!.papers.find((p) => p.aliases?.includes('FastServe'));

		expect(flowkv?.paper).toBe('https://arxiv.org/pdf/2504.03775');
		expect(fastserve).toBeDefined();
		expect(fastserve!.id).not.toBe(flowkv!.id);
	});
});
