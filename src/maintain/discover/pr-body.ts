/**
 * The pull request the weekly Refresh workflow opens for new candidates ("New papers: N
 * candidates"): a Markdown table of the candidates waiting in its branch — title (linked), first
 * date, where found, the suggested category with its score, and the exact `npm run accept` and
 * `npm run reject` commands — then what this week's run read. Titles and every other text come
 * from strangers: each table cell is escaped so that it stays one cell of plain text (no markup,
 * no HTML, no mention, no issue link), and the body stays under GitHub's 65,536 characters.
 */
import type { Candidate } from '../../catalogue/queue.ts';
import { SLUG_PATTERN } from '../../catalogue/schema.ts';
import type { Tree } from '../../catalogue/tree.ts';
import type { DiscoverJson } from './run.ts';

/** GitHub refuses a body longer than 65,536 characters; this leaves room for the text around the table. */
const MAX_BODY = 60_000;
/** Rows shown at most; the rest are counted. */
const MAX_ROWS = 100;

/** What the body is made of. */
export interface PrBodyInput {
	/** The candidates this pull request adds, as their files say now (decided ones are gone). */
	candidates: readonly Candidate[];
	/** For each suggested leaf's title. */
	tree: Tree;
	/** This run's `npm run discover -- --json`, or null when it could not be read. */
	report: DiscoverJson | null;
	/** The branch a maintainer decides in. */
	branch: string;
	/** The workflow run, linked from the first line. */
	runUrl?: string | undefined;
}

/** "New papers: 3 candidates". */
export function discoverPrTitle(count: number): string {
	return `New papers: ${count} ${count === 1 ? 'candidate' : 'candidates'}`;
}

/**
 * One table cell of plain text: on one line; every ASCII punctuation mark backslash-escaped
 * (CommonMark then shows it as itself: no emphasis, link, code, HTML tag or entity); "|" escaped
 * for the table; "@" and "#" followed by an invisible space, so that no one is mentioned and no
 * issue linked.
 */
export function tableText(text: string): string {
	return text
		.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '\\$&')
		.replace(/\\([@#])/g, '$1\u200b');
}

/** A link destination inside a table cell: in angle brackets, with "|", "<", ">" and spaces encoded. */
function destination(url: string): string {
	return `<${url.replace(/[|<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/** Where a candidate was found, in short: each source once. */
function foundCell(c: Candidate): string {
	const sources = [...new Set(c.found.map((f) => f.source))];
	return sources.map(tableText).join('<br>');
}

/** The first suggestion with its title and score, then the other two in short. */
function suggestionCell(c: Candidate, tree: Tree): string {
	const [first, ...rest] = c.suggestions ?? [];
	if (!first) return 'none';
	const title = tree.bySlug.get(first.category)?.title ?? first.category;
	const others = rest.map((s) => `${tableText(s.category)} ${s.score.toFixed(2)}`).join(', ');
	return `${tableText(title)} \`${first.category}\` **${first.score.toFixed(2)}**${others ? `<br>also ${others}` : ''}`;
}

/** The two commands, each in a code span (ids and slugs are lower-case words and hyphens: nothing to escape, and checked again here). */
function decideCell(c: Candidate): string {
	const category = c.suggestions?.[0]?.category ?? 'SLUG';
	if (!SLUG_PATTERN.test(c.id) || !SLUG_PATTERN.test(category)) return tableText(`npm run accept -- ${c.id}`);
	return `\`npm run accept -- ${c.id} --category ${category}\`<br>\`npm run reject -- ${c.id} --reason "…"\``;
}

function row(c: Candidate, tree: Tree): string {
	const title = c.paper ? `[${tableText(c.title)}](${destination(c.paper)})` : tableText(c.title);
	return `| ${title} | ${c.date ?? '—'} | ${foundCell(c)} | ${suggestionCell(c, tree)} | ${decideCell(c)} |`;
}

/** The body: the table, how to decide, and what this run read. */
export function discoverPrBody(input: PrBodyInput): string {
	const { tree, report, branch, runUrl } = input;
	// Newest first, then by id: this week's papers at the top.
	const candidates = [...input.candidates].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
	const head = [
		`${candidates.length} ${candidates.length === 1 ? 'paper waits' : 'papers wait'} for a decision in \`data/candidates/\` of this branch, found by the weekly \`npm run discover -- --arxiv --citations\`${runUrl ? ` ([run](${destination(runUrl)}))` : ''}. Each met the rules of \`data/discover.yaml\` (its file's \`found\` says why it was kept), and none was in the catalogue, queued or rejected.`,
		'',
		'| Paper | First date | Found by | Suggested category | Decide |',
		'| --- | --- | --- | --- | --- |',
	];
	const howTo = [
		'',
		'**How to decide.** Check out this branch (`git fetch origin && git switch ' + branch + '`), run one command per paper (`accept` files it as a paper, under another leaf with `--category`; `reject` records it in `data/rejections.yaml` with a reason in a sentence, never proposed again), then commit and push to this branch. Merge when you are done, or leave papers for later: next week\'s run adds its papers on top of this branch and keeps every decision made here.',
	];
	const runLines = runSummary(report);
	const rows: string[] = [];
	let size = [...head, ...howTo, ...runLines].join('\n').length + 200;
	for (const c of candidates) {
		const line = row(c, tree);
		if (rows.length >= MAX_ROWS || size + line.length + 1 > MAX_BODY) break;
		rows.push(line);
		size += line.length + 1;
	}
	const more = candidates.length - rows.length;
	const table = more ? [...rows, '', `…and ${more} more in \`data/candidates/\` of this branch (the table stops at ${rows.length}).`] : rows;
	return `${[...head, ...table, ...howTo, ...runLines].join('\n')}\n`;
}

/** What this week's run read, from its --json. */
function runSummary(report: DiscoverJson | null): string[] {
	const lines = ['', '### This week\'s run'];
	if (!report) return [...lines, 'Its report could not be read; the run\'s log says what happened.'];
	for (const s of report.services) {
		const dropped = Object.entries(s.failedBy).filter(([, n]) => n > 0).map(([rule, n]) => `${n} not meeting "${tableText(rule)}"`);
		lines.push(`- ${s.failure ? '✗ ' : ''}${tableText(s.source)} (${tableText(s.asked)}): ${s.read} ${s.read === 1 ? 'hit' : 'hits'}, ${s.kept} kept${s.dropped ? `, ${s.dropped} dropped (${dropped.join(', ')})` : ''}${s.failure ? `; did not answer in full: ${tableText(s.failure)} (what came before was kept; its day was left for the next run)` : ''}`);
	}
	const c = report.counts;
	lines.push(`- ${c.new} new this week; ${c.known} in the catalogue already, ${c.rejected} rejected before, ${c.queued} queued already, ${c.repeated} found by two sources.`);
	return lines;
}
