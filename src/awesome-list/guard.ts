/**
 * What the importer refuses before parsing, because the markdown parser would take minutes or
 * overflow its stack on it: a file far larger than any awesome list, and lines nested hundreds of
 * levels deep (blockquote `>` markers, list markers, indentation), which make parsing superlinear
 * (400 nested list levels: 20 s; 20,000 `>`: a stack overflow). Both are one fast pass over the text.
 */
import { problem, type ImportMessage } from './report.ts';

/** The largest file the importer reads: a list of 10,000 papers is about 4.6 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The deepest nesting the importer reads; awesome lists use two or three levels. */
export const MAX_NESTING = 64;

/**
 * How deeply a line is nested: one per blockquote or list marker at its start, plus one per four
 * columns of indentation among them.
 */
export function nestingDepth(line: string): number {
	let markers = 0;
	let columns = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		const next = line[i + 1];
		const spaced = next === undefined || next === ' ' || next === '\t';
		if (c === ' ') columns++;
		else if (c === '\t') columns += 4 - (columns % 4);
		else if (c === '>') markers++;
		else if ((c === '-' || c === '*' || c === '+') && spaced) markers++;
		else if (c >= '0' && c <= '9') {
			const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
			if (!m) break;
			markers++;
			i += m[0].length - 1;
		} else break;
	}
	return markers + Math.floor(columns / 4);
}

/** The reason not to import `text`, or undefined when it is fine to parse. */
export function importGuard(text: string): ImportMessage | undefined {
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > MAX_IMPORT_BYTES) {
		const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
		return problem(1, `the file is ${mb(bytes)}; the importer reads awesome-list READMEs up to ${mb(MAX_IMPORT_BYTES)} (a list of 10,000 papers is about 4.6 MB) — is this the right file?`);
	}
	let line = 1;
	for (let start = 0; start <= text.length; line++) {
		const end = text.indexOf('\n', start);
		const depth = nestingDepth(text.slice(start, end < 0 ? text.length : end));
		if (depth > MAX_NESTING) {
			return problem(line, `this line is nested ${depth} levels deep (">" quotes, list markers or indentation); the importer reads at most ${MAX_NESTING} — is this the right file?`);
		}
		if (end < 0) break;
		start = end + 1;
	}
	return undefined;
}
