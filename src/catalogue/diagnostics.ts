/**
 * Problems found in the catalogue, written for the person who must fix them:
 * `data/papers/snapkv.yaml:4:8  venue  unknown venue "NIPS" — did you mean "NeurIPS"?`
 */

/** One problem in one data file. */
export interface Diagnostic {
	/** Path of the file as the contributor knows it, relative to the working directory. */
	file: string;
	/** 1-based line and column of the offending value (or key, or the file's start). */
	line: number;
	col: number;
	/** Dotted path of the field (`categories.1`), or `(file)` / `(yaml)` when it is the file itself. */
	field: string;
	/** What is wrong and how to fix it. */
	message: string;
	/** Errors stop validation and the build; warnings are reported only. */
	severity: 'error' | 'warning';
}

/** The one-line form used by `npm run validate` and the build: `path:line:col  field  message`. */
export function formatDiagnostic(d: Diagnostic): string {
	const tag = d.severity === 'warning' ? 'warning: ' : '';
	return `${d.file}:${d.line}:${d.col}  ${d.field}  ${tag}${d.message}`;
}

/** A GitHub Actions workflow command, so the problem shows on the changed line of a pull request. */
export function formatAnnotation(d: Diagnostic): string {
	const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return `::${d.severity} file=${prop(d.file)},line=${d.line},col=${d.col},title=${prop(d.field)}::${esc(d.message)}`;
}

/** Diagnostics in a stable order: by file, then line, then column. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}

/** Thrown by the site build when the catalogue has errors; its message is the validator's output. */
export class CatalogueError extends Error {
	readonly diagnostics: Diagnostic[];
	constructor(diagnostics: Diagnostic[]) {
		const errors = diagnostics.filter((d) => d.severity === 'error');
		super(
			`The catalogue has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and build again:\n` +
				errors.map(formatDiagnostic).join('\n'),
		);
		this.name = 'CatalogueError';
		this.diagnostics = diagnostics;
	}
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		prev = cur;
	}
	return prev[b.length]!;
}

/** The closest candidate to `input` (case-insensitive), or null when none is close enough to be a typo. */
export function didYouMean(input: string, candidates: Iterable<string>): string | null {
	const needle = input.toLowerCase();
	let best: string | null = null;
	let bestScore = Infinity;
	for (const c of candidates) {
		const hay = c.toLowerCase();
		let score = editDistance(needle, hay);
		if (hay.startsWith(needle) || needle.startsWith(hay)) score = Math.min(score, 1);
		if (score < bestScore) {
			best = c;
			bestScore = score;
		}
	}
	const limit = Math.max(2, Math.floor(needle.length / 3));
	return best !== null && bestScore <= limit ? best : null;
}
