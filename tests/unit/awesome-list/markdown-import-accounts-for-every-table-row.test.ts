/**
 * No row is lost without a word: every data row of every table in the file ends up in a paper
 * (or continues a row that does), or is reported at its line with the reason it became no paper.
 * The rows are counted apart from the importer (tests/helpers/table-rows.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/awesome-list/import.ts';
import { LATEST_LIST, ROOT, SEED_LIST } from '../../helpers/catalogue.ts';
import { accountedRowLines, pipeLineRows, tableRowLines } from '../../helpers/table-rows.ts';

const MARKDOWN = path.join(ROOT, 'tests/fixtures/markdown');
/** Files refused as a whole (no heading, no table under a heading): nothing of them is imported. */
const REFUSED = ['no-heading.md', 'no-table.md'];
const FIXTURES = readdirSync(MARKDOWN)
	.filter((f) => f.endsWith('.md') && !REFUSED.includes(f))
	.map((f) => path.join(MARKDOWN, f));

describe('every table row of a list', () => {
	it.each([SEED_LIST, LATEST_LIST, ...FIXTURES].map((f) => [path.relative(ROOT, f), f]))('is part of a paper or reported at its line with the reason, in %s', (_name, file) => {
		const text = readFileSync(file, 'utf8');

		const result = importMarkdown(text, path.basename(file));

		const rows = tableRowLines(text);
		expect(result.fatal).toBeUndefined();
		expect(result.rows).toBe(rows.length);
		expect(accountedRowLines(result)).toEqual(rows);
		expect(result.papers.reduce((n, p) => n + p.rows.length, 0) + result.continued + result.skipped.length).toBe(rows.length);
		for (const m of result.skipped) {
			expect(m.kind).toBe('problem');
			expect(result.messages).toContain(m);
		}
	});

	it('counts 139 rows in the list of 2024-12-27 and 160 in that of 2025-07-30, all of them papers', () => {
		for (const [file, count] of [
			[SEED_LIST, 139],
			[LATEST_LIST, 160],
		] as const) {
			const text = readFileSync(file, 'utf8');

			const result = importMarkdown(text);

			expect(pipeLineRows(text)).toHaveLength(count);
			expect(tableRowLines(text)).toEqual(pipeLineRows(text));
			expect(result.skipped).toEqual([]);
			expect(result.continued).toBe(0);
		}
	});

	it('reports the rows of a file refused as a whole with the reason it is refused', () => {
		for (const name of REFUSED) {
			const result = importMarkdown(readFileSync(path.join(MARKDOWN, name), 'utf8'));

			expect(result.fatal?.line, name).toBeGreaterThanOrEqual(1);
			expect(result.papers).toEqual([]);
		}
	});
});
