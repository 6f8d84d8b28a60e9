import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_KINDS, isOlderThanAYear } from '../../src/maintain/doctor/doctor.ts';
import { copyCatalogue, FIXTURE, readIn, runScript, writeIn } from '../helpers/catalogue.ts';

let worse = '';
let broken = '';
beforeAll(() => {
	worse = copyCatalogue();
	writeIn(worse, 'papers/bare.yaml', '# yaml-language-server: $schema=x\ntitle: A Bare Preprint\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\n');
	writeIn(worse, 'papers/posted.yaml', '# yaml-language-server: $schema=x\ntitle: A Recent Preprint\nyear: 2026\nvenue: arXiv\ncategories: [quantization]\npaper: https://arxiv.org/abs/2606.01234\ncode: https://github.com/example/posted\n');
	writeIn(worse, 'stars.json', JSON.stringify({ 'FMInference/H2O': { stars: 1, checked: '2027-05-30' }, 'FasterDecoding/SnapKV': { stars: 1, checked: '2027-05-30' }, 'jy-yuan/KIVI': { stars: 1, checked: '2027-05-30' }, 'vllm-project/vllm': { stars: 1, checked: '2027-05-30' }, 'example/posted': { stars: 1, checked: '2027-05-30' } }));
	broken = copyCatalogue();
	writeIn(broken, 'papers/kivi.yaml', readIn(broken, 'papers/kivi.yaml').replace('categories: [quantization]', 'categories: [quantisation]'));
});
afterAll(() => [worse, broken].forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run doctor', () => {
	it('groups findings on the fixture by kind, each with file:line, and exits 0', () => {
		const run = runScript('doctor', ['--today', '2027-06-01'], { CATALOGUE_DIR: FIXTURE });

		expect(run.code).toBe(0);
		expect(run.stdout).toBe(
			[
				'doctor: tests/fixtures/catalogue (5 papers, 2027-06-01): 6 findings',
				'',
				'arXiv preprints older than a year (1): has the paper been published since? update "venue" and "year"',
				'  tests/fixtures/catalogue/papers/markup-title.yaml:4  arXiv 2025: "<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches"',
				'',
				'Papers whose code is not by the authors (1): look for official code; keep "codeOfficial: false" otherwise',
				'  tests/fixtures/catalogue/papers/markup-title.yaml:8  unofficial code at https://gitlab.com/example/markup',
				'',
				'Categories with fewer than two papers (2): find more papers, or merge the category into a sibling',
				'  tests/fixtures/catalogue/taxonomy.yaml:9  "Static KV Cache Selection" (static-selection) has 1 paper',
				'  tests/fixtures/catalogue/taxonomy.yaml:18  "Memory Management" (memory-management) has 1 paper',
				'',
				'Star snapshot out of date (2): merge the weekly Refresh pull request, or run "npm run stars" and commit data/stars.json',
				'  tests/fixtures/catalogue/stars.json:1  2 of 4 repositories have no star count: FMInference/H2O, jy-yuan/KIVI',
				'  tests/fixtures/catalogue/stars.json:2  2 of 4 counts are older than 14 days; the oldest, FasterDecoding/SnapKV, was checked on 2026-11-01 (212 days ago)',
				'',
			].join('\n'),
		);
	});

	it('writes a machine-readable report with --json: counts for every kind and one entry per finding', () => {
		const run = runScript('doctor', ['--json', '--today', '2027-06-01'], { CATALOGUE_DIR: worse });

		expect(run.code).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(Object.keys(report.counts)).toEqual([...FINDING_KINDS]);
		expect(report.counts).toEqual({ 'old-preprint': 2, 'unconfirmed-fact': 0, 'unconfirmed-benchmark': 0, 'no-paper-link': 1, 'no-code': 1, 'unofficial-code': 1, 'small-category': 2, 'stale-stars': 0 });
		expect(report.papers).toBe(7);
		expect(report.findings).toContainEqual({ kind: 'no-code', file: path.join(worse, 'papers/bare.yaml'), line: 2, subject: 'bare', message: 'no "code:" link: "A Bare Preprint"' });
		expect(report.findings.filter((f: { kind: string }) => f.kind === 'old-preprint').map((f: { subject: string }) => f.subject).sort()).toEqual(['bare', 'markup-title']);
	});

	it('dates a preprint by its arXiv posting month when the link names one', () => {
		const run = runScript('doctor', ['--json', '--today', '2027-08-01'], { CATALOGUE_DIR: worse });

		const subjects = JSON.parse(run.stdout).findings.filter((f: { kind: string }) => f.kind === 'old-preprint').map((f: { subject: string }) => f.subject);
		expect(subjects).toContain('posted');
		expect(isOlderThanAYear(2026, 'https://arxiv.org/abs/2606.01234', '2027-06-30')).toBe(false);
		expect(isOlderThanAYear(2026, 'https://arxiv.org/abs/2606.01234', '2027-07-01')).toBe(true);
		expect(isOlderThanAYear(2025, undefined, '2026-12-31')).toBe(false);
		expect(isOlderThanAYear(2025, undefined, '2027-01-01')).toBe(true);
	});

	it('lists an unreadable review.json and entries of papers that are gone, at their line', () => {
		const dir = copyCatalogue();
		const entry = { from: 'papers.json (gathered 2026-12-01)', confidence: 'medium', applied: ['date'], notApplied: [], fact: { title: 'Gone', listArxiv: null, arxiv: null, authors: null, authorsComplete: false, arxivDate: '2024-01-01', published: null }, sources: [], note: 'n' };
		writeIn(dir, 'review.json', JSON.stringify({ gone: entry, kivi: entry }, null, 2));

		const findings = JSON.parse(runScript('doctor', ['--json', '--today', '2027-06-01'], { CATALOGUE_DIR: dir }).stdout).findings.filter((f: { kind: string }) => f.kind === 'unconfirmed-fact');
		writeIn(dir, 'review.json', '{ "kivi": 1 }');
		const broken = JSON.parse(runScript('doctor', ['--json', '--today', '2027-06-01'], { CATALOGUE_DIR: dir }).stdout).findings.filter((f: { kind: string }) => f.kind === 'unconfirmed-fact');
		rmSync(dir, { recursive: true, force: true });

		expect(findings).toEqual([
			{ kind: 'unconfirmed-fact', file: path.join(dir, 'papers/kivi.yaml'), line: 10, subject: 'kivi', message: 'medium-confidence fact; written: date (0 sources) — n' },
			{ kind: 'unconfirmed-fact', file: path.join(dir, 'review.json'), line: 2, subject: 'gone', message: 'an entry for "gone", which is no longer a paper; delete it' },
		]);
		expect(broken).toHaveLength(1);
		expect(broken[0].message).toMatch(/^cannot be read \(.*\); restore it with git or rerun "npm run enrich -- --facts FILE --apply"$/);
	});

	it('exits 1 with the validator\'s messages when the catalogue is invalid', () => {
		const run = runScript('doctor', [], { CATALOGUE_DIR: broken });

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/papers\/kivi\.yaml:6:\d+ {2}categories\.0 {2}unknown category "quantisation" — did you mean "quantization"\?/);
		expect(run.stdout).toBe('');
	});

	it('exits 2 on a bad flag, naming it', () => {
		const run = runScript('doctor', ['--today', 'yesterday'], { CATALOGUE_DIR: FIXTURE });

		expect(run.code).toBe(2);
		expect(run.stderr).toContain('--today "yesterday" is not a date; write it as YYYY-MM-DD');
	});
});

describe('npm run doctor on a catalogue with benchmarks', () => {
	it('lists each benchmark with fields no source confirmed, or low-confidence facts, at the line to check, and counts benchmarks in their category', () => {
		const run = runScript('doctor', ['--today', '2027-06-01'], { CATALOGUE_DIR: 'tests/fixtures/catalogue-with-benchmarks' });
		const block = run.stdout.split('\n\n').find((b) => b.startsWith('Benchmark facts'))!;

		expect(run.code).toBe(0);
		expect(block.split('\n')).toEqual([
			'Benchmark facts no source confirmed (or of low confidence) (4): check the fields against the sources the file lists; fill in or correct them, then remove them from "unconfirmed"',
			'  tests/fixtures/catalogue-with-benchmarks/benchmarks/longctx-bench.yaml:9  longctx_bench: no source confirmed tasks (3 sources)',
			'  tests/fixtures/catalogue-with-benchmarks/benchmarks/ruler.yaml:10  RULER: no source confirmed languages (3 sources)',
			'  tests/fixtures/catalogue-with-benchmarks/benchmarks/streamingeval.yaml:4  StreamingEval: no source confirmed title, authors, year, venue, summary; low-confidence facts (0 sources)',
			'  tests/fixtures/catalogue-with-benchmarks/benchmarks/video-mme.yaml:10  Video-MME: no source confirmed languages (3 sources)',
		]);
		expect(run.stdout).not.toContain('(datasets-and-benchmarks) has');
	});
});
