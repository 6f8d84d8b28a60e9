/**
 * `npm run stars`: refresh the star snapshot from the GitHub REST API. A few requests run at once,
 * 5xx answers and network errors are retried with exponential backoff, a rate limit stops the run
 * without another request, and every repository whose request fails keeps its last count. The
 * snapshot is written atomically (`writeFileAtomic` of src/catalogue/transaction.ts), so an
 * interrupted or failed run never leaves a broken or emptied file.
 */
import { githubRepo } from '../../catalogue/links.ts';
import { StarsSchema, type Paper, type Stars } from '../../catalogue/schema.ts';
import { countSnapshotJson, readSnapshot } from '../common/snapshot.ts';

/** How the run talks to GitHub; every number can be set from the environment (see `starsOptionsFromEnv`). */
export interface StarsOptions {
	/** API root, such as https://api.github.com (no trailing slash needed). */
	apiUrl: string;
	/** Sent as `Authorization: Bearer …` when set; raises the limit from 60 to 5,000 requests an hour. */
	token?: string | undefined;
	/** Requests in flight at once. @default 4 */
	concurrency: number;
	/** Tries per repository for 5xx answers and network errors. @default 3 */
	attempts: number;
	/** First backoff delay; doubled after each failed try. @default 1000 */
	retryBaseMs: number;
	/** A request slower than this counts as a network error. @default 15000 */
	timeoutMs: number;
	/** The `checked` date written for every repository fetched (YYYY-MM-DD). */
	today: string;
	/** Where progress lines go. */
	log: (line: string) => void;
}

/** Options from GITHUB_API_URL, GITHUB_TOKEN and STARS_CONCURRENCY / STARS_ATTEMPTS / STARS_RETRY_BASE_MS / STARS_TIMEOUT_MS. */
export function starsOptionsFromEnv(env: NodeJS.ProcessEnv, today: string, log: (line: string) => void): StarsOptions {
	const num = (name: string, fallback: number, min: number) => {
		const v = Number(env[name]);
		return env[name] !== undefined && env[name] !== '' && Number.isFinite(v) && v >= min ? v : fallback;
	};
	return {
		apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
		token: env.GITHUB_TOKEN || undefined,
		concurrency: num('STARS_CONCURRENCY', 4, 1),
		attempts: num('STARS_ATTEMPTS', 3, 1),
		retryBaseMs: num('STARS_RETRY_BASE_MS', 1000, 0),
		timeoutMs: num('STARS_TIMEOUT_MS', 15000, 1),
		today,
		log,
	};
}

/** The GitHub repositories named by the papers' code links, deduplicated and sorted. */
export function repositoriesOf(papers: readonly Pick<Paper, 'code'>[]): string[] {
	const repos = new Set<string>();
	for (const p of papers) {
		const repo = githubRepo(p.code);
		if (repo) repos.add(repo);
	}
	return [...repos].sort();
}

/** What one repository's request came to. */
export type RepoOutcome =
	| { kind: 'ok'; stars: number; fullName: string }
	| { kind: 'failed'; reason: string }
	| { kind: 'rate-limited'; reason: string }
	| { kind: 'skipped' };

/** Fetch one repository's star count, retrying 5xx answers and network errors; `stop()` true skips it. */
export async function fetchRepoStars(repo: string, opts: StarsOptions, stop: () => boolean = () => false): Promise<RepoOutcome> {
	const headers: Record<string, string> = {
		Accept: 'application/vnd.github+json',
		'User-Agent': 'kv-cache-atlas-stars',
		'X-GitHub-Api-Version': '2022-11-28',
	};
	if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
	let reason = '';
	for (let attempt = 1; attempt <= opts.attempts; attempt++) {
		if (stop()) return { kind: 'skipped' };
		if (attempt > 1) await sleep(opts.retryBaseMs * 2 ** (attempt - 2));
		if (stop()) return { kind: 'skipped' };
		let res: Response;
		try {
			res = await fetch(`${opts.apiUrl}/repos/${repo}`, { headers, redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs) });
		} catch (err) {
			reason = networkReason(err);
			continue;
		}
		if (isRateLimited(res)) {
			await res.body?.cancel();
			return { kind: 'rate-limited', reason: rateLimitReason(res, Boolean(opts.token)) };
		}
		if (res.status >= 500) {
			await res.body?.cancel();
			reason = `HTTP ${res.status}`;
			continue;
		}
		if (!res.ok) {
			await res.body?.cancel();
			return { kind: 'failed', reason: res.status === 404 ? 'HTTP 404: no such repository (renamed, deleted or private?)' : `HTTP ${res.status}` };
		}
		const body = (await res.json().catch(() => null)) as { stargazers_count?: unknown; full_name?: unknown } | null;
		const stars = body?.stargazers_count;
		if (typeof stars !== 'number' || !Number.isInteger(stars) || stars < 0) return { kind: 'failed', reason: 'the answer has no stargazers_count' };
		return { kind: 'ok', stars, fullName: typeof body?.full_name === 'string' ? body.full_name : repo };
	}
	return { kind: 'failed', reason: `${reason} after ${opts.attempts} ${opts.attempts === 1 ? 'try' : 'tries'}` };
}

function isRateLimited(res: Response): boolean {
	if (res.status === 429) return true;
	return res.status === 403 && (res.headers.get('x-ratelimit-remaining') === '0' || res.headers.has('retry-after'));
}

function rateLimitReason(res: Response, withToken: boolean): string {
	const reset = Number(res.headers.get('x-ratelimit-reset'));
	const when = Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : '';
	return `GitHub's rate limit is reached (HTTP ${res.status})${when}${withToken ? '' : '; set GITHUB_TOKEN for 5,000 requests an hour'}`;
}

function networkReason(err: unknown): string {
	const e = err as Error & { cause?: { code?: string; message?: string } };
	if (e.name === 'TimeoutError') return 'timed out';
	return `network error (${e.cause?.code ?? e.cause?.message ?? e.message})`;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The result of a run: the new snapshot and what happened to each repository. */
export interface StarsRun {
	stars: Stars;
	updated: string[];
	unchanged: string[];
	/** Failed, with a previous count that is kept. */
	kept: string[];
	/** Failed, and no previous count to keep. */
	missing: string[];
	/** Not requested because the rate limit stopped the run (previous counts kept). */
	notChecked: string[];
	/** In the old snapshot but no longer referenced by any paper. */
	removed: string[];
	/** Repositories GitHub answered for under another name: [catalogue key, current name]. */
	renamed: Array<[string, string]>;
	/** Set when a rate limit stopped the run. */
	rateLimit: string | null;
	/** Requests that returned a count. */
	succeeded: number;
}

/** Fetch every repository (a few at a time) and merge the answers into the old snapshot. */
export async function refreshStars(repos: readonly string[], old: Stars, opts: StarsOptions): Promise<StarsRun> {
	const run: StarsRun = { stars: {}, updated: [], unchanged: [], kept: [], missing: [], notChecked: [], removed: [], renamed: [], rateLimit: null, succeeded: 0 };
	const wanted = new Set(repos);
	run.removed = Object.keys(old).filter((k) => !wanted.has(k)).sort();
	const fmt = (n: number) => n.toLocaleString('en-US');
	const width = String(repos.length).length;
	let next = 0;
	let done = 0;
	const stop = () => run.rateLimit !== null;

	const one = async (repo: string) => {
		const outcome = await fetchRepoStars(repo, opts, stop);
		const before = old[repo];
		let line: string;
		if (outcome.kind === 'ok') {
			run.succeeded++;
			run.stars[repo] = { stars: outcome.stars, checked: opts.today };
			if (before && before.stars === outcome.stars) {
				run.unchanged.push(repo);
				line = `unchanged ${fmt(outcome.stars)}`;
			} else {
				run.updated.push(repo);
				line = before ? `${fmt(before.stars)} → ${fmt(outcome.stars)}` : `${fmt(outcome.stars)} (new)`;
			}
			if (outcome.fullName.toLowerCase() !== repo.toLowerCase()) {
				run.renamed.push([repo, outcome.fullName]);
				line += `; now ${outcome.fullName} (update the code link)`;
			}
		} else {
			if (outcome.kind === 'rate-limited' && !run.rateLimit) run.rateLimit = outcome.reason;
			if (before) run.stars[repo] = before;
			if (outcome.kind === 'skipped') {
				run.notChecked.push(repo);
				return;
			}
			(before ? run.kept : run.missing).push(repo);
			const why = outcome.reason;
			line = before ? `${why}; keeping ${fmt(before.stars)} from ${before.checked}` : `${why}; no previous count`;
		}
		done++;
		opts.log(`[${String(done).padStart(width)}/${repos.length}] ${repo}  ${line}`);
	};

	const worker = async () => {
		while (next < repos.length) {
			const repo = repos[next++]!;
			if (stop()) {
				if (old[repo]) run.stars[repo] = old[repo];
				run.notChecked.push(repo);
				continue;
			}
			await one(repo);
		}
	};
	await Promise.all(Array.from({ length: Math.min(opts.concurrency, repos.length) }, worker));
	if (run.rateLimit) opts.log(`stopped: ${run.rateLimit}. ${run.notChecked.length} ${run.notChecked.length === 1 ? 'repository was' : 'repositories were'} not checked and keep their counts.`);
	for (const list of [run.updated, run.unchanged, run.kept, run.missing, run.notChecked]) list.sort();
	run.stars = sortedStars(run.stars);
	return run;
}

/** The snapshot with its keys in a stable order (code-unit order, independent of the locale). */
export function sortedStars(stars: Stars): Stars {
	const out: Stars = {};
	for (const key of Object.keys(stars).sort()) out[key] = stars[key]!;
	return out;
}

/** The text of stars.json: one repository per line, so a refresh diffs line by line. */
export function starsToJson(stars: Stars): string {
	return countSnapshotJson(stars, 'stars');
}

/** Read the previous snapshot; a missing or unreadable one counts as empty (it is about to be rewritten). */
export function readStarsFile(file: string): { stars: Stars; problem: string | null } {
	const { data, problem } = readSnapshot(file, StarsSchema, {});
	return { stars: data, problem };
}
