/**
 * What the importer tells the person running it: problems in the list (a malformed row, a broken
 * link, an unknown venue) and notes on what it did (merged rows, normalised venues), each tied to
 * a line of the markdown file so it can be found and fixed there.
 */

/** One message about one line of the imported file. */
export interface ImportMessage {
	/** 1-based line in the markdown file. */
	line: number;
	/** What is wrong or what was done, written for the person who maintains the list. */
	message: string;
	/** `problem`: the list is malformed here (stderr); `note`: what the import did (stdout). */
	kind: 'problem' | 'note';
}

/** The `FILE:LINE: message` form printed by `npm run import`. */
export function formatImportMessage(file: string, m: ImportMessage): string {
	return `${file}:${m.line}: ${m.message}`;
}

/** Shorthand for a problem at a line. */
export function problem(line: number, message: string): ImportMessage {
	return { line, message, kind: 'problem' };
}

/** Shorthand for a note at a line. */
export function note(line: number, message: string): ImportMessage {
	return { line, message, kind: 'note' };
}

/** Messages in file order (problems before notes on the same line), for stable output. */
export function sortMessages(list: readonly ImportMessage[]): ImportMessage[] {
	return list
		.map((m, i) => ({ m, i }))
		.sort((a, b) => a.m.line - b.m.line || (a.m.kind === b.m.kind ? 0 : a.m.kind === 'problem' ? -1 : 1) || a.i - b.i)
		.map((x) => x.m);
}
