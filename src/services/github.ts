/**
 * The GitHub REST API client: `GET /repos/{owner}/{name}` for a repository's star count. 5xx answers,
 * timeouts and network errors are retried with exponential backoff; a rate limit (429, or 403 with
 * no requests left) ends the tries at once and says when it resets: the caller stops asking, since
 * every later request would meet the same limit (unlike http-retry, which waits out a 429).
 */

/** Where and how to ask GitHub. */
export interface GitHubOptions {
	/** API root, such as https://api.github.com (no trailing slash needed). */
	apiUrl: string;
	/** Sent as `Authorization: Bearer …` when set; raises the limit from 60 to 5,000 requests an hour. */
	token?: string | undefined;
	/** Tries per repository for 5xx answers and network errors. @default 3 */
	attempts: number;
	/** First backoff delay; doubled after each failed try. @default 1000 */
	retryBaseMs: number;
	/** A request slower than this counts as a network error. @default 15000 */
	timeoutMs: number;
}

/** What one repository's request came to. */
export type RepoOutcome =
	| { kind: 'ok'; stars: number; fullName: string }
	| { kind: 'failed'; reason: string }
	| { kind: 'rate-limited'; reason: string }
	| { kind: 'skipped' };

/** Fetch one repository's star count, retrying 5xx answers and network errors; `stop()` true skips it. */
export async function fetchRepoStars(repo: string, opts: GitHubOptions, stop: () => boolean = () => false): Promise<RepoOutcome> {
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
