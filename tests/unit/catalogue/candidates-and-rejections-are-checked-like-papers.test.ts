import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { copyCatalogue, writeIn } from '../../helpers/catalogue.ts';

const CANDIDATE_SCHEMA = '# yaml-language-server: $schema=../../../../public/schemas/candidate.schema.json\n';
const REJECTIONS_SCHEMA = '# yaml-language-server: $schema=../../../public/schemas/rejections.schema.json\n';
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A copy of the fixture catalogue with these candidate files and this rejections.yaml; the messages relative to it. */
function queueWith(candidates: Record<string, string>, rejections?: string) {
	dir = copyCatalogue();
	mkdirSync(path.join(dir, 'candidates'));
	for (const [name, yaml] of Object.entries(candidates)) writeIn(dir, `candidates/${name}`, CANDIDATE_SCHEMA + yaml);
	if (rejections !== undefined) writeIn(dir, 'rejections.yaml', REJECTIONS_SCHEMA + rejections);
	const { catalogue, diagnostics } = loadCatalogue(dir);
	return { catalogue, lines: diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }).replaceAll(`${dir}/`, '')) };
}

const magicpig = `title: "MagicPIG: LSH Sampling for Efficient LLM Generation"
venue: Arxiv
year: 2024
paper: https://arxiv.org/abs/2410.16179
found:
  - {source: October2001/Awesome-KV-Cache-Compression, at: 2026-12-03, where: "README.md:151"}
suggestions:
  - {category: dynamic-selection, score: 0.61}
`;

const survey = `- title: "Keep the Cost Down: A Review on Methods to Optimize LLM's KV-Cache Consumption"
  paper: https://arxiv.org/abs/2407.18003
  kind: survey
  reason: A survey of KV-cache methods, not a method of its own.
  decided: 2026-12-03
`;

describe('the queue of candidates and the rejections', () => {
	it('loads beside the catalogue without becoming papers of it', () => {
		const { catalogue, lines } = queueWith({ 'magicpig.yaml': magicpig }, survey);

		expect(lines).toEqual([]);
		expect(catalogue?.papers.map((p) => p.id)).toEqual(['h2o', 'kivi', 'markup-title', 'snapkv', 'vllm']);
		expect(catalogue?.candidates.map((c) => [c.id, c.venue, c.found[0]!.source])).toEqual([['magicpig', 'Arxiv', 'October2001/Awesome-KV-Cache-Compression']]);
		expect(catalogue?.rejections.map((r) => [r.kind, r.title.slice(0, 18)])).toEqual([['survey', 'Keep the Cost Down']]);
	});

	it('reports a file where the candidates folder belongs, instead of failing to read it', () => {
		dir = copyCatalogue();
		writeIn(dir, 'candidates', CANDIDATE_SCHEMA + magicpig);

		const { catalogue, diagnostics } = loadCatalogue(dir);

		expect(catalogue).toBeNull();
		expect(diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }))).toEqual([
			'candidates:1:1  (file name)  "candidates" must be a folder of one .yaml file per entry, not a file; move its entries into candidates/<id>.yaml and remove the file',
		]);
	});

	it('refuses a candidate that names a catalogue paper by its arXiv id in another form', () => {
		const snapkvAgain = magicpig.replace('https://arxiv.org/abs/2410.16179', 'https://arxiv.org/pdf/2404.14469v2.pdf');

		const { catalogue, lines } = queueWith({ 'snapkv-again.yaml': snapkvAgain });

		expect(catalogue).toBeNull();
		expect(lines).toEqual(['candidates/snapkv-again.yaml:5:8  paper  names the catalogue paper papers/snapkv.yaml (arXiv 2404.14469); it is filed already: delete this candidate']);
	});

	it('refuses a rejection of a catalogue paper, found by its title', () => {
		const rejectKivi = `- title: "KIVI: a tuning-free asymmetric 2bit quantization for KV cache"
  paper: https://openreview.net/forum?id=L057s2Rq8O
  kind: other
  reason: Written here only to show that a catalogue paper cannot be rejected.
  decided: 2026-12-03
`;

		const { lines } = queueWith({}, rejectKivi);

		expect(lines).toEqual([`rejections.yaml:3:10  0.paper  names the catalogue paper ${'papers/kivi.yaml'} (the same title); a paper of the catalogue cannot be rejected: remove this entry, or delete the paper file if it should go`]);
	});

	it('refuses a candidate of a rejected paper, so a rejected paper is never proposed again', () => {
		const again = magicpig.replace('MagicPIG: LSH Sampling for Efficient LLM Generation', 'Keep the cost down: a review').replace('2410.16179', '2407.18003v3');

		const { lines } = queueWith({ 'keep.yaml': again }, survey);

		expect(lines).toEqual(['candidates/keep.yaml:5:8  paper  names the paper rejected at rejections.yaml:2 (arXiv 2407.18003); delete this candidate, or remove the rejection to reconsider it']);
	});

	it('refuses the same paper queued twice, and a candidate whose id a paper has', () => {
		const { lines } = queueWith({ 'magicpig.yaml': magicpig, 'magicpig-2.yaml': magicpig.replace('abs/2410.16179', 'abs/2410.16179v4'), 'kivi.yaml': magicpig.replace('2410.16179', '2501.00001').replace('MagicPIG: LSH', 'Another: LSH') });

		expect(lines).toEqual([
			'candidates/kivi.yaml:2:1  (file)  id "kivi" is taken by papers/kivi.yaml; rename this file so that accepting it cannot overwrite that paper',
			'candidates/magicpig.yaml:5:8  paper  names the paper already queued as candidates/magicpig-2.yaml (arXiv 2410.16179); keep one candidate',
		]);
	});

	it('says where each field of a candidate or rejection is wrong and how to fix it', () => {
		const bad = magicpig.replace('found:', 'fuond:').replace('dynamic-selection', 'dynamic-selections');
		const badRejection = survey.replace('kind: survey', 'kind: boring').replace('reason: A survey of KV-cache methods, not a method of its own.', 'reason: survey');

		const { lines } = queueWith({ 'magicpig.yaml': bad }, badRejection);

		expect(lines).toEqual([
			'candidates/magicpig.yaml:2:1  found  is required but missing; add "found:"',
			'candidates/magicpig.yaml:6:1  fuond  unknown field "fuond" — did you mean "found"?',
			'rejections.yaml:4:9  0.kind  must be one of "survey", "prompt-compression", "vision-tokens", "weight-or-activation-sparsity", "not-kv-cache", "not-a-paper", "other"',
			'rejections.yaml:5:11  0.reason  must say why in a sentence, such as "A survey of KV-cache methods, not a method."',
		]);
	});

	it('names a suggested category that is not a leaf, with the leaf it likely meant', () => {
		const { lines } = queueWith({ 'magicpig.yaml': magicpig.replace('dynamic-selection', 'dynamic-selections') });

		expect(lines).toEqual(['candidates/magicpig.yaml:9:16  suggestions.0.category  unknown category "dynamic-selections" — did you mean "dynamic-selection"?']);
	});
});
