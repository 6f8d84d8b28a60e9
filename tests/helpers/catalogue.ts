/**
 * Test helpers: copy the fixture catalogue to a temp folder, edit one file, run a CLI for real
 * (to its end, or started in the background while a fake service in the test answers it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The small valid catalogue shipped for tests. */
export const FIXTURE = path.join(ROOT, 'tests/fixtures/catalogue');
/** The list as the catalogue was first imported from it (2024-12-27); sources in tests/fixtures/lists/README.md. */
export const SEED_LIST = path.join(ROOT, 'tests/fixtures/lists/awesome-kv-cache-management-2024-12-27-ff669c7.md');
/** The latest version of the list upstream (2025-07-30), which data/ follows. */
export const LATEST_LIST = path.join(ROOT, 'tests/fixtures/lists/awesome-kv-cache-management-2025-07-30-cf598f0.md');
/** Node 22 from the `node` devDependency. */
export const NODE = path.join(ROOT, 'node_modules/.bin/node');

/** A fresh copy of a catalogue in a temp folder; returns its path. */
export function copyCatalogue(from = FIXTURE): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'atlas-cat-'));
	cpSync(from, dir, { recursive: true });
	return dir;
}

/** Write `text` to `rel` inside `dir`. */
export function writeIn(dir: string, rel: string, text: string): string {
	const file = path.join(dir, rel);
	writeFileSync(file, text);
	return file;
}

/** Read a file of `dir`. */
export function readIn(dir: string, rel: string): string {
	return readFileSync(path.join(dir, rel), 'utf8');
}

/**
 * Every YAML and JSON file of a catalogue folder with its text, by path relative to it: taken
 * before and after a run that must change nothing, the two are equal. (Where any file at all,
 * markdown or binary, must stay as it was, use filesOf of tests/cli/enrich-known-papers.ts.)
 */
export function catalogueFiles(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.sort()
			.filter((f) => /\.(ya?ml|json)$/.test(f))
			.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
	);
}

/**
 * The environment a CLI would get from a shell: without the variables Vitest sets for its own
 * Vite (BASE_URL, MODE, NODE_ENV=test…), which would otherwise leak into Astro's build.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^(?:BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST.*)$/.test(k)) continue;
		env[k] = v;
	}
	return { ...env, GITHUB_ACTIONS: '', ...extra };
}

/** Run `node scripts/<script>.ts args…` from the repository root; returns exit code and output. */
export function runScript(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
	const run = spawnSync(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: cleanEnv(env),
		timeout: 120_000,
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A started CLI process: its output so far and its end. */
export interface RunningScript {
	pid: number;
	stdout: () => string;
	stderr: () => string;
	done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
	kill(signal: NodeJS.Signals): void;
}

/** Start `node scripts/<script>.ts` asynchronously, so a fake server in this process keeps answering. */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv): RunningScript {
	const child = spawn(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, env: cleanEnv(env) });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
	return { pid: child.pid!, stdout: () => stdout, stderr: () => stderr, done, kill: (signal) => child.kill(signal) };
}
