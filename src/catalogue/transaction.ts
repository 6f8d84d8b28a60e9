/**
 * Replace the files of a catalogue safely. One generated file (stars.json) is replaced atomically:
 * readers see the old file or the new one, never a part. Several files are replaced as one change:
 * every file or none. New contents are first
 * written beside their targets as temp files (the step most likely to fail: disk full, a folder
 * missing), the files about to be replaced or deleted are kept as backups, then the temps are
 * renamed over their targets. When any step fails, what was renamed is put back from the backups,
 * files that did not exist are removed again, and the error is thrown: the folder is as before.
 */
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** One file of the change: new text, or `null` to delete it. */
export interface FileChange {
	file: string;
	text: string | null;
}

/** The suffixes of the files a transaction keeps only while it runs (the loader reads only `*.yaml`). */
const TEMP = '.atlas-tmp';
const BACKUP = '.atlas-bak';

/** Apply `changes` all together; throws (after undoing everything) when one of them cannot be made. */
export function replaceFiles(changes: readonly FileChange[]): void {
	const tag = `${process.pid}-${Date.now().toString(36)}`;
	const temps: string[] = [];
	const backups: Array<{ file: string; backup: string }> = [];
	const created: string[] = [];
	const replaced: string[] = [];
	try {
		for (const c of changes) {
			if (c.text === null) continue;
			const temp = `${c.file}${TEMP}-${tag}`;
			temps.push(temp);
			writeDurably(temp, c.text);
		}
		for (const c of changes) {
			if (!isFile(c.file)) continue;
			const backup = `${c.file}${BACKUP}-${tag}`;
			linkSync(c.file, backup);
			backups.push({ file: c.file, backup });
		}
		for (const c of changes) {
			const existed = isFile(c.file);
			if (c.text === null) {
				if (existed) unlinkSync(c.file);
			} else {
				renameSync(`${c.file}${TEMP}-${tag}`, c.file);
				temps.splice(temps.indexOf(`${c.file}${TEMP}-${tag}`), 1);
			}
			(existed ? replaced : created).push(c.file);
		}
	} catch (err) {
		for (const file of created) rmSync(file, { force: true });
		for (const { file, backup } of backups) if (replaced.includes(file)) renameSync(backup, file);
		for (const temp of temps) rmSync(temp, { force: true });
		for (const { backup } of backups) rmSync(backup, { force: true });
		throw err;
	}
	for (const { backup } of backups) rmSync(backup, { force: true });
}

function isFile(file: string): boolean {
	return existsSync(file) && lstatSync(file).isFile();
}

/**
 * Replace `file` with `text` atomically: write a temp file in the same folder, flush it to disk,
 * then rename it over the old file. Readers see the old file or the new one, never a partial one.
 */
export function writeFileAtomic(file: string, text: string): void {
	const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
	try {
		// 'w': a temp file of a killed run that had this pid is overwritten, not an error.
		writeDurably(tmp, text, 'w');
		renameSync(tmp, file);
	} catch (err) {
		if (existsSync(tmp)) unlinkSync(tmp);
		throw err;
	}
}

/** Remove the temp files `writeFileAtomic` left for `file` in a run that was killed while writing (`.stars.json.<pid>.tmp`). */
export function removeStaleTempFiles(file: string): void {
	const dir = path.dirname(file);
	const prefix = `.${path.basename(file)}.`;
	for (const name of existsSync(dir) ? readdirSync(dir) : []) {
		if (name.startsWith(prefix) && name.endsWith('.tmp')) unlinkSync(path.join(dir, name));
	}
}

/** Write `text` to a new file (`flags` 'wx': refuse one that exists) and flush it to disk before returning. */
function writeDurably(file: string, text: string, flags: 'w' | 'wx' = 'wx'): void {
	const fd = openSync(file, flags);
	try {
		writeSync(fd, text);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
