/**
 * What a paper merged from its rows still lacks, filled where the list gives it another way and
 * reported where it does not: a year (from the arXiv id of its link), a venue ("Unspecified") and
 * a paper link. Each message names the row's line and what to write there.
 */
import { note, problem, type ImportMessage } from './report.ts';
import { arxivId } from '../catalogue/links.ts';
import { UNSPECIFIED_VENUE } from '../catalogue/venues.ts';
import type { MergedPaper } from './merge.ts';

/**
 * The year an arXiv id was submitted in: new-style ids start with YYMM (`2401.00001` → 2024),
 * old-style ids carry YYMM after the archive (`cs/0112017` → 2001). `undefined` for anything else.
 */
export function yearFromArxiv(url: string | undefined): number | undefined {
	const id = arxivId(url);
	const yy = id && (/^(\d{2})\d{2}\.\d{4,5}$/.exec(id)?.[1] ?? /\/(\d{2})\d{5}$/.exec(id)?.[1]);
	if (!yy) return undefined;
	// arXiv started in 1991; ids from 91 to 99 are the 1990s.
	return Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
}

/**
 * Fill `paper`'s year from its arXiv id when no row gives one, and report each gap at `line`.
 * Returns the problem when the year cannot be known: such a paper is not imported (a row with a
 * name alone, such as `||ZIPVL|Mixed-precision Quantization||||`, has neither).
 */
export function fillGaps(paper: MergedPaper, line: number, messages: ImportMessage[]): ImportMessage | undefined {
	const quoted = `"${paper.title}"`;
	if (paper.year === undefined) {
		const year = yearFromArxiv(paper.paper);
		if (year !== undefined) {
			paper.year = year;
			messages.push(note(line, `no year for ${quoted}; took ${year} from its arXiv id ${arxivId(paper.paper)} — write the year in the Year column`));
		} else {
			const missing = problem(line, `no year for ${quoted}, and no arXiv link to take it from; not imported — write the year of publication in the Year column (and the paper's link in the Paper column)`);
			messages.push(missing);
			return missing;
		}
	} else {
		for (const r of paper.rows) {
			if (r.year === undefined) messages.push(note(r.line, `no year in this row of ${quoted}; the paper's year ${paper.year} comes from its other rows`));
		}
	}
	if (!paper.venue) {
		messages.push(problem(line, `no venue for ${quoted}; recorded as "${UNSPECIFIED_VENUE.name}" (written back as an empty cell) — write the venue in the Venue column (arXiv for a preprint)`));
	}
	if (!paper.paper) messages.push(note(line, `no paper link for ${quoted} — add [Link](https://…) in the Paper column`));
	return undefined;
}
