/**
 * `npm run discover -- [--list FILE.md …] [--arxiv [--since YYYY-MM-DD]] [--citations] [--data DIR]
 * [--dry-run] [--json]`: read the sources (paper lists, an arXiv search, the papers citing the
 * survey on Semantic Scholar), decide each paper against the catalogue, its queue and its
 * rejections, and write one file per new candidate to data/candidates/, with how far each service
 * was read in data/discover-state.json — checked together with the catalogue first, then written
 * all at once, or not at all.
 *
 * Exit codes: 0 done; 1 rows it could not read or a service that did not answer in full (reported;
 * what the other sources gave is applied, and with every source down nothing is written), or a
 * catalogue that is invalid before or would be after (nothing written); 2 a bad flag or an
 * unreadable file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, loadCatalogue } from '../../catalogue/load.ts';
import { DateSchema, type Venue } from '../../catalogue/schema.ts';
import { candidateToYaml, schemaPathFrom } from '../../catalogue/yaml-write.ts';
import { arxivOptionsFromEnv } from '../../services/arxiv.ts';
import { retryOptionsFromEnv } from '../../services/http-retry.ts';
import { semanticScholarOptionsFromEnv } from '../../services/semantic-scholar.ts';
import { readKeywords, type KeywordMap } from '../../suggest/keywords.ts';
import { trainSuggester, type Filing } from '../../suggest/suggester.ts';
import { commandOutput, invalidAlready, readFlags, type CommandResult, writeAllOrNothing } from '../common/command.ts';
import { readDiscoverConfig, type DiscoverConfig } from './config.ts';
import { listProposals } from './lists.ts';
import { planDiscovery, type DiscoveryPlan, type Proposal, type Suggester } from './plan.ts';
import { arxivProposals, citationProposals, type ServiceSourceResult } from './services.ts';
import { daysBefore, DISCOVER_STATE_FILE, discoverStateJson, readDiscoverState, type DiscoverState } from './state.ts';

export const DISCOVER_USAGE = `Usage: npm run discover -- [--list FILE.md …] [--arxiv [--since YYYY-MM-DD]] [--citations] [--data DIR] [--dry-run] [--json]

  --list FILE.md   a paper list to read (tables like the survey's, numbered entries
                   "1. [**Title.**](url) *Authors.* Venue Year.", or Date | Title | Paper | Code tables);
                   repeat for several lists
  --arxiv          search arXiv (ARXIV_API_URL) with the query of data/discover.yaml, newest first,
                   back to the last run's day (data/discover-state.json, less overlapDays) or firstSince
  --since DAY      with --arxiv: read back to this day instead (YYYY-MM-DD)
  --citations      the papers citing the survey on Semantic Scholar (SEMANTIC_SCHOLAR_API_URL)
                   Hits of both are kept only when they meet the rules of data/discover.yaml (keep).
  --data DIR       the catalogue (default: CATALOGUE_DIR or data/)
  --dry-run        say what would be queued; write nothing
  --json           print the outcome as JSON: {"candidates": [{"id", "title", "paper", "arxiv", "suggestions"}], "counts", …}`;

const OPTIONS = {
	list: { type: 'string', multiple: true },
	arxiv: { type: 'boolean' },
	since: { type: 'string' },
	citations: { type: 'boolean' },
	data: { type: 'string' },
	'dry-run': { type: 'boolean' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** A problem of a source at a line: "lists/x.md:12: what" (line 0: a service's hit, named by `file`). */
interface SourceProblem {
	file: string;
	line: number;
	message: string;
}

/** Where progress lines go and what the services read from the environment. */
export interface DiscoverIo {
	/** ARXIV_API_URL, ARXIV_DELAY_MS, SEMANTIC_SCHOLAR_API_URL, SEMANTIC_SCHOLAR_API_KEY and the ENRICH_* retry settings. */
	env: NodeJS.ProcessEnv;
	/** Progress lines (requests, retries), as they happen. */
	log: (line: string) => void;
}

type Flags = { list?: string[]; arxiv?: boolean; since?: string; citations?: boolean; data?: string; 'dry-run'?: boolean; json?: boolean; help?: boolean };

/** Run discover on the catalogue in `defaultDir` (unless --data), on `today`. */
export async function runDiscover(argv: readonly string[], defaultDir: string, today: string, io: DiscoverIo = { env: process.env, log: () => {} }): Promise<CommandResult> {
	const { out, err, usage, refuse } = commandOutput('discover', DISCOVER_USAGE);
	const flags = readFlags(argv, OPTIONS);
	if ('problem' in flags) return usage(flags.problem);
	const values: Flags = flags.values;
	if (values.help) return { code: 0, out: [DISCOVER_USAGE], err };
	const lists = values.list ?? [];
	if (!lists.length && !values.arxiv && !values.citations) return usage('name at least one source: --list FILE.md, --arxiv or --citations');
	if (values.since !== undefined) {
		if (!values.arxiv) return usage('--since goes with --arxiv (the day back to which arXiv is searched)');
		if (!DateSchema.safeParse(values.since).success) return usage(`--since "${values.since}" is not a day; write it YYYY-MM-DD, such as --since 2026-01-31`);
		if (values.since > today) return usage(`--since ${values.since} is after today (${today})`);
	}
	const dir = values.data ? path.resolve(values.data) : defaultDir;

	// Every list is read before anything is decided: an unreadable file changes nothing.
	const proposals: Proposal[] = [];
	const problems: SourceProblem[] = [];
	const sources: ListSource[] = [];
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
	const wantsServices = Boolean(values.arxiv || values.citations);
	const config = wantsServices ? readDiscoverConfig(dir) : null;
	const errors = [...before.diagnostics, ...(keywords?.diagnostics ?? []), ...(config?.diagnostics ?? [])].filter((d) => d.severity === 'error');
	if (!before.catalogue || errors.length || (config && !config.config)) return refuse(errors, invalidAlready(dir));
	const catalogue = before.catalogue;

	const stateRead = readDiscoverState(dir);
	if (stateRead.problem) err.push(`warning: ${displayPath(path.join(dir, DISCOVER_STATE_FILE))} is ${stateRead.problem}; read as if absent, and rewritten after a full run`);
	const { services, state } = wantsServices ? await askServices(values, config!.config!, stateRead.state, catalogue.venues, today, io) : { services: [], state: stateRead.state };
	for (const s of services) proposals.push(...s.proposals);

	const plan = planDiscovery(catalogue, proposals, suggesterOf(catalogue, keywords?.keywords));
	for (const bad of plan.invalid) {
		// A list entry's `where` is "file:line"; a service hit's names the hit ("arXiv 2611.04321").
		const at = /^(.*):(\d+)$/.exec(bad.where);
		problems.push({ file: at ? at[1]! : bad.where, line: at ? Number(at[2]) : 0, message: `"${bad.title}": ${bad.message}; not queued — fix the entry in its source, or add the paper by hand` });
	}
	const candidatesDir = path.join(dir, 'candidates');
	const schema = schemaPathFrom(candidatesDir, 'candidate.schema.json');
	const files = plan.candidates.map((c) => ({ name: `candidates/${c.id}.yaml`, text: candidateToYaml(c.data, schema) }));
	const after = loadCatalogue(dir, { overlay: new Map(files.map((f) => [f.name, f.text])) });
	if (!after.catalogue) return refuse(after.diagnostics, '✗ the queue would not validate with these candidates; nothing was written.');
	// The state changes only for a source that answered in full; unchanged text is not rewritten.
	const stateText = discoverStateJson(state);
	if (services.some((s) => !s.failure) && stateText !== stateRead.text) files.push({ name: DISCOVER_STATE_FILE, text: stateText });

	const dryRun = values['dry-run'] === true;
	if (!dryRun && files.length) {
		if (plan.candidates.length) mkdirSync(candidatesDir, { recursive: true });
		if (!writeAllOrNothing(files.map((f) => ({ file: path.join(dir, f.name), text: f.text })), dir, err)) return { code: 1, out, err };
	}

	const written = !dryRun && plan.candidates.length > 0;
	const failed = services.filter((s) => s.failure);
	if (values.json) out.push(JSON.stringify(discoverJson(plan, problems, sources, services, written), null, 1));
	else out.push(...discoverReport(plan, problems, sources, services, { dryRun, dir }));
	for (const p of problems) err.push(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
	for (const s of failed) err.push(`✗ ${s.source}: ${s.failure}${s.proposals.length ? `; the ${s.tally.read} hits read before were kept` : ''}`);
	return { code: problems.length || failed.length ? 1 : 0, out, err };
}

/**
 * Ask the services named by the flags, at once (different hosts); each keeps what it got when it
 * fails part way. The state moves on only for a source that answered in full.
 */
async function askServices(flags: Flags, settings: DiscoverConfig, before: DiscoverState, venues: readonly Venue[], today: string, io: DiscoverIo): Promise<{ services: ServiceSourceResult[]; state: DiscoverState }> {
	const retry = retryOptionsFromEnv(io.env, io.log);
	const since = flags.since ?? (before.arxiv ? daysBefore(before.arxiv.checked, settings.arxiv.overlapDays) : settings.arxiv.firstSince);
	const [ax, cites] = await Promise.all([
		flags.arxiv ? arxivProposals(settings, since, today, arxivOptionsFromEnv(io.env, retry)) : null,
		flags.citations ? citationProposals(settings, venues, today, semanticScholarOptionsFromEnv(io.env, retry)) : null,
	]);
	const state: DiscoverState = { ...before };
	if (ax && !ax.failure) state.arxiv = { checked: today, since, hits: ax.tally.read };
	if (cites && !cites.failure) state.citations = { checked: today, citers: cites.tally.read };
	return { services: [ax, cites].filter((s): s is ServiceSourceResult => s !== null), state };
}

/** A list read, for reports. */
interface ListSource {
	file: string;
	source: string;
	entries: number;
}

/** Each candidate's three likeliest leaves, learnt from the catalogue's own filing (src/suggest). */
function suggesterOf(catalogue: Filing, keywords: KeywordMap | null | undefined): Suggester {
	const trained = trainSuggester(catalogue, { keywords });
	return (paper) => trained.suggest(paper, 3).map((s) => ({ category: s.category, score: s.score }));
}

/** The outcome for tools: the new candidates first, as DESIGN.md documents them. */
function discoverJson(plan: DiscoveryPlan, problems: readonly SourceProblem[], sources: readonly ListSource[], services: readonly ServiceSourceResult[], written: boolean) {
	return {
		candidates: plan.candidates.map((c) => ({ id: c.id, title: c.data.title, paper: c.data.paper ?? null, arxiv: c.data.arxiv ?? null, date: c.data.date ?? null, suggestions: c.data.suggestions ?? [], found: c.data.found })),
		counts: {
			read: sources.reduce((n, s) => n + s.entries, 0) + services.reduce((n, s) => n + s.proposals.length, 0),
			new: plan.candidates.length,
			known: plan.known.length,
			rejected: plan.rejected.length,
			queued: plan.queued.length,
			repeated: plan.repeated.length,
			filtered: services.reduce((n, s) => n + s.tally.dropped, 0),
			problems: problems.length,
			failed: services.filter((s) => s.failure).length,
		},
		known: plan.known,
		rejected: plan.rejected,
		queued: plan.queued,
		repeated: plan.repeated,
		problems,
		sources,
		services: services.map((s) => ({ source: s.source, asked: s.asked, ...s.tally, proposed: s.proposals.length, requests: s.requests, failure: s.failure })),
		written,
	};
}

/** The JSON that `--json` prints. */
export type DiscoverJson = ReturnType<typeof discoverJson>;

/** One service's line: what it was asked, what its hits came to, and which rules dropped how many. */
function serviceLine(s: ServiceSourceResult): string {
	const rules = Object.entries(s.tally.failedBy).filter(([, n]) => n > 0).map(([rule, n]) => `${n} fail "${rule}"`);
	const dropped = s.tally.dropped ? `, ${s.tally.dropped} dropped (${rules.join(', ')})` : '';
	return `${s.failure ? '✗' : 'read'} ${s.source} (${s.asked}): ${s.tally.read} ${s.tally.read === 1 ? 'hit' : 'hits'}, ${s.tally.kept} kept${dropped}; ${s.requests} ${s.requests === 1 ? 'request' : 'requests'}${s.failure ? '; did not answer in full (see below)' : ''}`;
}

/** The outcome for people: one line of counts, then each new candidate with where it was found. */
function discoverReport(plan: DiscoveryPlan, problems: readonly SourceProblem[], sources: readonly ListSource[], services: readonly ServiceSourceResult[], run: { dryRun: boolean; dir: string }): string[] {
	const lines: string[] = [];
	for (const s of sources) lines.push(`read ${s.file} (${s.source}): ${s.entries} papers`);
	for (const s of services) lines.push(serviceLine(s));
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
