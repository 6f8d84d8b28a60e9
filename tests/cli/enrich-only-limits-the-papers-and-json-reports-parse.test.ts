import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIn } from '../helpers/catalogue.ts';
import { runEnrich } from './enrich-fake-services.ts';
import { enrichTestbed, filesOf } from './enrich-known-papers.ts';

const bed = enrichTestbed();

describe('npm run enrich --only and --json', () => {
	it('asks about and changes only the papers named by --only', async () => {
		const { dir, services } = await bed.healthy();
		const kivi = readIn(dir, 'papers/kivi.yaml');

		const run = await runEnrich(dir, ['--apply', '--only', 'snapkv', 'posted-late'], services.env);

		expect(run.code).toBe(0);
		expect(services.arxiv.requests.map((r) => r.url.searchParams.get('id_list')?.split(',').sort())).toEqual([['2404.14469', '2412.01234']]);
		expect(JSON.parse(services.s2.requests[0]!.body).ids.sort()).toEqual(['ARXIV:2404.14469', 'ARXIV:2412.01234']);
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('venue: ICML');
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('date: 2024-12-02');
		expect(readIn(dir, 'papers/kivi.yaml')).toBe(kivi);
		expect(Object.keys(JSON.parse(readIn(dir, 'citations.json')))).toEqual(['posted-late', 'snapkv']);
	});

	it('accepts a comma-separated --only list and a repeated --only', async () => {
		const { dir, services } = await bed.healthy();

		const run = await runEnrich(dir, ['--only', 'snapkv,kivi', '--only', 'h2o'], services.env);

		expect(run.code).toBe(0);
		expect(services.arxiv.requests[0]!.url.searchParams.get('id_list')?.split(',').sort()).toEqual(['2306.14048', '2402.02750', '2404.14469']);
	});

	it('prints one JSON report on stdout with --json: each paper\'s changes, the services\' counts and what was written', async () => {
		const { dir, services } = await bed.healthy();

		const run = await runEnrich(dir, ['--apply', '--json'], services.env);

		expect(run.code).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(report).toMatchObject({ mode: 'services', apply: true, force: false, considered: 7, problems: [], newVenues: ['Findings of ACL'] });
		expect(report.services.arxiv).toEqual({ asked: 6, found: 6, notFound: [], failed: [], requests: 1 });
		expect(report.services.notLookedUp).toEqual(['markup-title']);
		const posted = report.papers.find((p: { id: string }) => p.id === 'posted-late');
		expect(posted.changes).toContainEqual({ field: 'venue', from: 'arXiv', to: 'ICML', status: 'upgrade', source: 'Semantic Scholar' });
		expect(posted.changes).toContainEqual({ field: 'year', from: 2024, to: 2025, status: 'upgrade', source: 'Semantic Scholar' });
		// The whole abstract in the JSON, however the text report shortens it.
		expect(posted.changes).toContainEqual({ field: 'abstract', from: null, to: 'Posted Late evicts cold tokens from the KV cache of large language models, and was published a year after its preprint.', status: 'fill', source: 'arXiv' });
		expect(report.counts).toEqual({ papersChanged: 2, fieldsChanged: 10, needForce: 0, held: 0, unknownVenues: 0 });
		expect(report.written).toEqual(expect.arrayContaining([expect.stringMatching(/papers\/posted-late\.yaml$/), expect.stringMatching(/venues\.yaml$/), expect.stringMatching(/citations\.json$/)]));
		expect(report.citations.updated).toBe(6);
	});

	it('exits 2 on a bad flag, an unknown paper id or a missing facts file, and changes nothing', async () => {
		const { dir, services } = await bed.healthy();
		const before = filesOf(dir);

		const runs = await Promise.all([
			runEnrich(dir, ['--apply', '--bogus'], services.env),
			runEnrich(dir, ['--apply', '--only', 'snapvk'], services.env),
			runEnrich(dir, ['--apply', 'snapkv'], services.env),
			runEnrich(dir, ['--facts', 'no/such/facts.json'], services.env),
		]);

		expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
		expect(runs[0]!.stderr).toContain("Unknown option '--bogus'");
		expect(runs[1]!.stderr).toContain('--only: no paper "snapvk" in');
		expect(runs[1]!.stderr).toContain('did you mean "snapkv"?');
		expect(runs[2]!.stderr).toContain('unexpected argument "snapkv"; name papers with --only ID…');
		expect(runs[3]!.stderr).toContain('--facts: no/such/facts.json: no such file');
		expect(services.arxiv.requests).toEqual([]);
		expect(filesOf(dir)).toEqual(before);
	});

	it('exits 1 with the validator\'s messages when the catalogue is invalid, asking nothing', async () => {
		const { dir, services } = await bed.healthy();
		writeFileSync(`${dir}/papers/kivi.yaml`, readIn(dir, 'papers/kivi.yaml').replace('venue: ICML', 'venue: ICMLL'));

		const run = await runEnrich(dir, ['--apply'], services.env);

		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/papers\/kivi\.yaml:5:\d+ {2}venue {2}unknown venue "ICMLL" — did you mean "ICML"\?/);
		expect(services.arxiv.requests).toEqual([]);
	});
});
