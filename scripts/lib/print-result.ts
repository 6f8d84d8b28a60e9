/**
 * How the thin CLIs over a `run…` function of src/maintain end: its error lines on stderr, its
 * output on stdout, and its exit code.
 */
import type { CommandResult } from '../../src/maintain/common/command.ts';

/** Print `result` and set the exit code: exitCode, not exit(), so a large --json report on a pipe is written in full. */
export function printResult(result: CommandResult): void {
	for (const line of result.err) console.error(line);
	for (const line of result.out) console.log(line);
	process.exitCode = result.code;
}
