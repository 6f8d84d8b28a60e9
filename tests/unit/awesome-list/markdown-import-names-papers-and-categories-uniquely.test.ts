import { describe, expect, it } from 'vitest';
import { anchorCounter } from '../../../src/awesome-list/text.ts';
import { assignIds, preferredId } from '../../../src/catalogue/ids.ts';
import { assignSlugs, type DraftNode } from '../../../src/awesome-list/slugs.ts';

const node = (title: string, children: DraftNode[] = []): DraftNode => ({ title, line: 1, description: undefined, tables: [], children });

describe('paper ids', () => {
	it('come from the short name, else the first four words of the title', () => {
		expect(preferredId({ title: 'SnapKV: LLM Knows What You are Looking for', aliases: ['SnapKV'] })).toBe('snapkv');
		expect(preferredId({ title: 'Model Tells You What to Discard: Adaptive KV Cache Compression' })).toBe('model-tells-you-what');
		expect(preferredId({ title: '🚀' })).toBe('paper');
	});

	it('are unique: the oldest paper keeps the id, the others get -2, -3 whatever the input order', () => {
		const papers = [
			{ title: 'Quest: later', aliases: ['Quest'], year: 2025 },
			{ title: 'Quest: earlier', aliases: ['Quest'], year: 2023 },
			{ title: 'Quest: middle', aliases: ['Quest'], year: 2024 },
		];

		expect(assignIds(papers)).toEqual(['quest-3', 'quest', 'quest-2']);
		expect(assignIds([...papers].reverse())).toEqual(['quest-2', 'quest', 'quest-3']);
	});
});

describe('category slugs', () => {
	it('prefix every heading that shares its title with the parent title, and number what still collides', () => {
		const taxonomy = assignSlugs([node('Intra later', [node('Compression')]), node('Cross Layer', [node('Compression'), node('Cross Layer')]), node('Intra later', [node('Compression')])]);

		expect(taxonomy.map((n) => n.slug)).toEqual(['intra-later', 'cross-layer', 'intra-later-2']);
		expect(taxonomy.map((n) => n.children![0]!.slug)).toEqual(['intra-later-compression', 'cross-layer-compression', 'intra-later-compression-2']);
		expect(taxonomy[1]!.children![1]!.slug).toBe('cross-layer-cross-layer');
	});

	it('keep a top-level group off the URLs of the site\'s own pages', () => {
		expect(assignSlugs([node('Papers', [node('Search')])]).map((n) => [n.slug, n.children![0]!.slug])).toEqual([['papers-section', 'search']]);
	});
});

describe('heading anchors', () => {
	it('follow GitHub: lower case, punctuation and emoji dropped, repeats numbered', () => {
		const anchor = anchorCounter();

		expect(['Single/Multi-GPU Design (To Top👆🏻)', 'Compression (To Top👆🏻)', 'Compression (To Top👆🏻)', 'I/O-based Design', 'compression-to-top'].map(anchor)).toEqual([
			'singlemulti-gpu-design-to-top',
			'compression-to-top',
			'compression-to-top-1',
			'io-based-design',
			'compression-to-top-2',
		]);
	});
});
