/**
 * Read a catalogue folder (taxonomy, venues, site text, star and citation snapshots, one YAML file per paper),
 * validate every file against its schema and every cross-file rule, and return the data with
 * positioned diagnostics. Used by `npm run validate`, the site build and the tests alike.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkFormerUrls, checkPaperId, checkPapers, checkTaxonomy, checkVenues, indexVenues, type CheckedPaper } from './checks.ts';
import { BENCHMARK_KEYS, BenchmarkSchema, checkBenchmarks, type Benchmark, type CheckedBenchmark } from './benchmark.ts';
import { CatalogueError, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import {
	CitationsSchema,
	PAPER_KEYS,
	PaperSchema,
	SiteSchema,
	StarsSchema,
	TaxonomySchema,
	VenuesSchema,
	type Citations,
	type Paper,
	type Site,
	type Stars,
	type TaxonomyNode,
	type Venue,
} from './schema.ts';
import { CANDIDATE_KEYS, CandidateSchema, checkQueue, REJECTION_KEYS, RejectionsSchema, type Candidate, type CheckedCandidate, type Rejection } from './queue.ts';
import { buildTree } from './tree.ts';
import { checkSchema, parseYamlFile } from './yaml-file.ts';
import type { z } from 'zod';

/** A validated catalogue. */
export interface Catalogue {
	/** The folder it was read from. */
	dir: string;
	site: Site;
	taxonomy: TaxonomyNode[];
	venues: Venue[];
	/** Papers sorted by id. */
	papers: Paper[];
	stars: Stars;
	/** Citation counts by paper id, from citations.json (empty when the file is absent). */
	citations: Citations;
	/** Benchmarks sorted by id (data/benchmarks/; empty when the folder is absent). */
	benchmarks: Benchmark[];
	/** Papers proposed but not filed (data/candidates/), sorted by id; no page shows them. */
	candidates: Candidate[];
	/** Papers turned down (data/rejections.yaml), as written. */
	rejections: Rejection[];
}

/** The catalogue (null when a file it needs is unusable) and every problem found. */
export interface LoadResult {
	catalogue: Catalogue | null;
	diagnostics: Diagnostic[];
	/** Number of files read. */
	files: number;
}

/** The catalogue folder from `CATALOGUE_DIR`, default `data`. */
export function catalogueDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.CATALOGUE_DIR || 'data');
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
	const rel = path.relative(process.cwd(), file);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+/;

/** What `loadCatalogue` reads. */
export interface LoadOptions {
	/**
	 * Leave stars.json unread (an empty snapshot): `npm run stars` rewrites it, so a broken snapshot
	 * must not stop the command that repairs it. @default false
	 */
	skipStars?: boolean;
	/** Leave citations.json unread (empty counts), so that `npm run enrich` can rebuild a broken one. @default false */
	skipCitations?: boolean;
	/**
	 * File texts to check instead of what is on disk, by name relative to the folder
	 * ("papers/snapkv.yaml"), new files included: a tool checks the catalogue it is about to write
	 * before writing it.
	 */
	overlay?: ReadonlyMap<string, string>;
	/** Files to read as absent, by the same names ("candidates/x.yaml"): what the tool is about to delete. */
	removed?: ReadonlySet<string>;
}

/** Load and check the catalogue in `dir`. Never throws on bad data. */
export function loadCatalogue(dir: string, options: LoadOptions = {}): LoadResult {
	const diagnostics: Diagnostic[] = [];
	let files = 0;
	const read = (name: string, required: boolean): { file: string; text: string } | null => {
		const abs = path.join(dir, name);
		const file = displayPath(abs);
		let text: string | undefined = options.overlay?.get(name);
		if (text === undefined && options.removed?.has(name)) {
			if (required) diagnostics.push({ file, line: 1, col: 1, field: '(file)', message: `missing: the catalogue needs ${name}`, severity: 'error' });
			return null;
		}
		try {
			// No existsSync first: at 10,000 files the extra call is an eighth of the load time.
			text ??= readFileSync(abs, 'utf8');
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
			if (required) diagnostics.push({ file, line: 1, col: 1, field: '(file)', message: `missing: the catalogue needs ${name}`, severity: 'error' });
			return null;
		}
		files++;
		if (name.endsWith('.yaml') && !SCHEMA_LINE.test(text.replace(/^\uFEFF/, ''))) {
			diagnostics.push({ file, line: 1, col: 1, field: '(file)', message: 'the first line should be "# yaml-language-server: $schema=…" so editors check this file as you type', severity: 'warning' });
		}
		return { file, text };
	};

	const parse = <T>(name: string, schema: Parameters<typeof checkSchema<T>>[1], required: boolean, keys: readonly string[] = []) => {
		const src = read(name, required);
		if (!src) return { data: undefined, yf: undefined };
		const yf = parseYamlFile(src.file, src.text);
		const { data, diagnostics: found } = checkSchema(yf, schema, keys);
		diagnostics.push(...found);
		return { data, yf };
	};

	const tax = parse('taxonomy.yaml', TaxonomySchema, true, ['slug', 'title', 'description', 'children', 'formerPaths', 'formerPapers']);
	if (tax.data && tax.yf) diagnostics.push(...checkTaxonomy(tax.yf, tax.data));
	const ven = parse('venues.yaml', VenuesSchema, true, ['name', 'fullName', 'kind', 'aliases', 'slug']);
	if (ven.data && ven.yf) diagnostics.push(...checkVenues(ven.yf, ven.data));
	const site = parse('site.yaml', SiteSchema, false, ['title', 'preamble', 'postamble', 'backToTop', 'repository']);
	const stars = options.skipStars ? { data: {} as Stars, read: false } : readSnapshot(dir, 'stars.json', StarsSchema, 'npm run stars', diagnostics);
	if (stars.read) files++;
	const citations = options.skipCitations ? { data: {} as Citations, read: false } : readSnapshot(dir, 'citations.json', CitationsSchema, 'npm run enrich -- --apply', diagnostics);
	if (citations.read) files++;

	const papers: CheckedPaper[] = [];
	const papersDir = path.join(dir, 'papers');
	if (!existsSync(papersDir)) {
		diagnostics.push({ file: displayPath(papersDir), line: 1, col: 1, field: '(folder)', message: 'missing: the catalogue needs a papers/ folder with one YAML file per paper', severity: 'error' });
	}
	for (const { id, name } of yamlFilesIn(dir, 'papers', 'paper', diagnostics, options)) {
		const p = parse(`papers/${name}`, PaperSchema, true, PAPER_KEYS);
		if (p.yf) diagnostics.push(...checkPaperId(id, p.yf));
		if (p.data && p.yf) papers.push({ id, yf: p.yf, data: p.data });
	}

	// One tree for the benchmark and queue rules, which both ask it for leaves.
	const tree = tax.data ? buildTree(tax.data) : null;

	// Benchmarks: an optional folder, one file per benchmark, checked like papers.
	const benchmarks: CheckedBenchmark[] = [];
	for (const { id, name } of yamlFilesIn(dir, 'benchmarks', 'benchmark', diagnostics, options)) {
		const b = parse(`benchmarks/${name}`, BenchmarkSchema, true, BENCHMARK_KEYS);
		if (b.yf) diagnostics.push(...checkPaperId(id, b.yf, 'benchmark'));
		if (b.data && b.yf) benchmarks.push({ id, yf: b.yf, data: b.data });
	}
	if (tree && ven.data) diagnostics.push(...checkBenchmarks(benchmarks, papers, tree, indexVenues(ven.data)));

	// The queue: optional, never part of the site.
	const candidates: CheckedCandidate[] = [];
	for (const { id, name } of yamlFilesIn(dir, 'candidates', 'candidate', diagnostics, options)) {
		const c = parse(`candidates/${name}`, CandidateSchema, true, CANDIDATE_KEYS);
		if (c.yf) diagnostics.push(...checkPaperId(id, c.yf, 'candidate'));
		if (c.data && c.yf) candidates.push({ id, yf: c.yf, data: c.data });
	}
	const rej = parse('rejections.yaml', RejectionsSchema, false, REJECTION_KEYS);
	if (tree) diagnostics.push(...checkQueue(candidates, rej.data && rej.yf ? { yf: rej.yf, data: rej.data } : null, papers, tree));

	if (tax.data && ven.data) diagnostics.push(...checkPapers(papers, tax.data, ven.data));
	if (tax.data && tax.yf) diagnostics.push(...checkFormerUrls(tax.yf, tax.data, papers));
	const sorted = sortDiagnostics(diagnostics);
	const ok = tax.data && ven.data && !sorted.some((d) => d.severity === 'error');
	const catalogue: Catalogue | null = ok
		? {
				dir,
				site: site.data ?? { title: path.basename(dir) },
				taxonomy: tax.data!,
				venues: ven.data!,
				papers: papers.map((p) => ({ id: p.id, ...p.data })),
				stars: stars.data,
				citations: citations.data,
				benchmarks: benchmarks.map((b) => ({ id: b.id, ...b.data })),
				candidates: candidates.map((c) => ({ id: c.id, ...c.data })),
				rejections: rej.data ?? [],
			}
		: null;
	return { catalogue, diagnostics: sorted, files };
}

/**
 * The `.yaml` files of a folder of one-file-per-entry data (papers/, candidates/), sorted, each
 * with its id; a `.yml` or upper-case extension is reported with the name to rename it to. An
 * absent folder holds nothing.
 */
function yamlFilesIn(dir: string, folder: string, what: string, diagnostics: Diagnostic[], options: LoadOptions): Array<{ id: string; name: string }> {
	const abs = path.join(dir, folder);
	if (existsSync(abs) && !statSync(abs).isDirectory()) {
		diagnostics.push({ file: displayPath(abs), line: 1, col: 1, field: '(file name)', message: `"${folder}" must be a folder of one .yaml file per entry, not a file; move its entries into ${folder}/<id>.yaml and remove the file`, severity: 'error' });
		return [];
	}
	const onDisk = existsSync(abs) ? readdirSync(abs) : [];
	const added = [...(options.overlay?.keys() ?? [])].filter((n) => n.startsWith(`${folder}/`) && !n.slice(folder.length + 1).includes('/')).map((n) => n.slice(folder.length + 1));
	const names = [...new Set([...onDisk, ...added])].filter((n) => !options.removed?.has(`${folder}/${n}`)).sort();
	const out: Array<{ id: string; name: string }> = [];
	for (const name of names) {
		if (/\.yml$/i.test(name) || (/\.yaml$/i.test(name) && !name.endsWith('.yaml'))) {
			diagnostics.push({ file: displayPath(path.join(abs, name)), line: 1, col: 1, field: '(file name)', message: `${what} files end in ".yaml"; rename it to "${name.replace(/\.ya?ml$/i, '.yaml')}"`, severity: 'error' });
			continue;
		}
		if (name.endsWith('.yaml')) out.push({ id: name.slice(0, -'.yaml'.length), name });
	}
	return out;
}

/** A generated JSON snapshot (stars.json, citations.json): absent is empty, unreadable is an error naming the command that rewrites it. */
function readSnapshot<T extends Record<string, unknown>>(dir: string, name: string, schema: z.ZodType<T>, command: string, diagnostics: Diagnostic[]): { data: T; read: boolean } {
	const empty = {} as T;
	const abs = path.join(dir, name);
	if (!existsSync(abs)) return { data: empty, read: false };
	const file = displayPath(abs);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(abs, 'utf8'));
	} catch (err) {
		diagnostics.push({ file, line: 1, col: 1, field: '(json)', message: `not valid JSON (${(err as Error).message}); regenerate it with "${command}" or restore it with git`, severity: 'error' });
		return { data: empty, read: true };
	}
	const result = schema.safeParse(json);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		diagnostics.push({ file, line: 1, col: 1, field: issue.path.map(String).join('.') || '(json)', message: `${issue.message}; this file is written by "${command}", never by hand`, severity: 'error' });
		return { data: empty, read: true };
	}
	return { data: result.data, read: true };
}

/** Load the catalogue or throw a CatalogueError with the validator's messages (for the build). */
export function loadCatalogueOrThrow(dir: string = catalogueDir()): Catalogue {
	const { catalogue, diagnostics } = loadCatalogue(dir);
	if (!catalogue) throw new CatalogueError(diagnostics);
	return catalogue;
}
