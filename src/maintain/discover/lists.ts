/**
 * Paper lists as a source of `npm run discover`: each entry of a list (src/awesome-list/paper-lists.ts
 * reads the three formats) becomes a proposal that remembers the list and the line it came from.
 */
import path from 'node:path';
import { readPaperList, type ListEntry } from '../../awesome-list/paper-lists.ts';
import type { ImportMessage } from '../../awesome-list/report.ts';
import type { Proposal } from './plan.ts';

/** A list read as proposals, with the lines it could not read. */
export interface ListProposals {
	/** The name sightings give the list: its repository (owner/name) when its badges say it, else its file name. */
	source: string;
	proposals: Proposal[];
	problems: ImportMessage[];
	notes: ImportMessage[];
}

/** The proposals of the list `text`, read from `file` (named in messages as `shown`), found on `today`. */
export function listProposals(text: string, file: string, shown: string, today: string): ListProposals {
	const list = readPaperList(text);
	const source = list.repository ?? path.basename(file);
	const proposals = list.entries.map((e) => proposalOf(e, source, path.basename(file), shown, today));
	return { source, proposals, problems: list.messages.filter((m) => m.kind === 'problem'), notes: list.messages.filter((m) => m.kind !== 'problem') };
}

function proposalOf(e: ListEntry, source: string, base: string, shown: string, today: string): Proposal {
	return {
		title: e.title,
		aliases: e.aliases.length ? e.aliases : undefined,
		year: e.year,
		venue: e.venue,
		paper: e.paper,
		code: e.code,
		authors: e.authors?.length ? e.authors : undefined,
		found: { source, at: today, where: `${base}:${e.line}`, ...(e.section ? { why: `listed under "${e.section}"` } : {}) },
		where: `${shown}:${e.line}`,
	};
}
