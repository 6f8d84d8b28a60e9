/**
 * What a sync plan means for the files of a catalogue folder, and how its report reads. Only what
 * changed is rewritten (a file whose data is the same keeps its bytes, hand formatting included);
 * each rewritten file keeps its `$schema` line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Catalogue } from '../catalogue/load.ts';
import { displayPath } from '../catalogue/load.ts';
import type { FileChange } from '../catalogue/transaction.ts';
import { paperToYaml } from '../catalogue/yaml-write.ts';
import type { SyncBase, SyncPlan, SyncReport } from './sync.ts';
import { dataFileText } from './write.ts';

const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)/;

/** The file, beside the papers, where the sync records what the list said (its three-way merge base). */
export const BASE_FILE = 'sync-base.json';

const BaseSchema = z.record(
	z.string(),
	z.strictObject({ title: z.string(), year: z.number().int(), venue: z.string(), paper: z.string().optional(), code: z.string().optional() }),
);

/** The recorded base of `dir`: undefined when there is none yet (the first sync). */
export function readSyncBase(dir: string): { base: SyncBase | undefined; problem?: string } {
	const file = path.join(dir, BASE_FILE);
	if (!existsSync(file)) return { base: undefined };
	try {
		const parsed = BaseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		if (parsed.success) return { base: parsed.data };
		const issue = parsed.error.issues[0]!;
		return { base: undefined, problem: `${issue.path.join('.') || '(file)'}: ${issue.message}` };
	} catch (err) {
		return { base: undefined, problem: `not valid JSON (${(err as Error).message})` };
	}
}

/** The file changes that turn the catalogue in `dir` into `plan`; `schemasDir` is public/schemas. */
export function catalogueFiles(dir: string, before: Pick<Catalogue, 'site' | 'taxonomy' | 'venues' | 'papers'>, plan: SyncPlan, schemasDir: string): FileChange[] {
	const schemaPath = (file: string, name: string) => {
		const first = existsSync(file) ? SCHEMA_LINE.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
		return first ?? path.relative(path.dirname(file), path.join(schemasDir, name)).split(path.sep).join('/');
	};
	const changes: FileChange[] = [];
	const data = (name: string, schema: string, was: unknown, now: unknown) => {
		if (same(was, now)) return;
		const file = path.join(dir, name);
		changes.push({ file, text: dataFileText(now, schemaPath(file, schema)) });
	};
	data('taxonomy.yaml', 'taxonomy.schema.json', before.taxonomy, plan.taxonomy);
	data('venues.yaml', 'venues.schema.json', before.venues, plan.venues);
	data('site.yaml', 'site.schema.json', before.site, plan.site);

	const papersDir = path.join(dir, 'papers');
	const old = new Map(before.papers.map((p) => [p.id, p]));
	// A new file takes the schema line of its neighbours.
	const neighbour = readdirSync(papersDir).find((f) => f.endsWith('.yaml'));
	const paperSchema = neighbour ? schemaPath(path.join(papersDir, neighbour), 'paper.schema.json') : schemaPath(path.join(papersDir, 'new.yaml'), 'paper.schema.json');
	for (const [id, paper] of [...plan.papers].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const was = old.get(id);
		if (was) {
			const { id: _, ...wasData } = was;
			if (same(wasData, paper)) continue;
		}
		const file = path.join(papersDir, `${id}.yaml`);
		changes.push({ file, text: paperToYaml(paper, was ? schemaPath(file, 'paper.schema.json') : paperSchema) });
	}
	for (const id of plan.deleted) changes.push({ file: path.join(papersDir, `${id}.yaml`), text: null });
	// The base moves with the catalogue: recorded when the catalogue changes, or when there is none yet.
	// A sync that changes nothing leaves it, so sync → export → sync stays a no-op.
	const baseFile = path.join(dir, BASE_FILE);
	const oldBase = readSyncBase(dir).base;
	if ((changes.length || !oldBase) && !same(oldBase, plan.base)) changes.push({ file: baseFile, text: `${JSON.stringify(plan.base, null, 1)}\n` });
	return changes;
}

/** Deep equality of plain data (key order aside). */
function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(sortKeys);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
	return v;
}

const show = (v: unknown): string => (v === undefined ? '(none)' : Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'string' ? `"${v}"` : String(v));

/** The report as lines: each change with its line in `file` (`FILE:LINE`), grouped, then the taxonomy. */
export function formatSyncReport(r: SyncReport, file: string): string[] {
	const out: string[] = [];
	const group = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
		if (!items.length) return;
		out.push(`${title} (${items.length}):`);
		for (const item of items) out.push(`  ${line(item)}`);
	};
	const at = (line: number | undefined) => (line ? `${file}:${line}` : file);
	group('added', r.added, (a) => `${at(a.line)}  ${a.id}  "${a.title}" in ${a.categories.join(', ')}`);
	group('updated', r.updated, (u) => `${at(u.line)}  ${u.id}  ${u.changes.map((c) => `${c.field}: ${show(c.from)} → ${show(c.to)}`).join('; ')}`);
	group('moved', r.moved, (m) => `${at(m.line)}  ${m.id}  ${m.from.join(', ')} → ${m.to.join(', ')}`);
	group('kept', r.kept, (k) => `${at(k.line)}  ${k.id}  ${k.field}: kept ${show(k.catalogue)}, the list says ${show(k.list)} (${k.reason})`);
	group('merged', r.merged, (m) => `${at(m.line)}  ${m.id} → ${m.into}  the same paper (${m.rule}); /papers/${m.id}/ redirects`);
	group('no longer in the list', r.removed, (x) => (x.pruned ? `${x.id}  "${x.title}": removed; /papers/${x.id}/ redirects to ${x.redirect}` : `${x.id}  "${x.title}": kept in ${x.categories.join(', ')} as a paper of the atlas (listed: false); sync with --prune to remove it instead`));
	group('taxonomy', r.taxonomy, (t) =>
		t.kind === 'added'
			? `${at(t.line)}  added  ${t.path} ("${t.title}")`
			: t.kind === 'removed'
				? `${file}  removed  ${t.from} ("${t.fromTitle}"); its URL redirects to ${t.redirect} ("${t.redirectTitle}")`
				: `${at(t.line)}  ${t.kind}  ${t.from} → ${t.path} ("${t.fromTitle}" → "${t.title}"; ${t.why}); the old URL redirects`,
	);
	group('venues added', r.venues, (v) => `${at(v.line)}  ${v.name} (kind ${v.kind}${v.kind === 'other' ? ': set its kind and full name in venues.yaml' : ''})`);
	group('rows not placed', r.unplaced, (u) => `${at(u.line)}  ${u.message}`);
	return out;
}

/** The closing line and what was written. */
export function syncSummary(r: SyncReport, changes: readonly FileChange[], dir: string, run: { dryRun: boolean; written: boolean; ms: number; file: string }): { line: string; files: { written: string[]; removed: string[] } } {
	const files = {
		written: changes.filter((c) => c.text !== null).map((c) => displayPath(c.file)),
		removed: changes.filter((c) => c.text === null).map((c) => displayPath(c.file)),
	};
	const counts = `${r.counts.rows} rows, ${r.counts.listPapers} papers in ${run.file}; ${r.counts.papersBefore} → ${r.counts.papersAfter} papers in ${displayPath(dir)}: ${r.added.length} added, ${r.updated.length} updated, ${r.moved.length} moved, ${r.kept.length} kept, ${r.merged.length} merged, ${r.removed.length} no longer listed; ${r.taxonomy.length} taxonomy changes`;
	const unplaced = r.unplaced.length ? `; ${r.unplaced.length} row${r.unplaced.length === 1 ? '' : 's'} not placed` : '';
	if (!changes.length) return { line: `✓ nothing to change (${counts}${unplaced}) in ${run.ms} ms`, files };
	const what = `${files.written.length} file${files.written.length === 1 ? '' : 's'} written, ${files.removed.length} removed`;
	return { line: run.written ? `✓ synced: ${what} (${counts}${unplaced}) in ${run.ms} ms` : `dry run: ${what} if applied (${counts}${unplaced}); nothing written`, files };
}
