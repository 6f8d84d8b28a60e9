import { describe, expect, it } from 'vitest';
import { createPacer, fetchWithRetry, type RetryOptions } from '../../../src/services/http-retry.ts';
import { fakeServices, type Reply } from '../../cli/enrich-fake-services.ts';

const start = fakeServices();
/** A fake answering its nth request with `replies[n - 1]` (the last one from then on). */
const serve = (...replies: Reply[]) => start((_, nth) => replies[Math.min(nth, replies.length) - 1]!);

function options(over: Partial<RetryOptions> = {}): RetryOptions & { service: string; lines: string[] } {
	const lines: string[] = [];
	return { attempts: 3, retryBaseMs: 40, timeoutMs: 2000, maxRetryAfterMs: 5000, log: (l) => lines.push(l), service: 'Fake', lines, ...over };
}

describe('a request to an outside service', () => {
	it('waits as long as a 429 asks in Retry-After, then takes the answer', async () => {
		const fake = await serve({ status: 429, headers: { 'retry-after': '1' } }, { status: 200, body: 'ok' });
		const opts = options({ retryBaseMs: 0 });

		const outcome = await fetchWithRetry(fake.url, {}, opts);

		expect(outcome).toEqual({ ok: true, text: 'ok', tries: 2 });
		expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(950);
		expect(opts.lines).toEqual(['Fake: rate limited (HTTP 429); trying again in 1 s (try 2 of 3)']);
	});

	it('retries 5xx answers with a backoff that doubles', async () => {
		const fake = await serve({ status: 503 }, { status: 502 }, { status: 200, body: 'ok' });

		const outcome = await fetchWithRetry(fake.url, {}, options({ retryBaseMs: 100 }));

		expect(outcome).toEqual({ ok: true, text: 'ok', tries: 3 });
		const [a, b, c] = fake.requests.map((r) => r.at);
		expect(b! - a!).toBeGreaterThanOrEqual(95);
		expect(c! - b!).toBeGreaterThanOrEqual(195);
	});

	it('counts a slow answer as a timeout and a dropped connection as a network error, and says how often it tried', async () => {
		const slow = await serve({ status: 200, body: 'late', delayMs: 1000 });
		const dropped = await serve({ destroy: true });

		const timedOut = await fetchWithRetry(slow.url, {}, options({ attempts: 2, timeoutMs: 150, retryBaseMs: 0 }));
		const broken = await fetchWithRetry(dropped.url, {}, options({ attempts: 2, retryBaseMs: 0 }));

		expect(timedOut).toEqual({ ok: false, reason: 'timed out after 150 ms after 2 tries', tries: 2 });
		expect(broken).toMatchObject({ ok: false, reason: expect.stringMatching(/^network error \(.+\) after 2 tries$/), tries: 2 });
		expect(slow.requests).toHaveLength(2);
	});

	it('ends at once on another error, keeping the start of its body for the report', async () => {
		const fake = await serve({ status: 400, body: 'Bad   request:\n  unknown field' });

		const outcome = await fetchWithRetry(fake.url, {}, options());

		expect(outcome).toEqual({ ok: false, reason: 'HTTP 400: Bad request: unknown field', tries: 1 });
		expect(fake.requests).toHaveLength(1);
	});

	it('gives up at once when Retry-After asks for longer than it may wait', async () => {
		const fake = await serve({ status: 429, headers: { 'retry-after': '3600' } });

		const started = performance.now();
		const outcome = await fetchWithRetry(fake.url, {}, options({ maxRetryAfterMs: 60_000 }));

		expect(outcome).toEqual({ ok: false, reason: 'rate limited (HTTP 429); the service asks to wait 3600 s, longer than ENRICH_MAX_RETRY_AFTER_MS allows', tries: 1 });
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('keeps requests that share a pacer its gap apart, retries included', async () => {
		const fake = await serve({ status: 500 }, { status: 200, body: 'a' }, { status: 200, body: 'b' });
		const pacer = createPacer(150);

		await fetchWithRetry(fake.url, {}, { ...options({ retryBaseMs: 0 }), pacer });
		await fetchWithRetry(fake.url, {}, { ...options({ retryBaseMs: 0 }), pacer });

		const at = fake.requests.map((r) => r.at);
		expect(at).toHaveLength(3);
		expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(145);
		expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(145);
	});
});
