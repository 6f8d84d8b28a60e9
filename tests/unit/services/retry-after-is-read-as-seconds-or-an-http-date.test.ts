import { describe, expect, it } from 'vitest';
import { createPacer, envNumber, retryAfterMs } from '../../../src/services/http-retry.ts';

describe('Retry-After', () => {
	it('is read as whole seconds', () => {
		expect(retryAfterMs('120')).toBe(120_000);
		expect(retryAfterMs(' 0 ')).toBe(0);
	});

	it('is read as an HTTP date, relative to now, never negative', () => {
		const now = Date.parse('2026-12-01T10:00:00Z');

		expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(retryAfterMs('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
	});

	it('is null when absent or unreadable, so the client falls back to its own backoff', () => {
		expect(retryAfterMs(null)).toBeNull();
		expect(retryAfterMs('soon')).toBeNull();
		expect(retryAfterMs('-5')).toBeNull();
	});
});

describe('request pacing and settings', () => {
	it('keeps the gap between the end of one request and the start of the next', async () => {
		const pacer = createPacer(150);
		await pacer.wait();
		pacer.done();
		const t = performance.now();

		await pacer.wait();

		expect(performance.now() - t).toBeGreaterThanOrEqual(140);
	});

	it('take numbers from the environment, falling back on unset, empty, non-numeric or too small values', () => {
		expect(envNumber({ X: '250' }, 'X', 3000)).toBe(250);
		expect(envNumber({ X: '' }, 'X', 3000)).toBe(3000);
		expect(envNumber({ X: 'fast' }, 'X', 3000)).toBe(3000);
		expect(envNumber({ X: '0' }, 'X', 4, 1)).toBe(4);
		expect(envNumber({}, 'X', 3000)).toBe(3000);
	});
});
