/**
 * Astro writes its generated modules to <root>/.astro/ whatever the output folder, so two builds
 * of one checkout take turns for their Astro step (scripts/lib/build-lock.ts): never both inside,
 * a waiter is told whom it waits for, and a lock left by a killed build is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPath, withBuildLock } from '../../../scripts/lib/build-lock.ts';

let root = '';
afterEach(() => {
	if (root) rmSync(lockPath(root), { recursive: true, force: true });
	if (root) rmSync(root, { recursive: true, force: true });
});

describe('the build lock of a checkout', () => {
	it('lets one build in at a time and tells the other whom it waits for', async () => {
		root = mkdtempSync(path.join(tmpdir(), 'atlas-lock-'));
		const events: string[] = [];
		const waitedFor: Array<number | null> = [];
		const step = (name: string) => async () => {
			events.push(`${name} in`);
			await sleep(150);
			events.push(`${name} out`);
		};

		await Promise.all([withBuildLock(root, step('a')), sleep(20).then(() => withBuildLock(root, step('b'), (pid) => waitedFor.push(pid)))]);

		expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
		expect(waitedFor).toEqual([process.pid]);
		expect(existsSync(lockPath(root))).toBe(false);
	});

	it('is released when the build fails', async () => {
		root = mkdtempSync(path.join(tmpdir(), 'atlas-lock-'));

		await expect(withBuildLock(root, () => Promise.reject(new Error('astro failed')))).rejects.toThrow('astro failed');
		expect(existsSync(lockPath(root))).toBe(false);
	});

	it('takes over a lock whose owner is gone', async () => {
		root = mkdtempSync(path.join(tmpdir(), 'atlas-lock-'));
		const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
		mkdirSync(lockPath(root));
		writeFileSync(path.join(lockPath(root), 'pid'), dead);
		const waitedFor: Array<number | null> = [];

		const result = await withBuildLock(root, async () => 'built', (pid) => waitedFor.push(pid));

		expect(result).toBe('built');
		expect(waitedFor).toEqual([]);
	});
});
