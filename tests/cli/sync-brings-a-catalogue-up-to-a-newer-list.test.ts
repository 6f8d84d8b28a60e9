/**
 * `npm run sync` on a catalogue imported from the list of 2024-12-27, brought up to the list of
 * 2025-07-30: the real CLI, its exit codes, its report and the files it leaves.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogueFiles, copyCatalogue, LATEST_LIST, readIn, ROOT, runScript, SEED_LIST, writeIn } from '../helpers/catalogue.ts';

const LATEST = path.relative(ROOT, LATEST_LIST);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const latestText = readFileSync(LATEST_LIST, 'utf8');

/** A catalogue as the first import made it from the seed list, with a maintainer's own edits. */
function seedCatalogue(): string {
	const dir = copyCatalogue();
	rmSync(path.join(dir, 'papers'), { recursive: true });
	const run = runScript('import', [SEED_LIST, '--out', dir]);
	expect(run.code, run.stderr).toBe(0);
	// Fields the list does not carry, and a venue the catalogue knows better than the list.
	const snapkv = readIn(dir, 'papers/snapkv.yaml');
	writeIn(dir, 'papers/snapkv.yaml', `${snapkv}authors: [Yuhong Li, Yingbing Huang]\nsummary: Keeps what an observation window attends to.\nadded: 2025-01-31\n`);
	writeIn(dir, 'papers/kivi.yaml', readIn(dir, 'papers/kivi.yaml').replace('venue: arXiv', 'venue: ICML').replace('aliases: [KIVI]', 'aliases: [KIVI, Kivi-2bit]'));
	return dir;
}

type Report = {
	applied: boolean;
	added: Array<{ id: string; title: string; line: number; categories: string[] }>;
	updated: Array<{ id: string; line: number; changes: Array<{ field: string; from: unknown; to: unknown }> }>;
	moved: Array<{ id: string; from: string[]; to: string[] }>;
	kept: Array<{ id: string; field: string; catalogue: unknown; list: unknown }>;
	removed: Array<{ id: string; pruned: boolean; categories: string[]; redirect?: string }>;
	taxonomy: Array<{ kind: string; from?: string; path?: string; line?: number; redirect?: string }>;
	counts: { rows: number; listPapers: number; papersBefore: number; papersAfter: number };
};

describe('npm run sync from the list of 2024-12-27 to the list of 2025-07-30', () => {
	let dir: string;
	let run: ReturnType<typeof runScript>;
	let report: Report;

	beforeAll(() => {
		dir = seedCatalogue();
		run = runScript('sync', [LATEST_LIST, '--data', dir, '--date', '2026-12-01', '--json']);
		report = JSON.parse(run.stdout) as Report;
	}, 120_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('exits 0, reads all 160 rows and leaves a catalogue that validates', () => {
		expect(run.code, run.stderr).toBe(0);
		expect(report.applied).toBe(true);
		expect(report.counts.rows).toBe(160);

		const check = runScript('validate', [], { CATALOGUE_DIR: dir });

		expect(check.code, check.stdout + check.stderr).toBe(0);
	});

	it('adds the new papers with the sync date, each named by its line in the list', () => {
		const titles = report.added.map((a) => a.title.split(':')[0]);

		for (const name of ['SepLLM', 'ClusterKV', 'LoopServe', 'Loki', 'ZeroMerge']) expect(titles).toContain(name);
		const sepllm = report.added.find((a) => a.title.startsWith('SepLLM'))!;
		expect(sepllm.line).toBe(lineOf(latestText, '| SepLLM:'));
		expect(parse(readIn(dir, `papers/${sepllm.id}.yaml`))).toMatchObject({ added: '2026-12-01', venue: 'MLSys', year: 2025, categories: ['dynamic-selection-with-permanent-eviction'] });
	});

	it('keeps every field the list does not carry, and adds new short names to the aliases', () => {
		const snapkv = parse(readIn(dir, 'papers/snapkv.yaml'));

		expect(snapkv).toMatchObject({ authors: ['Yuhong Li', 'Yingbing Huang'], summary: 'Keeps what an observation window attends to.', added: '2025-01-31', aliases: ['SnapKV'] });
		const chunk = parse(readIn(dir, 'papers/chunkattention.yaml'));
		expect(chunk.title).toMatch(/^ChunkAttention: Efficient Self-Attention/);
		expect(chunk.aliases).toEqual(['ChunkAttention']);
	});

	it('never downgrades a venue: the catalogue keeps ICML where the list still says arXiv, and says so', () => {
		const kivi = parse(readIn(dir, 'papers/kivi.yaml'));

		expect(kivi).toMatchObject({ venue: 'ICML', year: 2024, aliases: ['KIVI', 'Kivi-2bit'] });
		expect(report.kept).toContainEqual(expect.objectContaining({ id: 'kivi', field: 'venue', catalogue: 'ICML 2024', list: 'arXiv 2024' }));
	});

	it('renames and moves taxonomy nodes by their papers and records every old path on the node that replaced it', () => {
		const taxonomy = parse(readIn(dir, 'taxonomy.yaml')) as Array<{ slug: string; children?: unknown[] }>;
		const nodes = (list: unknown[]): Array<{ slug: string; formerPaths?: string[]; children?: unknown[] }> => (list as Array<{ slug: string; children?: unknown[] }>).flatMap((n) => [n, ...nodes(n.children ?? [])]);
		const bySlug = new Map(nodes(taxonomy).map((n) => [n.slug, n]));

		expect(bySlug.get('intra-layer-grouping')?.formerPaths).toContain('model-level-optimization/intra-later/grouped-attention');
		expect(bySlug.get('cross-layer-sharing')?.formerPaths).toContain('model-level-optimization/cross-layer/cache-sharing');
		expect(bySlug.has('intra-later')).toBe(false);
		expect(report.taxonomy).toContainEqual(expect.objectContaining({ kind: 'renamed and moved', from: 'model-level-optimization/intra-later/grouped-attention', path: 'model-level-optimization/attention-grouping-and-sharing/intra-layer-grouping', line: lineOf(latestText, '### Intra-Layer Grouping') }));
		// Every old node's path answers somewhere: as a node of the new tree or as a former path.
		const answered = new Set([...bySlug.values()].flatMap((n) => n.formerPaths ?? []));
		for (const change of report.taxonomy.filter((t) => t.kind === 'removed')) expect(answered).toContain(change.from);
	});

	it('keeps the ids of matched papers and moves them to their new leaves', () => {
		const gqa = parse(readIn(dir, 'papers/gqa.yaml'));

		expect(gqa.categories).toEqual(['intra-layer-grouping']);
		expect(report.moved).toContainEqual({ id: 'gqa', line: expect.any(Number), from: ['grouped-attention'], to: ['intra-layer-grouping'] });
	});

	it('reports the papers the list no longer has, and keeps them in the leaf their category went to', () => {
		const mla = report.removed.find((r) => r.id === 'mla')!;

		expect(mla.pruned).toBe(false);
		expect(parse(readIn(dir, 'papers/mla.yaml')).categories).toEqual(mla.categories);
	});

	it('changes nothing the second time, nor after an export of the result', () => {
		const before = catalogueFiles(dir);

		const again = runScript('sync', [LATEST_LIST, '--data', dir, '--date', '2027-01-01']);
		const readme = path.join(dir, 'exported.md');
		expect(runScript('export', ['--data', dir, '--out', readme]).code).toBe(0);
		const fromExport = runScript('sync', [readme, '--data', dir, '--date', '2027-01-01']);

		expect(again.code).toBe(0);
		expect(again.stdout).toContain('✓ nothing to change');
		expect(fromExport.code).toBe(0);
		expect(fromExport.stdout).toContain('✓ nothing to change');
		expect(catalogueFiles(dir)).toEqual(before);
	});

	it('keeps a correction made in the catalogue since the last sync, until the list itself changes that value', () => {
		const gqaFile = 'papers/gqa.yaml';
		const listTitle = parse(readIn(dir, gqaFile)).title as string;
		writeIn(dir, gqaFile, readIn(dir, gqaFile).replace('venue: EMNLP', 'venue: ICML').replace(/^title: .*$/m, 'title: "GQA: Training Generalized Multi-Query Transformer Models (corrected)"'));

		const again = runScript('sync', [LATEST_LIST, '--data', dir, '--json']);
		const kept = (JSON.parse(again.stdout) as Report).kept.filter((k) => k.id === 'gqa');
		const newer = writeIn(dir, 'newer.md', latestText.replace(listTitle, 'GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints, Revised'));
		const upstream = runScript('sync', [newer, '--data', dir]);

		expect(again.code).toBe(0);
		expect(kept.map((k) => k.field).sort()).toEqual(['title', 'venue']);
		expect(upstream.code, upstream.stderr).toBe(0);
		expect(parse(readIn(dir, gqaFile))).toMatchObject({ title: 'GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints, Revised', venue: 'ICML' });
	});
});

describe('npm run sync options', () => {
	it('prints the report with FILE:LINE for each change, and writes nothing on --dry-run', () => {
		const dir = seedCatalogue();
		const before = catalogueFiles(dir);

		const run = runScript('sync', [LATEST_LIST, '--data', dir, '--dry-run']);

		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^added \(\d+\):$/m);
		expect(run.stdout).toContain(`${LATEST}:${lineOf(latestText, '| SepLLM:')}  sepllm  "SepLLM:`);
		expect(run.stdout).toContain(`${LATEST}:${lineOf(latestText, '### Cross-Layer Sharing')}  renamed  model-level-optimization/cross-layer/cache-sharing → model-level-optimization/attention-grouping-and-sharing/cross-layer-sharing`);
		expect(run.stdout).toMatch(/dry run: \d+ files written, 0 removed if applied .*; nothing written/);
		expect(catalogueFiles(dir)).toEqual(before);
		rmSync(dir, { recursive: true, force: true });
	});

	it('removes the papers the list no longer has on --prune, and sends their URLs to the category they were in', () => {
		const dir = seedCatalogue();

		const run = runScript('sync', [LATEST_LIST, '--data', dir, '--prune', '--json']);
		const report = JSON.parse(run.stdout) as Report;

		expect(run.code, run.stderr).toBe(0);
		const pruned = report.removed.find((r) => r.id === 'mla')!;
		expect(pruned).toMatchObject({ pruned: true, redirect: expect.any(String) });
		expect(readdirSync(path.join(dir, 'papers'))).not.toContain('mla.yaml');
		expect(readIn(dir, 'taxonomy.yaml')).toMatch(/formerPapers: \[[^\]]*\bmla\b/);
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
		rmSync(dir, { recursive: true, force: true });
	});

	it('exits 1 naming the line of a row it cannot place, and applies the rest', () => {
		const dir = seedCatalogue();
		const line = lineOf(latestText, '| SmoothQuant:');
		const lines = latestText.split('\n');
		lines[line - 1] = lines[line - 1]!.replace(/^\| 2024 \|/, '|      |');
		const list = writeIn(dir, 'list.md', lines.join('\n'));

		const run = runScript('sync', [list, '--data', dir]);

		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(new RegExp(`rows not placed \\(1\\):\\n  \\S*list\\.md:${line}  no year for "SmoothQuant: [^"]*", and no arXiv link to take it from; not imported`));
		expect(run.stdout).toContain('✓ synced:');
		expect(readdirSync(path.join(dir, 'papers'))).toContain('sepllm.yaml');
		rmSync(dir, { recursive: true, force: true });
	});

	it('exits 1 and writes nothing when the merged catalogue would not validate', () => {
		const dir = seedCatalogue();
		const before = catalogueFiles(dir);
		const list = writeIn(dir, 'list.md', latestText.replace('| 2025 | SepLLM:', '| 2999 | SepLLM:'));

		const run = runScript('sync', [list, '--data', dir]);

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/papers\/sepllm\.yaml:\d+:\d+ {2}year {2}must not be later than next year/);
		expect(run.stderr).toContain('nothing was written');
		expect(catalogueFiles(dir)).toEqual(before);
		rmSync(dir, { recursive: true, force: true });
	});

	it('exits 2 on bad flags or a file it cannot read as a list, changing nothing', () => {
		const dir = seedCatalogue();
		const before = catalogueFiles(dir);
		const notAList = writeIn(dir, 'notes.md', 'just a paragraph, no headings and no tables\n');

		const runs = [
			runScript('sync', ['--data', dir]),
			runScript('sync', [LATEST_LIST, SEED_LIST, '--data', dir]),
			runScript('sync', [LATEST_LIST, '--data', dir, '--frobnicate']),
			runScript('sync', [LATEST_LIST, '--data', dir, '--date', '30/07/2025']),
			runScript('sync', [path.join(dir, 'missing.md'), '--data', dir]),
			runScript('sync', [notAList, '--data', dir]),
		];

		for (const r of runs) expect(r.code, r.stderr).toBe(2);
		expect(runs[0]!.stderr).toContain('usage: npm run sync -- FILE.md');
		expect(runs[3]!.stderr).toContain('--date must be a day written YYYY-MM-DD');
		expect(runs[4]!.stderr).toMatch(/missing\.md: cannot read \(ENOENT\)/);
		const { 'notes.md': _, ...after } = catalogueFiles(dir);
		expect(after).toEqual(before);
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a --date that is no day of the calendar, such as 2025-02-30, changing nothing', () => {
		const dir = seedCatalogue();
		const before = catalogueFiles(dir);

		const run = runScript('sync', [LATEST_LIST, '--data', dir, '--date', '2025-02-30']);

		expect(run.code, run.stderr).toBe(2);
		expect(run.stderr).toContain('--date must be a day written YYYY-MM-DD, such as 2025-07-30, not "2025-02-30"');
		expect(catalogueFiles(dir)).toEqual(before);
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses an invalid catalogue with the validator\'s messages and changes nothing', () => {
		const dir = seedCatalogue();
		writeIn(dir, 'papers/kivi.yaml', readIn(dir, 'papers/kivi.yaml').replace('venue: ICML', 'venue: NIPS 2024'));
		const before = catalogueFiles(dir);

		const run = runScript('sync', [LATEST_LIST, '--data', dir]);

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/papers\/kivi\.yaml:\d+:\d+ {2}venue {2}unknown venue "NIPS 2024"/);
		expect(catalogueFiles(dir)).toEqual(before);
		rmSync(dir, { recursive: true, force: true });
	});
});


describe('npm run sync on the catalogue in data/, which has benchmarks the list does not', () => {
	const dir = copyCatalogue(path.join(ROOT, 'data'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('reads the latest list, whose Datasets and Benchmarks section has no table, as listing no benchmark: nothing changes, none is removed', () => {
		const before = catalogueFiles(dir);

		const run = runScript('sync', [LATEST_LIST, '--data', dir, '--date', '2027-01-01', '--json']);
		const report = JSON.parse(run.stdout) as Report;

		expect(run.code, run.stderr).toBe(0);
		expect(report.removed).toEqual([]);
		expect(report.added).toEqual([]);
		expect(Object.keys(before).filter((f) => f.startsWith('benchmarks/'))).toHaveLength(31);
		expect(catalogueFiles(dir)).toEqual(before);
	});

	it('reads its own export, benchmark table included, as nothing to change', () => {
		const before = catalogueFiles(dir);
		const readme = path.join(dir, '..', `${path.basename(dir)}-exported.md`);
		expect(runScript('export', ['--data', dir, '--out', readme]).code).toBe(0);

		const run = runScript('sync', [readme, '--data', dir, '--date', '2027-01-01']);
		const json = runScript('sync', [readme, '--data', dir, '--date', '2027-01-01', '--json', '--dry-run']);
		rmSync(readme, { force: true });

		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('✓ nothing to change');
		expect((JSON.parse(json.stdout) as { messages: Array<{ message: string }> }).messages.map((m) => m.message)).toContain('31 benchmark rows: benchmarks are kept in benchmarks/ and not changed by the sync');
		expect(catalogueFiles(dir)).toEqual(before);
	});
});
