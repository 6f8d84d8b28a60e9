/**
 * `npm run discover -- --list FILE.md [--list FILE.md …] [--data DIR] [--dry-run] [--json]`:
 * read the sources, decide each paper against the catalogue, its queue and its rejections, and
 * write one file per new candidate to data/candidates/ — checked together with the catalogue first,
 * then written all at once, or not at all.
 *
 * Exit codes: 0 done; 1 rows it could not read (reported with file and line; the rest is applied),
 * or a catalogue that is invalid before or would be after (nothing written); 2 a bad flag or an
 * unreadable file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { didYouMean, formatDiagnostic } from '../../catalogue/diagnostics.ts';
import { displayPath, loadCatalogue } from '../../catalogue/load.ts';
import { replaceFiles } from '../../catalogue/transaction.ts';
import { candidateToYaml, schemaPathFrom } from '../../catalogue/yaml-write.ts';
import { readKeywords, type KeywordMap } from '../../suggest/keywords.ts';
import { trainSuggester, type Filing } from '../../suggest/suggester.ts';
import { listProposals } from './lists.ts';
import { planDiscovery, type DiscoveryPlan, type Proposal, type Suggester } from './plan.ts';

/** What the command prints and the code it exits with. */
export interface DiscoverResult {
	code: number;
	out: string[];
	err: string[];
}

export const DISCOVER_USAGE = `Usage: npm run discover -- --list FILE.md [--list FILE.md …] [--data DIR] [--dry-run] [--json]

  --list FILE.md   a paper list to read (tables like the survey's, numbered entries
                   "1. [**Title.**](url) *Authors.* Venue Year.", or Date | Title | Paper | Code tables);
                   repeat for several lists
  --data DIR       the catalogue (default: CATALOGUE_DIR or data/)
  --dry-run        say what would be queued; write nothing
  --json           print the outcome as JSON: {"candidates": [{"id", "title", "paper", "arxiv", "suggestions"}], "counts", …}`;

const OPTIONS = {
	list: { type: 'string', multiple: true },
	data: { type: 'string' },
	'dry-run': { type: 'boolean' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** A problem of a source at a line: "lists/x.md:12: what". */
interface SourceProblem {
	file: string;
	line: number;
	message: string;
}

/** Run discover on the catalogue in `defaultDir` (unless --data), on `today`. */
export function runDiscover(argv: readonly string[], defaultDir: string, today: string): DiscoverResult {
	const out: string[] = [];
	const err: string[] = [];
	const usage = (message: string): DiscoverResult => ({ code: 2, out, err: [`npm run discover: ${message}`, DISCOVER_USAGE.split('\n')[0]!] });

	let values: { list?: string[]; data?: string; 'dry-run'?: boolean; json?: boolean; help?: boolean };
	try {
		({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
	} catch (e) {
		const flag = /'(--?[\w-]+)/.exec((e as Error).message)?.[1];
		const guess = flag && didYouMean(flag.replace(/^-+/, ''), Object.keys(OPTIONS));
		return usage(`${(e as Error).message}${guess ? ` — did you mean --${guess}?` : ''}`);
	}
	if (values.help) return { code: 0, out: [DISCOVER_USAGE], err };
	const lists = values.list ?? [];
	if (!lists.length) return usage('name at least one source: --list FILE.md');
	const dir = values.data ? path.resolve(values.data) : defaultDir;

	// Every source is read before anything is decided: an unreadable file changes nothing.
	const proposals: Proposal[] = [];
	const problems: SourceProblem[] = [];
	const sources: Array<{ file: string; source: string; entries: number }> = [];
	for (const file of lists) {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch (e) {
			return usage(`cannot read --list ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
		}
		const shown = displayPath(path.resolve(file));
		const read = listProposals(text, file, shown, today);
		proposals.push(...read.proposals);
		problems.push(...read.problems.map((m) => ({ file: shown, line: m.line, message: m.message })));
		sources.push({ file: shown, source: read.source, entries: read.proposals.length });
	}

	const before = loadCatalogue(dir);
	const keywords = before.catalogue ? readKeywords(dir, before.catalogue.taxonomy) : null;
	const errors = [...before.diagnostics, ...(keywords?.diagnostics ?? [])].filter((d) => d.severity === 'error');
	if (!before.catalogue || errors.length) {
		err.push(...errors.map(formatDiagnostic));
		err.push(`✗ ${displayPath(dir)} has errors already; fix them first ("npm run validate" lists them). Nothing was written.`);
		return { code: 1, out, err };
	}
	const plan = planDiscovery(before.catalogue, proposals, suggesterOf(before.catalogue, keywords?.keywords));

	const candidatesDir = path.join(dir, 'candidates');
	const schema = schemaPathFrom(candidatesDir, 'candidate.schema.json');
	const files = plan.candidates.map((c) => ({ name: `candidates/${c.id}.yaml`, text: candidateToYaml(c.data, schema) }));
	const after = loadCatalogue(dir, { overlay: new Map(files.map((f) => [f.name, f.text])) });
	if (!after.catalogue) {
		err.push(...after.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
		err.push('✗ the queue would not validate with these candidates; nothing was written.');
		return { code: 1, out, err };
	}
	const dryRun = values['dry-run'] === true;
	if (!dryRun && files.length) {
		mkdirSync(candidatesDir, { recursive: true });
		replaceFiles(files.map((f) => ({ file: path.join(dir, f.name), text: f.text })));
	}

	const written = !dryRun && files.length > 0;
	if (values.json) out.push(JSON.stringify(discoverJson(plan, problems, sources, written), null, 1));
	else out.push(...discoverReport(plan, problems, sources, { dryRun, dir }));
	for (const p of problems) err.push(`${p.file}:${p.line}: ${p.message}`);
	return { code: problems.length ? 1 : 0, out, err };
}

/** Each candidate's three likeliest leaves, learnt from the catalogue's own filing (src/suggest). */
function suggesterOf(catalogue: Filing, keywords: KeywordMap | null | undefined): Suggester {
	const trained = trainSuggester(catalogue, { keywords });
	return (paper) => trained.suggest(paper, 3).map((s) => ({ category: s.category, score: s.score }));
}

/** The outcome for tools: the new candidates first, as DESIGN.md documents them. */
function discoverJson(plan: DiscoveryPlan, problems: readonly SourceProblem[], sources: ReadonlyArray<{ file: string; source: string; entries: number }>, written: boolean) {
	return {
		candidates: plan.candidates.map((c) => ({ id: c.id, title: c.data.title, paper: c.data.paper ?? null, arxiv: c.data.arxiv ?? null, suggestions: c.data.suggestions ?? [], found: c.data.found })),
		counts: { read: sources.reduce((n, s) => n + s.entries, 0), new: plan.candidates.length, known: plan.known.length, rejected: plan.rejected.length, queued: plan.queued.length, repeated: plan.repeated.length, problems: problems.length },
		known: plan.known,
		rejected: plan.rejected,
		queued: plan.queued,
		repeated: plan.repeated,
		problems,
		sources,
		written,
	};
}

/** The outcome for people: one line of counts, then each new candidate with where it was found. */
function discoverReport(plan: DiscoveryPlan, problems: readonly SourceProblem[], sources: ReadonlyArray<{ file: string; source: string; entries: number }>, run: { dryRun: boolean; dir: string }): string[] {
	const lines: string[] = [];
	for (const s of sources) lines.push(`read ${s.file} (${s.source}): ${s.entries} papers`);
	const counts = `${plan.known.length} in the catalogue, ${plan.rejected.length} rejected before, ${plan.queued.length} queued already, ${plan.repeated.length} found twice`;
	if (plan.candidates.length) {
		lines.push(`new candidates (${plan.candidates.length}):`);
		for (const c of plan.candidates) {
			const best = c.data.suggestions?.[0];
			lines.push(`  ${c.id}  "${c.data.title}"  (${c.data.found.map((f) => f.where ?? f.source).join(', ')})${best ? `  → ${best.category} ${best.score.toFixed(2)}` : ''}`);
		}
	}
	if (plan.rejected.length) {
		lines.push(`rejected before, not proposed again (${plan.rejected.length}):`);
		for (const r of plan.rejected) lines.push(`  ${r.where}  "${r.title}": ${r.reason}`);
	}
	const where = displayPath(path.join(run.dir, 'candidates'));
	const verb = run.dryRun ? `dry run: would queue ${plan.candidates.length} in ${where}; nothing written` : plan.candidates.length ? `✓ queued ${plan.candidates.length} in ${where}` : '✓ nothing new to queue';
	lines.push(`${verb} (${counts}${problems.length ? `; ${problems.length} lines not read` : ''})`);
	if (plan.candidates.length && !run.dryRun) lines.push('  Decide each: npm run accept -- ID [--category SLUG] · npm run reject -- ID --reason "…"');
	return lines;
}
