import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { PAPER_KEYS } from '../../src/catalogue/schema.ts';
import { copyCatalogue, ROOT, runScript } from '../helpers/catalogue.ts';

const dirs: string[] = [];
const catalogue = () => {
	const dir = copyCatalogue();
	dirs.push(dir);
	return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const papersIn = (dir: string) => readdirSync(path.join(dir, 'papers')).sort();
const today = () => new Date().toISOString().slice(0, 10);
const BASE = ['--year', '2024', '--venue', 'ICML', '--category', 'quantization'];

describe('npm run new', () => {
	it('writes papers/<short name>.yaml with the schema line, canonical field order and today\'s date, and prints the path', () => {
		const dir = catalogue();

		const run = runScript('new', ['--title', 'QuickKV: Fast Quantized Caches', ...BASE, '--category', 'dynamic-selection', '--paper', 'https://arxiv.org/abs/2501.01234', '--code', 'https://github.com/example/quickkv', '--unofficial', '--authors', 'Ada Lovelace, Alan Turing', '--alias', 'QuickKV'], { CATALOGUE_DIR: dir });

		expect(run.code).toBe(0);
		const file = path.join(dir, 'papers/quickkv.yaml');
		expect(run.stdout).toContain(`✓ wrote ${file}`);
		const text = readFileSync(file, 'utf8');
		const [first, ...rest] = text.split('\n');
		const schema = first!.replace('# yaml-language-server: $schema=', '');
		expect(path.resolve(path.dirname(file), schema)).toBe(path.join(ROOT, 'public/schemas/paper.schema.json'));
		const keys = rest.filter((l) => /^\w+:/.test(l)).map((l) => l.split(':')[0]);
		expect(keys).toEqual(PAPER_KEYS.filter((k) => keys.includes(k)));
		expect(parse(text)).toEqual({
			title: 'QuickKV: Fast Quantized Caches',
			aliases: ['QuickKV'],
			year: 2024,
			venue: 'ICML',
			categories: ['quantization', 'dynamic-selection'],
			paper: 'https://arxiv.org/abs/2501.01234',
			code: 'https://github.com/example/quickkv',
			codeOfficial: false,
			authors: ['Ada Lovelace', 'Alan Turing'],
			added: today(),
		});
		const after = loadCatalogue(dir);
		expect(after.diagnostics).toEqual([]);
		expect(after.catalogue?.papers.map((p) => p.id)).toContain('quickkv');
	});

	it('names the file after the "Name:" prefix (also added as an alias), else the first words of the title, and keeps ids unique', () => {
		const dir = catalogue();
		writeFileSync(path.join(dir, 'papers/turbo.yaml'), readFileSync(path.join(dir, 'papers/kivi.yaml'), 'utf8').replace(/KIVI/g, 'Turbo').replace('2402.02750', '2402.99999'));

		const prefixed = runScript('new', ['--title', 'Turbo: Another Different Paper', ...BASE], { CATALOGUE_DIR: dir });
		const plain = runScript('new', ['--title', 'On the Efficient Streaming of Caches in Large Models', ...BASE], { CATALOGUE_DIR: dir });

		expect(prefixed.code).toBe(0);
		expect(plain.code).toBe(0);
		expect(papersIn(dir)).toContain('turbo-2.yaml');
		expect(parse(readFileSync(path.join(dir, 'papers/turbo-2.yaml'), 'utf8')).aliases).toEqual(['Turbo']);
		expect(papersIn(dir)).toContain('on-the-efficient-streaming.yaml');
	});

	it('leaves the ids of queued candidates and of merged papers to them', () => {
		const dir = catalogue();
		mkdirSync(path.join(dir, 'candidates'));
		writeFileSync(path.join(dir, 'candidates/turbo.yaml'), 'title: "Turbo: A Queued Paper"\npaper: https://arxiv.org/abs/2502.00002\nfound:\n  - {source: a list, at: 2026-01-02}\n');
		writeFileSync(path.join(dir, 'papers/kivi.yaml'), `${readFileSync(path.join(dir, 'papers/kivi.yaml'), 'utf8')}formerIds: [fastcache]\n`);

		const queued = runScript('new', ['--title', 'Turbo: Another Different Paper', ...BASE, '--paper', 'https://arxiv.org/abs/2502.00003'], { CATALOGUE_DIR: dir });
		const merged = runScript('new', ['--title', 'FastCache: Yet Another Paper', ...BASE], { CATALOGUE_DIR: dir });

		expect([queued.code, merged.code], queued.stderr + merged.stderr).toEqual([0, 0]);
		expect(papersIn(dir)).toEqual(expect.arrayContaining(['turbo-2.yaml', 'fastcache-2.yaml']));
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});

	it('writes the canonical venue name for an alias and says so', () => {
		const dir = catalogue();

		const run = runScript('new', ['--title', 'A Paper at NIPS', '--year', '2017', '--venue', 'nips', '--category', 'quantization'], { CATALOGUE_DIR: dir });

		expect(run.code).toBe(0);
		expect(run.stdout).toContain('venue "nips" is written as its canonical name "NeurIPS"');
		expect(readFileSync(path.join(dir, 'papers/a-paper-at-nips.yaml'), 'utf8')).toContain('\nvenue: NeurIPS\n');
	});

	it('refuses a paper already listed under the same arXiv id, naming the file that has it', () => {
		const dir = catalogue();
		const before = papersIn(dir);

		const run = runScript('new', ['--title', 'A Retitled SnapKV', ...BASE, '--paper', 'https://arxiv.org/pdf/2404.14469v3'], { CATALOGUE_DIR: dir });

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`✗ already in the catalogue: ${dir}/papers/snapkv.yaml`);
		expect(run.stderr).toContain('the same arXiv id 2404.14469');
		expect(papersIn(dir)).toEqual(before);
	});

	it('refuses a paper whose link is the published version, or the DOI, of a paper listed under its arXiv link', () => {
		const dir = catalogue();
		const before = papersIn(dir);

		const published = runScript('new', ['--title', 'Paged Memory for Serving', ...BASE, '--paper', 'https://dl.acm.org/doi/10.1145/3600006.3613165'], { CATALOGUE_DIR: dir });
		const doi = runScript('new', ['--title', 'Paged Memory for Serving, by its DOI', ...BASE, '--paper', 'https://doi.org/10.1145/3600006.3613165'], { CATALOGUE_DIR: dir });

		expect([published.code, doi.code]).toEqual([1, 1]);
		expect(published.stderr).toContain(`✗ already in the catalogue: ${dir}/papers/vllm.yaml`);
		expect(published.stderr).toContain('the same paper link');
		expect(doi.stderr).toContain(`${dir}/papers/vllm.yaml`);
		expect(doi.stderr).toContain('the same DOI 10.1145/3600006.3613165');
		expect(papersIn(dir)).toEqual(before);
	});

	it('refuses a paper already listed under the same title, whatever its case and punctuation', () => {
		const dir = catalogue();

		const run = runScript('new', ['--title', 'kivi - a tuning free asymmetric 2bit quantization for KV cache', ...BASE], { CATALOGUE_DIR: dir });

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${dir}/papers/kivi.yaml`);
		expect(run.stderr).toContain('the same title');
	});

	const usageCases: Array<[string, string[], RegExp]> = [
		['a missing --venue', ['--title', 'X', '--year', '2024', '--category', 'quantization'], /--venue is missing; add --venue NeurIPS/],
		['a missing --category', ['--title', 'X', '--year', '2024', '--venue', 'ICML'], /--category is missing; add --category <leaf slug>/],
		['a year that is not a number', ['--title', 'X', '--year', 'twenty', '--venue', 'ICML', '--category', 'quantization'], /--year "twenty" is not a year; write it with four digits, such as --year 2024/],
		['an unknown venue', ['--title', 'X', '--year', '2024', '--venue', 'ICLM', '--category', 'quantization'], /--venue "ICLM" is not a venue of venues.yaml — did you mean --venue "ICML"\?/],
		['a group given as category', ['--title', 'X', '--year', '2024', '--venue', 'ICML', '--category', 'selection'], /--category "selection" is a group, not a category; name one of its categories: static-selection, dynamic-selection/],
		['a misspelt category', ['--title', 'X', '--year', '2024', '--venue', 'ICML', '--category', 'quantisation'], /--category "quantisation" is not a category — did you mean --category quantization\?/],
		['a javascript: link', ['--title', 'X', '--year', '2024', '--venue', 'ICML', '--category', 'quantization', '--paper', 'javascript:alert(1)'], /--paper "javascript:alert\(1\)": must be an absolute http:\/\/ or https:\/\/ URL/],
		['--unofficial without --code', ['--title', 'X', '--year', '2024', '--venue', 'ICML', '--category', 'quantization', '--unofficial'], /--unofficial says the code is not by the authors, but there is no --code/],
		['an unknown flag', ['--title', 'X', '--year', '2024', '--venue', 'ICML', '--categroy', 'quantization'], /unknown flag --categroy — did you mean --category\?/],
		['a flag without its value', ['--title', 'X', '--year', '2024', '--venue', 'ICML', '--category'], /--category needs a value/],
	];
	for (const [what, args, message] of usageCases) {
		it(`exits 2 with a usage message for ${what}, writing nothing`, () => {
			const dir = catalogue();
			const before = papersIn(dir);

			const run = runScript('new', args, { CATALOGUE_DIR: dir });

			expect(run.code).toBe(2);
			expect(run.stderr).toMatch(message);
			expect(run.stderr).toContain('Usage: npm run new --');
			expect(papersIn(dir)).toEqual(before);
		});
	}

	it('removes its file again when the catalogue rejects it, and prints the validator\'s line', () => {
		const dir = catalogue();
		const before = papersIn(dir);

		const run = runScript('new', ['--title', 'Gist Code', ...BASE, '--code', 'https://gist.github.com/someone/abc'], { CATALOGUE_DIR: dir });

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${dir}/papers/gist-code.yaml:6:7  code  host "gist.github.com" is not github.com; write https://github.com/owner/name (from --code)`);
		expect(run.stderr).toContain('was not kept');
		expect(existsSync(path.join(dir, 'papers/gist-code.yaml'))).toBe(false);
		expect(papersIn(dir)).toEqual(before);
	});

	it('writes nothing and touches no file when the catalogue is already broken', () => {
		const dir = catalogue();
		const h2o = path.join(dir, 'papers/h2o.yaml');
		const broken = readFileSync(h2o, 'utf8').replace('venue: NeurIPS', 'venue: Nowhere');
		writeFileSync(h2o, broken);
		const before = papersIn(dir);

		const run = runScript('new', ['--title', 'Fine Paper', ...BASE], { CATALOGUE_DIR: dir });

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/papers\/h2o\.yaml:5:8 {2}venue {2}unknown venue "Nowhere"/);
		expect(run.stderr).toContain('has errors already; fix them first');
		expect(papersIn(dir)).toEqual(before);
		expect(readFileSync(h2o, 'utf8')).toBe(broken);
	});

	it('prints every flag with --help and exits 0', () => {
		const run = runScript('new', ['--help']);

		expect(run.code).toBe(0);
		for (const flag of ['--title', '--year', '--venue', '--category', '--paper', '--code', '--unofficial', '--alias', '--authors', '--summary']) expect(run.stdout).toContain(flag);
	});
});
