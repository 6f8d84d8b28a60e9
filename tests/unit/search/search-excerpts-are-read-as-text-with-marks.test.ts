import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts, titleShowsMatch } from '../../../src/search/excerpt.ts';

describe('search excerpts', () => {
	it('split marked words from the text around them', () => {
		expect(excerptParts('A <mark>Quest</mark> for <mark>sparsity</mark>.')).toEqual([
			{ text: 'A ', mark: false },
			{ text: 'Quest', mark: true },
			{ text: ' for ', mark: false },
			{ text: 'sparsity', mark: true },
			{ text: '.', mark: false },
		]);
	});

	it('decode escaped markup to text, so a title with tags shows its tags as characters', () => {
		const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>&lt;b&gt;Bold</mark>');

		expect(parts).toEqual([
			{ text: '<script>alert(1)</script> & ', mark: false },
			{ text: '<b>Bold', mark: true },
		]);
	});

	it('keep any tag other than mark as literal text', () => {
		expect(excerptParts('<img src=x onerror=alert(1)> <mark>x</mark>')[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', mark: false });
	});

	it('decode numeric references and leave unknown names alone', () => {
		expect(decodeEntities('&#39;a&#x27; &quot;b&quot; &copy; &#0;')).toBe('\'a\' "b" &copy; &#0;');
	});

	it('are left out when the title already shows every query word (as a word prefix)', () => {
		expect(titleShowsMatch('SnapKV: LLM Knows What You are Looking for', 'snapkv')).toBe(true);
		expect(titleShowsMatch('KV Cache Compression', 'cach compr')).toBe(true);
		expect(titleShowsMatch('Efficient Memory Management with PagedAttention', 'vLLM')).toBe(false);
		expect(titleShowsMatch('Cross-layer Attention', 'layer')).toBe(true);
		expect(titleShowsMatch('Déjà Vu', 'deja')).toBe(true);
		expect(titleShowsMatch('Anything', '  ')).toBe(false);
	});
});
