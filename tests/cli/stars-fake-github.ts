/**
 * A fake GitHub REST API on 127.0.0.1 (random port) for the `npm run stars` tests, and a way to
 * run the real CLI against it without blocking the server's event loop.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { startScript } from '../helpers/catalogue.ts';
import { listenOnLoopback, sendReply, type FakeReply } from '../helpers/fake-http.ts';

/** What the fake answers for one request; `destroy` drops the connection (a network error). */
export type FakeAnswer = FakeReply;

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
	let inFlight = 0;
	const fake: FakeGitHub = { url: '', requests, maxInFlight: 0, close: async () => {} };
	const server = await listenOnLoopback((req, res) => {
		const url = req.url ?? '/';
		requests.push({ path: url, headers: req.headers });
		const nth = (counts.get(url) ?? 0) + 1;
		counts.set(url, nth);
		inFlight++;
		fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
		void sendReply(req, res, answer(url, nth) ?? { status: 404, body: { message: 'Not Found' } }).then(() => inFlight--);
	});
	fake.url = server.url;
	fake.close = server.close;
	return fake;
}

/** Run `npm run stars` against `api` on the catalogue in `dir`, with fast retries. */
export function runStars(dir: string, api: string, env: NodeJS.ProcessEnv = {}) {
	return startScript('stars', [], { CATALOGUE_DIR: dir, GITHUB_API_URL: api, GITHUB_TOKEN: '', STARS_RETRY_BASE_MS: '5', ...env }).done;
}
