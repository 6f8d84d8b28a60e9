import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCatalogue, FIXTURE, LATEST_LIST, readIn, ROOT, runScript, writeIn, SEED_LIST } from '../helpers/catalogue.ts';

const SEED = SEED_LIST;
const MD = path.join(ROOT, 'tests/fixtures/markdown');
const temp = mkdtempSync(path.join(tmpdir(), 'atlas-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => path.join(temp, `${++n}-${name}`);
const lineOf = (file: string, needle: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

/** export → import → export with the real CLIs; returns both exports. */
function roundTrip(catalogue: string) {
	const first = fresh('first.md');
	const again = fresh('again');
	const second = fresh('second.md');
	const runs = [runScript('export', ['--data', catalogue, '--out', first]), runScript('import', [first, '--out', again]), runScript('export', ['--data', again, '--out', second])];
	expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
	return { first: readFileSync(first, 'utf8'), second: readFileSync(second, 'utf8') };
}

describe('npm run import on the seed list', () => {
	const out = fresh('seed');
	let run: ReturnType<typeof runScript>;
	beforeAll(() => {
		run = runScript('import', [SEED, '--out', out]);
	});

	it('exits 0, summarises the rows and papers, and writes a catalogue that validates', () => {
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('139 rows → 130 papers (9 merged, 0 skipped) in 31 categories, 13 venues');
		expect(run.stdout).toContain('validate: ');

		const check = runScript('validate', [out]);

		expect(check.code).toBe(0);
		expect(check.stdout).toContain('134 files, 130 papers; 0 errors, 0 warnings');
	});

	it('prints problems on stderr and merges on stdout as FILE:LINE: message', () => {
		const line = lineOf(SEED, 'github.LCKVcom');
		// The file as the user named it: relative to the working folder when inside it.
		const shown = path.relative(ROOT, SEED);

		expect(run.stderr).toContain(`${shown}:${line}: code link "https://github.LCKVcom/whyNLP/" is broken; mended to https://github.com/whyNLP/LCKV from the star badge`);
		expect(run.stdout).toContain(`${shown}:${lineOf(SEED, '| 2024 | FastServe ')}: merged "FastServe" into "Fast Distributed Inference Serving for Large Language Models" (line ${lineOf(SEED, '| Fast Distributed Inference')}): same arXiv id 2305.05920`);
		expect(run.stdout.match(/: merged "/g)).toHaveLength(9);
	});

	it('writes each paper with the schema line and its keys in the canonical order', () => {
		expect(readIn(out, 'papers/vllm.yaml')).toBe(
			[
				'# yaml-language-server: $schema=' + path.relative(path.join(out, 'papers'), path.join(ROOT, 'public/schemas/paper.schema.json')),
				'title: Efficient Memory Management for Large Language Model Serving with PagedAttention',
				'aliases: [vLLM]',
				'year: 2023',
				'venue: SOSP',
				'categories: [architectural-design, single-multi-gpu-design]',
				'paper: https://arxiv.org/pdf/2309.06180',
				'code: https://github.com/vllm-project/vllm',
				'listed: true',
				'',
			].join('\n'),
		);
		expect(readIn(out, 'taxonomy.yaml')).toMatch(/^# yaml-language-server: \$schema=\S+\/public\/schemas\/taxonomy\.schema\.json\n- slug: token-level-optimization\n/);
		expect(readIn(out, 'stars.json')).toBe('{}\n');
	});

	it('is deterministic: importing again gives the same bytes', () => {
		const again = fresh('seed-again');
		runScript('import', [SEED, '--out', again]);

		for (const name of ['taxonomy.yaml', 'venues.yaml', 'site.yaml', ...readdirSync(path.join(out, 'papers')).map((f) => `papers/${f}`)]) {
			expect(readIn(again, name).replace(/\$schema=\S+/, ''), name).toBe(readIn(out, name).replace(/\$schema=\S+/, ''));
		}
	});
});

describe('npm run import on the latest list (2025-07-30)', () => {
	it('exits 0 with every row a paper, and writes a catalogue that validates', () => {
		const out = fresh('latest');

		const run = runScript('import', [LATEST_LIST, '--out', out]);

		expect(run.code).toBe(0);
		expect(run.stdout).toContain('160 rows → 150 papers (10 merged, 0 skipped) in 29 categories, 15 venues');
		expect(run.stdout).toContain('validate: ');
		expect(runScript('validate', [out]).code).toBe(0);
		expect(readIn(out, 'papers/flowkv.yaml')).toContain('paper: https://arxiv.org/pdf/2504.03775\n');
	});
});

describe('export → import → export', () => {
	it('is byte-identical for the catalogue in data/', () => {
		const { first, second } = roundTrip(path.join(ROOT, 'data'));

		expect(second).toBe(first);
		// One row per paper and category, as the latest list has them, and one per benchmark.
		expect(first.match(/^\| \d{4} \|/gm)).toHaveLength(160);
		expect(first.slice(first.indexOf('| Benchmark ')).split('\n\n')[0]!.split('\n')).toHaveLength(2 + 31);
	});

	it('is byte-identical for a list from the wild and for the fixture catalogue', () => {
		const wild = fresh('wild');
		expect(runScript('import', [path.join(MD, 'wild-list.md'), '--out', wild]).code).toBe(0);

		for (const catalogue of [wild, FIXTURE]) {
			const { first, second } = roundTrip(catalogue);
			expect(second).toBe(first);
		}
	});
});

describe('npm run import on broken input', () => {
	it('exits 1 and writes nothing for a file without headings or without tables', () => {
		for (const [name, message] of [
			['no-heading.md', ':1: no headings: '],
			['no-table.md', ':1: no table: '],
		] as const) {
			const out = fresh(name);

			const run = runScript('import', [path.join(MD, name), '--out', out]);

			expect(run.code, name).toBe(1);
			expect(run.stderr).toContain(`tests/fixtures/markdown/${name}${message}`);
			expect(existsSync(out)).toBe(false);
		}
	});

	it('writes the papers of malformed rows it can still read, reports each row with its line, and exits 1 for the row it could not read', () => {
		const file = path.join(MD, 'malformed-rows.md');
		const out = fresh('malformed');

		const run = runScript('import', [file, '--out', out]);

		expect(run.code).toBe(1);
		expect(run.stderr).toContain('✗ 1 row of tests/fixtures/markdown/malformed-rows.md not imported (reported above with its line); the rest is written');
		expect(run.stderr).toContain(`tests/fixtures/markdown/malformed-rows.md:${lineOf(file, 'Broken Link Paper')}: paper link "htps//arxiv.org/abs/2404.14469" is not an absolute http(s) URL; left out`);
		expect(run.stderr).toContain(`tests/fixtures/markdown/malformed-rows.md:${lineOf(file, 'Short Row')}: row has 2 cells, the header has 6`);
		expect(run.stdout).toContain('15 rows → 12 papers (2 merged, 1 skipped)');
		expect(run.stdout).toContain('validate: ');
	});

	it('exits 1 for a row with no year and no link, reporting it at its line and writing the rest as a valid catalogue', () => {
		const file = path.join(MD, 'name-alone-rows.md');
		const out = fresh('name-alone');

		const run = runScript('import', [file, '--out', out]);

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`tests/fixtures/markdown/name-alone-rows.md:${lineOf(file, '||ZIPVL|')}: no year for "ZIPVL", and no arXiv link to take it from; not imported`);
		expect(run.stderr).toContain('✗ 2 rows of tests/fixtures/markdown/name-alone-rows.md not imported (reported above with their lines); the rest is written');
		expect(run.stdout).toContain('validate: ');
		expect(readdirSync(path.join(out, 'papers')).sort()).toEqual(['kivi.yaml', 'qaq.yaml']);
		expect(readIn(out, 'papers/qaq.yaml')).toContain('listed: true');
		expect(runScript('validate', [out]).code).toBe(0);
	});

	it('exits 1 when the validator refuses what it wrote, keeping the files and printing the validator\'s messages', () => {
		const out = fresh('invalid');
		const file = writeIn(temp, 'old-paper-list.md', '# L\n\n## G\n\n### Leaf\n\n| Year | Title | Type | Venue | Paper | code |\n| - | - | - | - | - | - |\n| 1800 | An Old Paper | Leaf | ICML | [Link](https://example.org/old) | |\n');

		const run = runScript('import', [file, '--out', out]);

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`✗ the written catalogue does not validate (1 error); the files stay in ${out}`);
		expect(run.stderr).toMatch(/papers\/an-old-paper\.yaml:3:7 {2}year {2}must be 1990 or later/);
		expect(run.stdout).not.toContain('is a valid catalogue');
		expect(readdirSync(path.join(out, 'papers'))).toEqual(['an-old-paper.yaml']);
		expect(runScript('validate', [out]).code).toBe(1);
	});

	it('says how many lines it joined to the row above, and how many rows it skipped', () => {
		const run = runScript('import', [path.join(MD, 'row-broken-over-two-lines.md'), '--out', fresh('broken')]);

		expect(run.code).toBe(1);
		expect(run.stdout).toContain('11 rows → 7 papers (0 merged, 3 lines joined to the row above, 1 skipped)');
	});

	it('exits 2 on a usage error', () => {
		expect(runScript('import', [SEED]).code).toBe(2);
		expect(runScript('import', ['--out', fresh('x')]).stderr).toContain('usage: npm run import -- FILE.md --out DIR');
		expect(runScript('import', [path.join(MD, 'missing.md'), '--out', fresh('x')]).code).toBe(2);
	});
});

describe('npm run import into an existing catalogue', () => {
	it('replaces the papers but keeps stars.json and the repository of site.yaml', () => {
		const out = copyCatalogue();
		writeIn(out, 'papers/stale.yaml', 'title: left over\n');
		const stars = readIn(out, 'stars.json');

		const run = runScript('import', [path.join(MD, 'wild-list.md'), '--out', out]);

		expect(run.code).toBe(0);
		expect(existsSync(path.join(out, 'papers/stale.yaml'))).toBe(false);
		expect(existsSync(path.join(out, 'papers/kivi.yaml'))).toBe(true);
		expect(readIn(out, 'stars.json')).toBe(stars);
		expect(readIn(out, 'site.yaml')).toContain('repository: example/fixture-list');
		expect(run.stdout).toContain('kept repository example/fixture-list from the existing site.yaml');
		rmSync(out, { recursive: true, force: true });
	});
});

describe('npm run export', () => {
	it('writes to stdout from CATALOGUE_DIR by default', () => {
		const run = runScript('export', [], { CATALOGUE_DIR: FIXTURE });

		expect(run.code).toBe(0);
		expect(run.stdout.startsWith('# Fixture List\n')).toBe(true);
	});

	it('refuses an invalid catalogue with the validator\'s messages and writes nothing', () => {
		const bad = copyCatalogue();
		writeIn(bad, 'papers/h2o.yaml', readIn(bad, 'papers/h2o.yaml').replace('venue: NeurIPS', 'venue: NIPS'));
		const out = fresh('refused.md');

		const run = runScript('export', ['--data', bad, '--out', out]);

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${bad}/papers/h2o.yaml:5:8  venue  write the venue's canonical name "NeurIPS" instead of "NIPS"`);
		expect(run.stderr).toContain('nothing exported');
		expect(existsSync(out)).toBe(false);
		rmSync(bad, { recursive: true, force: true });
	});
});
