/**
 * BibTeX split into classed runs of text, synchronously and without a highlighter library.
 *
 * A small TextMate-style scanner that follows, rule for rule, the BibTeX grammar Shiki ships
 * (@shikijs/langs bibtex: @comment, @preamble, @string, entries in braces or parentheses, fields,
 * braced and quoted values, numbers, string variables, `#`, and "anything else is a comment up to
 * the next @"), with the colours github-light gives its scopes turned into our classes. Like
 * TextMate it reads one line at a time (each line seen with a trailing "\n"), and at each position
 * takes the leftmost match among the current rule's end and patterns, the first listed winning a
 * tie: one alternation per rule does exactly that. Its regular expressions are the grammar's,
 * with Oniguruma's Unicode `\s`, `\d` and case folding spelt out, so highlighting stays what Shiki
 * gave (tests/unit/bibtex-highlighting-gives-shikis-html-without-shiki.test.ts compares them).
 */

/** The class of a run of BibTeX ('' is plain text). */
export type TokenClass = '' | 'tk-type' | 'tk-key' | 'tk-field' | 'tk-str' | 'tk-comment';

/** A run of text with one class. */
export interface BibtexToken {
	text: string;
	cls: TokenClass;
}

/** Oniguruma's `\s` (Unicode White_Space), which differs from JavaScript's in U+0085 and U+FEFF. */
const WS = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** The grammar's identifier (entry types, field names, string variables). */
const IDENT = '[\\-!$&*+./:;<>-z|~][!$&*+\\--<>-z|~]*';
/** `(?i:…)` as Oniguruma folds case: ſ is an s, and the ligatures ﬅ and ﬆ are "st". */
const COMMENT = '@[cC][oO][mM][mM][eE][nN][tT]';
const PREAMBLE = '@[pP][rR][eE][aA][mM][bB][lL][eE]';
const STRING = '@(?:[sSſ][tT]|[ﬅﬆ])[rR][iI][nN][gG]';

type StateName = 'root' | 'comment' | 'entryBrace' | 'entryParen' | 'keyBrace' | 'keyParen' | 'valueBrace' | 'valueParen' | 'braced' | 'quoted' | 'nested';

/** One way out of a state: regex pieces (each captured, with the class of its text) and the move on the stack. */
interface Alternative {
	pieces: ReadonlyArray<readonly [source: string, cls: TokenClass]>;
	/** Push a state, pop the current one, or stay (a match rule). */
	then: StateName | 'pop' | null;
}

interface State {
	/** Class of the text no alternative matches. */
	cls: TokenClass;
	alternatives: Alternative[];
}

const end = (source: string, cls: TokenClass = ''): Alternative => ({ pieces: [[source, cls]], then: 'pop' });
const nestedBrace: Alternative = { pieces: [['\\{', '']], then: 'nested' };
const fieldValue: Alternative[] = [
	{ pieces: [['\\{', 'tk-str']], then: 'braced' },
	{ pieces: [['"', 'tk-str']], then: 'quoted' },
	{ pieces: [[`[${WS}]*`, ''], ['\\p{Nd}+', 'tk-field'], [`[${WS}]*`, '']], then: null },
	{ pieces: [[IDENT, 'tk-field']], then: null },
	{ pieces: [['#', 'tk-type']], then: null },
];
const keyAssignment = (then: StateName): Alternative => ({ pieces: [[IDENT, 'tk-field'], [`[${WS}]*`, ''], ['=', '']], then });
const block = (keyword: string, open: string, then: StateName, name?: string): Alternative => ({
	pieces: [[keyword, 'tk-type'], [`[${WS}]*`, ''], [open, ''], [`[${WS}]*`, ''], ...(name ? [[name, ''] as const] : [])],
	then,
});
const entry = (open: string, key: string, then: StateName): Alternative => ({
	pieces: [[`@${IDENT}`, 'tk-type'], [`[${WS}]*`, ''], [open, ''], [`[${WS}]*`, ''], [key, 'tk-key']],
	then,
});

const STATES: Record<StateName, State> = {
	root: {
		cls: '',
		alternatives: [
			{ pieces: [[`${COMMENT}(?=[({${WS}])`, 'tk-comment']], then: null },
			block(PREAMBLE, '\\{', 'valueBrace'),
			block(PREAMBLE, '\\(', 'valueParen'),
			block(STRING, '\\{', 'valueBrace', IDENT),
			block(STRING, '\\(', 'valueParen', IDENT),
			entry('\\{', `[^,}${WS}]*`, 'entryBrace'),
			entry('\\(', `[^,${WS}]*`, 'entryParen'),
			{ pieces: [['[^\\n@]', 'tk-comment']], then: 'comment' },
		],
	},
	comment: { cls: 'tk-comment', alternatives: [end('(?=@)')] },
	entryBrace: { cls: '', alternatives: [end('\\}'), keyAssignment('keyBrace')] },
	entryParen: { cls: '', alternatives: [end('\\)'), keyAssignment('keyParen')] },
	keyBrace: { cls: '', alternatives: [end('(?=[,}])'), ...fieldValue] },
	keyParen: { cls: '', alternatives: [end('(?=[),])'), ...fieldValue] },
	valueBrace: { cls: '', alternatives: [end('\\}'), ...fieldValue] },
	valueParen: { cls: '', alternatives: [end('\\)'), ...fieldValue] },
	braced: { cls: '', alternatives: [end('\\}', 'tk-str'), nestedBrace] },
	quoted: { cls: '', alternatives: [end('"', 'tk-str'), nestedBrace] },
	nested: { cls: '', alternatives: [end('\\}'), nestedBrace] },
};

/** A state compiled: its alternatives as one regex, `first[i]` the group of alternative i's first piece. */
interface Scanner {
	cls: TokenClass;
	regex: RegExp;
	first: number[];
	classes: TokenClass[][];
	/** Per alternative: the scanner to push, 'pop', or null. */
	then: Array<Scanner | 'pop' | null>;
}

const SCANNERS = {} as Record<StateName, Scanner>;
for (const [name, state] of Object.entries(STATES) as Array<[StateName, State]>) {
	const first: number[] = [];
	let group = 1;
	const sources = state.alternatives.map((alt) => {
		first.push(group);
		group += alt.pieces.length;
		return alt.pieces.map(([source]) => `(${source})`).join('');
	});
	const classes = state.alternatives.map((alt) => alt.pieces.map(([, cls]) => cls));
	SCANNERS[name] = { cls: state.cls, regex: new RegExp(sources.join('|'), 'gu'), first, classes, then: [] };
}
for (const [name, state] of Object.entries(STATES) as Array<[StateName, State]>) {
	SCANNERS[name].then = state.alternatives.map(({ then }) => (then === 'pop' || then === null ? then : SCANNERS[then]));
}

/** Runs of one line being tokenized: where each ends and its class. */
interface Runs {
	ends: number[];
	classes: TokenClass[];
}

/** Add `[…, to)` (cut at `limit`, the line's end) with class `cls`, extending the last run when it has that class. */
function extend(runs: Runs, to: number, limit: number, cls: TokenClass): void {
	const end = to < limit ? to : limit;
	const n = runs.ends.length;
	if (end <= (n === 0 ? 0 : runs.ends[n - 1]!)) return;
	if (n > 0 && runs.classes[n - 1] === cls) runs.ends[n - 1] = end;
	else {
		runs.ends.push(end);
		runs.classes.push(cls);
	}
}

/** Tokenize one line from the rule `stack` (changed in place: it carries over to the next line). */
function tokenizeLine(line: string, stack: Scanner[]): BibtexToken[] {
	const runs: Runs = { ends: [], classes: [] };
	const limit = line.length;
	// The grammar sees each line with its "\n" (some patterns look at it); runs stop before it.
	const text = `${line}\n`;
	let pos = 0;
	while (pos < limit) {
		const scanner = stack[stack.length - 1]!;
		const { regex, first } = scanner;
		regex.lastIndex = pos;
		const match = regex.exec(text);
		if (match === null) break;
		extend(runs, match.index, limit, scanner.cls);
		let index = 0;
		while (match[first[index]!] === undefined) index++;
		const classes = scanner.classes[index]!;
		pos = match.index;
		for (let i = 0, group = first[index]!; i < classes.length; i++, group++) {
			pos += match[group]!.length;
			extend(runs, pos, limit, classes[i]!);
		}
		const then = scanner.then[index]!;
		if (then === 'pop') stack.pop();
		else if (then !== null) stack.push(then);
	}
	extend(runs, limit, limit, stack[stack.length - 1]!.cls);
	let from = 0;
	return runs.ends.map((end, i) => ({ text: line.slice(from, (from = end)), cls: runs.classes[i]! }));
}

/**
 * `code` as lines of classed runs, lines split at "\n" or "\r\n" (the "\r" of a "\r\n" dropped, as
 * Shiki does); the runs of a line put together give the line back. Adjacent runs differ in class.
 */
export function bibtexTokens(code: string): BibtexToken[][] {
	const stack: Scanner[] = [SCANNERS.root];
	return code.split(/\r?\n/).map((line) => tokenizeLine(line, stack));
}
