import { describe, expect, it } from 'vitest';
import { readIn } from '../helpers/catalogue.ts';
import { arxivAnswer, runEnrich, s2Answer, type FakeService, type Reply, type SeenRequest } from './enrich-fake-services.ts';
import { ARXIV_PAPERS, enrichTestbed, S2_PAPERS } from './enrich-known-papers.ts';

const bed = enrichTestbed();
/** Both fakes; the first `bad.length` requests to `which` get the replies in `bad` (made when asked), the rest are healthy. */
async function services(which: 'arxiv' | 's2', bad: Array<Reply | (() => Reply)>) {
	const healthy = { arxiv: arxivAnswer(ARXIV_PAPERS), s2: s2Answer(S2_PAPERS) };
	const reply = (r: Reply | (() => Reply)) => (typeof r === 'function' ? r() : r);
	const wrap = (name: 'arxiv' | 's2') => (req: SeenRequest, nth: number) => (name === which && nth <= bad.length ? reply(bad[nth - 1]!) : healthy[name](req));
	const arxiv = await bed.service(wrap('arxiv'));
	const s2 = await bed.service(wrap('s2'));
	return { arxiv, s2, env: { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url } };
}
const gap = (f: FakeService) => f.requests[1]!.at - f.requests[0]!.at;

describe('npm run enrich rides out a struggling service', () => {
	it('waits as long as a 429 Retry-After in seconds asks, then takes the answer', async () => {
		const { arxiv, env } = await services('arxiv', [{ status: 429, headers: { 'retry-after': '1' }, body: 'Rate exceeded.' }]);
		const dir = bed.catalogue();

		const run = await runEnrich(dir, ['--apply'], env);

		expect(run.code).toBe(0);
		expect(arxiv.requests).toHaveLength(2);
		expect(gap(arxiv)).toBeGreaterThanOrEqual(950);
		expect(run.stderr).toContain('arXiv: rate limited (HTTP 429); trying again in 1 s (try 2 of 3)');
		expect(readIn(dir, 'papers/snapkv.yaml')).toContain('authors:');
	});

	it('reads a Retry-After given as an HTTP date', async () => {
		// Two seconds from the moment of the answer; HTTP dates have whole seconds, so the wait is 1–2 s.
		const { s2, env } = await services('s2', [() => ({ status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() }, body: { message: 'Too Many Requests' } })]);
		const dir = bed.catalogue();

		const run = await runEnrich(dir, ['--apply'], env);

		expect(run.code).toBe(0);
		expect(s2.requests).toHaveLength(2);
		expect(gap(s2)).toBeGreaterThanOrEqual(900);
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('venue: ICML');
	});

	it('gives up at once when Retry-After asks for longer than ENRICH_MAX_RETRY_AFTER_MS, and says so', async () => {
		const { s2, env } = await services('s2', [{ status: 429, headers: { 'retry-after': '3600' }, body: { message: 'Too Many Requests' } }]);
		const dir = bed.catalogue();

		const run = await runEnrich(dir, [], { ...env, ENRICH_MAX_RETRY_AFTER_MS: '5000' });

		expect(run.code).toBe(1);
		expect(s2.requests).toHaveLength(1);
		expect(run.stdout).toContain('✗ Semantic Scholar: 6 papers were not read (rate limited (HTTP 429); the service asks to wait 3600 s, longer than ENRICH_MAX_RETRY_AFTER_MS allows)');
	});

	it('retries 5xx answers with exponential backoff', async () => {
		const { s2, env } = await services('s2', [{ status: 503, body: { message: 'Service Unavailable' } }, { status: 502, body: { message: 'Bad Gateway' } }]);
		const dir = bed.catalogue();

		const run = await runEnrich(dir, ['--apply'], { ...env, ENRICH_RETRY_BASE_MS: '200' });

		expect(run.code).toBe(0);
		expect(s2.requests).toHaveLength(3);
		const [a, b, c] = s2.requests.map((r) => r.at) as [number, number, number];
		expect(b - a).toBeGreaterThanOrEqual(190);
		expect(c - b).toBeGreaterThanOrEqual(390);
		expect(run.stderr).toContain('Semantic Scholar: HTTP 503; trying again in 200 ms (try 2 of 3)');
		expect(run.stderr).toContain('Semantic Scholar: HTTP 502; trying again in 400 ms (try 3 of 3)');
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('venue: ICML');
	});

	it('treats an answer slower than ENRICH_TIMEOUT_MS as a failed try and retries it', async () => {
		const { arxiv, env } = await services('arxiv', [{ status: 200, body: '<feed/>', delayMs: 10_000 }]);
		const dir = bed.catalogue();

		const run = await runEnrich(dir, ['--apply'], { ...env, ENRICH_TIMEOUT_MS: '1000' });

		expect(run.code).toBe(0);
		expect(arxiv.requests).toHaveLength(2);
		expect(run.stderr).toContain('arXiv: timed out after 1 s; trying again');
		expect(readIn(dir, 'papers/snapkv.yaml')).toContain('date: 2024-04-22');
	});

	it('retries a dropped connection', async () => {
		const { arxiv, env } = await services('arxiv', [{ destroy: true }]);
		const dir = bed.catalogue();

		const run = await runEnrich(dir, [], env);

		expect(run.code).toBe(0);
		expect(arxiv.requests).toHaveLength(2);
		expect(run.stderr).toMatch(/arXiv: network error \([^)]+\); trying again/);
	});
});
