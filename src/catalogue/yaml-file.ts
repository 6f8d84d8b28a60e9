/**
 * A YAML data file parsed with positions, so that every problem can name its line and column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean, type Diagnostic } from './diagnostics.ts';

/** A parsed data file: its value and a way back from a field path to a position. */
export interface YamlFile {
	/** Path as shown in messages. */
	file: string;
	/** The plain value (undefined when the YAML did not parse). */
	value: unknown;
	/** Position of the value at `path` (or of its key with `key: true`); the nearest parent when absent. */
	locate(path: readonly PropertyKey[], opts?: { key?: boolean }): { line: number; col: number };
	/** A diagnostic at `path`, with the field written as a dotted path. */
	diagnostic(path: readonly PropertyKey[], message: string, severity?: Diagnostic['severity'], opts?: { key?: boolean }): Diagnostic;
	/** YAML syntax errors (the file is unusable when there are any). */
	syntaxErrors: Diagnostic[];
}

/** Parse YAML text; never throws. */
export function parseYamlFile(file: string, text: string): YamlFile {
	const lineCounter = new LineCounter();
	const doc: Document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
	const pos = (offset: number) => {
		const p = lineCounter.linePos(offset);
		return { line: p.line, col: p.col };
	};
	const syntaxErrors: Diagnostic[] = doc.errors.map((e) => {
		const p = pos(e.pos[0]);
		return { file, ...p, field: '(yaml)', message: yamlMessage(e.message), severity: 'error' as const };
	});
	let value: unknown;
	if (syntaxErrors.length === 0) {
		try {
			value = doc.toJS({ maxAliasCount: 1000 });
		} catch (err) {
			syntaxErrors.push({ file, line: 1, col: 1, field: '(yaml)', message: (err as Error).message, severity: 'error' });
		}
	}

	const locate: YamlFile['locate'] = (path, opts = {}) => {
		let node: unknown = doc.contents;
		let at: { line: number; col: number } = firstContentLine(text);
		const start = (n: unknown) => {
			const r = (n as Node | null)?.range;
			if (r) at = pos(r[0]);
		};
		start(node);
		for (let i = 0; i < path.length; i++) {
			const seg = path[i];
			const last = i === path.length - 1;
			if (isMap(node)) {
				const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
				if (!pair) break;
				if (last && opts.key) {
					start(pair.key);
					break;
				}
				node = pair.value;
				start(node ?? pair.key);
			} else if (isSeq(node) && typeof seg === 'number') {
				node = node.items[seg];
				if (!node) break;
				start(node);
			} else break;
		}
		return at;
	};

	const diagnostic: YamlFile['diagnostic'] = (path, message, severity = 'error', opts) => ({
		file,
		...locate(path, opts),
		field: path.length ? path.map(fieldSegment).join('.') : '(file)',
		message,
		severity,
	});

	return { file, value, locate, diagnostic, syntaxErrors };
}

/** A key as the field column shows it: quoted when empty, spaced or quoted itself, so `file:line:col  field  message` stays three columns. */
function fieldSegment(seg: PropertyKey): string {
	const s = String(seg);
	return s === '' || /[\s"]/.test(s) ? JSON.stringify(s) : s;
}

/** The first line that holds data (after the schema comment), for problems of the whole file. */
function firstContentLine(text: string): { line: number; col: number } {
	const lines = text.split(/\r?\n/);
	const i = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
	return { line: i < 0 ? 1 : i + 1, col: 1 };
}

function yamlMessage(message: string): string {
	// The parser runs out of stack on thousands of nested [ { or indents; say that, not "call stack".
	if (/Maximum call stack size exceeded/.test(message)) return 'YAML nested too deeply to read (thousands of levels of brackets or indentation); a data file needs two or three';
	const first = message.split('\n')[0] ?? message;
	return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')} (check indentation, colons and quotes)`;
}

/** Validate a parsed file against a zod schema, turning each issue into a positioned diagnostic. */
export function checkSchema<T>(
	yf: YamlFile,
	schema: z.ZodType<T>,
	knownKeys: readonly string[] = [],
): { data: T | undefined; diagnostics: Diagnostic[] } {
	if (yf.syntaxErrors.length) return { data: undefined, diagnostics: yf.syntaxErrors };
	const result = schema.safeParse(yf.value);
	if (result.success) return { data: result.data, diagnostics: [] };
	const diagnostics: Diagnostic[] = [];
	for (const issue of result.error.issues) {
		const path = issue.path as PropertyKey[];
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				diagnostics.push(yf.diagnostic([...path, key], unknownKeyMessage(key, knownKeys), 'error', { key: true }));
			}
			continue;
		}
		diagnostics.push(yf.diagnostic(path, issueMessage(issue, yf.value, path)));
	}
	return { data: undefined, diagnostics };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	let v: unknown = value;
	for (const seg of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[seg];
	}
	return v;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown, path: readonly PropertyKey[]): string {
	const present = valueAt(root, path) !== undefined;
	if (issue.code === 'invalid_type') {
		if (!present) return `is required but missing; add "${String(path.at(-1) ?? 'value')}:"`;
		if (path.length === 0) return `the file must hold ${article(issue.expected)} ${issue.expected}, not ${describe(root)}`;
		const custom = !/^Invalid input/.test(issue.message);
		return `${custom ? issue.message : `must be ${article(issue.expected)} ${issue.expected}`}, not ${describe(valueAt(root, path))}`;
	}
	if (issue.code === 'invalid_value' && 'values' in issue) {
		return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
	}
	return issue.message;
}

function unknownKeyMessage(key: string, knownKeys: readonly string[]): string {
	if (key.trim() === '') return `a field has no name (a line starts with ":"?); write "name: value"${knownKeys.length ? ` with one of: ${knownKeys.join(', ')}` : ''}`;
	const guess = didYouMean(key, knownKeys);
	const hint = guess ? ` — did you mean "${guess}"?` : knownKeys.length ? `; known fields: ${knownKeys.join(', ')}` : '';
	return `unknown field "${key}"${hint}`;
}

function article(word: string): string {
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function describe(v: unknown): string {
	if (v === null) return 'empty (null)';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'object') return 'a mapping';
	if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
	return `${typeof v} ${String(v)}`;
}
