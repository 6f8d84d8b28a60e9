import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/catalogue/diagnostics.ts';
import { arxivSearchQuery, checkDiscoverConfig, DEFAULT_DISCOVER_CONFIG, discoverJsonSchemas, readDiscoverConfig } from '../../../../src/maintain/discover/config.ts';
import { copyCatalogue, ROOT, runScript, writeIn } from '../../../helpers/catalogue.ts';

const SHIPPED = readFileSync(path.join(ROOT, 'data/discover.yaml'), 'utf8');
const check = (text: string) => checkDiscoverConfig('data/discover.yaml', text);

describe('data/discover.yaml', () => {
	it('as shipped holds the defaults: the five spellings of the KV cache in cs.CL, cs.LG, cs.AI, cs.DC and cs.AR, the survey, and two rules with their reasons', () => {
		const { config, diagnostics } = check(SHIPPED);

		expect(diagnostics).toEqual([]);
		expect(config).toEqual(DEFAULT_DISCOVER_CONFIG);
		expect(config!.arxiv.terms).toEqual(['KV cache', 'key-value cache', 'KV-cache', 'KVCache', 'key value cache']);
		expect(config!.arxiv.categories).toEqual(['cs.CL', 'cs.LG', 'cs.AI', 'cs.DC', 'cs.AR']);
		expect(config!.citations.paper).toBe('2412.19442');
		expect(config!.keep.map((r) => r.rule)).toEqual(['names the KV cache', 'names a language model']);
	});

	it('becomes one arXiv query: each term in titles or abstracts, in any of the categories', () => {
		expect(arxivSearchQuery({ ...DEFAULT_DISCOVER_CONFIG.arxiv, terms: ['KV cache', 'KVCache'], categories: ['cs.CL', 'cs.AR'] })).toBe('(ti:"KV cache" OR abs:"KV cache" OR ti:"KVCache" OR abs:"KVCache") AND (cat:cs.CL OR cat:cs.AR)');
	});

	it('names each mistake at its file, line and field, with the fix', () => {
		const text = SHIPPED.replace('categories: [cs.CL,', 'categories: [CS CL,').replace('terms: [KV cache, key-value cache,', 'terms: [KV cache, \'key-value "cache"\',').replace('pageSize: 100\n  maxResults', 'pageSize: 5000\n  maxResults').replace('  maxCiters: 5000', '  maxCiter: 5000');

		const { config, diagnostics } = check(text);

		expect(config).toBeNull();
		expect(diagnostics.map(formatDiagnostic)).toEqual([
			'data/discover.yaml:8:21  arxiv.terms.1  must not hold a double quote or a backslash: each term is searched as one phrase',
			'data/discover.yaml:9:16  arxiv.categories.0  must be an arXiv category such as cs.CL',
			'data/discover.yaml:19:13  arxiv.pageSize  must be at most 2000 (arXiv\'s limit per request)',
			'data/discover.yaml:23:3  citations.maxCiters  is required but missing; add "maxCiters:"',
			'data/discover.yaml:25:3  citations.maxCiter  unknown field "maxCiter" — did you mean "maxCiters"?',
		]);
	});

	it('is checked by npm run validate, and optional: without it discover uses the defaults', () => {
		const dir = copyCatalogue();
		const absent = readDiscoverConfig(dir);
		writeIn(dir, 'discover.yaml', SHIPPED.replace('overlapDays: 7', 'overlapDays: a week'));

		const run = runScript('validate', [], { CATALOGUE_DIR: dir });

		expect(absent).toEqual({ config: DEFAULT_DISCOVER_CONFIG, diagnostics: [], fromFile: false });
		expect(run.code).toBe(1);
		expect(run.stdout + run.stderr).toMatch(/discover\.yaml:\d+:16 {2}arxiv\.overlapDays {2}/);
	});

	it('has its JSON Schema committed in public/schemas/ (run "npm run schemas" when this fails)', () => {
		for (const [name, text] of Object.entries(discoverJsonSchemas())) expect(readFileSync(path.join(ROOT, 'public/schemas', name), 'utf8')).toBe(text);
	});
});
