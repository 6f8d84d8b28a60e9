/**
 * A fake GitHub REST API on 127.0.0.1 (random port) for the `npm run stars` tests, and a way to
 * run the real CLI against it without blocking the server's event loop.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cleanEnv, NODE, ROOT } from '../helpers/catalogue.ts';

/** What the fake answers for one request; `destroy` drops the connection (a network error). */
export interface FakeAnswer {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	delayMs?: number;
	destroy?: boolean;
}

/** One request the fake received. */
export interface FakeRequest {
	path: string;
	headers: IncomingHttpHeaders;
}

/** A running fake API. */
export interface FakeGitHub {
	url: string;
	requests: FakeRequest[];
	/** Requests in flight at the busiest moment. */
	maxInFlight: number;
	close(): Promise<void>;
}

/** Answer `GET /repos/owner/name` with a repository of `stars` stars. */
export function repoAnswer(fullName: string, stars: number): FakeAnswer {
	return { status: 200, body: { full_name: fullName, stargazers_count: stars } };
}

/**
 * Start a fake API; `answer(path, nth)` decides each reply (`nth` counts the requests to that path,
 * from 1). Unknown answers are 404, like GitHub's for a missing repository.
 */
export async function startFakeGitHub(answer: (path: string, nth: number) => FakeAnswer | undefined): Promise<FakeGitHub> {
	const counts = new Map<string, number>();
	const requests: FakeRequest[] = [];
	const sockets = new Set<import('node:net').Socket>();
	let inFlight = 0;
	const fake: FakeGitHub = { url: '', requests, maxInFlight: 0, close: async () => {} };
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		requests.push({ path: url, headers: req.headers });
		const nth = (counts.get(url) ?? 0) + 1;
		counts.set(url, nth);
		inFlight++;
		fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
		const a = answer(url, nth) ?? { status: 404, body: { message: 'Not Found' } };
		const reply = () => {
			inFlight--;
			if (a.destroy) return req.socket.destroy();
			res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
			res.end(a.body === undefined ? '' : JSON.stringify(a.body));
		};
		if (a.delayMs) setTimeout(reply, a.delayMs);
		else reply();
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	fake.close = () =>
		new Promise<void>((resolve) => {
			for (const s of sockets) s.destroy();
			server.close(() => resolve());
		});
	return fake;
}

/** A started CLI process: its output so far and its end. */
export interface RunningScript {
	pid: number;
	stdout: () => string;
	stderr: () => string;
	done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
	kill(signal: NodeJS.Signals): void;
}

/** Start `node scripts/<script>.ts` asynchronously, so a server in this process keeps answering. */
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

/** Run `npm run stars` against `api` on the catalogue in `dir`, with fast retries. */
export function runStars(dir: string, api: string, env: NodeJS.ProcessEnv = {}) {
	return startScript('stars', [], { CATALOGUE_DIR: dir, GITHUB_API_URL: api, GITHUB_TOKEN: '', STARS_RETRY_BASE_MS: '5', ...env }).done;
}
