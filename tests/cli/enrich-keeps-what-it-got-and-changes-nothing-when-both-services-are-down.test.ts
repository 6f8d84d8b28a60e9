import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIn } from '../helpers/catalogue.ts';
import { arxivAnswer, runEnrich, s2Answer } from './enrich-fake-services.ts';
import { ARXIV_PAPERS, enrichTestbed, filesOf, S2_PAPERS } from './enrich-known-papers.ts';

const bed = enrichTestbed();
// Counts of an earlier run, including a paper the catalogue no longer has: only a run that got answers may rewrite the file.
const OLD_CITATIONS = '{\n  "gone-paper": { "citations": 7, "checked": "2026-11-01" },\n  "kivi": { "citations": 150, "checked": "2026-11-01" },\n  "snapkv": { "citations": 199, "checked": "2026-11-01" }\n}\n';
const catalogue = () => {
	const dir = bed.catalogue();
	writeFileSync(path.join(dir, 'citations.json'), OLD_CITATIONS);
	return dir;
};
const down = () => bed.service(() => ({ status: 500, body: { message: 'Internal Server Error' } }));
/** A port on 127.0.0.1 that nothing listens on (connections are refused). */
async function closedPort(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

describe('npm run enrich when services fail', () => {
	it('exits 1 and leaves every file of the catalogue byte for byte when both services answer 5xx', async () => {
		const arxiv = await down();
		const s2 = await down();
		const dir = catalogue();
		const before = filesOf(dir);

		const run = await runEnrich(dir, ['--apply', '--force'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, ENRICH_ATTEMPTS: '2' });

		expect(run.code).toBe(1);
		expect(filesOf(dir)).toEqual(before);
		expect(arxiv.requests).toHaveLength(2);
		expect(s2.requests).toHaveLength(2);
		expect(run.stdout).toContain('✗ arXiv: 6 papers were not read (HTTP 500 after 2 tries); their authors and dates were not checked');
		expect(run.stdout).toContain('✗ Semantic Scholar: 6 papers were not read (HTTP 500 after 2 tries)');
		expect(run.stdout).toContain('✓ enrich: nothing to write');
	});

	it('exits 1 and changes nothing when both services refuse connections', async () => {
		const dir = catalogue();
		const before = filesOf(dir);

		const run = await runEnrich(dir, ['--apply'], { ARXIV_API_URL: await closedPort(), SEMANTIC_SCHOLAR_API_URL: await closedPort(), ENRICH_ATTEMPTS: '2' });

		expect(run.code).toBe(1);
		expect(filesOf(dir)).toEqual(before);
		expect(run.stdout).toMatch(/✗ arXiv: 6 papers were not read \(network error \(ECONNREFUSED\) after 2 tries\)/);
	});

	it('keeps what arXiv gave when Semantic Scholar is down: authors and dates written, last citation counts kept, exit 1', async () => {
		const arxiv = await bed.service(arxivAnswer(ARXIV_PAPERS));
		const s2 = await down();
		const dir = catalogue();

		const run = await runEnrich(dir, ['--apply'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, ENRICH_ATTEMPTS: '2' });

		expect(run.code).toBe(1);
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('venue: arXiv');
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('date: 2024-12-02');
		expect(readIn(dir, 'citations.json')).toBe(OLD_CITATIONS);
		expect(run.stdout).toContain('their venues and citation counts were not checked (the last counts are kept)');
	});

	it('keeps what Semantic Scholar gave when arXiv is down: venues and citation counts written, exit 1', async () => {
		const arxiv = await down();
		const s2 = await bed.service(s2Answer(S2_PAPERS));
		const dir = catalogue();

		const run = await runEnrich(dir, ['--apply'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url, ENRICH_ATTEMPTS: '1' });

		expect(run.code).toBe(1);
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('year: 2025\nvenue: ICML\n');
		expect(readIn(dir, 'papers/posted-late.yaml')).not.toContain('date:');
		expect(JSON.parse(readIn(dir, 'citations.json')).snapkv.citations).toBe(250);
		expect(JSON.parse(readIn(dir, 'citations.json'))['gone-paper']).toBeUndefined();
		expect(run.stdout).toContain('✗ arXiv: 6 papers were not read (HTTP 500 after 1 try)');
	});

	it('reports ids a service does not know without failing the run', async () => {
		const arxiv = await bed.service(arxivAnswer(new Map([...ARXIV_PAPERS].filter(([id]) => id !== '2412.01234'))));
		const s2 = await bed.service(s2Answer(new Map([...S2_PAPERS].filter(([id]) => id !== 'ARXIV:2412.01234'))));
		const dir = catalogue();

		const run = await runEnrich(dir, ['--apply'], { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url });

		expect(run.code).toBe(0);
		expect(run.stdout).toContain('arXiv: 6 asked, 5 found, 1 request, unknown to it: 2412.01234');
		expect(run.stdout).toContain('Semantic Scholar: 6 asked, 5 found, 1 request, unknown to it: ARXIV:2412.01234');
		expect(readIn(dir, 'papers/posted-late.yaml')).toContain('venue: arXiv');
	});
});
