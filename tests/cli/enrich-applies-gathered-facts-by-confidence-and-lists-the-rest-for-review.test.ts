import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewSchema } from '../../src/catalogue/schema.ts';
import { copyCatalogue, readIn, ROOT, runScript, writeIn } from '../helpers/catalogue.ts';
import { runEnrich, startFakeService, type FakeService } from './enrich-fake-services.ts';
import { filesOf } from './enrich-known-papers.ts';

/** 13 entries of the gathered facts, copied unchanged (its "source" field says from where). */
const FACTS = path.join(ROOT, 'tests/fixtures/metadata/papers.json');

/** Papers the facts are about, as the list gave them, beside the fixture's four. */
const PAPERS: Record<string, string> = {
	fastgen: 'title: "Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs"\nyear: 2023\nvenue: arXiv\ncategories: [dynamic-selection]\npaper: https://arxiv.org/abs/2310.01801\n',
	lorc: 'title: "LoRC: Low-Rank Compression for LLMs KV Cache with a Progressive Compression Strategy"\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\npaper: https://arxiv.org/abs/2410.03111\n',
	ogqa: 'title: Optimised Grouped-Query Attention Mechanism for Transformers\nyear: 2024\nvenue: ICML\ncategories: [quantization]\npaper: https://openreview.net/forum?id=13MMghY6Kh\n',
	smoothquant: 'title: "SmoothQuant: Accurate and Efficient Post-Training Quantization for Large Language Models"\nyear: 2024\nvenue: ICML\ncategories: [quantization]\npaper: https://proceedings.mlr.press/v202/xiao23c.html\n',
	'beyond-uniform': 'title: "Beyond Uniform Query Distribution: Key-Driven Grouped Query Attention"\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\npaper: https://arxiv.org/abs/2408.08454\n',
	'deepseek-v2': 'title: "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model"\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\npaper: https://arxiv.org/abs/2405.04434\n',
	fastserve: 'title: Fast Distributed Inference Serving for Large Language Models\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\npaper: https://arxiv.org/abs/2305.05920\n',
	flexgen: 'title: "FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU"\naliases: [FlexGen]\nyear: 2023\nvenue: ICML\ncategories: [quantization]\npaper: https://proceedings.mlr.press/v202/sheng23a.html\n',
};

let dir = '';
let services: FakeService;
let env: NodeJS.ProcessEnv = {};
beforeEach(async () => {
	dir = copyCatalogue();
	for (const [id, text] of Object.entries(PAPERS)) writeIn(dir, `papers/${id}.yaml`, `# yaml-language-server: $schema=x\n${text}`);
	// vLLM's authors as a person might have cut them: a medium fact must not overwrite them.
	writeIn(dir, 'papers/vllm.yaml', readIn(dir, 'papers/vllm.yaml').replace(/^authors: .*$/m, 'authors: [Woosuk Kwon, Zhuohan Li, Siyuan Zhuang]'));
	// Facts replace the services: any request at all would be a failure of the test.
	services = await startFakeService(() => ({ status: 500 }));
	env = { ARXIV_API_URL: services.url, SEMANTIC_SCHOLAR_API_URL: services.url };
});
afterEach(async () => {
	await services.close();
	rmSync(dir, { recursive: true, force: true });
});
const reviewOf = () => ReviewSchema.parse(JSON.parse(readIn(dir, 'review.json')));

describe('npm run enrich --facts', () => {
	it('matches facts by arXiv id, else by title, and reports without writing or asking any service', async () => {
		const before = filesOf(dir);

		const run = await runEnrich(dir, ['--facts', FACTS], env);

		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/facts: 13 in .*tests\/fixtures\/metadata\/papers\.json \(gathered 2026-12-01\); 8 matched by arXiv id, 3 by title, 2 matched no paper/);
		expect(run.stdout).toContain('review: 7 medium or low facts for data/review.json');
		expect(run.stdout).toContain('  ~ venue: arXiv → ICLR (facts (medium))');
		expect(filesOf(dir)).toEqual(before);
		expect(services.requests).toEqual([]);
	});

	it('writes high and medium facts that fill or upgrade, holds medium and low ones that would overwrite, and lists them in review.json', async () => {
		const run = await runEnrich(dir, ['--facts', FACTS, '--apply'], env);

		expect(run.code).toBe(0);
		// High: authors and the first date go in as given; the arXiv id of a paper linked elsewhere (whose
		// published link is the paper link itself, so not written twice).
		expect(readIn(dir, 'papers/smoothquant.yaml')).toContain('authors: [Guangxuan Xiao, Ji Lin, Mickael Seznec, Hao Wu, Julien Demouth, Song Han]\ndate: 2022-11-18\n');
		expect(readIn(dir, 'papers/smoothquant.yaml')).toContain('paper: https://proceedings.mlr.press/v202/xiao23c.html\narxiv: "2211.10438"\nauthors: [');
		expect(readIn(dir, 'papers/smoothquant.yaml')).not.toContain('published:');
		expect(readIn(dir, 'papers/lorc.yaml')).toContain('published: https://nips.cc/virtual/2024/106503\n');
		// High, but the file already gives a publication: ICML 2024 → 2023 needs --force.
		expect(readIn(dir, 'papers/smoothquant.yaml')).toContain('year: 2024\n');
		expect(run.stdout).toContain('  ! year: 2024 → 2023 (facts (high)): the file says ICML 2024; run with --force to replace it');
		// Medium: preprint venues are upgraded (a new workshop venue joins venues.yaml) ...
		expect(readIn(dir, 'papers/fastgen.yaml')).toContain('year: 2024\nvenue: ICLR\n');
		expect(readIn(dir, 'papers/lorc.yaml')).toContain('venue: NeurIPS ENLSP-IV Workshop\n');
		expect(readIn(dir, 'venues.yaml')).toContain('- name: NeurIPS ENLSP-IV Workshop\n');
		// ... but a publication the file gives is not replaced, and neither are the file's authors.
		expect(readIn(dir, 'papers/ogqa.yaml')).toContain('venue: ICML\n');
		expect(readIn(dir, 'papers/ogqa.yaml')).toContain('arxiv: "2406.14963"');
		expect(readIn(dir, 'papers/vllm.yaml')).toContain('authors: [Woosuk Kwon, Zhuohan Li, Siyuan Zhuang]');
		// Low: nothing; an incomplete author list: not written.
		expect(readIn(dir, 'papers/beyond-uniform.yaml')).not.toContain('authors');
		expect(readIn(dir, 'papers/deepseek-v2.yaml')).toContain('date: 2024-05-07');
		expect(readIn(dir, 'papers/deepseek-v2.yaml')).not.toContain('authors');
		// A fact whose own arXiv id differs from the list's link is not about the linked paper.
		expect(readIn(dir, 'papers/fastserve.yaml')).not.toContain('authors');

		const review = reviewOf();
		expect(Object.keys(review)).toEqual(['beyond-uniform', 'deepseek-v2', 'fastgen', 'flexgen', 'lorc', 'ogqa', 'vllm']);
		expect(review.fastgen).toMatchObject({ from: 'papers.json (gathered 2026-12-01)', confidence: 'medium', applied: ['authors', 'venue', 'year'], notApplied: [] });
		expect(review.fastgen!.sources).toContain('https://liyuanlucasliu.github.io/tags/kv-cache/');
		expect(review.ogqa!.notApplied).toEqual([{ field: 'venue', value: 'ICML ES-FoMo II Workshop', reason: 'medium confidence: a value the file already has changes only on a high-confidence fact' }]);
		expect(review['beyond-uniform']).toMatchObject({ confidence: 'low', applied: [], notApplied: [{ field: 'authors', reason: 'low confidence: nothing is written from this fact' }] });
		expect(review.snapkv).toBeUndefined();
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});

	it('lets npm run doctor list every review entry at the line of the paper it concerns', async () => {
		await runEnrich(dir, ['--facts', FACTS, '--apply'], env);

		const doctor = runScript('doctor', ['--json'], { CATALOGUE_DIR: dir });

		expect(doctor.code).toBe(0);
		const report = JSON.parse(doctor.stdout);
		expect(report.counts['unconfirmed-fact']).toBe(7);
		const lorc = report.findings.find((f: { kind: string; subject: string }) => f.kind === 'unconfirmed-fact' && f.subject === 'lorc');
		expect(lorc.file).toBe(path.join(dir, 'papers/lorc.yaml'));
		expect(lorc.line).toBe(readIn(dir, 'papers/lorc.yaml').split('\n').indexOf('venue: NeurIPS ENLSP-IV Workshop') + 1);
		expect(lorc.message).toMatch(/^medium-confidence fact; written: authors, venue, date, published \(\d+ sources\) — Workshop only/);
		const text = runScript('doctor', [], { CATALOGUE_DIR: dir }).stdout;
		expect(text).toContain('Gathered facts to confirm (medium or low confidence) (7): check each against its sources in data/review.json');
	});

	it('replaces a high fact\'s publication year with --force, never a medium one\'s venue, and keeps review entries on a second run', async () => {
		await runEnrich(dir, ['--facts', FACTS, '--apply'], env);
		const review = readIn(dir, 'review.json');

		const run = await runEnrich(dir, ['--facts', FACTS, '--apply', '--force'], env);

		expect(run.code).toBe(0);
		expect(readIn(dir, 'papers/smoothquant.yaml')).toContain('year: 2023\nvenue: ICML\n');
		expect(readIn(dir, 'papers/ogqa.yaml')).toContain('venue: ICML\n');
		expect(JSON.parse(readIn(dir, 'review.json'))).toEqual(JSON.parse(review));
	});

	it('exits 2 naming the entry and field of a malformed facts file', async () => {
		const bad = writeIn(dir, 'bad-facts.json', JSON.stringify({ gathered: '2026-12-01', papers: [{ ...JSON.parse(readIn(ROOT, 'tests/fixtures/metadata/papers.json')).papers[0], confidence: 'certain' }] }));

		const run = await runEnrich(dir, ['--facts', bad], env);

		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/--facts: .*bad-facts\.json: papers\[0\] \("Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs"\) field confidence: .*"high".*"medium".*"low"/);
	});
});
