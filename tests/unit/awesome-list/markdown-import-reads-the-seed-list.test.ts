import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatImportMessage } from '../../../src/awesome-list/report.ts';
import { arxivId } from '../../../src/catalogue/links.ts';
import { importMarkdown, type ImportedPaper } from '../../../src/awesome-list/import.ts';
import { buildTree } from '../../../src/catalogue/tree.ts';
import { SEED_LIST } from '../../helpers/catalogue.ts';

const SEED = SEED_LIST;
const text = readFileSync(SEED, 'utf8');
const result = importMarkdown(text);
const lines = text.split('\n');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** 1-based line of the first table row whose title cell starts with `title` (is `title`, with `exact`). */
const rowLine = (title: string, exact = false) => lines.findIndex((l) => new RegExp(`^\\| \\d{4} \\| ${escape(title)}${exact ? '\\s*\\|' : ''}`).test(l)) + 1;
const byTitle = (start: string): ImportedPaper => {
	const found = result.papers.filter((p) => p.data.title.startsWith(start));
	expect(found, `one paper titled "${start}…"`).toHaveLength(1);
	return found[0]!;
};
const messages = result.messages.map((m) => formatImportMessage('seed.md', m));

describe('importing the seed list', () => {
	it('reads all 139 rows and merges them into 130 papers', () => {
		expect(result.fatal).toBeUndefined();
		expect(result.rows).toBe(139);
		expect(result.merged).toBe(9);
		expect(result.papers).toHaveLength(130);
	});

	it('turns the headings into the three-level taxonomy, with both "Compression" leaves told apart by their parent', () => {
		const tree = buildTree(result.taxonomy);

		expect(result.taxonomy.map((n) => n.title)).toEqual(['Token-level Optimization', 'Model-level Optimization', 'System-level Optimization', 'Datasets and Benchmarks']);
		expect(tree.leaves).toHaveLength(31);
		expect(tree.bySlug.get('intra-later-compression')?.parent?.title).toBe('Intra later');
		expect(tree.bySlug.get('cross-layer-compression')?.parent?.title).toBe('Cross Layer');
		expect(tree.bySlug.get('compression')).toBeUndefined();
		expect(tree.bySlug.get('static-kv-cache-selection')?.path).toEqual(['token-level-optimization', 'kv-cache-selection', 'static-kv-cache-selection']);
	});

	it('keeps "Datasets and Benchmarks" as a leaf with its paragraph as description', () => {
		const datasets = result.taxonomy.at(-1)!;

		expect(datasets).toEqual({ slug: 'datasets-and-benchmarks', title: 'Datasets and Benchmarks', description: 'Please refer to our paper for detailed information on this section.' });
	});

	it('keeps the intro as preamble and the back-to-top text, and drops the table of contents', () => {
		expect(result.site.title).toBe('Awesome-KV-Cache-Management');
		expect(result.site.preamble).toMatch(/^This repository is dedicated to documenting KV Cache Management papers/);
		expect(result.site.preamble).toMatch(/Thank you!$/);
		expect(result.site.preamble).not.toContain('](#');
		expect(result.site.backToTop).toBe('To Top👆🏻');
		expect(result.site.repository).toBeUndefined();
		expect(result.taxonomy.flatMap((n) => [n.title, ...(n.children ?? []).map((c) => c.title)]).join(' ')).not.toContain('To Top');
	});

	it('puts papers in the category of their table', () => {
		expect(byTitle('SnapKV').data.categories).toEqual(['static-kv-cache-selection']);
		expect(byTitle('GQA:').data.categories).toEqual(['grouped-attention']);
		expect(byTitle('Orca:').data).toMatchObject({ year: 2022, venue: 'OSDI', paper: 'https://www.usenix.org/system/files/osdi22-yu.pdf', categories: ['single-multi-gpu-design'] });
	});

	it.each([
		['FlexGen', 'FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU', ['fixed-precision-quantization', 'ssd-based-design'], ['FlexGen']],
		['LeanKV', 'Unifying KV Cache Compression for Large Language Models with LeanKV', ['head-wise-budget-allocation', 'architectural-design'], ['LeanKV']],
		['vLLM', 'Efficient Memory Management for Large Language Model Serving with PagedAttention', ['architectural-design', 'single-multi-gpu-design'], ['vLLM']],
		['vTensor', 'vTensor: Flexible Virtual Tensor Management for Efficient LLM Serving', ['architectural-design', 'heterogeneous-design'], ['vTensor']],
		['FastServe', 'Fast Distributed Inference Serving for Large Language Models', ['preemptive-and-fairness-oriented-scheduling', 'heterogeneous-design'], ['FastServe']],
		['MatryoshkaKV', 'MatryoshkaKV: Adaptive KV Compression via Trainable Orthogonal Projection', ['learned-low-rank-approximation', 'intra-later-compression'], ['MatryoshkaKV']],
		['FastSwitch', 'FastSwitch: Optimizing Context Switching Efficiency in Fairness-aware Large Language Model Serving', ['preemptive-and-fairness-oriented-scheduling', 'i-o-based-design'], ['FastSwitch']],
		['PQCache', 'PQCache: Product Quantization-based KVCache for Long Context LLM Inference', ['dynamic-selection-without-permanent-eviction', 'fixed-precision-quantization'], ['PQCache']],
	])('merges the rows of %s into one paper under its full title, with every category', (id, title, categories, aliases) => {
		const paper = result.papers.find((p) => p.id === id.toLowerCase())!;

		expect(paper.data.title).toBe(title);
		expect(paper.data.categories).toEqual(categories);
		expect(paper.data.aliases).toEqual(aliases);
		expect(result.papers.filter((p) => p.data.aliases?.includes(id) || p.data.title === id)).toHaveLength(1);
	});

	it('reports every merge at the merged row, with the reason', () => {
		expect(messages).toContain(`seed.md:${rowLine('LeanKV', true)}: merged "LeanKV" into "Unifying KV Cache Compression for Large Language Models with LeanKV" (line ${rowLine('Unifying KV Cache')}): same arXiv id 2412.03131`);
		expect(messages).toContain(`seed.md:${rowLine('FlexGen: High-Throughput Generative Inference of Large Language Models', true)}: merged "FlexGen: High-Throughput Generative Inference of Large Language Models" into "FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU" (line ${rowLine('FlexGen: High-Throughput Generative Inference of Large Language Models with')}): same paper (proceedings.mlr.press/v202/sheng23a)`);
		expect(messages).toContain(`seed.md:${rowLine('MatryoshkaKV', true)}: merged "MatryoshkaKV" into "MatryoshkaKV: Adaptive KV Compression via Trainable Orthogonal Projection" (line ${rowLine('MatryoshkaKV:')}): "MatryoshkaKV" is the short name before its ":"`);
		expect(result.messages.filter((m) => m.message.startsWith('merged '))).toHaveLength(9);
	});

	it('keeps the links of the full-title row and the code a short row adds', () => {
		expect(byTitle('FlexGen').data.paper).toBe('https://proceedings.mlr.press/v202/sheng23a.html');
		expect(byTitle('vTensor').data.code).toBe('https://github.com/antgroup/glake');
	});

	it('leaves RadixAttention alone: the list names it without the full title of its paper', () => {
		expect(byTitle('RadixAttention').data).toMatchObject({ title: 'RadixAttention', venue: 'NeurIPS', paper: 'https://arxiv.org/pdf/2312.07104' });
	});

	it('gives no two papers the same arXiv id', () => {
		const ids = result.papers.map((p) => arxivId(p.data.paper)).filter(Boolean);

		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(100);
	});

	it('mends the LCKV code link from its star badge and says so', () => {
		expect(byTitle('Layer-Condensed KV Cache').data.code).toBe('https://github.com/whyNLP/LCKV');
		expect(messages).toContain(`seed.md:${rowLine('Layer-Condensed KV Cache')}: code link "https://github.LCKVcom/whyNLP/" is broken; mended to https://github.com/whyNLP/LCKV from the star badge`);
	});

	it('normalises NIPS to NeurIPS and files "ICLR sub." under the ICLR submission venue', () => {
		expect(byTitle('ZeroQuant').data.venue).toBe('NeurIPS');
		expect(byTitle('DynamicKV').data.venue).toBe('ICLR submission');
		expect(byTitle('Identify Critical KV Cache').data.venue).toBe('ICLR submission');
		expect(result.venues.find((v) => v.name === 'ICLR submission')).toMatchObject({ kind: 'preprint', aliases: expect.arrayContaining(['ICLR sub.']) });
		expect(result.venues.find((v) => v.name === 'NeurIPS')?.aliases).toContain('NIPS');
		expect(result.venues.map((v) => v.name)).not.toContain('NIPS');
	});

	it('records rows without a venue under "Unspecified" and reports each', () => {
		expect(byTitle('MLA').data.venue).toBe('Unspecified');
		expect(result.papers.filter((p) => p.data.venue === 'Unspecified')).toHaveLength(15);
		expect(result.venues.find((v) => v.name === 'Unspecified')).toMatchObject({ kind: 'other' });
		expect(messages).toContain(`seed.md:${rowLine('MLA', true)}: no venue for "MLA"; recorded as "Unspecified" (written back as an empty cell) — write the venue in the Venue column (arXiv for a preprint)`);
	});

	it('marks "Non-official Link" code as not official', () => {
		expect(byTitle('QCQA').data).toMatchObject({ code: 'https://github.com/vinayjoshi22/qcqa', codeOfficial: false });
		expect(byTitle('Reducing Transformer Key-Value Cache Size').data.codeOfficial).toBe(false);
		expect(byTitle('SnapKV').data.codeOfficial).toBeUndefined();
		expect(byTitle('NACL').data.code).toBe('https://github.com/PaddlePaddle/Research/tree/master/NLP/ACL2024-NACL');
	});

	it('reports the stray cell of the QCQA row', () => {
		expect(messages).toContain(`seed.md:${rowLine('QCQA')}: row has 7 cells, the header has 6; the extra cell is ignored (a stray "|"?)`);
	});

	it('names papers after their short name, else the first words of the title', () => {
		expect(byTitle('SnapKV').id).toBe('snapkv');
		expect(byTitle('Efficient Memory Management').id).toBe('vllm');
		expect(byTitle('Model Tells You What to Discard').id).toBe('model-tells-you-what');
		expect(new Set(result.papers.map((p) => p.id)).size).toBe(130);
	});
});
