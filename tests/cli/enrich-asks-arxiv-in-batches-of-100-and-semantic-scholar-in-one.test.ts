import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, NODE, readIn, ROOT, writeIn } from '../helpers/catalogue.ts';
import { arxivAnswer, runEnrich, s2Answer, type ArxivPaper } from './enrich-fake-services.ts';
import { ARXIV_PAPERS, enrichTestbed, S2_PAPERS } from './enrich-known-papers.ts';

const bed = enrichTestbed();

/** The test catalogue plus `n` preprints with arXiv ids 2501.00001… */
function bigCatalogue(n: number): { dir: string; known: Map<string, ArxivPaper> } {
	const dir = bed.catalogue();
	const known = new Map(ARXIV_PAPERS);
	for (let i = 1; i <= n; i++) {
		const id = `2501.${String(i).padStart(5, '0')}`;
		writeIn(dir, `papers/extra-${i}.yaml`, `# yaml-language-server: $schema=x\ntitle: Extra Preprint ${i}\nyear: 2025\nvenue: arXiv\ncategories: [quantization]\npaper: https://arxiv.org/abs/${id}\n`);
		known.set(id, { id, published: '2025-01-02T00:00:00Z', title: `Extra Preprint ${i}`, authors: [`Author ${i}`] });
	}
	return { dir, known };
}

describe('npm run enrich asks the services in batches', () => {
	it('asks arXiv for 156 papers in two requests of at most 100 ids, at least ARXIV_DELAY_MS apart, and Semantic Scholar in one', async () => {
		const { dir, known } = bigCatalogue(150);
		const arxiv = await bed.service(arxivAnswer(known));
		const s2 = await bed.service(s2Answer(S2_PAPERS));

		const run = await runEnrich(dir, [], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, ARXIV_DELAY_MS: '400' });

		expect(run.code).toBe(0);
		const lists = arxiv.requests.map((r) => (r.url.searchParams.get('id_list') ?? '').split(','));
		expect(lists.map((l) => l.length)).toEqual([100, 56]);
		expect(new Set(lists.flat()).size).toBe(156);
		expect(arxiv.requests.map((r) => r.url.searchParams.get('max_results'))).toEqual(['100', '56']);
		expect(arxiv.requests[1]!.at - arxiv.requests[0]!.at).toBeGreaterThanOrEqual(390);
		expect(s2.requests).toHaveLength(1);
		const batch = s2.requests[0]!;
		expect(batch.method).toBe('POST');
		expect(batch.url.pathname).toBe('/paper/batch');
		expect(batch.url.searchParams.get('fields')?.split(',')).toEqual(expect.arrayContaining(['venue', 'year', 'publicationVenue', 'externalIds', 'authors', 'citationCount']));
		expect(JSON.parse(batch.body).ids).toHaveLength(156);
		expect(JSON.parse(batch.body).ids).toContain('ARXIV:2501.00150');
		expect(batch.headers['x-api-key']).toBeUndefined();
		expect(run.stdout).toContain('arXiv: 156 asked, 156 found, 2 requests');
		expect(run.stdout).toMatch(/Semantic Scholar: 156 asked, 6 found, 1 request, unknown to it: ARXIV:2501\.00001/);
	});

	it('sends SEMANTIC_SCHOLAR_API_KEY as x-api-key', async () => {
		const { dir } = bigCatalogue(0);
		const arxiv = await bed.service(arxivAnswer(ARXIV_PAPERS));
		const s2 = await bed.service(s2Answer(S2_PAPERS));

		const run = await runEnrich(dir, [], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, SEMANTIC_SCHOLAR_API_KEY: 'test-key' });

		expect(run.code).toBe(0);
		expect(s2.requests[0]!.headers['x-api-key']).toBe('test-key');
		expect(arxiv.requests[0]!.headers['x-api-key']).toBeUndefined();
	});
});

describe('npm run enrich with one failed batch', () => {
	it('writes what the answered batch gave, names the papers of the failed one and exits 1', async () => {
		const { dir, known } = bigCatalogue(150);
		const healthy = arxivAnswer(known);
		const arxiv = await bed.service((req) => ((req.url.searchParams.get('id_list') ?? '').split(',').length === 100 ? { status: 503, body: 'Service Unavailable' } : healthy(req)));
		const s2 = await bed.service(s2Answer(S2_PAPERS));

		const run = await runEnrich(dir, ['--apply'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, ENRICH_ATTEMPTS: '2' });

		expect(run.code).toBe(1);
		const asked = arxiv.requests.map((r) => (r.url.searchParams.get('id_list') ?? '').split(','));
		const answered = asked.find((ids) => ids.length === 56)!;
		expect(asked.filter((ids) => ids.length === 100)).toHaveLength(2);
		const one = answered.find((id) => id.startsWith('2501.'))!;
		const n = Number(one.slice(5));
		expect(readIn(dir, `papers/extra-${n}.yaml`)).toContain(`authors: [Author ${n}]`);
		const unread = asked[0]!.find((id) => id.startsWith('2501.'))!;
		expect(readIn(dir, `papers/extra-${Number(unread.slice(5))}.yaml`)).not.toContain('authors:');
		expect(run.stdout).toContain('✗ arXiv: 100 papers were not read (HTTP 503 after 2 tries)');
	});
});

describe('npm run enrich --json on a large catalogue', () => {
	it('prints the whole report into a pipe whose reader starts late (an early exit would cut it at 64 KB)', async () => {
		const { dir, known } = bigCatalogue(150);
		const arxiv = await bed.service(arxivAnswer(known));
		const s2 = await bed.service(s2Answer(S2_PAPERS));
		const env = cleanEnv({ CATALOGUE_DIR: dir, ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, ARXIV_DELAY_MS: '0', SEMANTIC_SCHOLAR_DELAY_MS: '0' });
		// As in `npm run enrich -- --json | jq …` with a slow reader: nothing is read for a second.
		const child = spawn('sh', ['-c', `"$NODE_BIN" scripts/enrich.ts --json | (sleep 1; cat)`], { cwd: ROOT, env: { ...env, NODE_BIN: NODE } });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		await new Promise((resolve) => child.on('close', resolve));

		expect(out.length).toBeGreaterThan(65_536);
		expect(JSON.parse(out).papers).toHaveLength(152);
	});
});
