/**
 * `npm run reject -- ID --reason "…" [--kind KIND]`: move a candidate of the queue to
 * data/rejections.yaml with its title, link and the reason in a sentence, so that no source
 * proposes it again. The entry is appended to the file as written (comments and order kept), the
 * candidate file goes, and both changes are checked with the whole catalogue first, then made
 * together, or not at all.
 *
 * Exit codes: 0 rejected; 1 the catalogue is invalid before, or would be after (nothing written);
 * 2 a bad flag or an unknown candidate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../../catalogue/diagnostics.ts';
import { arxivId } from '../../catalogue/links.ts';
import { displayPath, loadCatalogue } from '../../catalogue/load.ts';
import { REJECTION_KIND_LABELS, REJECTION_KINDS, RejectionSchema, type Candidate, type Rejection, type RejectionKind } from '../../catalogue/queue.ts';
import { rejectionEntryYaml, schemaLine, schemaPathFrom } from '../../catalogue/yaml-write.ts';
import { commandOutput, invalidAlready, readFlags, type CommandResult, writeAllOrNothing } from '../common/command.ts';
import { findCandidate } from './accept.ts';

export const REJECT_USAGE = `Usage: npm run reject -- ID --reason "why, in a sentence" [--kind KIND] [--data DIR]

  ID               a candidate of data/candidates/ (its file name without .yaml)
  --reason TEXT    why the catalogue does not take it, in a sentence of your own
  --kind KIND      ${REJECTION_KINDS.map((k) => `${k} (${REJECTION_KIND_LABELS[k]})`).join(',\n                   ')}; default other
  --data DIR       the catalogue (default: CATALOGUE_DIR or data/)`;

const OPTIONS = {
	reason: { type: 'string' },
	kind: { type: 'string' },
	data: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** Run `npm run reject` on the catalogue in `defaultDir` (unless --data); `today` is the day of the decision. */
export function runReject(argv: readonly string[], defaultDir: string, today: string): CommandResult {
	const { out, err, usage, refuse } = commandOutput('reject', REJECT_USAGE);
	const flags = readFlags(argv, OPTIONS, true);
	if ('problem' in flags) return usage(flags.problem);
	const { values, positionals } = flags;
	if (values.help) return { code: 0, out: [REJECT_USAGE], err };
	if (positionals.length !== 1) return usage(positionals.length ? `one candidate at a time (got ${positionals.join(', ')})` : 'name the candidate: npm run reject -- ID --reason "…"');
	if (!values.reason?.trim()) return usage('say why: --reason "A survey of KV-cache methods, not a method of its own."');
	const kind = (values.kind ?? 'other') as RejectionKind;
	if (!REJECTION_KINDS.includes(kind)) {
		const guess = didYouMean(values.kind!, REJECTION_KINDS);
		return usage(`--kind "${values.kind}" is not a kind${guess ? ` — did you mean --kind ${guess}?` : ''} The kinds are: ${REJECTION_KINDS.join(', ')}.`);
	}
	const dir = values.data ? path.resolve(values.data) : defaultDir;

	const loaded = loadCatalogue(dir);
	if (!loaded.catalogue) return refuse(loaded.diagnostics, invalidAlready(dir));
	const found = findCandidate(loaded.catalogue, positionals[0]!);
	if ('usage' in found) return usage(found.usage);
	const candidate = found.candidate;

	const entry = rejectionOf(candidate, kind, values.reason.trim(), today);
	if ('usage' in entry) return usage(entry.usage);

	const file = path.join(dir, 'rejections.yaml');
	const before = readOrNull(file) ?? `${schemaLine(schemaPathFrom(dir, 'rejections.schema.json'))}\n`;
	const text = `${before.replace(/\n*$/, '\n')}${rejectionEntryYaml(entry.rejection)}`;
	const candidateName = `candidates/${candidate.id}.yaml`;
	const after = loadCatalogue(dir, { overlay: new Map([['rejections.yaml', text]]), removed: new Set([candidateName]) });
	if (!after.catalogue) return refuse(after.diagnostics, '✗ the rejection would not validate, so nothing was written.');
	if (!writeAllOrNothing([{ file, text }, { file: path.join(dir, candidateName), text: null }], dir, err)) return { code: 1, out, err };
	out.push(`✓ rejected ${candidate.id} (${kind}): added to ${displayPath(file)}, removed ${displayPath(path.join(dir, candidateName))}; no source will propose it again`);
	return { code: 0, out, err };
}

/** The rejection a candidate becomes: its title, its link (the arXiv page when that is all it has) and the reason. */
function rejectionOf(c: Candidate, kind: RejectionKind, reason: string, today: string): { rejection: Rejection } | { usage: string } {
	const paper = c.paper ?? (c.arxiv ? `https://arxiv.org/abs/${c.arxiv}` : undefined);
	if (!paper) return { usage: `"${c.id}" has no link, and a rejection records the paper's link: add "paper:" to data/candidates/${c.id}.yaml first` };
	const draft = {
		title: c.title,
		paper,
		arxiv: c.arxiv && !arxivId(paper) ? c.arxiv : undefined,
		doi: c.doi,
		aliases: c.aliases?.length ? c.aliases : undefined,
		kind,
		reason,
		decided: today,
		found: c.found,
	};
	const result = RejectionSchema.safeParse(draft);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return { usage: `${issue.path[0] === 'reason' ? '--reason' : String(issue.path[0])} ${issue.message}` };
	}
	return { rejection: result.data };
}

function readOrNull(file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}
