/**
 * The texts the workflow posts: the comment on the issue, the pull request's title and body, and
 * the step outputs. Every value that came from the issue, from arXiv or from a message quoting
 * them is shown through `markdown.ts` (a code span or a fenced block), never as markdown.
 */
import type { IntakeOutcome } from './outcome.ts';
import { clip, code, fenced, link, mention } from './markdown.ts';

/** The first line of every comment of the intake: the workflow edits the comment that carries it instead of adding another. */
export const COMMENT_MARKER = '<!-- kv-cache-atlas-intake -->';

/** GitHub refuses pull request titles over 256 characters. */
const TITLE_MAX = 120;

/** The pull request's title: plain text on one line. */
export function pullRequestTitle(title: string): string {
	const line = clip(title, 1_000_000);
	return `Add paper: ${line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1).trimEnd()}…` : line}`;
}

const categoryLine = (slug: string, path: readonly string[]) => `${code(slug)} (${path.map((p) => code(p)).join(' › ')})`;

/** The comment for the issue. The workflow adds the pull request's link to a ready one. */
export function issueComment(o: IntakeOutcome): string {
	const lines = [COMMENT_MARKER];
	const who = mention(o.author);
	if (o.outcome === 'ready') {
		lines.push(`Thank you, ${who}! This issue is now the paper file ${code(o.file!)}, and a pull request adds it.`, '');
		lines.push(`- **Title**: ${code(o.title!)}`);
		o.categories?.slugs.forEach((slug, i) => lines.push(`- **Category**: ${categoryLine(slug, o.categories!.paths[i]!)}${o.categories!.source === 'suggested' ? ', suggested from the papers filed already (the form said "Not sure"); a maintainer checks it' : ''}`));
		lines.push(`- **Its page, once merged**: ${link(o.page!, o.page!)}`);
		if (o.arxiv?.status === 'failed') lines.push(`- arXiv did not answer, so the authors and the first date are missing; a maintainer fills them in later.`);
		lines.push('', 'To change anything, edit this issue: the pull request follows.');
	} else if (o.outcome === 'problems') {
		lines.push(`Thank you, ${who}. Before this issue can become a pull request, please edit it and fix:`, '');
		for (const p of o.problems) lines.push(`- **${p.field}**${p.given !== undefined ? ` ${code(p.given, 200)}` : ''}: ${code(p.message, 500)} ${p.fix}`);
		const checks = o.problems.flatMap((p) => p.check ?? []);
		if (checks.length) {
			lines.push('', '<details><summary>The checks of the paper file, as <code>npm run validate</code> prints them</summary>', '', fenced(checks.join('\n')), '', '</details>');
		}
		lines.push('', 'The checks run again after each edit.');
	} else if (o.outcome === 'duplicate') {
		const d = o.duplicateOf!;
		lines.push(`Thank you, ${who}: this paper is in the atlas already, as ${code(d.title)} (${d.evidence}).`, '');
		lines.push(`- **Its page**: ${link(d.page, d.page)}`, `- **Its file**: ${code(d.file)}`, '');
		lines.push('To change its entry (a category, the venue, the code), open a pull request that edits that file, or say here what is wrong.');
	} else {
		const r = o.rejection!;
		lines.push(`Thank you, ${who}. This paper was considered before and not added to the atlas (${r.evidence}):`, '');
		lines.push(`- **Paper**: ${code(r.title)} ${link('link', r.paper)}`, `- **Why**: ${code(r.reason, 1000)} (${code(r.kind)})`, '');
		lines.push('If that decision seems wrong, say why here, and a maintainer will look at it again.');
	}
	return `${lines.join('\n')}\n`;
}

/** The pull request's body: its first line credits the issue's author and closes the issue. */
export function pullRequestBody(o: IntakeOutcome, file: { text: string; abstract: string | null }): string {
	const lines = [`Suggested by ${mention(o.author)} in #${o.issue}. Closes #${o.issue}.`, ''];
	lines.push(`Adds ${code(o.file!)}: ${code(o.title!)}. Its page, once merged: ${link(o.page!, o.page!)}`, '');
	const shown: Record<string, string> = { form: 'the issue', title: 'the short name before the title\'s ":"', arXiv: 'arXiv', 'arXiv id': 'the arXiv id', suggested: 'the suggester', issue: 'the day the issue was opened' };
	const by = new Map<string, string[]>();
	for (const [key, source] of Object.entries(o.sources)) by.set(shown[source]!, [...(by.get(shown[source]!) ?? []), key]);
	lines.push('Where each field comes from:', ...[...by].map(([source, keys]) => `- ${source}: ${keys.map((k) => code(k)).join(', ')}`), '');
	if (o.arxiv) {
		const id = link(`arXiv ${o.arxiv.id}`, `https://arxiv.org/abs/${o.arxiv.id}`);
		if (o.arxiv.status === 'failed') lines.push(`⚠ arXiv did not answer for ${id} (${code(o.arxiv.reason ?? '')}): the fields come from the form, and the authors and first date are missing. \`npm run enrich -- --only ${o.id} --apply\` fills them in.`, '');
		else lines.push(`The title, authors and first date were looked up on ${id}.`, '');
	}
	if (o.categories?.source === 'suggested') {
		lines.push('**The category was suggested**: the form said "Not sure", so the paper is filed under the first of the three likeliest categories, learnt from the papers filed already (`npm run suggest`). Check it against the paper, and change `categories` in the file if another fits better:', '');
		o.categories.suggestions.forEach((s, i) => lines.push(`${i + 1}. ${categoryLine(s.category, s.path)}: score ${s.score.toFixed(3)}`));
		lines.push('');
	}
	if (o.candidate) lines.push(`It was queued as the candidate ${code(o.candidate.file)}, which this pull request removes.`, '');
	if (o.replaced.length) lines.push(`It replaces ${o.replaced.map((f) => code(f)).join(', ')}, written from an earlier version of this issue.`, '');
	for (const note of o.notes) lines.push(`- ${code(note, 500)}`);
	if (o.notes.length) lines.push('');
	lines.push('The file, checked with the whole catalogue as `npm run validate` checks it:', '', fenced(file.text, 'yaml'), '');
	if (file.abstract) lines.push('<details><summary>The abstract on arXiv (not written to the file)</summary>', '', fenced(file.abstract, 'text', 5000), '', '</details>', '');
	lines.push(`Opened by the intake workflow from issue #${o.issue}; editing the issue updates this pull request.`);
	const body = `${lines.join('\n')}\n`;
	// GitHub takes at most 65,536 characters; the file and the abstract are the long parts and are cut above.
	return body.length > 60_000 ? `${body.slice(0, 60_000)}\n… (cut)\n` : body;
}

/** The step outputs for `$GITHUB_OUTPUT`: one `name=value` line each, values on one line. */
export function stepOutputs(o: IntakeOutcome): string {
	const values: Record<string, string> = {
		outcome: o.outcome,
		issue: String(o.issue),
		branch: o.branch,
		id: o.id ?? '',
		file: o.file ?? '',
		page: o.page ?? '',
		title: o.pullRequestTitle ?? '',
		'commit-message': o.outcome === 'ready' ? `Add ${o.id} from issue #${o.issue}` : '',
	};
	return Object.entries(values).map(([k, v]) => `${k}=${clip(v, 1000)}\n`).join('');
}
