/**
 * Papers the atlas adds itself (no `listed: true`) live beside the survey's list: the sync never
 * reports them as no longer listed and --prune never removes them; the export writes the list
 * alone unless asked for them, so export → sync stays a no-op against the list upstream.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyCatalogue, LATEST_LIST, readIn, ROOT, runScript, writeIn } from '../helpers/catalogue.ts';

const DATA = path.join(ROOT, 'data');
const SCHEMA = '# yaml-language-server: $schema=../../public/schemas/paper.schema.json\n';
const MAGICPIG = `${SCHEMA}title: "MagicPIG: LSH Sampling for Efficient LLM Generation"
aliases: [MagicPIG]
year: 2025
venue: ICLR
categories: [dynamic-selection-without-permanent-eviction]
paper: https://arxiv.org/abs/2410.16179
added: 2026-12-03
`;

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A copy of the committed catalogue with one paper the atlas added. */
function catalogueWithAnAddedPaper(): string {
	dir = copyCatalogue(DATA);
	writeIn(dir, 'papers/magicpig.yaml', MAGICPIG);
	return dir;
}

type SyncJson = { removed: Array<{ id: string; pruned: boolean }>; updated: Array<{ id: string }>; moved: Array<{ id: string }> };

describe('papers the atlas added and the survey\'s list', () => {
	it('are neither reported as no longer listed nor pruned by the sync', () => {
		const data = catalogueWithAnAddedPaper();

		const run = runScript('sync', [LATEST_LIST, '--data', data, '--prune', '--json']);

		expect(run.code, run.stderr).toBe(0);
		const report = JSON.parse(run.stdout) as SyncJson;
		expect(report.removed).toEqual([]);
		expect([...report.updated, ...report.moved].map((c) => c.id)).not.toContain('magicpig');
		expect(readIn(data, 'papers/magicpig.yaml')).toBe(MAGICPIG);
	});

	it('are left out of the exported list unless --include-added, and export → sync changes nothing', () => {
		const data = catalogueWithAnAddedPaper();
		const listOnly = path.join(data, 'list.md');
		const withAdded = path.join(data, 'with-added.md');

		const plain = runScript('export', ['--data', data, '--out', listOnly]);
		const all = runScript('export', ['--data', data, '--out', withAdded, '--include-added']);
		const sync = runScript('sync', [listOnly, '--data', data, '--prune']);

		expect(plain.stdout).toMatch(/150 papers; \d+ added by the atlas left out \(--include-added writes them\)/);
		expect(readFileSync(listOnly, 'utf8')).not.toContain('MagicPIG');
		expect(all.stdout).toMatch(/✓ wrote \S+: (\d+) papers\n/);
		expect(readFileSync(withAdded, 'utf8')).toMatch(/\| 2025 \| MagicPIG: LSH Sampling for Efficient LLM Generation +\| Dynamic Selection without Permanent Eviction \| ICLR/);
		expect(sync.code, sync.stderr).toBe(0);
		expect(sync.stdout).toMatch(/✓ nothing to change \(.* (\d+) → \1 papers .* 0 no longer listed/);
	});

	it('take in a paper of the list the list drops, kept as the atlas\'s own and reported once', () => {
		const data = catalogueWithAnAddedPaper();
		const text = readFileSync(LATEST_LIST, 'utf8');
		const dropped = writeIn(data, 'list.md', text.split('\n').filter((l) => !l.includes('| SnapKV: LLM Knows')).join('\n'));

		const first = runScript('sync', [dropped, '--data', data, '--json']);
		const second = runScript('sync', [dropped, '--data', data, '--json']);

		expect(first.code, first.stderr).toBe(0);
		expect((JSON.parse(first.stdout) as SyncJson).removed).toEqual([expect.objectContaining({ id: 'snapkv', pruned: false })]);
		expect(readIn(data, 'papers/snapkv.yaml')).toMatch(/\nlisted: false\n/);
		expect((JSON.parse(second.stdout) as SyncJson).removed).toEqual([]);
	});

	it('become papers of the list when the list takes them in', () => {
		const data = catalogueWithAnAddedPaper();
		const text = readFileSync(LATEST_LIST, 'utf8');
		const row = '| 2025 | MagicPIG: LSH Sampling for Efficient LLM Generation | Dynamic Selection without Permanent Eviction | ICLR | [Link](https://arxiv.org/pdf/2410.16179) | |';
		const lines = text.split('\n');
		const at = lines.findIndex((l) => l.includes('| Quest: Query-Aware Sparsity'));
		lines.splice(at, 0, row);
		const grown = writeIn(data, 'list.md', lines.join('\n'));

		const run = runScript('sync', [grown, '--data', data, '--json']);

		expect(run.code, run.stderr).toBe(0);
		expect((JSON.parse(run.stdout) as { updated: Array<{ id: string; changes: Array<{ field: string; to: unknown }> }> }).updated).toEqual([
			expect.objectContaining({ id: 'magicpig', changes: expect.arrayContaining([{ field: 'listed', from: undefined, to: true }]) }),
		]);
		expect(readIn(data, 'papers/magicpig.yaml')).toMatch(/\nlisted: true\n/);
	});
});
