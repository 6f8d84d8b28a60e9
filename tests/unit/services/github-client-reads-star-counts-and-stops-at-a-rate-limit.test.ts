import { afterEach, describe, expect, it } from 'vitest';
import { fetchRepoStars, type GitHubOptions } from '../../../src/services/github.ts';
import { repoAnswer, startFakeGitHub, type FakeAnswer, type FakeGitHub } from '../../cli/stars-fake-github.ts';

const fakes: FakeGitHub[] = [];
afterEach(async () => void (await Promise.all(fakes.splice(0).map((f) => f.close()))));

async function serve(answer: (path: string, nth: number) => FakeAnswer | undefined): Promise<FakeGitHub> {
	const fake = await startFakeGitHub(answer);
	fakes.push(fake);
	return fake;
}

const options = (apiUrl: string, over: Partial<GitHubOptions> = {}): GitHubOptions => ({ apiUrl, attempts: 3, retryBaseMs: 0, timeoutMs: 2000, ...over });

describe('the GitHub client', () => {
	it('reads a repository\'s star count and current name, with the API version and the token when there is one', async () => {
		const fake = await serve(() => repoAnswer('FasterDecoding/SnapKV', 1234));

		const withToken = await fetchRepoStars('fasterdecoding/snapkv', options(fake.url, { token: 't-1' }));
		const without = await fetchRepoStars('fasterdecoding/snapkv', options(fake.url));

		expect(withToken).toEqual({ kind: 'ok', stars: 1234, fullName: 'FasterDecoding/SnapKV' });
		expect(without.kind).toBe('ok');
		expect(fake.requests.map((r) => [r.path, r.headers.authorization, r.headers['x-github-api-version']])).toEqual([
			['/repos/fasterdecoding/snapkv', 'Bearer t-1', '2022-11-28'],
			['/repos/fasterdecoding/snapkv', undefined, '2022-11-28'],
		]);
	});

	it('retries a 5xx answer and a dropped connection, and gives up after its tries with the last reason', async () => {
		const flaky = await serve((_, nth) => (nth === 1 ? { status: 502 } : nth === 2 ? { destroy: true } : repoAnswer('a/b', 7)));
		const down = await serve(() => ({ status: 503 }));

		expect(await fetchRepoStars('a/b', options(flaky.url))).toEqual({ kind: 'ok', stars: 7, fullName: 'a/b' });
		expect(await fetchRepoStars('a/b', options(down.url, { attempts: 2 }))).toEqual({ kind: 'failed', reason: 'HTTP 503 after 2 tries' });
		expect(down.requests).toHaveLength(2);
	});

	it('stops at a rate limit without trying again, and says when it resets and how to raise it', async () => {
		const reset = Date.UTC(2026, 0, 1, 13, 45) / 1000;
		const limited = await serve(() => ({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded' } }));
		const tooMany = await serve(() => ({ status: 429 }));

		const a = await fetchRepoStars('a/b', options(limited.url));
		const b = await fetchRepoStars('a/b', options(tooMany.url, { token: 't' }));

		expect(a).toEqual({ kind: 'rate-limited', reason: "GitHub's rate limit is reached (HTTP 403); it resets at 13:45 UTC; set GITHUB_TOKEN for 5,000 requests an hour" });
		expect(b).toEqual({ kind: 'rate-limited', reason: "GitHub's rate limit is reached (HTTP 429)" });
		expect([limited.requests.length, tooMany.requests.length]).toEqual([1, 1]);
	});

	it('names a missing repository, an answer without a count and a timeout', async () => {
		const missing = await serve(() => undefined);
		const odd = await serve(() => ({ status: 200, body: { full_name: 'a/b' } }));
		const slow = await serve(() => ({ ...repoAnswer('a/b', 1), delayMs: 1000 }));

		expect(await fetchRepoStars('a/gone', options(missing.url))).toEqual({ kind: 'failed', reason: 'HTTP 404: no such repository (renamed, deleted or private?)' });
		expect(await fetchRepoStars('a/b', options(odd.url))).toEqual({ kind: 'failed', reason: 'the answer has no stargazers_count' });
		expect(await fetchRepoStars('a/b', options(slow.url, { attempts: 1, timeoutMs: 100 }))).toEqual({ kind: 'failed', reason: 'timed out after 1 try' });
	});

	it('asks nothing once told to stop', async () => {
		const fake = await serve(() => repoAnswer('a/b', 1));

		expect(await fetchRepoStars('a/b', options(fake.url), () => true)).toEqual({ kind: 'skipped' });
		expect(fake.requests).toHaveLength(0);
	});
});
