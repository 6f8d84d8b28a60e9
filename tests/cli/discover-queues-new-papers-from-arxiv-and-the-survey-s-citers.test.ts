/**
 * Issue 16's "done when": against fakes that serve a known paper, a rejected one and two new ones,
 * `npm run discover -- --arxiv --citations` queues exactly the two new ones, each with its
 * abstract, authors, date and three suggestions; --dry-run writes nothing; with both services down
 * it exits 1 and every file is byte for byte as before.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readIn, runScript, writeIn } from '../helpers/catalogue.ts';
import { arxivSearchAnswer, s2CitationsAnswer } from './enrich-fake-services.ts';
import { filesOf } from './enrich-known-papers.ts';
import { ARXIV_HITS, CITERS, discoverTestbed, KNOWN_ARXIV, PREFIX, QUANT, REJECTED, runDiscover, STORAGE } from './discover-fake-feeds.ts';

const bed = discoverTestbed();
const today = new Date().toISOString().slice(0, 10);
const QUANT_LEAVES = ['fixed-precision-quantization', 'mixed-precision-quantization', 'outlier-redistribution'];
const down = () => bed.service(() => ({ status: 503, body: 'Service Unavailable' }));

describe('npm run discover -- --arxiv --citations', () => {
	it('queues exactly the two new papers, each with its abstract, authors, first date and three suggested leaves', async () => {
		const { arxiv, s2, env } = await bed.healthy();
		const dir = bed.catalogue();

		const run = await runDiscover(dir, ['--arxiv', '--since', '2026-11-01', '--citations'], env);

		expect(run.code, run.stderr).toBe(0);
		expect(readdirSync(path.join(dir, 'candidates')).sort()).toEqual(['lowbitkv.yaml', 'shareroot.yaml']);
		const quant = parse(readIn(dir, 'candidates/lowbitkv.yaml'));
		const prefix = parse(readIn(dir, 'candidates/shareroot.yaml'));
		expect(quant).toMatchObject({ title: QUANT.title, aliases: ['LowBitKV'], paper: `https://arxiv.org/abs/${QUANT.id}`, arxiv: QUANT.id, authors: QUANT.authors, date: '2026-11-20', abstract: QUANT.summary, abstractSource: 'arXiv' });
		expect(prefix).toMatchObject({ title: PREFIX.title, arxiv: PREFIX.id, authors: PREFIX.authors, date: '2026-11-18', abstract: PREFIX.summary, abstractSource: 'arXiv' });
		for (const c of [quant, prefix]) {
			expect(c.suggestions).toHaveLength(3);
			expect(c.venue).toBeUndefined();
		}
		expect(quant.suggestions.map((s: { category: string }) => s.category).some((slug: string) => QUANT_LEAVES.includes(slug))).toBe(true);
		expect(prefix.suggestions.map((s: { category: string }) => s.category)).toContain('prefix-aware-design');
		// Found by both sources: one candidate, two sightings, each saying why it was kept; arXiv's abstract, not Semantic Scholar's.
		expect(quant.found).toEqual([
			{ source: 'arXiv search', at: today, where: 'cs.LG, submitted 2026-11-20', why: 'its title or abstract names the KV cache ("KV cache") and names a language model ("LLM")' },
			{ source: 'Semantic Scholar: cites arXiv:2412.19442', at: today, where: expect.stringMatching(/^https:\/\/www\.semanticscholar\.org\/paper\/c0+1$/), why: 'cites the survey, and its title or abstract names the KV cache ("KV cache") and names a language model ("LLM")' },
		]);
		expect(run.stdout).toContain('read arXiv search (submitted since 2026-11-01): 4 hits, 3 kept, 1 dropped (1 fail "names a language model"); 1 request');
		expect(run.stdout).toContain('read Semantic Scholar citations (papers citing arXiv:2412.19442): 4 hits, 3 kept, 1 dropped (1 fail "names the KV cache"); 1 request');
		expect(run.stdout).toMatch(/✓ queued 2 in \S+ \(1 in the catalogue, 2 rejected before, 0 queued already, 1 found twice\)/);
		expect(arxiv.requests[0]!.url.searchParams.get('search_query')).toBe('(ti:"KV cache" OR abs:"KV cache" OR ti:"key-value cache" OR abs:"key-value cache" OR ti:"KV-cache" OR abs:"KV-cache" OR ti:"KVCache" OR abs:"KVCache" OR ti:"key value cache" OR abs:"key value cache") AND (cat:cs.CL OR cat:cs.LG OR cat:cs.AI OR cat:cs.DC OR cat:cs.AR)');
		expect(s2.requests).toHaveLength(1);
		expect(JSON.parse(readIn(dir, 'discover-state.json'))).toEqual({ arxiv: { checked: today, since: '2026-11-01', hits: 4 }, citations: { checked: today, citers: 4 } });
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});

	it('reports the known, rejected and dropped hits in --json, and with --dry-run writes nothing', async () => {
		const { env } = await bed.healthy();
		const dir = bed.catalogue();
		const before = filesOf(dir);

		const run = await runDiscover(dir, ['--arxiv', '--since', '2026-11-01', '--citations', '--dry-run', '--json'], env);

		expect(run.code).toBe(0);
		expect(filesOf(dir)).toEqual(before);
		const json = JSON.parse(run.stdout);
		expect(json.candidates.map((c: { id: string; date: string }) => [c.id, c.date])).toEqual([['lowbitkv', '2026-11-20'], ['shareroot', '2026-11-18']]);
		expect(json.counts).toEqual({ read: 6, new: 2, known: 1, rejected: 2, queued: 0, repeated: 1, filtered: 2, problems: 0, failed: 0 });
		expect(json.known).toEqual([expect.objectContaining({ id: 'apt-serve', where: `arXiv ${KNOWN_ARXIV}` })]);
		expect(json.rejected.map((r: { where: string }) => r.where)).toEqual([`arXiv ${REJECTED.id}`, `arXiv ${REJECTED.id}`]);
		expect(json.services).toEqual([
			{ source: 'arXiv search', asked: 'submitted since 2026-11-01', read: 4, kept: 3, dropped: 1, failedBy: { 'names the KV cache': 0, 'names a language model': 1 }, proposed: 3, requests: 1, failure: null },
			{ source: 'Semantic Scholar citations', asked: 'papers citing arXiv:2412.19442', read: 4, kept: 3, dropped: 1, failedBy: { 'names the KV cache': 1, 'names a language model': 0 }, proposed: 3, requests: 1, failure: null },
		]);
		expect(json.written).toBe(false);
		expect(JSON.stringify(json)).not.toContain(STORAGE.id);
	});

	it('exits 1 and leaves every file byte for byte when both services are down', async () => {
		const arxiv = await down();
		const s2 = await down();
		const dir = bed.catalogue();
		const before = filesOf(dir);

		const run = await runDiscover(dir, ['--arxiv', '--citations'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url });

		expect(run.code).toBe(1);
		expect(filesOf(dir)).toEqual(before);
		expect(existsSync(path.join(dir, 'discover-state.json'))).toBe(false);
		expect(arxiv.requests).toHaveLength(2);
		expect(s2.requests).toHaveLength(2);
		expect(run.stderr).toContain('✗ arXiv search: HTTP 503 after 2 tries');
		expect(run.stderr).toContain('✗ Semantic Scholar citations: HTTP 503 after 2 tries (at offset 0)');
		expect(run.stdout).toContain('✓ nothing new to queue');
	});

	it('keeps what arXiv gave when Semantic Scholar is down: its candidates and its state written, exit 1', async () => {
		const { arxiv } = await bed.healthy();
		const s2 = await down();
		const dir = bed.catalogue();

		const run = await runDiscover(dir, ['--arxiv', '--citations'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url });

		expect(run.code).toBe(1);
		expect(readdirSync(path.join(dir, 'candidates')).sort()).toEqual(['lowbitkv.yaml', 'shareroot.yaml']);
		expect(JSON.parse(readIn(dir, 'discover-state.json'))).toEqual({ arxiv: { checked: today, since: '2025-07-30', hits: 4 } });
		expect(run.stdout).toContain('✗ Semantic Scholar citations (papers citing arXiv:2412.19442): 0 hits, 0 kept; 2 requests; did not answer in full (see below)');
	});

	it('keeps the pages arXiv gave before a page failed, but leaves its day alone so the next run reads them again', async () => {
		const search = arxivSearchAnswer(ARXIV_HITS);
		const arxiv = await bed.service((req, nth) => (nth === 1 ? search(req) : { status: 500, body: 'Internal Server Error' }));
		const s2 = await bed.service(s2CitationsAnswer(CITERS));
		const dir = bed.catalogue();
		writeIn(dir, 'discover.yaml', readIn(dir, 'discover.yaml').replace('pageSize: 100\n  maxResults', 'pageSize: 2\n  maxResults'));

		const run = await runDiscover(dir, ['--arxiv', '--citations'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url });

		expect(run.code).toBe(1);
		expect(arxiv.requests.map((r) => r.url.searchParams.get('start'))).toEqual(['0', '2', '2']);
		expect(readdirSync(path.join(dir, 'candidates')).sort()).toEqual(['lowbitkv.yaml', 'shareroot.yaml']);
		expect(JSON.parse(readIn(dir, 'discover-state.json'))).toEqual({ citations: { checked: today, citers: 4 } });
		expect(run.stderr).toContain('✗ arXiv search: HTTP 500 after 2 tries; the 2 hits read before were kept');
	});

	it('reads arXiv back to the last full run less the overlap the next time, and proposes nothing twice', async () => {
		const { env } = await bed.healthy();
		const dir = bed.catalogue();
		await runDiscover(dir, ['--arxiv', '--citations'], env);
		const overlap = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);

		const again = JSON.parse((await runDiscover(dir, ['--arxiv', '--citations', '--json'], env)).stdout);

		expect(again.services[0].asked).toBe(`submitted since ${overlap}`);
		expect(again.candidates).toEqual([]);
	});

	it('refuses a source missing, --since without --arxiv and a day that is not one, with exit 2', async () => {
		const dir = bed.catalogue();

		const runs = await Promise.all([runDiscover(dir, [], {}), runDiscover(dir, ['--citations', '--since', '2026-01-01'], {}), runDiscover(dir, ['--arxiv', '--since', '2026-02-30'], {})]);

		expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
		expect(runs[0]!.stderr).toContain('name at least one source: --list FILE.md, --arxiv or --citations');
		expect(runs[1]!.stderr).toContain('--since goes with --arxiv');
		expect(runs[2]!.stderr).toContain('--since "2026-02-30" is not a day; write it YYYY-MM-DD');
	});
});
