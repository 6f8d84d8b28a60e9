/**
 * One request to an outside service, made patiently: a 429 waits as long as its `Retry-After`
 * asks (seconds or an HTTP date), 5xx answers, timeouts and network errors are retried with
 * exponential backoff, and every other answer ends the tries at once. A pacer spaces requests
 * (arXiv asks for 3 s between them), retries included.
 */

/** How requests are retried; each number can be set from the environment (see `retryOptionsFromEnv`). */
export interface RetryOptions {
	/** Tries per request for 429, 5xx, timeouts and network errors. @default 4 */
	attempts: number;
	/** First backoff delay; doubled after each failed try. @default 2000 */
	retryBaseMs: number;
	/** A request (answer and body) slower than this counts as a timeout. @default 30000 */
	timeoutMs: number;
	/** A `Retry-After` longer than this ends the tries instead of waiting. @default 120000 */
	maxRetryAfterMs: number;
	/** Where retry notices go. */
	log: (line: string) => void;
}

/** A number from the environment, or `fallback` when unset, not a number or below `min`. */
export function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
	const raw = env[name];
	const v = Number(raw);
	return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= min ? v : fallback;
}

/** Retry options from ENRICH_ATTEMPTS, ENRICH_RETRY_BASE_MS, ENRICH_TIMEOUT_MS and ENRICH_MAX_RETRY_AFTER_MS. */
export function retryOptionsFromEnv(env: NodeJS.ProcessEnv, log: (line: string) => void): RetryOptions {
	return {
		attempts: envNumber(env, 'ENRICH_ATTEMPTS', 4, 1),
		retryBaseMs: envNumber(env, 'ENRICH_RETRY_BASE_MS', 2000),
		timeoutMs: envNumber(env, 'ENRICH_TIMEOUT_MS', 30000, 1),
		maxRetryAfterMs: envNumber(env, 'ENRICH_MAX_RETRY_AFTER_MS', 120000),
		log,
	};
}

/**
 * Milliseconds a `Retry-After` header asks to wait: whole seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT", 0 when already past). `null` when absent or unreadable.
 */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
	if (value === null) return null;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	// An HTTP date names its day and month in letters; "-5" or "12.5" is neither form.
	if (!/[a-z]/i.test(text)) return null;
	const when = Date.parse(text);
	return Number.isNaN(when) ? null : Math.max(0, when - now);
}

/** Keeps at least `gapMs` between the end of one request and the start of the next. */
export interface Pacer {
	/** Resolves when the next request may start. */
	wait(): Promise<void>;
	/** The request has ended (answered or failed). */
	done(): void;
}

/** A pacer whose first request starts at once. */
export function createPacer(gapMs: number): Pacer {
	let last = -Infinity;
	return {
		async wait() {
			const due = last + gapMs - performance.now();
			if (due > 0) await sleep(due);
		},
		done() {
			last = performance.now();
		},
	};
}

/** A client's run over many ids: what the service gave by the id asked, what it does not know, which requests failed. */
export interface ServiceRun<R> {
	records: Map<string, R>;
	/** Asked but not in any answer. */
	notFound: string[];
	/** Requests that failed after their retries, with the ids they held. */
	failed: Array<{ ids: string[]; reason: string }>;
	/** Requests made, retries included. */
	requests: number;
}

/** What a request came to: the body text, or why there is none. */
export type FetchOutcome = { ok: true; text: string; tries: number } | { ok: false; reason: string; tries: number };

/** Make one request with retries; `service` names it in notices ("arXiv"). */
export async function fetchWithRetry(url: string, init: RequestInit, opts: RetryOptions & { service: string; pacer?: Pacer }): Promise<FetchOutcome> {
	let reason = '';
	let wait = 0;
	for (let attempt = 1; attempt <= opts.attempts; attempt++) {
		if (attempt > 1) {
			opts.log(`${opts.service}: ${reason}; trying again in ${seconds(wait)} (try ${attempt} of ${opts.attempts})`);
			await sleep(wait);
		}
		await opts.pacer?.wait();
		const outcome = await tryOnce(url, init, opts.timeoutMs);
		opts.pacer?.done();
		if (outcome.kind === 'ok') return { ok: true, text: outcome.text, tries: attempt };
		if (outcome.kind === 'final') return { ok: false, reason: outcome.reason, tries: attempt };
		reason = outcome.reason;
		if (outcome.retryAfterMs !== null && outcome.retryAfterMs > opts.maxRetryAfterMs) {
			return { ok: false, reason: `${reason}; the service asks to wait ${seconds(outcome.retryAfterMs)}, longer than ENRICH_MAX_RETRY_AFTER_MS allows`, tries: attempt };
		}
		wait = outcome.retryAfterMs ?? backoff(opts, attempt);
	}
	return { ok: false, reason: `${reason} after ${opts.attempts} ${opts.attempts === 1 ? 'try' : 'tries'}`, tries: opts.attempts };
}

type TryOutcome = { kind: 'ok'; text: string } | { kind: 'final'; reason: string } | { kind: 'retry'; reason: string; retryAfterMs: number | null };

/** One request, body included: an answer, a failure worth retrying, or one that is not. */
async function tryOnce(url: string, init: RequestInit, timeoutMs: number): Promise<TryOutcome> {
	let res: Response;
	try {
		res = await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
	} catch (err) {
		return { kind: 'retry', reason: networkReason(err, timeoutMs), retryAfterMs: null };
	}
	if (res.status === 429) {
		await res.body?.cancel();
		return { kind: 'retry', reason: 'rate limited (HTTP 429)', retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
	}
	if (res.status >= 500) {
		await res.body?.cancel();
		return { kind: 'retry', reason: `HTTP ${res.status}`, retryAfterMs: null };
	}
	if (!res.ok) {
		const body = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
		return { kind: 'final', reason: `HTTP ${res.status}${body ? `: ${body}` : ''}` };
	}
	try {
		return { kind: 'ok', text: await res.text() };
	} catch (err) {
		return { kind: 'retry', reason: networkReason(err, timeoutMs), retryAfterMs: null };
	}
}

function backoff(opts: RetryOptions, attempt: number): number {
	return opts.retryBaseMs * 2 ** (attempt - 1);
}

function networkReason(err: unknown, timeoutMs: number): string {
	const e = err as Error & { cause?: { code?: string; message?: string } };
	if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${seconds(timeoutMs)}`;
	return `network error (${e.cause?.code ?? e.cause?.message ?? e.message})`;
}

function seconds(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
