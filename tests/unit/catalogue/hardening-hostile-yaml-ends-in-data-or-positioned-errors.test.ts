/**
 * Hostile and broken YAML through the real validator (`loadCatalogue` on a temp copy of the
 * fixture): random bytes, mutated real files, resource-exhaustion shapes and a 10 MB file. The
 * validator never throws, never hangs, and ends either in a catalogue or in at least one error
 * that names a file, a line and a column inside the file.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogue, type LoadResult } from '../../../src/catalogue/load.ts';
import { copyCatalogue, FIXTURE } from '../../helpers/catalogue.ts';
import { mutate, mutation } from '../../helpers/text-mutations.ts';

/** Files of the fixture a contributor edits; each property mutates one of them. */
const TARGETS = ['papers/snapkv.yaml', 'papers/vllm.yaml', 'taxonomy.yaml', 'venues.yaml'] as const;
/** Characters that change YAML's meaning, plus the whitespace and markers editors leave behind. */
const YAML_NOISE = [':', ': ', '- ', '-', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!!str ', '!x ', '|', '>', "'", '"', '%', '@', '`', '? ', '\t', '\n', '\r\n', '\r', '\uFEFF', '\u0000', '\u2028', '---\n', '...\n', '<<: ', '  ', 'é', '𝔘', '\uD800'];

let dir = '';
const originals = new Map<string, string>();
beforeAll(() => {
	dir = copyCatalogue();
	for (const t of TARGETS) originals.set(t, readFileSync(path.join(FIXTURE, t), 'utf8'));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Write `text` as `target`, load the catalogue, and put the original back. */
function loadWith(target: string, text: string): { result: LoadResult; ms: number } {
	const file = path.join(dir, target);
	writeFileSync(file, text);
	try {
		const start = performance.now();
		const result = loadCatalogue(dir);
		return { result, ms: performance.now() - start };
	} finally {
		writeFileSync(file, originals.get(target) ?? '');
	}
}

/** Every message is positioned inside its file and readable; a failed load has an error. */
function expectUsable({ result }: { result: LoadResult }, target: string, text: string): void {
	const lines = text.split(/\r\n|\r|\n/).length;
	for (const d of result.diagnostics) expectPositioned(d, target, lines);
	if (!result.catalogue) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

function expectPositioned(d: Diagnostic, target: string, lines: number): void {
	expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
	expect(Number.isInteger(d.col) && d.col >= 1).toBe(true);
	expect(d.field.length).toBeGreaterThan(0);
	expect(d.message.trim().length).toBeGreaterThan(0);
	expect(formatDiagnostic(d)).toMatch(/^\S.*:\d+:\d+ {2}(?:"(?:[^"\\]|\\.)*"|[^\s"]+)+ {2}\S/);
	if (d.file.endsWith(target)) expect(d.line).toBeLessThanOrEqual(lines + 1);
}

/** Per-case bound: a small file must load far below it; a loop or exponential blow-up would not. */
const CASE_MS = 2_000;

describe('hostile YAML through the validator', () => {
	it('mutated real files load or fail with positioned errors, quickly', () => {
		fc.assert(
			fc.property(fc.constantFrom(...TARGETS), fc.array(mutation(YAML_NOISE), { minLength: 1, maxLength: 6 }), (target, ms) => {
				const text = ms.reduce(mutate, originals.get(target)!);
				const run = loadWith(target, text);

				expectUsable(run, target, text);
				expect(run.ms).toBeLessThan(CASE_MS);
			}),
			{ numRuns: 100 },
		);
	});

	it('random text and random YAML values as a paper file end in data or errors', () => {
		const anyYaml = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.string({ unit: fc.constantFrom(...YAML_NOISE, 'a', 'title', 'year', '2024', ' '), maxLength: 60 }),
			fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
		);
		fc.assert(
			fc.property(anyYaml, (text) => {
				const run = loadWith('papers/snapkv.yaml', text);

				expectUsable(run, 'papers/snapkv.yaml', text);
				expect(run.ms).toBeLessThan(CASE_MS);
			}),
			{ numRuns: 100 },
		);
	});

	it.each([
		['unclosed nesting 20,000 deep', '['.repeat(20_000)],
		['closed nesting 5,000 deep', '['.repeat(5_000) + ']'.repeat(5_000)],
		['block nesting 3,000 deep', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')],
		['an alias bomb (billion laughs)', ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n')],
		['two documents', '---\ntitle: A\n---\ntitle: B\n'],
		['a prototype key', '__proto__: { polluted: 1 }\ntitle: X\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\n'],
		['a duplicate key', 'title: A\ntitle: B\n'],
		['tabs as indentation', 'title: A\n\tyear: 2024\n'],
		['an empty file', ''],
		['a BOM and CRLF line ends only', '\uFEFF\r\n\r\n'],
		['custom tags', 'title: !!binary aGVsbG8=\nyear: !!float 2024\nvenue: !foo arXiv\ncategories: !!set { quantization }\n'],
	])('%s ends in a positioned error without throwing', (_name, text) => {
		const run = loadWith('papers/snapkv.yaml', text);

		expect(run.result.catalogue).toBeNull();
		expectUsable(run, 'papers/snapkv.yaml', text);
		expect(run.ms).toBeLessThan(CASE_MS);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('says that nesting too deep to read is the problem, not the parser\'s stack', () => {
		const run = loadWith('papers/snapkv.yaml', '['.repeat(20_000));

		expect(run.result.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/snapkv\.yaml:1:\d+ {2}\(yaml\) {2}YAML nested too deeply to read/));
	});

	it('a 10 MB paper file is read in bounded time and its problems are positioned', () => {
		const rows = 100_000;
		const line = `  ${'A pasted blob of text, much longer than any summary should be. '.repeat(2)}`;
		const text = `title: A\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\nsummary: |\n${Array(rows).fill(line).join('\n')}\nextra: 1\n`;

		const run = loadWith('papers/snapkv.yaml', text);

		expect(text.length).toBeGreaterThan(10_000_000);
		expectUsable(run, 'papers/snapkv.yaml', text);
		expect(run.result.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(new RegExp(`snapkv\\.yaml:${rows + 6}:1 {2}extra {2}unknown field "extra"`)));
		expect(run.ms).toBeLessThan(30_000);
	});
});
