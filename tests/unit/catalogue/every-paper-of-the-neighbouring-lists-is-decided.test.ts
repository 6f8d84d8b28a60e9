/**
 * The committed catalogue has decided every paper of the two neighbouring lists (issue 15): each
 * arXiv id they link is a paper of the catalogue or a rejection with its reason, none is left in
 * the queue, and discovering the lists again proposes nothing. Sources in tests/fixtures/neighbours.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arxivId, paperArxivId } from '../../../src/catalogue/links.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { ROOT, runScript } from '../../helpers/catalogue.ts';

const DIR = path.join(ROOT, 'tests/fixtures/neighbours');
const MIT_LIST = path.join(DIR, 'awesome-kv-cache-compression-2025-07-31-fc35c8c.md');
const catalogue = loadCatalogueOrThrow(path.join(ROOT, 'data'));
const inCatalogue = new Set(catalogue.papers.map(paperArxivId).filter((id): id is string => !!id));
const rejected = new Map(catalogue.rejections.map((r) => [r.arxiv ?? arxivId(r.paper), r]));

const idsIn = (text: string) => [...new Set([...text.matchAll(/arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/g)].map((m) => m[1]!))];
const lists = {
	'October2001/Awesome-KV-Cache-Compression': idsIn(readFileSync(MIT_LIST, 'utf8')),
	'Zefan-Cai/Awesome-LLM-KV-Cache': (JSON.parse(readFileSync(path.join(DIR, 'awesome-llm-kv-cache-2025-03-03-ca37e41.arxiv-ids.json'), 'utf8')) as { arxiv: string[] }).arxiv,
};

describe('the neighbouring lists', () => {
	it.each(Object.entries(lists))('%s: every arXiv id it links is a paper of the catalogue or a rejection with a reason', (_name, ids) => {
		const undecided = ids.filter((id) => !inCatalogue.has(id) && !rejected.has(id));

		expect(ids.length).toBeGreaterThan(40);
		expect(undecided).toEqual([]);
		for (const id of ids.filter((i) => rejected.has(i))) expect(rejected.get(id)!.reason.split(/\s+/).length, id).toBeGreaterThanOrEqual(4);
	});

	it('leave nothing in the queue, and discovering the MIT list again proposes nothing', () => {
		const run = runScript('discover', ['--list', MIT_LIST, '--dry-run', '--json']);

		expect(catalogue.candidates).toEqual([]);
		expect((JSON.parse(run.stdout) as { candidates: unknown[] }).candidates).toEqual([]);
	});

	it('are papers the atlas added, not papers of the survey\'s list', () => {
		const added = catalogue.papers.filter((p) => p.listed !== true);

		expect(catalogue.papers.filter((p) => p.listed === true)).toHaveLength(150);
		expect(added.length).toBeGreaterThanOrEqual(70);
		for (const p of added) expect(p, p.id).toMatchObject({ added: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), summary: expect.any(String), authors: expect.any(Array) });
	});
});
