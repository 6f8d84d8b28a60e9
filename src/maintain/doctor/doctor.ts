/**
 * `npm run doctor`: the data-quality report a maintainer acts on. Unlike `validate` nothing here
 * is wrong, only worth a look: preprints that may have been published since, gathered facts of
 * medium or low confidence (data/review.json), benchmark fields no source confirmed, papers without a paper or code link, unofficial
 * code, categories too small to stand alone, an old star snapshot.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { arxivId, repositoriesOf } from '../../catalogue/links.ts';
import { displayPath, type Catalogue } from '../../catalogue/load.ts';
import { ReviewSchema, type Review, type TaxonomyNode } from '../../catalogue/schema.ts';
import { buildTree } from '../../catalogue/tree.ts';
import { parseYamlFile, type YamlFile } from '../../catalogue/yaml-file.ts';
import { BENCHMARKS_LEAF } from '../../catalogue/benchmark.ts';

/** The kinds of finding, in the order the report lists them. */
export const FINDING_KINDS = ['old-preprint', 'unconfirmed-fact', 'unconfirmed-benchmark', 'no-paper-link', 'no-code', 'unofficial-code', 'small-category', 'stale-stars'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A heading and the action for each kind. */
export const KIND_INFO: Record<FindingKind, { title: string; action: string }> = {
	'old-preprint': { title: 'arXiv preprints older than a year', action: 'has the paper been published since? update "venue" and "year"' },
	'unconfirmed-fact': {
		title: 'Gathered facts to confirm (medium or low confidence)',
		action: 'check each against its sources in data/review.json, correct the paper if needed, then delete its entry there',
	},
	'unconfirmed-benchmark': {
		title: 'Benchmark facts no source confirmed (or of low confidence)',
		action: 'check the fields against the sources the file lists; fill in or correct them, then remove them from "unconfirmed"',
	},
	'no-paper-link': { title: 'Papers without a paper link', action: 'add "paper:" with the arXiv or proceedings URL' },
	'no-code': { title: 'Papers without code', action: 'add "code:" when the authors have released it' },
	'unofficial-code': { title: 'Papers whose code is not by the authors', action: 'look for official code; keep "codeOfficial: false" otherwise' },
	'small-category': { title: 'Categories with fewer than two papers', action: 'find more papers, or merge the category into a sibling' },
	'stale-stars': { title: 'Star snapshot out of date', action: 'merge the weekly Refresh pull request, or run "npm run stars" and commit data/stars.json' },
};

/** One thing worth a maintainer's look. */
export interface Finding {
	kind: FindingKind;
	/** The file to open, as shown in messages. */
	file: string;
	/** 1-based line of the field concerned (1 for the whole file). */
	line: number;
	/** The paper id, category slug or repository concerned. */
	subject: string;
	message: string;
}

/** Report options. */
export interface DoctorOptions {
	/** The day the report is for (YYYY-MM-DD). */
	today: string;
	/** A star count checked longer ago than this is stale. @default 14 */
	staleDays?: number;
}

/** Every finding on a valid catalogue, grouped in `FINDING_KINDS` order, each group by file. */
export function doctor(catalogue: Catalogue, options: DoctorOptions): Finding[] {
	const findings: Finding[] = [...paperFindings(catalogue, options.today), ...reviewFindings(catalogue), ...benchmarkFindings(catalogue), ...categoryFindings(catalogue), ...starFindings(catalogue, options.today, options.staleDays ?? 14)];
	const rank = (k: FindingKind) => FINDING_KINDS.indexOf(k);
	return findings.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/**
 * True when a preprint is certainly more than a year old on `today`: by its arXiv posting month
 * when the link names one, else by its year (a paper of year Y may be from 31 December of Y).
 */
export function isOlderThanAYear(year: number, paperUrl: string | undefined, today: string): boolean {
	const [ty, tm] = today.split('-').map(Number) as [number, number];
	const m = /^(\d{2})(\d{2})\./.exec(arxivId(paperUrl) ?? '');
	if (m) return ty * 12 + tm - ((2000 + Number(m[1])) * 12 + Number(m[2])) > 12;
	return ty - year >= 2;
}

function paperFindings(catalogue: Catalogue, today: string): Finding[] {
	const out: Finding[] = [];
	const kinds = new Map(catalogue.venues.map((v) => [v.name, v.kind]));
	for (const p of catalogue.papers) {
		const abs = path.join(catalogue.dir, 'papers', `${p.id}.yaml`);
		const file = displayPath(abs);
		const yf: YamlFile = parseYamlFile(file, readFileSync(abs, 'utf8'));
		const at = (field: string) => yf.locate([field]).line;
		const add = (kind: FindingKind, field: string, message: string) => out.push({ kind, file, line: at(field), subject: p.id, message });
		if (kinds.get(p.venue) === 'preprint' && isOlderThanAYear(p.year, p.paper, today)) {
			const id = arxivId(p.paper);
			add('old-preprint', 'venue', `${p.venue} ${p.year}${id ? ` (arXiv ${id}, posted 20${id.slice(0, 2)}-${id.slice(2, 4)})` : ''}: "${p.title}"`);
		}
		if (!p.paper) add('no-paper-link', 'title', `no "paper:" link: "${p.title}"`);
		if (!p.code) add('no-code', 'title', `no "code:" link: "${p.title}"`);
		if (p.code && p.codeOfficial === false) add('unofficial-code', 'codeOfficial', `unofficial code at ${p.code}`);
	}
	return out;
}

/** Each entry of data/review.json, at the line of the first field it concerns in the paper's file. */
function reviewFindings(catalogue: Catalogue): Finding[] {
	const abs = path.join(catalogue.dir, 'review.json');
	if (!existsSync(abs)) return [];
	const file = displayPath(abs);
	const text = readFileSync(abs, 'utf8');
	let review: Review;
	try {
		const parsed = ReviewSchema.safeParse(JSON.parse(text));
		if (!parsed.success) throw new Error(`${parsed.error.issues[0]!.message} at ${parsed.error.issues[0]!.path.join('.') || 'the top'}`);
		review = parsed.data;
	} catch (err) {
		return [{ kind: 'unconfirmed-fact', file, line: 1, subject: 'review.json', message: `cannot be read (${(err as Error).message}); restore it with git or rerun "npm run enrich -- --facts FILE --apply"` }];
	}
	const ids = new Set(catalogue.papers.map((p) => p.id));
	const out: Finding[] = [];
	for (const [id, entry] of Object.entries(review)) {
		if (!ids.has(id)) {
			const line = Math.max(1, text.split('\n').findIndex((l) => l.startsWith(`  ${JSON.stringify(id)}:`)) + 1);
			out.push({ kind: 'unconfirmed-fact', file, line, subject: id, message: `an entry for "${id}", which is no longer a paper; delete it` });
			continue;
		}
		const paperAbs = path.join(catalogue.dir, 'papers', `${id}.yaml`);
		const yf = parseYamlFile(displayPath(paperAbs), readFileSync(paperAbs, 'utf8'));
		// The venue is what a reader sees first, so its line is the one to open when the fact names one.
		const fields = [...entry.applied, ...entry.notApplied.map((n) => n.field)];
		const field = ['venue', 'year', 'authors', 'date', 'arxiv', 'doi', 'published'].find((f) => fields.includes(f)) ?? 'title';
		const parts = [`${entry.confidence}-confidence fact`];
		if (entry.applied.length) parts.push(`written: ${entry.applied.join(', ')}`);
		if (entry.notApplied.length) parts.push(`not written: ${entry.notApplied.map((n) => `${n.field} ${JSON.stringify(n.value)}`).join(', ')}`);
		const note = entry.note.length > 160 ? `${entry.note.slice(0, 159)}…` : entry.note;
		out.push({ kind: 'unconfirmed-fact', file: yf.file, line: yf.locate([field]).line, subject: id, message: `${parts.join('; ')} (${entry.sources.length} ${entry.sources.length === 1 ? 'source' : 'sources'}) — ${note}` });
	}
	return out;
}

/**
 * Each benchmark with fields no source confirmed (`unconfirmed`), or whose facts are of low
 * confidence, at the line of the first such field, so a maintainer checks them against the
 * sources the file lists.
 */
function benchmarkFindings(catalogue: Pick<Catalogue, 'dir' | 'benchmarks'>): Finding[] {
	const out: Finding[] = [];
	for (const b of catalogue.benchmarks) {
		const fields = b.unconfirmed ?? [];
		if (!fields.length && b.confidence !== 'low') continue;
		const abs = path.join(catalogue.dir, 'benchmarks', `${b.id}.yaml`);
		const file = displayPath(abs);
		const yf = parseYamlFile(file, readFileSync(abs, 'utf8'));
		// The first unconfirmed field the file has, else the list itself.
		const present = fields.find((f) => (b as Record<string, unknown>)[f] !== undefined);
		const line = yf.locate(present ? [present] : fields.length ? ['unconfirmed'] : ['confidence']).line;
		const parts = [fields.length ? `no source confirmed ${fields.join(', ')}` : '', b.confidence === 'low' ? 'low-confidence facts' : ''].filter(Boolean);
		const sources = b.sources?.length ?? 0;
		out.push({ kind: 'unconfirmed-benchmark', file, line, subject: b.id, message: `${b.name}: ${parts.join('; ')} (${sources} ${sources === 1 ? 'source' : 'sources'})` });
	}
	return out;
}

function categoryFindings(catalogue: Catalogue): Finding[] {
	const abs = path.join(catalogue.dir, 'taxonomy.yaml');
	const file = displayPath(abs);
	const yf = parseYamlFile(file, readFileSync(abs, 'utf8'));
	const where = new Map<string, PropertyKey[]>();
	const walk = (nodes: readonly TaxonomyNode[], at: PropertyKey[]) =>
		nodes.forEach((n, i) => {
			where.set(n.slug, [...at, i, 'slug']);
			if (n.children) walk(n.children, [...at, i, 'children']);
		});
	walk(catalogue.taxonomy, []);
	const counts = new Map<string, number>();
	for (const p of catalogue.papers) for (const c of new Set(p.categories)) counts.set(c, (counts.get(c) ?? 0) + 1);
	// The benchmarks fill their leaf as papers fill the others.
	counts.set(BENCHMARKS_LEAF, (counts.get(BENCHMARKS_LEAF) ?? 0) + catalogue.benchmarks.length);
	return buildTree(catalogue.taxonomy)
		.leaves.filter((leaf) => (counts.get(leaf.slug) ?? 0) < 2)
		.map((leaf) => {
			const n = counts.get(leaf.slug) ?? 0;
			return { kind: 'small-category' as const, file, line: yf.locate(where.get(leaf.slug) ?? []).line, subject: leaf.slug, message: `"${leaf.title}" (${leaf.slug}) has ${n === 0 ? 'no papers' : '1 paper'}` };
		});
}

function starFindings(catalogue: Catalogue, today: string, staleDays: number): Finding[] {
	const abs = path.join(catalogue.dir, 'stars.json');
	const file = displayPath(abs);
	const text = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
	const lineOf = (repo: string) => Math.max(1, text.split('\n').findIndex((l) => l.includes(JSON.stringify(repo))) + 1);
	const out: Finding[] = [];
	const repos = repositoriesOf(catalogue.papers);
	const missing = repos.filter((r) => !catalogue.stars[r]);
	if (missing.length) {
		const shown = missing.slice(0, 8).join(', ') + (missing.length > 8 ? `, … (${missing.length - 8} more)` : '');
		out.push({ kind: 'stale-stars', file, line: 1, subject: missing.join(', '), message: `${missing.length} of ${repos.length} repositories have no star count: ${shown}` });
	}
	const checked = repos.filter((r) => catalogue.stars[r]).sort((a, b) => (catalogue.stars[a]!.checked < catalogue.stars[b]!.checked ? -1 : 1));
	const oldest = checked[0];
	if (oldest) {
		const age = daysBetween(catalogue.stars[oldest]!.checked, today);
		const stale = checked.filter((r) => daysBetween(catalogue.stars[r]!.checked, today) > staleDays);
		if (age > staleDays) {
			out.push({ kind: 'stale-stars', file, line: lineOf(oldest), subject: oldest, message: `${stale.length} of ${repos.length} counts are older than ${staleDays} days; the oldest, ${oldest}, was checked on ${catalogue.stars[oldest]!.checked} (${age} days ago)` });
		}
	}
	return out;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The plain-text report: one block per kind with its action, `file:line  message` under it. */
export function formatDoctorText(findings: readonly Finding[], header: string): string {
	const lines = [`${header}: ${findings.length === 0 ? 'nothing to report' : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}`}`];
	for (const kind of FINDING_KINDS) {
		const group = findings.filter((f) => f.kind === kind);
		if (!group.length) continue;
		lines.push('', `${KIND_INFO[kind].title} (${group.length}): ${KIND_INFO[kind].action}`);
		for (const f of group) lines.push(`  ${f.file}:${f.line}  ${f.message}`);
	}
	return lines.join('\n') + '\n';
}

/** The `--json` report: counts for every kind (zeros included) and the findings. */
export function doctorJson(findings: readonly Finding[], meta: { catalogue: string; today: string; papers: number }): string {
	const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length]));
	return JSON.stringify({ ...meta, counts, findings }, null, 2) + '\n';
}
