/**
 * Hostile and broken awesome-list markdown through the real importer: mutated real lists, random
 * tables with very long cells, nested links, HTML, unicode, tabs, CRLF and `javascript:` links,
 * and the shapes that make a markdown parser slow or overflow (deep nesting, 10 MB). The importer
 * never throws or hangs; it ends in papers or a fatal problem, every message names a line of the
 * file, every table row is part of a paper or reported at its line, no imported link is anything
 * but http(s), and what it writes is read by the validator into a catalogue or positioned errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../../../src/awesome-list/write.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { MAX_IMPORT_BYTES, MAX_NESTING } from '../../../src/awesome-list/guard.ts';
import { importMarkdown, type ImportResult } from '../../../src/awesome-list/import.ts';
import { SLUG_PATTERN, UrlSchema } from '../../../src/catalogue/schema.ts';
import { ROOT } from '../../helpers/catalogue.ts';
import { accountedRowLines, tableRowLines } from '../../helpers/table-rows.ts';
import { mutate, mutation } from '../../helpers/text-mutations.ts';

const LISTS = ['wild-list.md', 'malformed-rows.md', 'row-broken-over-two-lines.md', 'nested-link.md', 'rows-outside-categories.md'].map((f) => readFileSync(path.join(ROOT, 'tests/fixtures/markdown', f), 'utf8'));
const SCHEMAS = path.join(ROOT, 'public/schemas');
/** Per-case bound for a small list: parsing takes milliseconds; a loop or blow-up would not. */
const CASE_MS = 3_000;

/** Import `text`, timing it. */
function run(text: string): { result: ImportResult; ms: number } {
	const start = performance.now();
	const result = importMarkdown(text, 'Hostile list');
	return { result, ms: performance.now() - start };
}

/**
 * The invariants of any import: lines inside the file, every table row accounted for (in a paper,
 * continuing one, or skipped with its line), links only http(s), ids and titles usable.
 */
function expectSound({ result }: { result: ImportResult }, text: string): void {
	const lines = text.split(/\r\n|\r|\n/).length;
	for (const m of [...result.messages, ...(result.fatal ? [result.fatal] : [])]) {
		expect(Number.isInteger(m.line) && m.line >= 1 && m.line <= lines + 1, `line ${m.line} of ${lines}: ${m.message}`).toBe(true);
		expect(m.message.trim()).not.toBe('');
	}
	if (result.fatal) expect(result.papers).toEqual([]);
	else expect(accountedRowLines(result)).toEqual(tableRowLines(text));
	for (const p of result.papers) {
		expect(p.id).toMatch(SLUG_PATTERN);
		expect(p.data.title.trim()).not.toBe('');
		expect(p.data.title).not.toMatch(/[\r\n]/);
		for (const url of [p.data.paper, p.data.code]) if (url !== undefined) expect(UrlSchema.safeParse(url).success, url).toBe(true);
	}
}

const NOISE = ['|', '||', '\\|', '[', ']', '](', '](javascript:alert(1))', '](data:text/html,x)', '](//evil.example)', '<img src=x onerror=alert(1)>', '<script>', '</table>', '`', '**', '_', '#', '## ', '> ', '- ', '1. ', '\t', '\r\n', '\r', '\n', '\n\n', '\uFEFF', '\u0000', '\u2028', 'é', '𝔘', '💥', '\u202E', '---', '&amp;', '&#0;', '<!--', '-->'];

const cell = fc.oneof(
	{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[|\n\r]/g, ' ')) },
	{ weight: 1, arbitrary: fc.integer({ min: 200, max: 5_000 }).map((n) => 'long '.repeat(n)) },
	{ weight: 2, arbitrary: fc.constantFrom('[a [b](https://x.example)](https://y.example)', '[Link](javascript:alert(1))', '[Link](JAVASCRIPT:alert(1))', '[Link](//evil.example/x)', '[Link](data:text/html,<script>alert(1)</script>)', '<a href="javascript:alert(1)">x</a>', '<img src=x onerror=alert(1)>', '**<b>bold</b>**', 'a \\| b', '\ttabbed\t', 'e\u0301', '中文标题', '\u202Eevil', '![](https://img.shields.io/x.svg)', '[Link](https://arxiv.org/abs/2404.14469)', '[Link](https://github.com/a/b)') },
);
const row = fc.tuple(fc.constantFrom('2024', '2023', '', 'x', '99999'), cell, cell, fc.constantFrom('ICML', 'NeurIPS', 'NIPS', 'ICLR sub.', '', '<b>V</b>'), cell, cell);
/** A row written on one line, or broken by a newline somewhere after its first character (a wrapped title, a cut cell). */
const rowLine = fc.tuple(row, fc.option(fc.nat(), { freq: 3 })).map(([cells, cut]) => {
	const line = `| ${cells.join(' | ')} |`;
	if (cut === null) return line;
	const at = 1 + (cut % (line.length - 1));
	return `${line.slice(0, at)}\n${line.slice(at).replace(/^\s*$/, 'tail')}`;
});
const list = fc
	.tuple(fc.array(rowLine, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
	.map(([rows, eol, bom]) => (bom ? '\uFEFF' : '') + ['# Hostile', '', '## Group', '', '### Leaf', '', '| Year | Title | Type | Venue | Paper | code |', '| --- | --- | --- | --- | --- | --- |', ...rows.flatMap((r) => r.split('\n')), ''].join(eol));

describe('hostile markdown through the importer', () => {
	it('mutated real lists import or fail with line-numbered problems, quickly', () => {
		fc.assert(
			fc.property(fc.constantFrom(...LISTS), fc.array(mutation(NOISE), { minLength: 1, maxLength: 8 }), (base, ms) => {
				const text = ms.reduce(mutate, base);
				const r = run(text);

				expectSound(r, text);
				expect(r.ms).toBeLessThan(CASE_MS);
			}),
			{ numRuns: 60 },
		);
	});

	it('random tables with long, nested, HTML, unicode and script-link cells import soundly', () => {
		fc.assert(
			fc.property(list, (text) => {
				const r = run(text);

				expectSound(r, text);
				expect(r.ms).toBeLessThan(CASE_MS);
			}),
			{ numRuns: 80 },
		);
	});

	it('what it writes is read by the validator into a catalogue or positioned errors', () => {
		fc.assert(
			fc.property(list, (text) => {
				const { result } = run(text);
				fc.pre(!result.fatal);
				const dir = mkdtempSync(path.join(tmpdir(), 'atlas-import-'));
				try {
					writeCatalogue(dir, result, SCHEMAS);

					const loaded = loadCatalogue(dir);

					if (!loaded.catalogue) expect(loaded.diagnostics.some((d) => d.severity === 'error')).toBe(true);
					for (const d of loaded.diagnostics) expect(d.line >= 1 && d.col >= 1 && d.field !== '').toBe(true);
				} finally {
					rmSync(dir, { recursive: true, force: true });
				}
			}),
			{ numRuns: 12 },
		);
	});

	it.each([
		['an empty file', ''],
		['a byte-order mark only', '\uFEFF'],
		['blank lines only', '\r\n\n\r\n'],
		['a heading without a table', '# List\n\nno table here\n'],
	])('%s is a line-numbered fatal problem, not a crash', (_name, text) => {
		const r = run(text);

		expect(r.result.fatal).toBeDefined();
		expectSound(r, text);
	});

	it('reads CRLF, a BOM and LF alike', () => {
		const lf = run(LISTS[0]!).result;

		const crlf = run(`\uFEFF${LISTS[0]!.replace(/\n/g, '\r\n')}`).result;

		expect(crlf.papers).toEqual(lf.papers);
		expect(crlf.messages).toEqual(lf.messages);
	});

	it.each([
		['20,000 nested ">" quotes', `# L\n\n${'>'.repeat(20_000)} x\n`, 3],
		['a list nested 1,000 levels deep', `# L\n\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`, 3 + 2 * MAX_NESTING],
	])('%s is refused at its line before parsing (it would overflow or take minutes)', (_name, text, line) => {
		const r = run(text);

		expect(r.result.fatal).toMatchObject({ line, kind: 'problem', message: expect.stringContaining(`the importer reads at most ${MAX_NESTING}`) });
		expect(r.ms).toBeLessThan(CASE_MS);
	});

	it('a 10 MB file is refused at once with its size', () => {
		const text = `# L\n\n${'| 2024 | A title | T | ICML | [Link](https://arxiv.org/abs/2404.14469) | |\n'.repeat(Math.ceil(10_000_000 / 72))}`;

		const r = run(text);

		expect(text.length).toBeGreaterThan(10_000_000);
		expect(text.length).toBeGreaterThan(MAX_IMPORT_BYTES);
		expect(r.result.fatal).toMatchObject({ line: 1, message: expect.stringMatching(/^the file is 9\.\d MB; the importer reads awesome-list READMEs up to 5\.0 MB/) });
		expect(r.ms).toBeLessThan(CASE_MS);
	});

	it('a 1 MB cell is imported in bounded time', () => {
		const text = `# L\n\n## G\n\n### Leaf\n\n| Year | Title | Type | Venue | Paper | code |\n| - | - | - | - | - | - |\n| 2024 | ${'x'.repeat(1_000_000)} | Leaf | ICML | [Link](https://arxiv.org/abs/2404.14469) | |\n`;

		const r = run(text);

		expectSound(r, text);
		expect(r.result.papers).toHaveLength(1);
		expect(r.ms).toBeLessThan(15_000);
	});
});
