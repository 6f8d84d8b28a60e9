import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StarsSchema } from '../../src/catalogue/schema.ts';
import { copyCatalogue, startScript } from '../helpers/catalogue.ts';
import { repoAnswer, runStars, startFakeGitHub, type FakeAnswer, type FakeGitHub } from './stars-fake-github.ts';

const today = () => new Date().toISOString().slice(0, 10);
const COUNTS: Record<string, number> = {
	'/repos/FMInference/H2O': 480,
	'/repos/FasterDecoding/SnapKV': 1300,
	'/repos/jy-yuan/KIVI': 350,
	'/repos/vllm-project/vllm': 61234,
};
const healthy = (p: string): FakeAnswer | undefined => (COUNTS[p] === undefined ? undefined : repoAnswer(p.slice(7), COUNTS[p]!));

let fake: FakeGitHub | null = null;
const dirs: string[] = [];
const catalogue = () => {
	const dir = copyCatalogue();
	dirs.push(dir);
	return dir;
};
const starsOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'stars.json'), 'utf8'));
afterEach(async () => {
	await fake?.close();
	fake = null;
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run stars', () => {
	it('writes every referenced repository with today\'s date, keys sorted, one per line, and says what changed', async () => {
		fake = await startFakeGitHub(healthy);
		const dir = catalogue();

		const run = await runStars(dir, fake.url, { GITHUB_TOKEN: 'test-token' });

		expect(run.code).toBe(0);
		const text = readFileSync(path.join(dir, 'stars.json'), 'utf8');
		const stars = StarsSchema.parse(JSON.parse(text));
		expect(Object.keys(stars)).toEqual(['FMInference/H2O', 'FasterDecoding/SnapKV', 'jy-yuan/KIVI', 'vllm-project/vllm']);
		expect(stars['FasterDecoding/SnapKV']).toEqual({ stars: 1300, checked: today() });
		expect(text.split('\n')[1]).toBe(`  "FMInference/H2O": { "stars": 480, "checked": "${today()}" },`);
		expect(fake.requests.map((r) => r.path).sort()).toEqual(Object.keys(COUNTS).sort());
		expect(fake.requests.every((r) => r.headers.authorization === 'Bearer test-token' && /kv-cache-atlas/.test(r.headers['user-agent'] ?? ''))).toBe(true);
		expect(run.stderr).toMatch(/FasterDecoding\/SnapKV {2}1,234 → 1,300/);
		expect(run.stderr).toMatch(/vllm-project\/vllm {2}unchanged 61,234/);
		expect(run.stderr).toContain('✓ stars: 3 updated, 1 unchanged, 0 kept after failure, 0 removed');
	});

	it('sends no Authorization header without GITHUB_TOKEN and keeps at most a few requests in flight', async () => {
		fake = await startFakeGitHub((p) => ({ ...healthy(p), delayMs: 100 }));
		const dir = catalogue();
		for (let i = 0; i < 10; i++) writeFileSync(path.join(dir, `papers/extra-${i}.yaml`), `title: Extra paper ${i}\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\ncode: https://github.com/extra/repo-${i}\n`);

		const run = await runStars(dir, fake.url, { STARS_CONCURRENCY: '4' });

		expect(run.code).toBe(0);
		expect(fake.requests).toHaveLength(14);
		expect(fake.requests.some((r) => 'authorization' in r.headers)).toBe(false);
		expect(fake.maxInFlight).toBeGreaterThan(1);
		expect(fake.maxInFlight).toBeLessThanOrEqual(4);
		expect(run.stderr).toContain('10 failed without a previous count');
	});

	it('keeps the last count of a repository that answers 404 and drops repositories no paper names', async () => {
		fake = await startFakeGitHub((p) => (p.endsWith('/SnapKV') ? { status: 404, body: { message: 'Not Found' } } : healthy(p)));
		const dir = catalogue();
		writeFileSync(path.join(dir, 'stars.json'), JSON.stringify({ 'FasterDecoding/SnapKV': { stars: 1234, checked: '2026-11-01' }, 'gone/repo': { stars: 5, checked: '2026-11-01' } }));

		const run = await runStars(dir, fake.url);

		expect(run.code).toBe(0);
		const stars = starsOf(dir);
		expect(stars['FasterDecoding/SnapKV']).toEqual({ stars: 1234, checked: '2026-11-01' });
		expect(stars['gone/repo']).toBeUndefined();
		expect(run.stderr).toMatch(/FasterDecoding\/SnapKV {2}HTTP 404.*keeping 1,234 from 2026-11-01/);
		expect(run.stderr).toContain('3 updated, 0 unchanged, 1 kept after failure, 1 removed');
	});

	it('retries a 5xx answer and a dropped connection with backoff, then takes the count', async () => {
		fake = await startFakeGitHub((p, nth) => {
			if (p.endsWith('/vllm') && nth <= 2) return { status: 502, body: { message: 'Bad Gateway' } };
			if (p.endsWith('/KIVI') && nth === 1) return { destroy: true };
			return healthy(p);
		});
		const dir = catalogue();

		const run = await runStars(dir, fake.url, { STARS_ATTEMPTS: '3' });

		expect(run.code).toBe(0);
		expect(fake.requests.filter((r) => r.path.endsWith('/vllm'))).toHaveLength(3);
		expect(fake.requests.filter((r) => r.path.endsWith('/KIVI'))).toHaveLength(2);
		expect(starsOf(dir)['jy-yuan/KIVI']).toEqual({ stars: 350, checked: today() });
		expect(starsOf(dir)['vllm-project/vllm']).toEqual({ stars: 61234, checked: today() });
	});

	it('stops at a rate limit without another request and keeps every count not yet fetched', async () => {
		fake = await startFakeGitHub((p) =>
			p.endsWith('/SnapKV')
				? { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' }, body: { message: 'API rate limit exceeded' } }
				: healthy(p),
		);
		const dir = catalogue();

		const run = await runStars(dir, fake.url, { STARS_CONCURRENCY: '1' });

		// Sorted order: FMInference/H2O answers, FasterDecoding/SnapKV is limited, the rest are never asked.
		expect(fake.requests.map((r) => r.path)).toEqual(['/repos/FMInference/H2O', '/repos/FasterDecoding/SnapKV']);
		expect(run.code).toBe(0);
		expect(starsOf(dir)).toEqual({
			'FMInference/H2O': { stars: 480, checked: today() },
			'FasterDecoding/SnapKV': { stars: 1234, checked: '2026-11-01' },
			'vllm-project/vllm': { stars: 61234, checked: '2026-11-01' },
		});
		expect(run.stderr).toContain("GitHub's rate limit is reached (HTTP 403)");
		expect(run.stderr).toContain('2 not checked (rate limit)');
	});

	it('treats 429 as a rate limit too', async () => {
		fake = await startFakeGitHub(() => ({ status: 429, headers: { 'retry-after': '60' }, body: { message: 'secondary rate limit' } }));
		const dir = catalogue();

		const run = await runStars(dir, fake.url, { STARS_CONCURRENCY: '1' });

		expect(fake.requests).toHaveLength(1);
		expect(run.code).toBe(1);
	});

	it('exits 1 and leaves the old snapshot byte for byte when every request fails', async () => {
		fake = await startFakeGitHub(() => ({ status: 500, body: { message: 'boom' } }));
		const dir = catalogue();
		const before = readFileSync(path.join(dir, 'stars.json'));

		const run = await runStars(dir, fake.url, { STARS_ATTEMPTS: '2' });

		expect(run.code).toBe(1);
		expect(readFileSync(path.join(dir, 'stars.json')).equals(before)).toBe(true);
		expect(fake.requests).toHaveLength(8);
		expect(run.stderr).toMatch(/✗ stars: all 4 requests failed; .*stars\.json was not changed/);
	});

	it('stores a renamed repository under the name the catalogue uses and says where it moved', async () => {
		fake = await startFakeGitHub((p) => {
			if (p === '/repos/jy-yuan/KIVI') return { status: 301, headers: { location: '/repositories/42' }, body: { message: 'Moved Permanently' } };
			if (p === '/repositories/42') return repoAnswer('new-owner/KIVI', 351);
			return healthy(p);
		});
		const dir = catalogue();

		const run = await runStars(dir, fake.url);

		expect(run.code).toBe(0);
		expect(starsOf(dir)['jy-yuan/KIVI']).toEqual({ stars: 351, checked: today() });
		expect(starsOf(dir)['new-owner/KIVI']).toBeUndefined();
		expect(run.stderr).toContain('jy-yuan/KIVI is now new-owner/KIVI on GitHub; update the code links');
	});

	it('rebuilds a snapshot that is not valid JSON instead of refusing to run', async () => {
		fake = await startFakeGitHub(healthy);
		const dir = catalogue();
		writeFileSync(path.join(dir, 'stars.json'), '{ "broken": ');

		const run = await runStars(dir, fake.url);

		expect(run.code).toBe(0);
		expect(Object.keys(starsOf(dir))).toHaveLength(4);
	});

	for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
		it(`never leaves a broken or emptied snapshot when killed mid-run (${signal})`, async () => {
			fake = await startFakeGitHub((p) => ({ ...healthy(p), delayMs: p.endsWith('/H2O') ? 0 : 30_000 }));
			const dir = catalogue();
			const before = readFileSync(path.join(dir, 'stars.json'));

			const child = startScript('stars', [], { CATALOGUE_DIR: dir, GITHUB_API_URL: fake.url, GITHUB_TOKEN: '' });
			await expect.poll(() => child.stderr(), { timeout: 20_000 }).toContain('FMInference/H2O');
			child.kill(signal);
			const end = await child.done;

			expect(end.code === 143 || end.signal === signal).toBe(true);
			expect(readFileSync(path.join(dir, 'stars.json')).equals(before)).toBe(true);
			expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
		});
	}
});
