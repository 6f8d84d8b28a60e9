import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import type { Paper, TaxonomyNode } from '../../../src/catalogue/schema.ts';
import { buildTree } from '../../../src/catalogue/tree.ts';
import { readKeywords } from '../../../src/suggest/keywords.ts';
import { abstractOf, trainSuggester } from '../../../src/suggest/suggester.ts';
import { terms } from '../../../src/suggest/terms.ts';
import { ROOT } from '../../helpers/catalogue.ts';

const DATA = path.join(ROOT, 'data');
const catalogue = loadCatalogueOrThrow(DATA);
const { keywords } = readKeywords(DATA, catalogue.taxonomy);
const tree = buildTree(catalogue.taxonomy);
const suggester = trainSuggester(catalogue, { keywords });

const TWO_LEAVES: TaxonomyNode[] = [{ slug: 'group', title: 'Group', children: [{ slug: 'eviction', title: 'Eviction' }, { slug: 'quantization', title: 'Quantization' }] }];
const paper = (id: string, title: string, categories: string[], extra: Partial<Paper> = {}): Paper => ({ id, title, year: 2024, venue: 'arXiv', categories, ...extra });

describe('suggested categories on the catalogue in data/', () => {
	it('files a KV-cache quantization paper under KV Cache Quantization first', () => {
		// QAQ (arXiv 2403.04643) is not in the catalogue.
		const [first] = suggester.suggest({ title: 'QAQ: Quality Adaptive Quantization for LLM KV Cache' });

		expect(tree.bySlug.get(first!.category)?.parent?.slug).toBe('kv-cache-quantization');
	});

	it('puts Prefix-aware Design among the three for a prefix-caching paper', () => {
		// Marconi (arXiv 2411.19379) is not in the catalogue.
		const three = suggester.suggest({ title: 'Marconi: Prefix Caching for the Era of Hybrid LLMs' }).map((s) => s.category);

		expect(three).toHaveLength(3);
		expect(three).toContain('prefix-aware-design');
	});

	it('gives three different leaves, best first, each with a score from 0 to 1 and the words that matched', () => {
		const three = suggester.suggest({ title: 'Efficient Memory Management for Serving with Paged Virtual Memory' });

		expect(new Set(three.map((s) => s.category)).size).toBe(3);
		for (const s of three) {
			expect(tree.bySlug.get(s.category)?.isLeaf).toBe(true);
			expect(s.score).toBeGreaterThanOrEqual(0);
			expect(s.score).toBeLessThanOrEqual(1);
		}
		expect(three.map((s) => s.score)).toEqual([...three.map((s) => s.score)].sort((a, b) => b - a));
		expect(three[0]!.category).toBe('architectural-design');
		expect(three[0]!.terms).toContain('memory');
	});

	it('names the closest paper of each suggested leaf, filed in that leaf', () => {
		const [first] = suggester.suggest({ title: 'KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache' });

		expect(first!.nearest).toBe('kivi');
		expect(catalogue.papers.find((p) => p.id === first!.nearest)?.categories).toContain(first!.category);
	});

	it('answers the same whatever the order of the papers, and again when trained again', () => {
		const title = 'Layer-wise Budget Allocation for Head-wise KV Cache Eviction';
		const shuffled = { taxonomy: catalogue.taxonomy, papers: [...catalogue.papers].reverse() };

		const once = suggester.suggest({ title });
		const again = trainSuggester(shuffled, { keywords }).suggest({ title });

		expect(again).toEqual(once);
	});

	it('breaks ties by slug: a title without a known word gets the first leaves in slug order, scored 0', () => {
		const three = suggester.suggest({ title: 'Zyzzyva Quux' });

		expect(three.map((s) => s.score)).toEqual([0, 0, 0]);
		expect(three.map((s) => s.category)).toEqual(tree.leaves.map((l) => l.slug).sort().slice(0, 3));
	});
});

describe('what a suggester learns from', () => {
	it('reads a paper\'s summary as its abstract, and an abstract field in preference once papers have one', () => {
		const summarised = paper('a', 'A Method', ['eviction'], { summary: 'It evicts zyzzyva tokens.' });
		const both = { ...paper('b', 'B Method', ['quantization'], { summary: 'summary words' }), abstract: 'abstract words' } as Paper;

		expect(abstractOf(summarised)).toBe('It evicts zyzzyva tokens.');
		expect(abstractOf(both)).toBe('abstract words');
	});

	it('weighs abstracts on both sides: a word only an abstract holds moves the suggestion, and not when abstracts are off', () => {
		const filing = { taxonomy: TWO_LEAVES, papers: [paper('a', 'Method One', ['eviction'], { summary: 'Drops zyzzyva tokens from the cache.' }), paper('b', 'Method Two', ['quantization'])] };

		const withAbstracts = trainSuggester(filing).suggest({ title: 'Method Three', abstract: 'We study zyzzyva.' });
		const without = trainSuggester(filing, { abstracts: false }).suggest({ title: 'Method Three', abstract: 'We study zyzzyva.' });

		expect(withAbstracts[0]!.category).toBe('eviction');
		expect(withAbstracts[0]!.terms).toContain('zyzzyva');
		expect(without[0]!.score).toBe(without[1]!.score);
	});

	it('counts a paper filed in two leaves for each, and learns short names', () => {
		const filing = { taxonomy: TWO_LEAVES, papers: [paper('a', 'Unrelated', ['eviction', 'quantization'], { aliases: ['FooBarKV'] })] };

		const [first, second] = trainSuggester(filing).suggest({ title: 'Foo' });
		const off = trainSuggester(filing, { aliases: false }).suggest({ title: 'Foo' });

		expect([first!.nearest, second!.nearest]).toEqual(['a', 'a']);
		expect(first!.score).toBeGreaterThan(0);
		expect(off[0]!.score).toBe(0);
	});

	it('weighs the terms of suggest.yaml beside the papers', () => {
		const filing = { taxonomy: TWO_LEAVES, papers: [paper('a', 'Method One', ['eviction']), paper('b', 'Method Two', ['quantization'])] };

		const plain = trainSuggester(filing).suggest({ title: 'Heavy hitters' });
		const told = trainSuggester(filing, { keywords: new Map([['eviction', ['heavy hitters']]]) }).suggest({ title: 'Heavy hitters' });

		expect(plain[0]!.score).toBe(0);
		expect(told[0]!.category).toBe('eviction');
		expect(told[0]!.score).toBeGreaterThan(0);
	});

	it('suggests fewer than three only when the taxonomy has fewer leaves', () => {
		const filing = { taxonomy: TWO_LEAVES, papers: [paper('a', 'Method One', ['eviction'])] };

		expect(trainSuggester(filing).suggest({ title: 'Method' })).toHaveLength(2);
	});

	it('cuts text into stems that meet across spellings: camelCase, I/O, 2bit, plurals and -ization', () => {
		expect(terms('KVQuant: 2bit Quantized Caches')).toEqual(['kv', 'quant', 'bit', 'quant', 'cach']);
		expect(terms('PagedAttention with I/O-Aware kernels')).toEqual(terms('paged attention io aware kernel'));
	});
});
