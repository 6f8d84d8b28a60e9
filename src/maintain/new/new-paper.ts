/**
 * `npm run new`: turn command-line flags into a new paper file. Flags are checked against the
 * schema and the catalogue before anything is written (a bad flag names itself and its fix), a
 * paper already in the catalogue is refused with the file that holds it, and the written file is
 * validated together with the catalogue; when that fails the file is removed again.
 */
import { existsSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../catalogue/diagnostics.ts';
import { paperKeysOf } from '../../catalogue/identity.ts';
import { normalizeTitle } from '../../catalogue/links.ts';
import { displayPath, loadCatalogue, type Catalogue } from '../../catalogue/load.ts';
import { PaperSchema, type Paper, type PaperData } from '../../catalogue/schema.ts';
import { paperToYaml } from '../../catalogue/yaml-write.ts';
import { commandOutput, readFlags, type CommandResult } from '../common/command.ts';
import { aliasesFor, idsInUse, leafCategoryProblem, paperIdFor, paperSchemaPath, resolveVenueFlag } from '../common/paper-draft.ts';

/** The flags as given on the command line. */
export interface NewPaperFlags {
	title: string;
	year: string;
	venue: string;
	category: string[];
	paper?: string | undefined;
	code?: string | undefined;
	alias: string[];
	authors?: string | undefined;
	summary?: string | undefined;
	unofficial: boolean;
}

/** How to call the command; printed with every usage error. */
export const NEW_USAGE = `Usage: npm run new -- --title "Full title" --year 2024 --venue NeurIPS --category <leaf slug> [options]

Required:
  --title TEXT        the full title as published (quote it)
  --year YYYY         year of publication
  --venue NAME        a venue of venues.yaml ("arXiv" for preprints); aliases such as NIPS are accepted
  --category SLUG     a leaf slug of taxonomy.yaml; repeat for several categories
Optional:
  --paper URL         link to the paper (arXiv abstract, proceedings page)
  --code URL          link to the code, such as https://github.com/owner/name
  --unofficial        the code is not by the authors
  --alias NAME        a short name readers search for; repeat for several; the first names the file
                      (the "Name" of a "Name: rest of title" title is added by itself)
  --authors "A, B"    authors in publication order, separated by commas
  --summary TEXT      a sentence on the key technique`;

const OPTIONS = {
	title: { type: 'string' },
	year: { type: 'string' },
	venue: { type: 'string' },
	category: { type: 'string', multiple: true },
	paper: { type: 'string' },
	code: { type: 'string' },
	alias: { type: 'string', multiple: true },
	authors: { type: 'string' },
	summary: { type: 'string' },
	unofficial: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** The flag that sets each field, for messages. */
const FLAG_OF: Record<string, string> = {
	title: '--title',
	aliases: '--alias',
	year: '--year',
	venue: '--venue',
	categories: '--category',
	paper: '--paper',
	code: '--code',
	codeOfficial: '--unofficial',
	authors: '--authors',
	summary: '--summary',
};

/** Parse the flags; a usage error says which flag is wrong and how to write it. */
export function parseNewPaperArgs(argv: readonly string[]): { flags: NewPaperFlags } | { help: true } | { usage: string } {
	const read = readFlags(argv, OPTIONS);
	if ('problem' in read) return { usage: read.problem };
	const values: Record<string, string | string[] | boolean | undefined> = read.values;
	if (values.help) return { help: true };
	for (const name of ['title', 'year', 'venue'] as const) {
		if (values[name] === undefined) return { usage: `${'--' + name} is missing; add ${flagExample(name)}` };
	}
	if (!(values.category as string[] | undefined)?.length) return { usage: '--category is missing; add --category <leaf slug> (repeat it for several categories)' };
	const year = values.year as string;
	if (!/^\d{4}$/.test(year.trim())) return { usage: `--year "${year}" is not a year; write it with four digits, such as --year 2024` };
	if (values.unofficial && values.code === undefined) return { usage: '--unofficial says the code is not by the authors, but there is no --code; add --code URL or drop --unofficial' };
	return {
		flags: {
			title: values.title as string,
			year: year.trim(),
			venue: values.venue as string,
			category: values.category as string[],
			paper: values.paper as string | undefined,
			code: values.code as string | undefined,
			alias: (values.alias as string[] | undefined) ?? [],
			authors: values.authors as string | undefined,
			summary: values.summary as string | undefined,
			unofficial: Boolean(values.unofficial),
		},
	};
}

function flagExample(name: string): string {
	return { title: '--title "Full title as published"', year: '--year 2024', venue: '--venue NeurIPS ("arXiv" for preprints)' }[name] ?? `--${name} VALUE`;
}

/**
 * The paper of the catalogue that `data` would duplicate, and why: a paper key in common (by the
 * identity rules of catalogue/identity.ts, so a catalogue paper's `arxiv`, `doi` and `published`
 * count as well as its link), else the same title. Short names alone do not count: two papers may
 * share one.
 */
export function findExistingPaper(papers: readonly Paper[], data: Pick<PaperData, 'title' | 'paper'>): { paper: Paper; reason: string } | null {
	const keys = paperKeysOf(data);
	const title = normalizeTitle(data.title);
	for (const p of papers) {
		const key = [...paperKeysOf(p)].find((k) => keys.has(k));
		if (key) return { paper: p, reason: key.startsWith('arxiv:') ? `the same arXiv id ${key.slice(6)}` : key.startsWith('doi:') ? `the same DOI ${key.slice(4)}` : 'the same paper link' };
	}
	for (const p of papers) {
		if (title && normalizeTitle(p.title) === title) return { paper: p, reason: 'the same title' };
	}
	return null;
}

/** Run `npm run new` on the catalogue in `dir`; `today` is the `added:` date (YYYY-MM-DD). */
export function runNewPaper(argv: readonly string[], dir: string, today: string): CommandResult {
	const { out, err, refuse } = commandOutput('new', NEW_USAGE);
	// Its usage error also points to --help: `new` has more flags than the first usage line shows.
	const usage = (message: string): CommandResult => ({ code: 2, out, err: [...err, `npm run new: ${message}`, NEW_USAGE.split('\n')[0]!, 'Run "npm run new -- --help" for every flag.'] });

	const parsed = parseNewPaperArgs(argv);
	if ('help' in parsed) return { code: 0, out: [NEW_USAGE], err };
	if ('usage' in parsed) return usage(parsed.usage);
	const flags = parsed.flags;

	const loaded = loadCatalogue(dir);
	if (!loaded.catalogue) return refuse(loaded.diagnostics, `✗ ${displayPath(dir)} has errors already; fix them first ("npm run validate" lists them), then run "npm run new" again. Nothing was written.`);
	const catalogue = loaded.catalogue;

	const built = paperFromFlags(flags, catalogue, today);
	if ('usage' in built) return usage(built.usage);
	if (built.note) out.push(built.note);
	const data = built.data;

	const existing = findExistingPaper(catalogue.papers, data);
	if (existing) {
		const file = displayPath(path.join(dir, 'papers', `${existing.paper.id}.yaml`));
		err.push(`✗ already in the catalogue: ${file} ("${existing.paper.title}") has ${existing.reason}.`);
		err.push(`  A paper in several categories is one file: add the category to ${file} instead. Nothing was written.`);
		return { code: 1, out, err };
	}

	const papersDir = path.join(dir, 'papers');
	// Not a queued candidate's id (accepting it would need it) nor a merged paper's (its old URL redirects).
	const id = paperIdFor(data, [...idsInUse(catalogue), ...readdirSync(papersDir).map((n) => n.toLowerCase().replace(/\.ya?ml$/, ''))]);
	const abs = path.join(papersDir, `${id}.yaml`);
	// `wx`: never overwrite a file, even one that appeared since the folder was read.
	writeFileSync(abs, paperToYaml(data, paperSchemaPath(papersDir)), { flag: 'wx' });

	const after = loadCatalogue(dir);
	const file = displayPath(abs);
	const mine = after.diagnostics.filter((d) => d.file === file);
	const errors = after.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length) {
		if (existsSync(abs)) unlinkSync(abs);
		err.push(...errors.map((d) => withFlag(d, file)));
		err.push(`✗ the new paper does not validate, so ${file} was not kept; fix the flags named above and run "npm run new" again.`);
		return { code: 1, out, err };
	}
	err.push(...mine.map((d) => withFlag(d, file)));
	out.push(`✓ wrote ${file}`);
	out.push(`  Review it (add authors, a summary), then run "npm run validate" and open a pull request with this one file.`);
	return { code: 0, out, err };
}

function withFlag(d: Diagnostic, file: string): string {
	const flag = d.file === file ? FLAG_OF[d.field.split('.')[0]!] : undefined;
	return formatDiagnostic(d) + (flag ? ` (from ${flag})` : '');
}

/** Build the paper from the flags, resolving the venue and checking categories against the catalogue. */
function paperFromFlags(flags: NewPaperFlags, catalogue: Catalogue, today: string): { data: PaperData; note?: string } | { usage: string } {
	const resolved = resolveVenueFlag(flags.venue, catalogue.venues);
	if ('usage' in resolved) return resolved;
	const { venue, note } = resolved;
	const wrong = leafCategoryProblem(flags.category, catalogue.taxonomy);
	if (wrong) return { usage: wrong };

	const aliases = aliasesFor(flags.title, flags.alias);
	const draft: Record<string, unknown> = {
		title: flags.title,
		aliases: aliases.length ? aliases : undefined,
		year: Number(flags.year),
		venue: venue.name,
		categories: [...new Set(flags.category)],
		paper: flags.paper,
		code: flags.code,
		codeOfficial: flags.unofficial ? false : undefined,
		authors: splitAuthors(flags.authors),
		summary: flags.summary,
		added: today,
	};
	const result = PaperSchema.safeParse(draft);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const field = String(issue.path[0] ?? '');
		const shown = draft[field];
		return { usage: `${FLAG_OF[field] ?? field} ${JSON.stringify(Array.isArray(shown) ? shown.join(', ') : shown)}: ${issue.message}` };
	}
	return { data: result.data, ...(note ? { note } : {}) };
}

/** "A, B" → ["A", "B"]; nothing (not an empty list) when no author is named. */
function splitAuthors(text: string | undefined): string[] | undefined {
	const list = (text ?? '').split(',').map((a) => a.trim()).filter(Boolean);
	return list.length ? list : undefined;
}
