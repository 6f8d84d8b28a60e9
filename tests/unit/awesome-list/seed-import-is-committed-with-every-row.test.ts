/**
 * data/ is the seed list imported, then edited on purpose. This test reads the seed with a plain
 * line scanner (not the importer) and checks that every row is still in data/: its title or short
 * name, its category, year, venue and links. Edits that add papers or fix facts pass; losing a
 * row or moving it to another category does not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubRepo, normalizeTitle, paperKey } from '../../../src/catalogue/links.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { buildTree } from '../../../src/catalogue/tree.ts';
import { ROOT, SEED_LIST } from '../../helpers/catalogue.ts';

interface SeedRow {
	line: number;
	group: string;
	leaf: string;
	year: number;
	title: string;
	venue: string;
	paper: string | undefined;
	code: string | undefined;
}

const seed = readFileSync(SEED_LIST, 'utf8');
const rows: SeedRow[] = [];
let group = '';
let leaf = '';
seed.split('\n').forEach((text, i) => {
	if (text.startsWith('## ')) group = text.slice(3).trim();
	if (text.startsWith('### ')) leaf = text.slice(4).replace(/\s*\(\[.*$/, '').trim();
	const m = /^\|\s*(\d{4})\s*\|(.*)$/.exec(text);
	if (!m) return;
	const cells = m[2]!.split('|').map((c) => c.trim());
	const link = (cell: string | undefined) => /\]\((https?:[^)\s]+)\)/.exec(cell ?? '')?.[1];
	rows.push({ line: i + 1, group, leaf, year: Number(m[1]), title: cells[0]!, venue: cells[2]!, paper: link(cells[3]), code: link(cells[4]) });
});

const { catalogue, diagnostics } = loadCatalogue(path.join(ROOT, 'data'));
const VENUE_SPELLINGS: Record<string, string> = { NIPS: 'NeurIPS', 'ICLR sub.': 'ICLR submission' };

describe('the committed catalogue in data/', () => {
	it('validates without errors or warnings', () => {
		expect(diagnostics).toEqual([]);
		expect(catalogue).not.toBeNull();
	});

	it('was read from all 139 rows of the seed list', () => {
		expect(rows).toHaveLength(139);
	});

	it('holds every seed row in its category, with its year, venue and links', () => {
		const tree = buildTree(catalogue!.taxonomy);
		const missing: string[] = [];
		for (const row of rows) {
			const paper = catalogue!.papers.find((p) => [p.title, ...(p.aliases ?? [])].some((t) => normalizeTitle(t) === normalizeTitle(row.title)) || (row.paper && paperKey(row.paper) === paperKey(p.paper)));
			const where = `seed line ${row.line} "${row.title}"`;
			if (!paper) {
				missing.push(where);
				continue;
			}
			const leaves = paper.categories.map((slug) => tree.bySlug.get(slug)!);
			expect(leaves.some((l) => l.title === row.leaf && l.parent?.title === row.group), `${where} in "${row.group} › ${row.leaf}"`).toBe(true);
			expect(paper.year, where).toBe(row.year);
			// A row without a venue states none; the paper may have one from its other rows.
			if (row.venue) expect(paper.venue, where).toBe(VENUE_SPELLINGS[row.venue] ?? row.venue);
			if (row.paper) expect(paperKey(paper.paper), where).toBe(paperKey(row.paper));
			if (githubRepo(row.code)) expect(githubRepo(paper.code), where).toBe(githubRepo(row.code));
		}
		expect(missing).toEqual([]);
		// 16 rows state no venue; one of them ("MatryoshkaKV") is a paper listed with its venue elsewhere.
		expect(catalogue!.papers.filter((p) => p.venue === 'Unspecified')).toHaveLength(rows.filter((r) => !r.venue).length - 1);
	});

	it('holds no paper the seed does not list', () => {
		const titles = new Set(rows.map((r) => normalizeTitle(r.title)));
		const keys = new Set(rows.map((r) => paperKey(r.paper)).filter(Boolean));
		const unlisted = catalogue!.papers.filter((p) => !titles.has(normalizeTitle(p.title)) && !(p.aliases ?? []).some((a) => titles.has(normalizeTitle(a))) && !keys.has(paperKey(p.paper)));

		expect(unlisted.map((p) => p.id)).toEqual([]);
	});

	it('keeps the LCKV code link mended to the repository its star badge names', () => {
		const lckv = catalogue!.papers.find((p) => p.title.startsWith('Layer-Condensed KV Cache'));

		expect(lckv?.code).toBe('https://github.com/whyNLP/LCKV');
	});
});
