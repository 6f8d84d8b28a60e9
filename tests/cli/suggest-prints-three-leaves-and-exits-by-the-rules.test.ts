import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCatalogue, FIXTURE, readIn, runScript, writeIn } from '../helpers/catalogue.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run suggest', () => {
	it('prints exactly {"suggestions": [...]} with --json: three leaf slugs with scores from 0 to 1, best first', () => {
		const run = runScript('suggest', ['--title', 'KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache', '--json']);

		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(Object.keys(out)).toEqual(['suggestions']);
		expect(out.suggestions).toHaveLength(3);
		for (const s of out.suggestions) {
			expect(s).toEqual({ category: expect.stringMatching(/^[a-z0-9-]+$/), score: expect.any(Number), path: expect.any(Array), terms: expect.any(Array), nearest: expect.anything() });
			expect(s.score).toBeGreaterThanOrEqual(0);
			expect(s.score).toBeLessThanOrEqual(1);
		}
		expect(out.suggestions[0]).toMatchObject({ category: 'mixed-precision-quantization', path: ['Token-level Optimization', 'KV Cache Quantization', 'Mixed-precision Quantization'], nearest: 'kivi' });
		expect(out.suggestions[0].score).toBeGreaterThanOrEqual(out.suggestions[1].score);
		expect(out.suggestions[1].score).toBeGreaterThanOrEqual(out.suggestions[2].score);
	});

	it('lists the three leaves for a maintainer with their place in the taxonomy and their score', () => {
		const run = runScript('suggest', ['--title', 'Quantized KV caches', '--data', FIXTURE]);

		expect(run.code).toBe(0);
		const lines = run.stdout.split('\n');
		expect(lines[0]).toBe('Suggested categories for "Quantized KV caches"');
		expect(lines[1]).toBe('(learnt from the 5 papers of tests/fixtures/catalogue)');
		expect(lines.filter((l) => /^\d\. \d\.\d{3} {2}[a-z-]+$/.test(l))).toHaveLength(3);
		expect(lines[3]).toMatch(/^1\. 0\.\d{3} {2}quantization$/);
		expect(lines[4]).toBe('   Token-level Optimization › KV Cache Quantization');
		expect(run.stdout).toContain('  categories: [quantization]');
	});

	it('reads an abstract when given one', () => {
		const bare = JSON.parse(runScript('suggest', ['--title', 'A New Method', '--data', FIXTURE, '--json']).stdout);
		const told = JSON.parse(runScript('suggest', ['--title', 'A New Method', '--abstract', 'We page the cache like virtual memory.', '--data', FIXTURE, '--json']).stdout);

		expect(bare.suggestions[0].score).toBe(0);
		expect(told.suggestions[0].category).toBe('memory-management');
	});

	it.each([
		[[], '--title is required'],
		[['--title', '  '], '--title is empty'],
		[['--titel', 'X'], 'unknown option "--titel" — did you mean "--title"?'],
		[['--title', 'X', '--limit', '3'], 'unknown option "--limit"; the options are --title, --abstract, --data and --json'],
		[['--title', 'Two', 'words'], 'unexpected "words": quote a title or abstract of several words'],
		[['--title', 'X', '--abstract', ''], '--abstract is empty'],
		[['--title', 'X', '--data', 'no/such/folder'], '--data "no/such/folder" is not a folder'],
	])('exits 2 with the fix for a bad or missing flag: %j', (args, message) => {
		const run = runScript('suggest', args);

		expect(run.code).toBe(2);
		expect(run.stderr).toContain(message);
		expect(run.stderr).toContain('usage: npm run suggest -- --title');
		expect(run.stdout).toBe('');
	});

	it('exits 1 with the validator\'s messages when the catalogue or its suggest.yaml is invalid', () => {
		const broken = copyCatalogue();
		const badTerms = copyCatalogue();
		made.push(broken, badTerms);
		writeIn(broken, 'papers/kivi.yaml', readIn(broken, 'papers/kivi.yaml').replace('categories: [quantization]', 'categories: [quantisation]'));
		writeIn(badTerms, 'suggest.yaml', '# yaml-language-server: $schema=x\ncategories:\n  - category: quantisation\n    terms: [bit]\n');

		const catalogue = runScript('suggest', ['--title', 'X', '--data', broken]);
		const terms = runScript('suggest', ['--title', 'X', '--data', badTerms, '--json']);

		expect(catalogue.code).toBe(1);
		expect(catalogue.stderr).toMatch(/papers\/kivi\.yaml:\d+:\d+ {2}categories\.0 {2}.*quantisation/);
		expect(terms.code).toBe(1);
		expect(terms.stderr).toMatch(/suggest\.yaml:3:15 {2}categories\.0\.category {2}"quantisation" is not a leaf of the taxonomy — did you mean "quantization"\?/);
		expect(terms.stdout).toBe('');
	});

	it('has its suggest.yaml checked by npm run validate too, so a pull request that breaks it fails', () => {
		const dir = copyCatalogue();
		made.push(dir);
		writeIn(dir, 'suggest.yaml', '# yaml-language-server: $schema=x\ncategories:\n  - category: quantisation\n    terms: [bit]\n');

		const run = runScript('validate', [dir]);

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/suggest\.yaml:3:15 {2}categories\.0\.category {2}"quantisation" is not a leaf/);
		expect(run.stderr).toContain('10 files, 5 papers; 1 error, 0 warnings');
	});
});
