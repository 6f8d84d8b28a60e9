/**
 * `npm run intake -- --event FILE [--data DIR] [--out DIR]`: turn an "Add a paper" issue into a
 * paper file and the texts of its pull request. It reads the `issues` event GitHub Actions writes,
 * the form's answers in the issue's body, looks the paper up on arXiv when it has an arXiv id,
 * suggests a category when the form says "Not sure", and checks the file with the whole catalogue
 * exactly as a pull request is checked. Only then is the file written to the catalogue.
 *
 * In `--out` (default: a folder of the system's temp dir, printed) it writes `comment.md`,
 * `pr-title.txt`, `pr-body.md` (ready only), `branch.txt`, `outcome.json` and `outputs.txt`
 * (`name=value` lines for `$GITHUB_OUTPUT`).
 *
 * Exit codes: 0 a paper file ready for a pull request; 1 problems to fix in the issue (nothing
 * written to the catalogue); 3 the paper is in the catalogue already, or was rejected before;
 * 2 a bad flag or an unreadable event.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../catalogue/diagnostics.ts';
import { describeSighting, type Identity } from '../../catalogue/identity.ts';
import { displayPath, loadCatalogue, type Catalogue } from '../../catalogue/load.ts';
import { knownPapers, REJECTION_KIND_LABELS } from '../../catalogue/queue.ts';
import type { PaperData } from '../../catalogue/schema.ts';
import { replaceFiles } from '../../catalogue/transaction.ts';
import { ancestry, buildTree } from '../../catalogue/tree.ts';
import { paperToYaml } from '../../catalogue/yaml-write.ts';
import { arxivOptionsFromEnv, fetchArxiv } from '../../services/arxiv.ts';
import { retryOptionsFromEnv } from '../../services/http-retry.ts';
import { readKeywords } from '../../suggest/keywords.ts';
import { trainSuggester } from '../../suggest/suggester.ts';
import { formFieldOf } from '../common/issue-form.ts';
import { commandOutput, readFlags, type CommandResult } from '../common/command.ts';
import { idsInUse, paperIdFor, paperSchemaPath } from '../common/paper-draft.ts';
import { arxivIdOf, draftPaper, type ArxivLookup, type IntakeProblem, type PaperDraft } from './draft.ts';
import { readIssueEvent, type IssueEvent } from './event.ts';
import { commaList, oneLine, parseIssueForm } from './form.ts';
import { EXIT_CODE, LABELS, type IntakeOutcome, type IntakeVerdict } from './outcome.ts';
import { issueComment, pullRequestBody, pullRequestTitle, stepOutputs } from './texts.ts';

export const INTAKE_USAGE = `Usage: npm run intake -- --event FILE [--data DIR] [--out DIR]

  --event FILE   the GitHub "issues" event (the JSON in $GITHUB_EVENT_PATH) of an issue opened or
                 edited with the Add a paper form
  --data DIR     the catalogue (default: CATALOGUE_DIR or data/)
  --out DIR      where to write comment.md, pr-title.txt, pr-body.md, branch.txt, outcome.json and
                 outputs.txt (default: a folder of the system's temp dir)

Environment: ARXIV_API_URL (and the retry settings of npm run enrich); SITE_URL and BASE_PATH for
the paper's future page. Exit 0 ready, 1 problems to fix in the issue, 3 already in the catalogue
or rejected before, 2 a bad flag or an unreadable event.`;

const OPTIONS = {
	event: { type: 'string' },
	data: { type: 'string' },
	out: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** The files the intake writes to --out; stale ones from an earlier run are removed first. */
export const OUT_FILES = ['comment.md', 'pr-title.txt', 'pr-body.md', 'branch.txt', 'outcome.json', 'outputs.txt'] as const;

/** The line after the schema line of a file the intake wrote: an edit of the issue finds and replaces its own file by it. */
export const issueMarker = (issue: number) => `# From issue #${issue}`;

/** The pull request's branch: the same for every run on one issue. */
export const branchOf = (issue: number) => `intake/issue-${issue}`;

/** The public URL of a paper's page: SITE_URL and BASE_PATH as the build reads them (astro.config.mjs). */
export function pageUrl(id: string, env: NodeJS.ProcessEnv): string {
	const site = (env.SITE_URL || 'https://treeai-lab.github.io').replace(/\/+$/, '');
	const base = `/${(env.BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	return `${site}${base}papers/${id}/`;
}

/** Run the intake; `today` is used as `added:` when the event does not say when the issue was opened. */
export async function runIntake(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDir: string, today: string): Promise<CommandResult> {
	const { out, err, usage } = commandOutput('intake', INTAKE_USAGE);
	const flags = readFlags(argv, OPTIONS);
	if ('problem' in flags) return usage(flags.problem);
	const { values } = flags;
	if (values.help) return { code: 0, out: [INTAKE_USAGE], err };
	if (!values.event) return usage('--event is missing; add --event "$GITHUB_EVENT_PATH" (the issues event GitHub Actions writes)');
	const read = readIssueEvent(values.event);
	if ('problem' in read) return usage(read.problem);
	const event = read.event;
	const dir = values.data ? path.resolve(values.data) : defaultDir;
	if (!existsSync(path.join(dir, 'papers'))) return usage(`--data ${displayPath(dir)} is not a catalogue (it has no papers/ folder)`);
	const outDir = path.resolve(values.out ?? path.join(tmpdir(), `kv-cache-atlas-intake-${event.number}`));

	const decided = await decide(event, dir, env, event.opened ?? today, (line) => err.push(line));
	for (const f of OUT_FILES) rmSync(path.join(outDir, f), { force: true });
	mkdirSync(outDir, { recursive: true });
	const o = decided.outcome;
	const write = (name: string, text: string) => writeFileSync(path.join(outDir, name), text);
	write('comment.md', issueComment(o));
	write('branch.txt', `${o.branch}\n`);
	if (o.outcome === 'ready') {
		write('pr-title.txt', `${o.pullRequestTitle}\n`);
		write('pr-body.md', pullRequestBody(o, { text: decided.text!, abstract: decided.abstract }));
	}
	write('outcome.json', `${JSON.stringify(o, null, 2)}\n`);
	write('outputs.txt', stepOutputs(o));

	const shownOut = displayPath(outDir);
	if (o.outcome === 'ready') out.push(`✓ issue #${o.issue}: wrote ${o.file}${o.replaced.length ? ` (replacing ${o.replaced.join(', ')})` : ''}; the pull request's texts are in ${shownOut} (branch ${o.branch})`);
	else if (o.outcome === 'problems') {
		err.push(...o.problems.map((p) => p.check ?? `${p.field}: ${p.message}. ${p.fix}`));
		err.push(`✗ issue #${o.issue}: ${o.problems.length} problem${o.problems.length === 1 ? '' : 's'} to fix in the issue; nothing was written to ${displayPath(dir)}. The comment is in ${shownOut}/comment.md.`);
	} else if (o.outcome === 'duplicate') out.push(`= issue #${o.issue}: already in the catalogue as ${o.duplicateOf!.file} (${o.duplicateOf!.evidence}); nothing was written. The comment is in ${shownOut}/comment.md.`);
	else out.push(`= issue #${o.issue}: rejected before (${o.rejection!.evidence}): ${o.rejection!.reason} Nothing was written. The comment is in ${shownOut}/comment.md.`);
	return { code: EXIT_CODE[o.outcome], out, err };
}

/** What the run decided, with the file's text for the pull request body. */
interface Decision {
	outcome: IntakeOutcome;
	text: string | null;
	abstract: string | null;
}

/** Decide the issue and, when it is ready, write the paper file. */
async function decide(event: IssueEvent, dir: string, env: NodeJS.ProcessEnv, added: string, log: (line: string) => void): Promise<Decision> {
	const base: IntakeOutcome = {
		outcome: 'problems',
		issue: event.number,
		author: event.author,
		branch: branchOf(event.number),
		id: null,
		file: null,
		page: null,
		title: null,
		pullRequestTitle: null,
		labels: [],
		removeLabels: [],
		problems: [],
		arxiv: null,
		categories: null,
		sources: {},
		duplicateOf: null,
		rejection: null,
		candidate: null,
		replaced: [],
		notes: [],
	};
	const verdict = (outcome: IntakeVerdict, fields: Partial<IntakeOutcome> = {}): IntakeOutcome => ({ ...base, ...fields, outcome, labels: LABELS[outcome].add, removeLabels: LABELS[outcome].remove });
	const problems = (list: IntakeProblem[], fields: Partial<IntakeOutcome> = {}): Decision => ({ outcome: verdict('problems', { ...fields, problems: list }), text: null, abstract: null });

	// A file an earlier run wrote for this issue is this issue's: read as absent, replaced by the new one.
	const papersDir = path.join(dir, 'papers');
	const own = ownFiles(papersDir, event.number);
	const removed = new Set(own.map((n) => `papers/${n}`));
	const loaded = loadCatalogue(dir, { removed });
	if (!loaded.catalogue) {
		for (const d of loaded.diagnostics.filter((x) => x.severity === 'error')) log(formatDiagnostic(d));
		return problems([{ field: 'Issue', message: 'the catalogue itself has errors, so no new paper can be checked now', fix: 'Nothing to change here: a maintainer must fix the catalogue first (the workflow run lists its errors), then edit this issue to try again.' }]);
	}
	const catalogue = loaded.catalogue;

	const answers = parseIssueForm(event.body);
	if (!answers) {
		return problems([
			{ field: 'Issue', message: 'the issue is not written with the Add a paper form: it has none of its fields, such as "### Paper link"', fix: 'Open a new issue with the Add a paper form, or edit this one so that a line "### Paper link" is followed by the paper\'s link.' },
		]);
	}

	// Known already? Asked with the link first, so a paper of the catalogue costs no request to arXiv.
	const paperInput = oneLine(answers.values.get('paper'));
	const arxiv = arxivIdOf(paperInput);
	const index = knownPapers(catalogue);
	const identity = (title: string | undefined): Identity => ({ title: title ?? '', paper: arxiv ? `https://arxiv.org/abs/${arxiv}` : paperInput || undefined, arxiv: arxiv ?? undefined, aliases: commaList(answers.values.get('aliases')) });
	const known = (title: string | undefined): Decision | null => {
		const hit = index.find(identity(title));
		if (!hit) return null;
		const evidence = describeSighting(hit);
		const r = hit.record;
		if (r.kind === 'paper') {
			const file = displayPath(path.join(papersDir, `${r.id}.yaml`));
			return { outcome: verdict('duplicate', { id: r.id, title: r.title, file, page: pageUrl(r.id, env), duplicateOf: { id: r.id, title: r.title, file, page: pageUrl(r.id, env), evidence } }), text: null, abstract: null };
		}
		if (r.kind === 'rejection') {
			return { outcome: verdict('rejected', { title: r.title, rejection: { title: r.title, paper: r.paper, kind: `${r.rejectionKind}: ${REJECTION_KIND_LABELS[r.rejectionKind]}`, reason: r.reason, evidence } }), text: null, abstract: null };
		}
		return null;
	};
	const early = known(oneLine(answers.values.get('title')) || undefined);
	if (early) return early;

	const lookup = arxiv ? await lookUp(arxiv, env, log) : ({ status: 'none' } as const);
	const keywords = readKeywords(dir, catalogue.taxonomy).keywords;
	const suggester = trainSuggester(catalogue, { keywords });
	const draft = draftPaper(answers, lookup, catalogue, suggester, added);
	const title = typeof draft.data.title === 'string' ? draft.data.title : undefined;
	const later = title ? known(title) : null;
	if (later) return later;
	// A candidate of the queue becomes this paper: its file goes in the same change.
	const queued = index.find(identity(title));
	const candidate = queued?.record.kind === 'candidate' ? { id: queued.record.id, file: displayPath(path.join(dir, 'candidates', `${queued.record.id}.yaml`)) } : null;

	const taken = idsInUse(catalogue);
	if (candidate) taken.delete(candidate.id);
	const id = paperIdFor({ title: title ?? `issue ${event.number}`, aliases: draft.data.aliases as string[] | undefined, year: 0 }, taken);
	const name = `papers/${id}.yaml`;
	const abs = path.join(dir, name);
	const file = displayPath(abs);
	const lines = paperToYaml(draft.data as PaperData, paperSchemaPath(papersDir)).split('\n');
	const text = [lines[0], issueMarker(event.number), ...lines.slice(1)].join('\n');

	// Checked as a pull request is: the whole catalogue with this file in it.
	const removes = new Set([...removed, ...(candidate ? [`candidates/${candidate.id}.yaml`] : [])]);
	removes.delete(name);
	const after = loadCatalogue(dir, { overlay: new Map([[name, text]]), removed: removes });
	const found = [...draft.problems, ...checkProblems(after.diagnostics, file, draft, lookup)];
	const fields: Partial<IntakeOutcome> = {
		id,
		file,
		title: title ?? null,
		arxiv: lookup.status === 'none' ? null : { id: lookup.id, status: lookup.status, ...(lookup.status === 'failed' ? { reason: lookup.reason } : {}) },
		sources: draft.sources,
		notes: draft.notes,
		categories: categoriesOf(draft, catalogue),
		candidate,
	};
	if (found.length) return problems(found, fields);

	const replaced = own.filter((n) => `papers/${n}` !== name).map((n) => displayPath(path.join(papersDir, n)));
	replaceFiles([{ file: abs, text }, ...[...removes].map((n) => ({ file: path.join(dir, n), text: null }))]);
	return {
		outcome: verdict('ready', { ...fields, page: pageUrl(id, env), pullRequestTitle: pullRequestTitle(title!), replaced }),
		text,
		abstract: draft.abstract,
	};
}

/** The paper files of `papersDir` that an earlier run wrote for this issue (their second line is its marker). */
function ownFiles(papersDir: string, issue: number): string[] {
	const marker = issueMarker(issue);
	return readdirSync(papersDir)
		.filter((n) => n.endsWith('.yaml'))
		.filter((n) => readFileSync(path.join(papersDir, n), 'utf8').split('\n', 3)[1]?.trim() === marker)
		.sort();
}

/** Ask arXiv for one id, with the retries and pacing of enrich. */
async function lookUp(id: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ArxivLookup> {
	const options = arxivOptionsFromEnv(env, retryOptionsFromEnv(env, log));
	const run = await fetchArxiv([id], options);
	const record = run.records.get(id);
	if (record) return { status: 'found', id, record };
	if (run.failed.length) return { status: 'failed', id, reason: run.failed[0]!.reason };
	return { status: 'not-found', id };
}

/**
 * The catalogue's findings as problems in the form's words: a finding in the new file names the
 * form's field to change; one elsewhere is the catalogue's. A field the draft already has a
 * problem for is not named twice.
 */
function checkProblems(diagnostics: readonly Diagnostic[], file: string, draft: PaperDraft, lookup: ArxivLookup): IntakeProblem[] {
	const named = new Set(draft.problems.flatMap((p) => p.key ?? []));
	// Without a title there is nothing to suggest a category from: the title's problem says it all.
	if (named.has('title')) named.add('categories');
	if (named.has('paper')) named.add('arxiv');
	// An id arXiv does not know left empty what arXiv would have filled: the link's problem says it all.
	if (lookup.status === 'not-found') for (const key of ['title', 'categories', 'year']) named.add(key);
	return diagnostics
		.filter((d) => d.severity === 'error')
		.flatMap((d): IntakeProblem[] => {
			if (d.file !== file) return [{ field: 'Catalogue', message: d.message, fix: 'A maintainer must fix this file of the catalogue; nothing to change in the issue.', check: formatDiagnostic(d) }];
			const key = d.field.split('.')[0]!;
			if (named.has(key)) return [];
			const field = formFieldOf(key);
			const source = draft.sources[key];
			const fix = field
				? source === 'arXiv' || source === 'arXiv id'
					? `This came from arXiv: fill in **${field.label}** in the issue to give it yourself.`
					: `Edit the issue and change **${field.label}**.`
				: 'Edit the issue.';
			const value = draft.data[key];
			const given = Array.isArray(value) ? value.join(', ') : typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
			return [{ field: field?.label ?? key, key, message: d.message, fix, check: formatDiagnostic(d), ...(given !== undefined && source === 'form' ? { given } : {}) }];
		});
}

/** The categories of the draft with their places in the taxonomy, and the suggestions when there were some. */
function categoriesOf(draft: PaperDraft, catalogue: Catalogue): IntakeOutcome['categories'] {
	const slugs = Array.isArray(draft.data.categories) ? (draft.data.categories as string[]) : [];
	if (!slugs.length) return null;
	const tree = buildTree(catalogue.taxonomy);
	const pathOf = (slug: string) => {
		const node = tree.bySlug.get(slug);
		return node ? ancestry(node).map((n) => n.title) : [slug];
	};
	return {
		slugs,
		paths: slugs.map(pathOf),
		source: draft.sources.categories === 'suggested' ? 'suggested' : 'form',
		suggestions: (draft.suggestions ?? []).map((s) => ({ category: s.category, score: s.score, path: pathOf(s.category) })),
	};
}
