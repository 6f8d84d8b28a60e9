/**
 * `npm run discover -- --list …` on the fixture catalogue, with lists in the three formats: the
 * real CLI, the candidate files it writes, its JSON, and its exit codes.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogueFiles, copyCatalogue, readIn, ROOT, runScript, writeIn } from '../helpers/catalogue.ts';

const LISTS = path.join(ROOT, 'tests/fixtures/paper-lists');
const NUMBERED = path.join(LISTS, 'numbered-2025-07-31.md');
const LATER = path.join(LISTS, 'numbered-later.md');
const DATED = path.join(LISTS, 'dated-table.md');
const today = new Date().toISOString().slice(0, 10);

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

type DiscoverJson = {
	candidates: Array<{ id: string; title: string; paper: string | null; arxiv: string | null; suggestions: unknown[] }>;
	counts: Record<string, number>;
	rejected: Array<{ title: string; reason: string }>;
	problems: Array<{ file: string; line: number; message: string }>;
	written: boolean;
};

const NEW_IN_BOTH = ['keep-the-cost-down', 'prompt-compression-for-large', 'a-survey-on-large', 'model-tells-you-what', 'pyramidinfer', 'efficient-streaming-language-models', 'magicpig', 'qaq', 'budgets', 'mooncake'];

describe('npm run discover', () => {
	it('queues each paper of the lists that the catalogue lacks once, with where it was found, and exits 1 for the lines it could not read', () => {
		dir = copyCatalogue();

		const run = runScript('discover', ['--list', NUMBERED, '--list', DATED, '--data', dir]);

		expect(run.code).toBe(1);
		expect(readdirSync(path.join(dir, 'candidates')).map((f) => f.replace('.yaml', '')).sort()).toEqual([...NEW_IN_BOTH].sort());
		const magicpig = parse(readIn(dir, 'candidates/magicpig.yaml'));
		expect(magicpig).toEqual({
			title: 'MagicPIG: LSH Sampling for Efficient LLM Generation',
			aliases: ['MagicPIG'],
			year: 2024,
			venue: 'Arxiv',
			paper: 'https://arxiv.org/abs/2410.16179',
			arxiv: '2410.16179',
			code: 'https://github.com/Infini-AI-Lab/MagicPIG',
			authors: expect.arrayContaining(['Zhuoming Chen', 'Beidi Chen']),
			found: [
				{ source: 'October2001/Awesome-KV-Cache-Compression', at: today, where: expect.stringMatching(/^numbered-2025-07-31\.md:\d+$/), why: 'listed under "Pruning / Evicting / Sparse"' },
				{ source: 'example/dated-kv-list', at: today, where: expect.stringMatching(/^dated-table\.md:\d+$/), why: 'listed under "Compression"' },
			],
			suggestions: [expect.objectContaining({ category: expect.any(String), score: expect.any(Number) }), expect.anything(), expect.anything()],
		});
		expect(parse(readIn(dir, 'candidates/qaq.yaml')).suggestions[0]).toMatchObject({ category: 'quantization' });
		expect(readIn(dir, 'candidates/magicpig.yaml')).toMatch(/^# yaml-language-server: \$schema=\S+\/public\/schemas\/candidate\.schema\.json\n/);
		expect(run.stderr.split('\n').filter(Boolean)).toEqual([
			expect.stringMatching(/numbered-2025-07-31\.md:\d+: a numbered line with a link that is not an entry/),
			expect.stringMatching(/numbered-2025-07-31\.md:\d+: the link of "A Paper Behind a Script Link" is not an http\(s\) URL/),
			expect.stringMatching(/dated-table\.md:\d+: no http\(s\) link in the Paper column for "A Row Without A Paper Link"/),
		]);
		expect(run.stdout).toContain('✓ queued 10 in');
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});

	it('prints the documented JSON, and with --dry-run writes nothing', () => {
		dir = copyCatalogue();
		const before = catalogueFiles(dir);

		const run = runScript('discover', ['--list', NUMBERED, '--list', DATED, '--data', dir, '--dry-run', '--json']);

		const json = JSON.parse(run.stdout) as DiscoverJson;
		expect(json.candidates.map((c) => c.id).sort()).toEqual([...NEW_IN_BOTH].sort());
		expect(json.candidates.find((c) => c.id === 'budgets')).toEqual({ id: 'budgets', title: 'A Synthetic Paper on Cache Budgets', paper: 'https://arxiv.org/abs/2501.00001', arxiv: '2501.00001', date: null, suggestions: expect.any(Array), found: expect.any(Array) });
		expect(json.counts).toEqual({ read: 16, new: 10, known: 4, rejected: 0, queued: 0, repeated: 2, filtered: 0, problems: 3, failed: 0 });
		expect(json.written).toBe(false);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(existsSync(path.join(dir, 'candidates'))).toBe(false);
	});

	it('never proposes a rejected paper again, whatever form its link takes, nor one already queued', () => {
		dir = copyCatalogue();
		writeIn(dir, 'rejections.yaml', `# yaml-language-server: $schema=../../public/schemas/rejections.schema.json
- title: "Keep the Cost Down: A Review on Methods to Optimize LLM's KV-Cache Consumption"
  paper: https://arxiv.org/pdf/2407.18003v4
  kind: survey
  reason: A survey of KV-cache methods, not a method of its own.
  decided: 2026-12-03
`);
		runScript('discover', ['--list', NUMBERED, '--data', dir]);

		const again = JSON.parse(runScript('discover', ['--list', NUMBERED, '--list', DATED, '--data', dir, '--json']).stdout) as DiscoverJson;

		expect(readdirSync(path.join(dir, 'candidates'))).not.toContain('keep-the-cost-down.yaml');
		expect(again.candidates.map((c) => c.id)).toEqual(['mooncake']);
		expect(again.counts).toMatchObject({ new: 1, rejected: 1, queued: 10 });
		expect(again.rejected).toEqual([expect.objectContaining({ title: expect.stringContaining('Keep the Cost Down'), reason: 'A survey of KV-cache methods, not a method of its own.' })]);
	});

	it('on a later version of a list proposes exactly the papers that version adds', () => {
		dir = copyCatalogue();
		runScript('discover', ['--list', NUMBERED, '--data', dir]);

		const later = JSON.parse(runScript('discover', ['--list', LATER, '--data', dir, '--dry-run', '--json']).stdout) as DiscoverJson;

		expect(later.candidates.map((c) => [c.id, c.arxiv])).toEqual([
			['prefixcache', '2602.00003'],
			['quantkv', '2602.00004'],
		]);
	});

	it('reports an entry whose facts no candidate may hold at its line, and queues the rest', () => {
		dir = copyCatalogue();
		const list = path.join(dir, 'odd-list.md');
		writeIn(dir, 'odd-list.md', `# A list

## Token-level

| Year | Title | Type | Venue | Paper | code |
| ---- | ----- | ---- | ----- | ----- | ---- |
| 2025 | MagicPIG: LSH Sampling for Efficient LLM Generation | Selection | ICLR | [Link](https://arxiv.org/pdf/2410.16179) | |
| 1985 | An Ancient Cache Paper | Selection | ICLR | [Link](https://example.org/ancient) | |
`);

		const run = runScript('discover', ['--list', list, '--data', dir]);

		expect(run.code).toBe(1);
		expect(readdirSync(path.join(dir, 'candidates'))).toEqual(['magicpig.yaml']);
		expect(run.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/odd-list\.md:8: "An Ancient Cache Paper": year must be 1990 or later; not queued/)]);
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});

	it('exits 2 on a bad flag or an unreadable list, and changes nothing', () => {
		dir = copyCatalogue();
		mkdirSync(path.join(dir, 'candidates'));
		const before = catalogueFiles(dir);

		const flag = runScript('discover', ['--lst', NUMBERED, '--data', dir]);
		const none = runScript('discover', ['--data', dir]);
		const missing = runScript('discover', ['--list', path.join(LISTS, 'no-such-list.md'), '--list', NUMBERED, '--data', dir]);

		expect([flag.code, none.code, missing.code]).toEqual([2, 2, 2]);
		expect(flag.stderr).toContain('did you mean --list?');
		expect(none.stderr).toContain('name at least one source: --list FILE.md');
		expect(missing.stderr).toMatch(/cannot read --list \S*no-such-list\.md: no such file/);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(readdirSync(path.join(dir, 'candidates'))).toEqual([]);
	});
});
