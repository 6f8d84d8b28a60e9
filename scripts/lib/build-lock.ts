/**
 * Astro steps of one checkout take turns. Astro writes its generated modules to `<root>/.astro/`
 * whatever the output folder, through a temp file of a fixed name, so two builds of one checkout
 * at the same time (the tests build several sites in parallel) could fail with ENOENT on that
 * file's rename. The lock is a folder in the system's temp folder, named after the checkout, and
 * holds the owner's pid, so a lock left by a killed build is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock folder younger than this without a pid file is being created; older, its creator died. */
const UNNAMED_GRACE_MS = 10_000;

/** The lock folder of the checkout at `root`. */
export function lockPath(root: string): string {
	return path.join(tmpdir(), `kv-cache-atlas-build-${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16)}.lock`);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The pid holding `lock`, null when it holds none yet, undefined when the lock is gone. */
function holder(lock: string): number | null | undefined {
	try {
		return Number(readFileSync(path.join(lock, 'pid'), 'utf8')) || null;
	} catch {
		try {
			return Date.now() - statSync(lock).mtimeMs > UNNAMED_GRACE_MS ? 0 : null;
		} catch {
			return undefined;
		}
	}
}

/** Run `fn` while holding the lock of the checkout at `root`; `onWait` is told once whom it waits for. */
export async function withBuildLock<T>(root: string, fn: () => Promise<T>, onWait?: (pid: number | null) => void): Promise<T> {
	const lock = lockPath(root);
	let told = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const pid = holder(lock);
		// A dead owner (or a folder that never got its pid): the lock is free to take.
		if (pid === 0 || (pid && !alive(pid))) {
			// Still the same dead owner just before removing it, so a lock another waiter took meanwhile stays.
			if (holder(lock) === pid) rmSync(lock, { recursive: true, force: true });
			continue;
		}
		if (!told && pid !== undefined) {
			onWait?.(pid);
			told = true;
		}
		await sleep(100);
	}
	try {
		return await fn();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}
