/**
 * What the maintainer commands share as commands (`npm run new`, accept, reject, discover,
 * intake): their flags read by `parseArgs` with messages that name the flag and its fix, and the
 * lines they print with the code they exit with. Each command keeps its own usage text and checks.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean, formatDiagnostic, type Diagnostic } from '../../catalogue/diagnostics.ts';
import { displayPath } from '../../catalogue/load.ts';
import { replaceFiles, type FileChange } from '../../catalogue/transaction.ts';

/** What a command prints and the code it exits with. */
export interface CommandResult {
	code: number;
	out: string[];
	err: string[];
}

/** A `parseArgs` error as a sentence that names the flag and its fix; `known` are the command's flag names. */
export function argsErrorMessage(err: Error & { code?: string }, known: readonly string[]): string {
	const flag = /'(--?[\w-]+)/.exec(err.message)?.[1] ?? '';
	if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		const guess = didYouMean(flag.replace(/^-+/, ''), known);
		return `unknown flag ${flag}${guess ? ` — did you mean --${guess}?` : '; see the flags below'}`;
	}
	if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
		const arg = /argument '([^']*)'/.exec(err.message)?.[1] ?? '';
		return `unexpected "${arg}": every value follows its flag; quote values with spaces, such as --title "Full title"`;
	}
	if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(err.message)) {
		return `${flag} takes no value; write just ${flag}`;
	}
	if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
		return `${flag} needs a value; write ${flag} VALUE (quote it when it has spaces, or write ${flag}=-value when it starts with a dash)`;
	}
	return err.message;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags as `parseArgs` reads them (strict), or the sentence that says what is wrong with them. */
export function readFlags<const O extends Options>(argv: readonly string[], options: O, allowPositionals = false): ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: boolean }>> | { problem: string } {
	try {
		return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
	} catch (e) {
		return { problem: argsErrorMessage(e as Error & { code?: string }, Object.keys(options)) };
	}
}

/**
 * The lines a run of `npm run <command>` collects, its usage error: exit 2 with the message and the
 * first line of the usage text (what it printed so far stays); and its refusal of a catalogue that
 * is invalid, before or after its change: exit 1 with the catalogue's errors, then `message`, the
 * sentence that says what was not done.
 */
export function commandOutput(command: string, usageText: string): { out: string[]; err: string[]; usage: (message: string) => CommandResult; refuse: (diagnostics: readonly Diagnostic[], message: string) => CommandResult } {
	const out: string[] = [];
	const err: string[] = [];
	return {
		out,
		err,
		usage: (message) => ({ code: 2, out, err: [`npm run ${command}: ${message}`, usageText.split('\n')[0]!] }),
		refuse: (diagnostics, message) => {
			err.push(...diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), message);
			return { code: 1, out, err };
		},
	};
}

/** The refusal of a command whose catalogue has errors before it changes anything: validate is where to start. */
export function invalidAlready(dir: string): string {
	return `✗ ${displayPath(dir)} has errors already; fix them first ("npm run validate" lists them). Nothing was written.`;
}

/**
 * Make a command's file changes all together (`replaceFiles`), or say why not: a failed write
 * (disk full, a folder that cannot be written) has put every file back, so the command reports it
 * in a sentence, not a stack trace, and exits 1. True when written.
 */
export function writeAllOrNothing(changes: readonly FileChange[], dir: string, err: string[]): boolean {
	try {
		replaceFiles(changes);
		return true;
	} catch (e) {
		err.push(`✗ writing to ${displayPath(dir)} failed (${(e as Error).message}); every file was put back, nothing changed`);
		return false;
	}
}
