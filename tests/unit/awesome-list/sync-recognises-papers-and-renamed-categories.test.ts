import { describe, expect, it } from 'vitest';
import type { Paper, TaxonomyNode } from '../../../src/catalogue/schema.ts';
import { matchPapers } from '../../../src/awesome-list/sync-match.ts';
import { syncTaxonomy } from '../../../src/awesome-list/sync-taxonomy.ts';

const paper = (id: string, fields: Partial<Paper>): Paper => ({ id, title: id, year: 2024, venue: 'arXiv', categories: ['a'], ...fields });

describe('the sync recognises a list\'s papers in the catalogue', () => {
	it('by arXiv id in any form, by the catalogue\'s own arxiv and published fields, then by title', () => {
		const catalogue = [
			paper('snapkv', { title: 'SnapKV: LLM Knows What You are Looking for', paper: 'https://arxiv.org/abs/2404.14469' }),
			paper('flexgen', { title: 'FlexGen', paper: 'https://arxiv.org/abs/2303.06865', published: 'https://proceedings.mlr.press/v202/sheng23a.html' }),
			paper('smooth', { title: 'SmoothQuant', paper: 'https://proceedings.mlr.press/v202/xiao23c.html', arxiv: '2211.10438' }),
			paper('retitled', { title: 'A Study of KV Caches', paper: 'https://example.org/old.pdf' }),
		];

		const result = matchPapers(
			[
				{ title: 'SnapKV renamed', paper: 'https://arxiv.org/pdf/2404.14469v2.pdf' },
				{ title: 'FlexGen: High-Throughput …', paper: 'https://proceedings.mlr.press/v202/sheng23a/sheng23a.pdf' },
				{ title: 'SmoothQuant: Accurate …', paper: 'https://arxiv.org/pdf/2211.10438' },
				{ title: 'A study of KV-caches', paper: 'https://example.org/new.pdf' },
			],
			catalogue,
		);

		expect(result.matches).toEqual([
			{ list: 0, id: 'snapkv', rule: 'paper link' },
			{ list: 1, id: 'flexgen', rule: 'paper link' },
			{ list: 2, id: 'smooth', rule: 'paper link' },
			{ list: 3, id: 'retitled', rule: 'title' },
		]);
		expect(result.unmatched).toEqual([]);
		expect(result.missing).toEqual([]);
	});

	it('by a short name that prefixes a full title, or an alias, unless the two papers link different papers', () => {
		const catalogue = [
			paper('rwkv', { title: 'RWKV' }),
			paper('kivi', { title: 'KIVI: A Tuning-Free …', aliases: ['KIVI'], paper: 'https://arxiv.org/abs/2402.02750' }),
			paper('h2o', { title: 'H2O', paper: 'https://arxiv.org/abs/2306.14048' }),
		];

		const result = matchPapers(
			[
				{ title: 'RWKV: Reinventing RNNs for the Transformer Era', paper: 'https://arxiv.org/pdf/2305.13048' },
				{ title: 'KIVI', code: 'https://github.com/jy-yuan/KIVI' },
				{ title: 'H2O: Another Paper of the Same Name', paper: 'https://arxiv.org/abs/2999.00001' },
			],
			catalogue,
		);

		expect(result.matches).toEqual([
			{ list: 0, id: 'rwkv', rule: 'short name' },
			{ list: 1, id: 'kivi', rule: 'short name' },
		]);
		expect(result.unmatched).toEqual([2]);
		expect(result.missing).toEqual(['h2o']);
	});

	it('by a code repository only when no other paper on either side has it', () => {
		const catalogue = [paper('yoco', { title: 'Y', code: 'https://github.com/microsoft/unilm/tree/master/YOCO' }), paper('retnet', { title: 'R', code: 'https://github.com/microsoft/unilm' }), paper('cepe', { title: 'C', code: 'https://github.com/princeton-nlp/CEPE' })];

		const result = matchPapers([{ title: 'You Only Cache Once', code: 'https://github.com/microsoft/unilm' }, { title: 'Long-Context Language Modeling with Parallel Context Encoding', code: 'https://github.com/princeton-nlp/CEPE' }], catalogue);

		expect(result.matches).toEqual([{ list: 1, id: 'cepe', rule: 'code repository' }]);
	});

	it('gives each paper at most one partner, best rule first, and folds a catalogue duplicate into the matched paper', () => {
		const catalogue = [paper('by-title', { title: 'Lossless KV Cache Compression to 2%' }), paper('by-link', { title: 'Another Title', paper: 'https://arxiv.org/abs/2410.15252' })];

		const result = matchPapers([{ title: 'Lossless KV Cache Compression to 2%', paper: 'https://arxiv.org/pdf/2410.15252' }], catalogue);

		expect(result.matches).toEqual([{ list: 0, id: 'by-link', rule: 'paper link' }]);
		expect(result.folded).toEqual([{ id: 'by-link', folded: 'by-title', rule: 'title' }]);
		expect(result.missing).toEqual([]);
	});
});

const leaf = (slug: string, title = slug): TaxonomyNode => ({ slug, title });
const group = (slug: string, title: string, children: TaxonomyNode[], extra: Partial<TaxonomyNode> = {}): TaxonomyNode => ({ slug, title, children, ...extra });

describe('the sync follows renamed and moved categories', () => {
	const before = [group('model', 'Model', [group('intra-later', 'Intra later', [leaf('grouped-attention', 'Grouped Attention'), leaf('compression', 'Compression')]), group('cross', 'Cross Layer', [leaf('cache-sharing', 'Cache Sharing')])])];
	const after = [group('model', 'Model', [group('sharing', 'Attention Grouping and Sharing', [leaf('intra-layer-grouping', 'Intra-Layer Grouping'), leaf('cross-layer-sharing', 'Cross-Layer Sharing')]), group('alteration', 'Architecture Alteration', [leaf('enhanced', 'Enhanced Attention')])])];

	it('pairs a node with the new node holding most of its papers and records its old path there', () => {
		const placement = new Map([
			['grouped-attention', ['intra-layer-grouping', 'intra-layer-grouping', 'intra-layer-grouping']],
			['compression', ['enhanced', 'intra-layer-grouping']],
			['cache-sharing', ['cross-layer-sharing', 'cross-layer-sharing', 'enhanced']],
		]);

		const sync = syncTaxonomy(before, after, placement);

		const sharing = sync.taxonomy[0]!.children![0]!;
		expect(sharing.children![0]).toMatchObject({ slug: 'intra-layer-grouping', formerPaths: ['model/intra-later/grouped-attention'] });
		expect(sharing.children![1]!.formerPaths).toContain('model/cross/cache-sharing');
		// Intra later became the new group (4 of its 5 papers are there), so Grouped Attention is only renamed.
		expect(sync.changes).toContainEqual(expect.objectContaining({ kind: 'renamed', from: 'model/intra-later', path: 'model/sharing' }));
		expect(sync.changes).toContainEqual(expect.objectContaining({ kind: 'renamed', from: 'model/intra-later/grouped-attention', path: 'model/sharing/intra-layer-grouping' }));
		expect(sync.changes).toContainEqual(expect.objectContaining({ kind: 'renamed and moved', from: 'model/cross/cache-sharing', path: 'model/sharing/cross-layer-sharing' }));
		expect(sync.changes).toContainEqual({ kind: 'added', path: 'model/alteration', title: 'Architecture Alteration' });
	});

	it('sends a removed node to the node holding most of its papers, else to where its parent went, and re-places its kept papers in a leaf', () => {
		const placement = new Map([
			['grouped-attention', ['intra-layer-grouping', 'intra-layer-grouping']],
			['compression', ['enhanced', 'intra-layer-grouping']],
			['cache-sharing', ['cross-layer-sharing', 'cross-layer-sharing', 'cross-layer-sharing']],
		]);

		const sync = syncTaxonomy(before, after, placement);

		const removed = sync.changes.filter((c) => c.kind === 'removed');
		// Cross Layer's papers all went to one leaf; Compression's split evenly, so it follows its parent.
		expect(removed).toContainEqual(expect.objectContaining({ from: 'model/cross', redirect: 'model/sharing/cross-layer-sharing' }));
		expect(removed).toContainEqual(expect.objectContaining({ from: 'model/intra-later/compression', redirect: 'model/sharing' }));
		expect(sync.nodeFor.get('intra-later')).toBe('sharing');
		expect(sync.leafFor.get('compression')).toBe('intra-layer-grouping');
		const all = JSON.stringify(sync.taxonomy);
		for (const c of removed) expect(all).toContain(`"${c.from}"`);
	});

	it('changes nothing the second time: former paths are kept, not added again', () => {
		const placement = new Map([['grouped-attention', ['intra-layer-grouping']], ['cache-sharing', ['cross-layer-sharing']]]);
		const once = syncTaxonomy(before, after, placement);

		const twice = syncTaxonomy(once.taxonomy, after, new Map([['intra-layer-grouping', ['intra-layer-grouping']], ['cross-layer-sharing', ['cross-layer-sharing']], ['enhanced', ['enhanced']]]));

		expect(twice.taxonomy).toEqual(once.taxonomy);
		expect(twice.changes).toEqual([]);
	});
});
