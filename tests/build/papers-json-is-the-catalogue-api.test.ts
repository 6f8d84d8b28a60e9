import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { buildDir } from '../helpers/build-dir.ts';
import { FIXTURE, runScript } from '../helpers/catalogue.ts';

const BASE = '/Awesome-KV-Cache-Management/';
let out = '';
let api: { taxonomy: Array<Record<string, unknown>>; papers: Array<Record<string, unknown>> };

beforeAll(() => {
	out = buildDir('atlas-api-');
	const run = runScript('build', [], { CATALOGUE_DIR: FIXTURE, DIST_DIR: path.join(out, 'dist'), BASE_PATH: BASE });
	if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
	api = JSON.parse(readFileSync(path.join(out, 'dist/papers.json'), 'utf8'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dist/papers.json', () => {
	it('holds the taxonomy with base-path URLs for every node', () => {
		const [token] = api.taxonomy;

		expect(api.taxonomy.map((n) => n.slug)).toEqual(['token-level', 'system-level']);
		expect(token).toMatchObject({ slug: 'token-level', title: 'Token-level Optimization', url: `${BASE}token-level/` });
		expect((token!.children as Array<Record<string, unknown>>)[0]).toMatchObject({
			url: `${BASE}token-level/selection/`,
			children: [
				{ slug: 'static-selection', title: 'Static KV Cache Selection', url: `${BASE}token-level/selection/static-selection/`, children: [] },
				{ slug: 'dynamic-selection', title: 'Dynamic Selection', url: `${BASE}token-level/selection/dynamic-selection/`, children: [] },
			],
		});
	});

	it('lists every paper once with exactly the documented fields', () => {
		const ids = loadCatalogue(FIXTURE).catalogue!.papers.map((p) => p.id);

		expect(api.papers.map((p) => p.id)).toEqual(ids);
		for (const p of api.papers) {
			expect(Object.keys(p)).toEqual(['id', 'title', 'aliases', 'year', 'venue', 'categories', 'paper', 'code', 'repo', 'stars', 'url', 'authors', 'date', 'doi', 'listed', 'benchmarks']);
		}
	});

	it('derives repo and stars from the code link and the snapshot, null when unknown', () => {
		const byId = new Map(api.papers.map((p) => [p.id, p]));

		expect(byId.get('vllm')).toEqual({
			id: 'vllm',
			title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention',
			aliases: ['vLLM', 'PagedAttention'],
			year: 2023,
			venue: 'SOSP',
			categories: ['memory-management', 'dynamic-selection'],
			paper: 'https://arxiv.org/pdf/2309.06180',
			code: 'https://github.com/vllm-project/vllm',
			repo: 'vllm-project/vllm',
			stars: 61234,
			url: `${BASE}papers/vllm/`,
			authors: ['Woosuk Kwon', 'Zhuohan Li', 'Siyuan Zhuang', 'Ying Sheng', 'Lianmin Zheng', 'Cody Hao Yu', 'Joseph E. Gonzalez', 'Hao Zhang', 'Ion Stoica'],
			date: '2023-09-12',
			doi: '10.1145/3600006.3613165',
			listed: true,
			benchmarks: [],
		});
		expect(byId.get('h2o')).toMatchObject({ repo: 'FMInference/H2O', stars: null });
		expect(byId.get('markup-title')).toMatchObject({ repo: null, stars: null, aliases: [], title: '<script>alert(1)</script> & <b>Bold</b> Claims about KV Caches' });
	});

	it('gives every paper its authors in order, first version and DOI: an empty list and nulls when unknown', () => {
		const byId = new Map(api.papers.map((p) => [p.id, p]));
		const catalogue = loadCatalogue(FIXTURE).catalogue!;

		for (const p of catalogue.papers) expect(byId.get(p.id), p.id).toMatchObject({ authors: p.authors ?? [], date: p.date ?? null, doi: p.doi ?? null });
		expect(byId.get('kivi')).toMatchObject({ authors: ['Zirui Liu', 'Jiayi Yuan', 'Hongye Jin', 'Shaochen Zhong', 'Zhaozhuo Xu', 'Vladimir Braverman', 'Beidi Chen', 'Xia Hu'], date: '2024-02-05', doi: null });
		expect(byId.get('markup-title')).toMatchObject({ authors: [], date: null, doi: null });
	});
});
