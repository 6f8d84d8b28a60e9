/**
 * Replace several files as one change: every new text is first written to a temp file beside its
 * target and flushed to disk, then the temp files are renamed over the targets. If a temp file
 * cannot be written nothing has changed; if a rename fails, the files already replaced get their
 * old text back. Readers see each file whole, old or new, never a partial one.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** One file to write. */
export interface FileText {
	file: string;
	text: string;
}

function tempName(file: string): string {
	return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

function writeFlushed(file: string, text: string): void {
	const fd = openSync(file, 'w');
	try {
		writeSync(fd, text);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Write all of `files` or none of them; throws (after undoing) when one cannot be written. */
export function writeFilesAtomically(files: readonly FileText[]): void {
	const staged: string[] = [];
	const old = new Map<string, string | null>();
	try {
		for (const { file, text } of files) {
			old.set(file, existsSync(file) ? readFileSync(file, 'utf8') : null);
			const tmp = tempName(file);
			staged.push(tmp);
			writeFlushed(tmp, text);
		}
	} catch (err) {
		removeQuietly(staged);
		throw err;
	}
	const done: string[] = [];
	try {
		for (const { file } of files) {
			renameSync(tempName(file), file);
			done.push(file);
		}
	} catch (err) {
		for (const file of done) {
			const before = old.get(file);
			if (before === null || before === undefined) removeQuietly([file]);
			else {
				writeFlushed(tempName(file), before);
				renameSync(tempName(file), file);
			}
		}
		removeQuietly(staged);
		throw err;
	}
}

function removeQuietly(files: readonly string[]): void {
	for (const f of files) {
		try {
			unlinkSync(f);
		} catch {
			// already gone
		}
	}
}

/** Remove temp files a killed run left in `dir` (`.<name>.<pid>.tmp`). */
export function removeStaleTemps(dir: string): void {
	if (!existsSync(dir)) return;
	for (const name of readdirSync(dir)) if (/^\..+\.\d+\.tmp$/.test(name)) removeQuietly([path.join(dir, name)]);
}
