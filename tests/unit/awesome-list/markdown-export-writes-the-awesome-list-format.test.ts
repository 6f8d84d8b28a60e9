import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { exportMarkdown } from '../../../src/awesome-list/export.ts';
import { importMarkdown, type ImportResult } from '../../../src/awesome-list/import.ts';
import type { Paper } from '../../../src/catalogue/schema.ts';
import { FIXTURE, SEED_LIST } from '../../helpers/catalogue.ts';

const SEED_TEXT = readFileSync(SEED_LIST, 'utf8');
const asCatalogue = (r: ImportResult) => ({ site: r.site, taxonomy: r.taxonomy, papers: r.papers.map((p) => ({ id: p.id, ...p.data }) as Paper) });
const seedExport = exportMarkdown(asCatalogue(importMarkdown(SEED_TEXT)));
const fixture = loadCatalogue(FIXTURE).catalogue!;
const fixtureExport = exportMarkdown(fixture);

/** The table of contents: the list lines before the first horizontal rule. */
const tableOfContents = (md: string) => md.split('\n---\n')[0]!.split('\n').filter((l) => /^\s*- \[/.test(l));
/** The table under the heading that starts with `heading`. */
const tableUnder = (md: string, heading: string) => {
	const start = md.indexOf(`\n${heading}`);
	return md.slice(start).split('\n\n')[1]!.split('\n');
};

describe('exporting the catalogue as the awesome list', () => {
	it('writes the same table of contents, with the anchors GitHub gives, as the seed list', () => {
		expect(tableOfContents(seedExport)).toEqual(tableOfContents(SEED_TEXT));
		expect(tableOfContents(seedExport)).toContain('    - [Compression (To Top👆🏻)](#compression-to-top-1)');
	});

	it('writes the headings with the back-to-top link after each category that has a table', () => {
		expect(seedExport).toContain('\n# Token-level Optimization\n\n## KV Cache Selection\n\n### Static KV Cache Selection ([To Top👆🏻](#awesome-kv-cache-management))\n\n| Year | Title');
		expect(seedExport).toContain('\n---\n\n# Datasets and Benchmarks\n\nPlease refer to our paper for detailed information on this section.\n\n---\n');
		expect(seedExport.endsWith('section.\n\n---\n')).toBe(true);
	});

	it('writes padded tables, newest first, with links, star badges and non-official code', () => {
		const table = tableUnder(seedExport, '### Grouped Attention');
		const widths = new Set(table.map((l) => [...l].length));

		expect(table[0]).toMatch(/^\| Year \| Title +\| Type +\| Venue +\| Paper +\| code +\|$/);
		expect(table[1]).toMatch(/^\| -{4} \| -+ \| -+ \| -+ \| -+ \| -+ \|$/);
		expect(widths.size).toBe(1);
		expect(table.slice(2).map((l) => l.slice(2, 6))).toEqual(['2024', '2024', '2024', '2024', '2023', '2023', '2019']);
		expect(table.find((l) => l.includes('QCQA'))).toMatch(/ \| \[Link\]\(https:\/\/arxiv\.org\/pdf\/2406\.10247\) +\| \[Non-official Link\]\(https:\/\/github\.com\/vinayjoshi22\/qcqa\) !\[\]\(https:\/\/img\.shields\.io\/github\/stars\/vinayjoshi22\/qcqa\.svg\?style=social\) +\|$/);
	});

	it('orders papers of a year by title, like the site', () => {
		const titles = tableUnder(seedExport, '### Static KV Cache Selection')
			.slice(2)
			.map((l) => l.split('|')[2]!.trim());

		expect(titles).toEqual(['In-context KV-Cache Eviction for LLMs via Attention-Gate', 'Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs', 'SnapKV: LLM Knows What You are Looking for Before Generation']);
	});

	it('writes a paper in each of its categories, and an unstated venue as an empty cell', () => {
		expect(seedExport.match(/\| Efficient Memory Management for Large Language Model Serving with PagedAttention +\|/g)).toHaveLength(2);
		expect(tableUnder(seedExport, '### Compression').find((l) => l.includes('| MLA'))).toMatch(/^\| 2024 \| MLA +\| Compression \| +\| +\| +\|$/);
	});

	it('escapes markup in titles so it stays text, and reads back to the same title', () => {
		expect(fixtureExport).toContain('| \\<script\\>alert(1)\\</script\\> & \\<b\\>Bold\\</b\\> Claims about KV Caches |');

		const back = importMarkdown(fixtureExport).papers.map((p) => p.data.title);

		expect(back).toContain('<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches');
		expect(back.sort()).toEqual(fixture.papers.map((p) => p.title).sort());
	});

	it('writes code that is not on GitHub without a badge', () => {
		expect(fixtureExport).toMatch(/\| \[Non-official Link\]\(https:\/\/gitlab\.com\/example\/markup\) +\|\n/);
		expect(fixtureExport).not.toContain('stars/example/markup');
	});

	it('keeps the preamble between the title and the table of contents', () => {
		expect(fixtureExport.startsWith('# Fixture List\n\nA small catalogue for tests.\n\n- [Fixture List](#fixture-list)\n')).toBe(true);
	});
});
