/**
 * `npm run accept -- ID [--category SLUG …] [--venue NAME] [--year YYYY] [--title TEXT] [--id ID] [--summary TEXT]`:
 * turn a candidate of the queue into a paper file of the catalogue. The paper keeps the
 * candidate's facts (title, short names, links, authors, first date, venue and year, and its
 * abstract when arXiv gave it: `abstractSource: arXiv`); a flag overrides one. It is written the
 * way `npm run new` writes a paper (same venue, category and id rules, same writer), the candidate
 * file goes, and both changes are checked with the whole catalogue first, then made together, or
 * not at all.
 *
 * Exit codes: 0 accepted; 1 the catalogue is invalid before, or would be after (nothing written);
 * 2 a bad flag, an unknown candidate, or a fact the candidate lacks and no flag gives.
 */
import path from 'node:path';
import { didYouMean } from '../../catalogue/diagnostics.ts';
import { arxivId } from '../../catalogue/links.ts';
import { displayPath, loadCatalogue, type Catalogue } from '../../catalogue/load.ts';
import type { Candidate } from '../../catalogue/queue.ts';
import { PaperSchema, type PaperData } from '../../catalogue/schema.ts';
import { paperToYaml } from '../../catalogue/yaml-write.ts';
import { yearFromArxiv } from '../../awesome-list/gaps.ts';
import { commandOutput, invalidAlready, readFlags, type CommandResult, writeAllOrNothing } from '../common/command.ts';
import { aliasesFor, idsInUse, leafCategoryProblem, paperIdFor, paperSchemaPath, resolveVenueFlag } from '../common/paper-draft.ts';

export const ACCEPT_USAGE = `Usage: npm run accept -- ID [--category SLUG …] [options]

  ID                 a candidate of data/candidates/ (its file name without .yaml)
  --category SLUG    a leaf slug of taxonomy.yaml; repeat for several (default: the candidate's first suggestion)
  --venue NAME       the venue, when the candidate's is wrong or unknown ("arXiv" for a preprint)
  --year YYYY        the year of that venue
  --title TEXT       the title, when the paper's own differs from the list's
  --id ID            the paper's id (default: the candidate's)
  --summary TEXT     a sentence on what the paper does to the KV cache
  --data DIR         the catalogue (default: CATALOGUE_DIR or data/)`;

const OPTIONS = {
	category: { type: 'string', multiple: true },
	venue: { type: 'string' },
	year: { type: 'string' },
	title: { type: 'string' },
	id: { type: 'string' },
	summary: { type: 'string' },
	data: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const;

type AcceptFlags = { category?: string[]; venue?: string; year?: string; title?: string; id?: string; summary?: string; data?: string; help?: boolean };

/** Run `npm run accept` on the catalogue in `defaultDir` (unless --data); `today` is the paper's `added:` date. */
export function runAccept(argv: readonly string[], defaultDir: string, today: string): CommandResult {
	const { out, err, usage, refuse } = commandOutput('accept', ACCEPT_USAGE);
	const flags = readFlags(argv, OPTIONS, true);
	if ('problem' in flags) return usage(flags.problem);
	const { values, positionals } = flags;
	if (values.help) return { code: 0, out: [ACCEPT_USAGE], err };
	if (positionals.length !== 1) return usage(positionals.length ? `one candidate at a time (got ${positionals.join(', ')})` : 'name the candidate: npm run accept -- ID');
	const dir = values.data ? path.resolve(values.data) : defaultDir;

	const loaded = loadCatalogue(dir);
	if (!loaded.catalogue) return refuse(loaded.diagnostics, invalidAlready(dir));
	const catalogue = loaded.catalogue;
	const found = findCandidate(catalogue, positionals[0]!);
	if ('usage' in found) return usage(found.usage);
	const candidate = found.candidate;

	const built = paperFromCandidate(candidate, values, catalogue, today);
	if ('usage' in built) return usage(built.usage);
	if (built.note) out.push(built.note);

	const taken = idsInUse(catalogue);
	taken.delete(candidate.id);
	if (values.id && taken.has(values.id)) return usage(`--id "${values.id}" is taken (a paper, a candidate or a former id whose URL still redirects); choose another`);
	const id = values.id ?? (taken.has(candidate.id) ? paperIdFor(built.data, taken) : candidate.id);
	if (values.id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.id)) return usage(`--id "${values.id}" must be lower-case words joined by hyphens, such as --id magicpig`);

	const papersDir = path.join(dir, 'papers');
	const paperName = `papers/${id}.yaml`;
	const candidateName = `candidates/${candidate.id}.yaml`;
	const text = paperToYaml(built.data, paperSchemaPath(papersDir));
	const after = loadCatalogue(dir, { overlay: new Map([[paperName, text]]), removed: new Set([candidateName]) });
	if (!after.catalogue) return refuse(after.diagnostics, `✗ the paper would not validate, so nothing was written; fix the flags or the candidate file ${displayPath(path.join(dir, candidateName))} and accept again.`);
	if (!writeAllOrNothing([{ file: path.join(dir, paperName), text }, { file: path.join(dir, candidateName), text: null }], dir, err)) return { code: 1, out, err };
	out.push(`✓ accepted ${candidate.id}: wrote ${displayPath(path.join(dir, paperName))} in ${built.data.categories.join(', ')} (${built.data.venue} ${built.data.year}), removed ${displayPath(path.join(dir, candidateName))}`);
	return { code: 0, out, err };
}

/** The candidate named on the command line, or a usage message with the closest id. */
export function findCandidate(catalogue: Pick<Catalogue, 'candidates'>, id: string): { candidate: Candidate } | { usage: string } {
	const candidate = catalogue.candidates.find((c) => c.id === id);
	if (candidate) return { candidate };
	const guess = didYouMean(id, catalogue.candidates.map((c) => c.id));
	return { usage: `no candidate "${id}" in data/candidates/${guess ? ` — did you mean ${guess}?` : catalogue.candidates.length ? '' : ' (the queue is empty: npm run discover fills it)'}` };
}

/** The paper a candidate becomes: its facts, each overridden by its flag, checked as a paper. */
function paperFromCandidate(c: Candidate, flags: AcceptFlags, catalogue: Catalogue, today: string): { data: PaperData; note?: string } | { usage: string } {
	const categories = flags.category?.length ? [...new Set(flags.category)] : c.suggestions?.[0] ? [c.suggestions[0].category] : [];
	if (!categories.length) return { usage: `"${c.id}" has no suggested category; name it: --category <leaf slug>` };
	const wrong = leafCategoryProblem(categories, catalogue.taxonomy);
	if (wrong) return { usage: wrong };

	const venueName = flags.venue ?? c.venue ?? (c.arxiv ? 'arXiv' : undefined);
	if (!venueName) return { usage: `"${c.id}" names no venue; give it: --venue NAME ("arXiv" for a preprint)` };
	const resolved = resolveVenueFlag(venueName, catalogue.venues, flags.venue ? '--venue' : 'the candidate\'s venue');
	if ('usage' in resolved) return { usage: `${resolved.usage}${flags.venue ? '' : ' Give the venue with --venue NAME.'}` };

	if (flags.year !== undefined && !/^\d{4}$/.test(flags.year.trim())) return { usage: `--year "${flags.year}" is not a year; write it with four digits, such as --year 2025` };
	const year = flags.year ? Number(flags.year) : (c.year ?? (c.date ? Number(c.date.slice(0, 4)) : undefined) ?? yearFromArxiv(c.paper) ?? (c.arxiv ? yearFromArxiv(`https://arxiv.org/abs/${c.arxiv}`) : undefined));
	if (year === undefined) return { usage: `"${c.id}" has no year; give it: --year YYYY` };

	const title = flags.title ?? c.title;
	const aliases = aliasesFor(title, c.aliases ?? []);
	const draft: Record<string, unknown> = {
		title,
		aliases: aliases.length ? aliases : undefined,
		year,
		venue: resolved.venue.name,
		categories,
		paper: c.paper,
		// The paper's arXiv id is written only when its link is not the arXiv page itself.
		arxiv: c.arxiv && !arxivId(c.paper) ? c.arxiv : undefined,
		published: c.published,
		doi: c.doi,
		code: c.code,
		authors: c.authors,
		date: c.date,
		summary: flags.summary,
		// Only arXiv's abstract is CC0 and may be published; one that only Semantic Scholar gave stays behind.
		abstract: c.abstractSource === 'arXiv' ? c.abstract : undefined,
		added: today,
	};
	const result = PaperSchema.safeParse(draft);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const field = String(issue.path[0] ?? '');
		return { usage: `the paper's ${field} ${JSON.stringify(draft[field])} ${issue.message}; fix it with its flag, or in data/candidates/${c.id}.yaml` };
	}
	return { data: result.data, ...(resolved.note ? { note: resolved.note } : {}) };
}
