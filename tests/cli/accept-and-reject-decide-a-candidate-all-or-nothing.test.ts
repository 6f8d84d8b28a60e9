/**
 * `npm run accept` and `npm run reject` on a queue that `npm run discover` filled from the fixture
 * lists: a candidate becomes a paper file or a rejection, all its files change together or none
 * does, and a decided paper is never proposed again.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogueFiles, copyCatalogue, readIn, ROOT, runScript, writeIn } from '../helpers/catalogue.ts';

const LISTS = path.join(ROOT, 'tests/fixtures/paper-lists');
const NUMBERED = path.join(LISTS, 'numbered-2025-07-31.md');
const LATER = path.join(LISTS, 'numbered-later.md');
const today = new Date().toISOString().slice(0, 10);

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** The fixture catalogue with the numbered list's new papers queued. */
function queued(): string {
	dir = copyCatalogue();
	const run = runScript('discover', ['--list', NUMBERED, '--data', dir]);
	expect(run.stdout).toContain('✓ queued 9 in');
	return dir;
}

describe('npm run accept', () => {
	it('writes the candidate as a paper with its facts, removes it from the queue, and leaves a valid catalogue', () => {
		const d = queued();

		const run = runScript('accept', ['magicpig', '--category', 'dynamic-selection', '--venue', 'ICML', '--year', '2025', '--data', d]);

		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/✓ accepted magicpig: wrote \S*papers\/magicpig\.yaml in dynamic-selection \(ICML 2025\), removed \S*candidates\/magicpig\.yaml/);
		expect(existsSync(path.join(d, 'candidates/magicpig.yaml'))).toBe(false);
		expect(parse(readIn(d, 'papers/magicpig.yaml'))).toEqual({
			title: 'MagicPIG: LSH Sampling for Efficient LLM Generation',
			aliases: ['MagicPIG'],
			year: 2025,
			venue: 'ICML',
			categories: ['dynamic-selection'],
			paper: 'https://arxiv.org/abs/2410.16179',
			code: 'https://github.com/Infini-AI-Lab/MagicPIG',
			authors: expect.arrayContaining(['Zhuoming Chen', 'Beidi Chen']),
			added: today,
		});
		expect(readIn(d, 'papers/magicpig.yaml')).toMatch(/^# yaml-language-server: \$schema=\S+\/public\/schemas\/paper\.schema\.json\n/);
		expect(runScript('validate', [], { CATALOGUE_DIR: d }).code).toBe(0);
	});

	it('files the paper under the candidate\'s first suggestion when no --category is given', () => {
		const d = queued();
		const suggested = (parse(readIn(d, 'candidates/qaq.yaml')) as { suggestions: Array<{ category: string }> }).suggestions;

		const run = runScript('accept', ['qaq', '--data', d]);

		expect(run.code, run.stderr).toBe(0);
		expect(suggested[0]!.category).toBe('quantization');
		expect(parse(readIn(d, 'papers/qaq.yaml'))).toMatchObject({ categories: ['quantization'], venue: 'arXiv', year: 2024 });
		expect(run.stdout).toContain('venue "Arxiv" is written as its canonical name "arXiv"');
	});

	it.each([
		['a group instead of a category', ['magicpig', '--category', 'token-level'], '--category "token-level" is a group, not a category; name one of its categories: static-selection, dynamic-selection, quantization'],
		['an unknown candidate', ['magicpg', '--category', 'quantization'], 'no candidate "magicpg" in data/candidates/ — did you mean magicpig?'],
		['an unknown venue', ['magicpig', '--category', 'quantization', '--venue', 'ICLM'], '--venue "ICLM" is not a venue of venues.yaml — did you mean --venue "ICML"?'],
		['no category at all', ['magicpig'], '"magicpig" has no suggested category; name it: --category <leaf slug>'],
		['a taken id', ['magicpig', '--category', 'quantization', '--id', 'kivi'], '--id "kivi" is taken'],
	])('refuses %s with exit 2 and the fix, changing nothing', (_case, args, message) => {
		const d = queued();
		// A candidate a maintainer queued by hand, without suggestions.
		writeIn(d, 'candidates/magicpig.yaml', readIn(d, 'candidates/magicpig.yaml').replace(/\nsuggestions:[\s\S]*$/, '\n'));
		const before = catalogueFiles(d);

		const run = runScript('accept', [...args, '--data', d]);

		expect(run.code).toBe(2);
		expect(run.stderr).toContain(message);
		expect(catalogueFiles(d)).toEqual(before);
	});

	it('writes nothing when the paper would not validate with the catalogue', () => {
		const d = queued();
		const before = catalogueFiles(d);

		const run = runScript('accept', ['magicpig', '--category', 'quantization', '--title', 'KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache', '--data', d]);

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/papers\/magicpig\.yaml:\d+:\d+ {2}title {2}same title as \S*papers\/kivi\.yaml/);
		expect(run.stderr).toContain('✗ the paper would not validate, so nothing was written');
		expect(catalogueFiles(d)).toEqual(before);
	});

	it('carries the abstract into the paper only when arXiv gave it, never one that only Semantic Scholar gave', () => {
		dir = copyCatalogue();
		const candidate = (title: string, arxiv: string, source: string) => `# yaml-language-server: $schema=../../../../public/schemas/candidate.schema.json
title: "${title}"
paper: https://arxiv.org/abs/${arxiv}
arxiv: "${arxiv}"
date: 2026-11-20
abstract: "The abstract of ${title}, as ${source} gave it."
abstractSource: ${source}
found:
  - {source: arXiv search, at: 2026-12-01}
suggestions:
  - {category: quantization, score: 0.4}
`;
		mkdirSync(path.join(dir, 'candidates'));
		writeIn(dir, 'candidates/from-arxiv.yaml', candidate('From arXiv: A Paper', '2611.00001', 'arXiv'));
		writeIn(dir, 'candidates/from-s2.yaml', candidate('From S2: Another Paper', '2611.00002', 'Semantic Scholar'));

		const a = runScript('accept', ['from-arxiv', '--data', dir]);
		const b = runScript('accept', ['from-s2', '--data', dir]);

		expect([a.code, b.code]).toEqual([0, 0]);
		expect(parse(readIn(dir, 'papers/from-arxiv.yaml')).abstract).toBe('The abstract of From arXiv: A Paper, as arXiv gave it.');
		expect(parse(readIn(dir, 'papers/from-s2.yaml')).abstract).toBeUndefined();
		expect(readIn(dir, 'papers/from-s2.yaml')).not.toContain('Semantic Scholar gave it');
	});
});

describe('npm run reject', () => {
	it('moves the candidate to rejections.yaml with its link, reason and kind', () => {
		const d = queued();

		const run = runScript('reject', ['keep-the-cost-down', '--kind', 'survey', '--reason', 'A survey of KV-cache methods, not a method of its own.', '--data', d]);

		expect(run.code, run.stderr).toBe(0);
		expect(existsSync(path.join(d, 'candidates/keep-the-cost-down.yaml'))).toBe(false);
		expect(parse(readIn(d, 'rejections.yaml'))).toEqual([
			{
				title: "Keep the Cost Down: A Review on Methods to Optimize LLM' s KV-Cache Consumption",
				paper: 'https://arxiv.org/abs/2407.18003',
				kind: 'survey',
				reason: 'A survey of KV-cache methods, not a method of its own.',
				decided: today,
				found: [expect.objectContaining({ source: 'October2001/Awesome-KV-Cache-Compression', why: 'listed under "Survey"' })],
			},
		]);
		expect(runScript('validate', [], { CATALOGUE_DIR: d }).code).toBe(0);
	});

	it('appends to the rejections as written, keeping a maintainer\'s comment', () => {
		const d = queued();
		runScript('reject', ['keep-the-cost-down', '--kind', 'survey', '--reason', 'A survey of KV-cache methods, not a method of its own.', '--data', d]);
		writeIn(d, 'rejections.yaml', readIn(d, 'rejections.yaml').replace('- title:', '# Surveys go here too.\n- title:'));

		runScript('reject', ['prompt-compression-for-large', '--kind', 'prompt-compression', '--reason', 'A survey of prompt compression, which leaves the KV cache alone.', '--data', d]);

		const text = readIn(d, 'rejections.yaml');
		expect(text).toContain('# Surveys go here too.\n- title: "Keep the Cost Down');
		expect(parse(text).map((r: { kind: string }) => r.kind)).toEqual(['survey', 'prompt-compression']);
	});

	it.each([
		['no reason', ['keep-the-cost-down'], 'say why: --reason'],
		['a reason that is no sentence', ['keep-the-cost-down', '--reason', 'survey'], '--reason must say why in a sentence'],
		['an unknown kind', ['keep-the-cost-down', '--reason', 'A survey of KV-cache methods.', '--kind', 'surveys'], '--kind "surveys" is not a kind — did you mean --kind survey?'],
	])('refuses %s with exit 2, changing nothing', (_case, args, message) => {
		const d = queued();
		const before = catalogueFiles(d);

		const run = runScript('reject', [...args, '--data', d]);

		expect(run.code).toBe(2);
		expect(run.stderr).toContain(message);
		expect(catalogueFiles(d)).toEqual(before);
	});
});

describe('a decided queue', () => {
	it('is not proposed again: a later version of the list brings exactly the papers it adds', () => {
		const d = queued();
		const decide = [
			['accept', 'magicpig', '--category', 'dynamic-selection', '--venue', 'ICML', '--year', '2025'],
			['accept', 'qaq', '--category', 'quantization'],
			['accept', 'efficient-streaming-language-models', '--category', 'dynamic-selection', '--venue', 'ICML'],
			['accept', 'model-tells-you-what', '--category', 'static-selection', '--venue', 'ICML'],
			['accept', 'pyramidinfer', '--category', 'dynamic-selection', '--venue', 'NeurIPS'],
			['reject', 'keep-the-cost-down', '--kind', 'survey', '--reason', 'A survey of KV-cache methods, not a method of its own.'],
			['reject', 'prompt-compression-for-large', '--kind', 'survey', '--reason', 'A survey of prompt compression, not of the KV cache.'],
			['reject', 'a-survey-on-large', '--kind', 'survey', '--reason', 'The survey this catalogue follows, not a method.'],
			['reject', 'a-synthetic-paper-on', '--kind', 'other', '--reason', 'A synthetic paper that exists only in the tests.'],
		];
		for (const [command, ...args] of decide) expect(runScript(command!, [...args, '--data', d]).code, args.join(' ')).toBe(0);
		expect(readdirSync(path.join(d, 'candidates'))).toEqual([]);

		const later = JSON.parse(runScript('discover', ['--list', LATER, '--data', d, '--dry-run', '--json']).stdout) as { candidates: Array<{ id: string }>; counts: Record<string, number> };

		expect(later.candidates.map((c) => c.id)).toEqual(['prefixcache', 'quantkv']);
		expect(later.counts).toMatchObject({ new: 2, known: 8, rejected: 4, queued: 0 });
	});
});
