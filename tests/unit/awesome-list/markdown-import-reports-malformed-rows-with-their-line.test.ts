import { describe, expect, it } from 'vitest';
import { paperKey } from '../../../src/catalogue/links.ts';
import { importMarkdown } from '../../../src/awesome-list/import.ts';
import { loadMarkdownFixture as load } from '../../helpers/markdown-fixture.ts';

describe('a list with malformed rows', () => {
	const { result, line, messages, paper } = load('malformed-rows.md');

	it('imports every row that has a title and reports the one that has none', () => {
		expect(result.rows).toBe(15);
		expect(result.papers).toHaveLength(12);
		expect(messages).toContain(`malformed-rows.md:${line('| 2024 | | Eviction')}: row has no title; skipped (write the paper's title in the Title column)`);
	});

	it('never merges on a link it cannot parse, and leaves that link out', () => {
		expect(paper('Broken Link Paper')).toMatchObject({ year: 2024, venue: 'arXiv', categories: ['eviction'] });
		expect(paper('Broken Link Paper')?.paper).toBeUndefined();
		expect(paper('Half Link Paper')?.paper).toBeUndefined();
		expect(paper('SnapKV: LLM Knows What You are Looking for Before Generation')?.categories).toEqual(['eviction', 'renamed-section-nobody-expected']);
		expect(messages).toContain(`malformed-rows.md:${line('Broken Link Paper')}: paper link "htps//arxiv.org/abs/2404.14469" is not an absolute http(s) URL; left out`);
		expect(messages).toContain(`malformed-rows.md:${line('Half Link Paper')}: Paper cell "[Link](https://arxiv.org/abs/2404.14469" is not a well-formed link (text "[Link](" around it); the link is left out — write [Link](https://…)`);
	});

	it('reports a year it cannot read, and takes the year from the arXiv id of the paper link instead', () => {
		expect(paper('Yearless Paper')?.year).toBe(2024);
		expect(messages).toContain(`malformed-rows.md:${line('Yearless Paper')}: year "20xx" is not a year; write it as 2024`);
		expect(messages).toContain(`malformed-rows.md:${line('Yearless Paper')}: no year for "Yearless Paper"; took 2024 from its arXiv id 2401.00001 — write the year in the Year column`);
	});

	it('reads rows with missing cells and rows with a stray cell', () => {
		expect(paper('Short Row')).toMatchObject({ year: 2024, venue: 'Unspecified', categories: ['eviction'] });
		expect(messages).toContain(`malformed-rows.md:${line('Short Row')}: row has 2 cells, the header has 6; the missing cells are read as empty`);
		expect(messages).toContain(`malformed-rows.md:${line('Extra Cell Paper')}: row has 7 cells, the header has 6; the extra cell is ignored (a stray "|"?)`);
	});

	it('adds an unknown venue as kind "other" and says so', () => {
		expect(result.venues.find((v) => v.name === 'FooConf')).toEqual({ name: 'FooConf', kind: 'other' });
		expect(messages).toContain(`malformed-rows.md:${line('Strange Venue Paper')}: unknown venue "FooConf"; added to venues.yaml as kind "other" — set its kind and full name there`);
		expect(paper('Strange Venue Paper')).toMatchObject({ code: 'https://github.com/someone/impl', codeOfficial: false });
	});

	it('mends a broken GitHub host from the star badge, and takes the repository from a badge without a link', () => {
		expect(paper('Mended Paper')?.code).toBe('https://github.com/owner/repo');
		expect(paper('Badge Only Paper')).toMatchObject({ paper: 'https://arxiv.org/abs/2401.00005', code: 'https://github.com/owner/badge-only' });
		expect(messages).toContain(`malformed-rows.md:${line('Mended Paper')}: code link "https://github.Xcom/owner/" is broken; mended to https://github.com/owner/repo from the star badge`);
	});

	it('refuses an arXiv link without an id and a code cell without a link', () => {
		expect(paper('Arxiv Without Id')?.paper).toBeUndefined();
		expect(paper('Arxiv Without Id')?.code).toBeUndefined();
		expect(messages).toContain(`malformed-rows.md:${line('Arxiv Without Id')}: code cell "N/A" holds no link; left empty`);
	});

	it('keeps the full-title row when merged rows disagree, and reports the disagreement', () => {
		const snapkv = paper('SnapKV: LLM Knows What You are Looking for Before Generation');
		const full = line('| 2024 | SnapKV: LLM');

		expect(snapkv).toMatchObject({ year: 2024, venue: 'NeurIPS', aliases: ['SnapKV'] });
		expect(messages).toContain(`malformed-rows.md:${full}: merged rows disagree on year: 2024 (line ${full}), 2024 (line ${line('| 2024 | SnapKV: LLM', 1)}), 2025 (line ${line('| 2025 | SnapKV |')}); kept 2024 from line ${full} (the full title)`);
		expect(messages.some((m) => m.startsWith(`malformed-rows.md:${full}: merged rows disagree on venue: NeurIPS`))).toBe(true);
	});

	it('does not take a short name for a paper whose link names another one', () => {
		expect(paper('Quest')?.paper).toBe('https://arxiv.org/abs/2406.10774');
		expect(paper('Quest: A Different Paper')?.aliases).toEqual(['Quest']);
		expect(messages).toContain(`malformed-rows.md:${line('| 2024 | Quest |')}: "Quest" looks like the short name of "Quest: A Different Paper" (line ${line('| 2023 | Quest:')}) but links another paper; not merged`);
	});

	it('takes the category from the heading, noting a Type column that says otherwise', () => {
		expect(paper('Badge Only Paper')?.categories).toEqual(['eviction']);
		expect(messages).toContain(`malformed-rows.md:${line('Badge Only Paper')}: Type column says "Evicton" under the heading "Eviction"; the heading decides the category`);
	});
});

describe('links that name no paper', () => {
	it('never merge rows, even when two rows share one', () => {
		const md = ['# L', '', '## A', '', '| Year | Title | Type | Venue | Paper | code |', '| - | - | - | - | - | - |', '| 2024 | One | A | arXiv | [Link](https://example.org/) | |', '| 2024 | Two | A | arXiv | [Link](https://example.org) | |', ''].join('\n');

		expect(importMarkdown(md).papers.map((p) => p.data.title)).toEqual(['One', 'Two']);
		expect(paperKey('https://example.org/')).toBeNull();
	});
});

describe('a list from the wild', () => {
	const { result, line, messages, paper } = load('wild-list.md');

	it('keeps the news section and the BibTeX block above the taxonomy as preamble, without the contents list', () => {
		expect(result.site.title).toBe('Awesome Efficient Inference');
		expect(result.site.preamble).toContain('## 📢 News\n\n- **2025-01-10**: 12 papers added.');
		expect(result.site.preamble).toContain('```bibtex\n@article{example2024survey,');
		expect(result.site.preamble).not.toContain('Contents');
		expect(result.site.postamble).toBe('## Contributing\n\nOpen an issue or a pull request.');
		expect(result.site.backToTop).toBeUndefined();
	});

	it('reads H2 groups, renamed sections, and a section without a table listed in the contents', () => {
		expect(result.taxonomy.map((n) => n.slug)).toEqual(['token-methods', 'serving-systems', 'surveys']);
		expect(result.taxonomy[0]).toMatchObject({ description: 'Methods that drop or compress tokens of the **KV cache**.' });
		expect(result.taxonomy[2]).toEqual({ slug: 'surveys', title: 'Surveys', description: 'See the survey itself for datasets and benchmarks.' });
	});

	it('finds columns by their header names, with or without padding', () => {
		expect(paper('KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache')).toMatchObject({ year: 2024, venue: 'ICML', paper: 'https://arxiv.org/abs/2402.02750', code: 'https://github.com/jy-yuan/KIVI' });
		expect(paper('Quantised with a | pipe, stars and <b>tags</b>')).toMatchObject({ year: 2025, paper: 'https://example.org/papers/pipe_(v2)', codeOfficial: false });
	});

	it('merges abs and pdf links of one arXiv paper and a short name row without a link', () => {
		const snapkv = paper('SnapKV: LLM Knows What You are Looking for Before Generation');
		const vllm = paper('Efficient Memory Management for Large Language Model Serving with PagedAttention');

		expect(snapkv?.categories).toEqual(['eviction', 'prefix-sharing']);
		expect(vllm).toMatchObject({ aliases: ['vLLM'], categories: ['paged-memory', 'prefix-sharing'], paper: 'https://arxiv.org/pdf/2309.06180v1' });
		expect(messages).toContain(`wild-list.md:${line('| 2023 | vLLM |')}: merged "vLLM" into "Efficient Memory Management for Large Language Model Serving with PagedAttention" (line ${line('| 2023 | Efficient Memory')}): same arXiv id 2309.06180`);
	});

	it('reads venues with a year after them and old names', () => {
		expect(paper('Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference')?.venue).toBe('MLSys');
		expect(paper('H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models')?.venue).toBe('NeurIPS');
		expect(messages).toContain(`wild-list.md:${line('|2023|H2O')}: row has 5 cells, the header has 6; the missing cells are read as empty`);
	});
});

describe('a file that is not an awesome list', () => {
	it('is refused when it has no heading', () => {
		const { result } = load('no-heading.md');

		expect(result.fatal?.message).toMatch(/^no headings: /);
		expect(result.papers).toEqual([]);
	});

	it('is refused when it has no table', () => {
		const { result } = load('no-table.md');

		expect(result.fatal?.message).toMatch(/^no table: /);
	});
});
