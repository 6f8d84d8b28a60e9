import { describe, expect, it } from 'vitest';
import { arxivId, githubRepo, normalizeTitle, paperKey, repositoriesOf, slugify } from '../../../src/catalogue/links.ts';

describe('links', () => {
	it.each([
		['https://arxiv.org/abs/2404.14469', '2404.14469'],
		['https://arxiv.org/pdf/2404.14469', '2404.14469'],
		['https://arxiv.org/pdf/2404.14469v3.pdf', '2404.14469'],
		['http://www.arxiv.org/abs/2404.14469v1', '2404.14469'],
		['https://export.arxiv.org/html/2404.14469', '2404.14469'],
		['https://arxiv.org/abs/cs/0112017', 'cs/0112017'],
		['https://arxiv.org/list/cs.CL/recent', null],
		['https://example.org/abs/2404.14469', null],
		['not a url', null],
	])('find the arXiv id of %s', (url, id) => {
		expect(arxivId(url)).toBe(id);
	});

	it('give two URLs of one proceedings paper the same key, and a broken link none', () => {
		expect(paperKey('https://proceedings.mlr.press/v202/sheng23a.html')).toBe(paperKey('https://proceedings.mlr.press/v202/sheng23a/sheng23a.pdf'));
		expect(paperKey('https://openreview.net/forum?id=lRTDMGYCpy')).toBe(paperKey('https://openreview.net/pdf?id=lRTDMGYCpy'));
		expect(paperKey('https://arxiv.org/pdf/2305.05920')).toBe(paperKey('https://arxiv.org/abs/2305.05920v2'));
		expect(paperKey('https://proceedings.mlr.press/v202/sheng23a.html')).not.toBe(paperKey('https://proceedings.mlr.press/v202/xiao23c.html'));
		expect(paperKey('https://github.LCKVcom/whyNLP/')).not.toBeNull();
		expect(paperKey('[Link](broken')).toBeNull();
		expect(paperKey('https://openreview.net/forum')).toBeNull();
	});

	it('take owner/name from a GitHub link, however deep', () => {
		expect(githubRepo('https://github.com/FYYFU/HeadKV/tree/main')).toBe('FYYFU/HeadKV');
		expect(githubRepo('https://github.com/NVIDIA/Megatron-LM/tree/dmc')).toBe('NVIDIA/Megatron-LM');
		expect(githubRepo('https://github.com/whyNLP/')).toBeNull();
		expect(githubRepo('https://github.LCKVcom/whyNLP/')).toBeNull();
		expect(githubRepo('https://gitlab.com/a/b')).toBeNull();
	});

	it('name each GitHub repository of the code links once, sorted, ignoring other hosts', () => {
		const papers = [{ code: 'https://github.com/b/two/tree/main' }, { code: 'https://github.com/a/one' }, { code: 'https://github.com/b/two' }, { code: 'https://gitlab.com/x/y' }, {}];

		expect(repositoriesOf(papers)).toEqual(['a/one', 'b/two']);
	});

	it('normalise titles so case and punctuation do not hide a duplicate', () => {
		expect(normalizeTitle('KIVI: A Tuning-Free Asymmetric 2bit Quantization')).toBe(normalizeTitle('kivi — a tuning free asymmetric 2-bit quantization'));
		expect(slugify('Single/Multi-GPU Design')).toBe('single-multi-gpu-design');
		expect(slugify('Préfix–aware')).toBe('prefix-aware');
	});
});
