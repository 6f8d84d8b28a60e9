/**
 * Rows written the ways the awesome list itself has written them over its history — a title
 * wrapped onto the next line, empty Year and Venue cells, short names without links, other table
 * headers, a link nested in a link — each in a small fixture (tests/fixtures/markdown) whose first
 * line names the case. Each becomes a paper or a reported row, never a silent loss.
 */
import { describe, expect, it } from 'vitest';
import { formatImportMessage } from '../../../src/awesome-list/report.ts';
import { loadMarkdownFixture as load } from '../../helpers/markdown-fixture.ts';

describe('a row whose title continues on the next line', () => {
	const { result, line, messages, problems, imported, paper } = load('row-broken-over-two-lines.md');

	it('is read as one row with the whole title, and a note names both lines', () => {
		const snapkv = imported('SnapKV: LLM Knows What You are Looking for Before Generation');

		expect(snapkv?.data).toMatchObject({ year: 2024, venue: 'NeurIPS', paper: 'https://arxiv.org/abs/2404.14469', code: 'https://github.com/FasterDecoding/SnapKV' });
		expect(snapkv?.rows).toEqual([{ line: line('| 2024 | SnapKV'), category: 'eviction', title: snapkv!.data.title, continued: [line('Before Generation |')] }]);
		expect(messages).toContain(`row-broken-over-two-lines.md:${line('| 2024 | SnapKV')}: row continues on line ${line('Before Generation |')} (a line break inside the Title cell); read lines ${line('| 2024 | SnapKV')}–${line('Before Generation |')} as one row — write the row on one line`);
	});

	it('joins a title wrapped over three lines', () => {
		expect(paper('PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling')).toMatchObject({ paper: 'https://arxiv.org/abs/2406.02069', venue: 'arXiv' });
		expect(messages).toContain(`row-broken-over-two-lines.md:${line('| 2024 | PyramidKV')}: row continues on lines ${line('Pyramidal Information')}, ${line('Funneling |')} (a line break inside the Title cell); read lines ${line('| 2024 | PyramidKV')}–${line('Funneling |')} as one row — write the row on one line`);
	});

	it('reports a stray line under a complete row instead of reading it as a paper', () => {
		expect(result.skipped.map((m) => m.line)).toEqual([line('a stray line')]);
		expect(problems).toContain(`row-broken-over-two-lines.md:${line('a stray line')}: line is not a table row (it has no "|"), but GFM reads a line right under a table as one more row; not imported — if it continues the row above, join the two lines; otherwise put a blank line before it`);
	});

	it('never joins two short rows that each end their line, nor a cut row with a full row after it', () => {
		expect(paper('Short Row')).toBeDefined();
		expect(paper('Another Short Row')).toBeDefined();
		expect(paper('Cut Row Without Its Cells')).toMatchObject({ year: 2024, venue: 'Unspecified' });
		expect(paper('Scissorhands: Exploiting the Persistence of Importance Hypothesis for LLM KV Cache Compression at Test Time')).toMatchObject({ venue: 'NeurIPS' });
		expect(problems).toContain(`row-broken-over-two-lines.md:${line('Cut Row Without')}: row has 2 cells, the header has 6; the missing cells are read as empty`);
		expect(result.papers).toHaveLength(7);
		expect(result.continued).toBe(3);
	});
});

describe('rows with an empty Year cell', () => {
	const { result, line, messages, problems, paper } = load('empty-year-cells.md');

	it('take the year from the arXiv id of the paper link, with a note', () => {
		expect(paper('KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache')?.year).toBe(2024);
		expect(messages).toContain(`empty-year-cells.md:${line('| KIVI')}: no year for "KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache"; took 2024 from its arXiv id 2402.02750 — write the year in the Year column`);
	});

	it('take the year from another row of the same paper', () => {
		expect(paper('QAQ: Quality Adaptive Quantization for LLM KV Cache')).toMatchObject({ year: 2024, aliases: ['QAQ'] });
		expect(messages).toContain(`empty-year-cells.md:${line('| QAQ |')}: no year in this row of "QAQ: Quality Adaptive Quantization for LLM KV Cache"; the paper's year 2024 comes from its other rows`);
	});

	it('are reported with their line and what to add when no arXiv link gives the year, and not imported', () => {
		expect(paper('Atom: Low-bit Quantization for Efficient and Accurate LLM Serving')).toBeUndefined();
		expect(result.skipped.map((m) => m.line)).toEqual([line('| Atom')]);
		expect(problems).toEqual([
			`empty-year-cells.md:${line('| Atom')}: no year for "Atom: Low-bit Quantization for Efficient and Accurate LLM Serving", and no arXiv link to take it from; not imported — write the year of publication in the Year column (and the paper's link in the Paper column)`,
		]);
	});
});

describe('rows with a name alone', () => {
	const { result, line, problems, paper } = load('name-alone-rows.md');

	it('are reported at their line and left out, and the other rows are imported', () => {
		expect(result.papers.map((p) => p.data.title)).toEqual(['KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache', 'QAQ: Quality Adaptive Quantization for LLM KV Cache']);
		expect(paper('QAQ: Quality Adaptive Quantization for LLM KV Cache')).toMatchObject({ year: 2024, listed: true });
		expect(result.skipped.map((m) => m.line)).toEqual([line('||ZIPVL|'), line('||MiKV|')]);
		expect(problems).toEqual([
			`name-alone-rows.md:${line('||ZIPVL|')}: no year for "ZIPVL", and no arXiv link to take it from; not imported — write the year of publication in the Year column (and the paper's link in the Paper column)`,
			`name-alone-rows.md:${line('||MiKV|')}: no year for "MiKV", and no arXiv link to take it from; not imported — write the year of publication in the Year column (and the paper's link in the Paper column)`,
		]);
	});
});

describe('an empty Venue cell', () => {
	const { line, problems, paper } = load('empty-venue-cell.md');

	it('is recorded as "Unspecified" and reported at its line with the fix', () => {
		expect(paper('GEAR: An Efficient KV Cache Compression Recipe for Near-Lossless Generative Inference of LLM')?.venue).toBe('Unspecified');
		expect(problems).toEqual([
			`empty-venue-cell.md:${line('| GEAR')}: no venue for "GEAR: An Efficient KV Cache Compression Recipe for Near-Lossless Generative Inference of LLM"; recorded as "Unspecified" (written back as an empty cell) — write the venue in the Venue column (arXiv for a preprint)`,
		]);
	});

	it('takes the venue another row of the same paper names, without a problem', () => {
		expect(paper('KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache')).toMatchObject({ venue: 'ICML', categories: ['quantisation', 'mixed-precision'] });
	});
});

describe('short-name rows with no links', () => {
	const { result, line, messages, imported } = load('short-names-without-links.md');

	it('are papers with that title, noted as having no paper link', () => {
		expect(imported('MLA')?.data).toEqual({ title: 'MLA', year: 2024, venue: 'Unspecified', categories: ['compression'], listed: true });
		expect(messages).toContain(`short-names-without-links.md:${line('| 2024 | MLA ')}: no paper link for "MLA" — add [Link](https://…) in the Paper column`);
	});

	it('join the paper their name is the short name of, keeping its category', () => {
		const matryoshka = imported('MatryoshkaKV: Adaptive KV Compression via Trainable Orthogonal Projection');

		expect(matryoshka?.data).toMatchObject({ aliases: ['MatryoshkaKV'], categories: ['compression', 'outlier-redistribution'], venue: 'arXiv' });
		expect(matryoshka?.rows.map((r) => r.line)).toEqual([line('| MatryoshkaKV |'), line('| 2024 | MatryoshkaKV:')]);
		expect(result.papers).toHaveLength(2);
	});
});

describe('tables with other headers', () => {
	const { line, messages, problems, paper } = load('other-headers.md');

	it('find their columns by name in any order', () => {
		expect(paper('KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache')).toMatchObject({ year: 2024, venue: 'ICML', paper: 'https://arxiv.org/abs/2402.02750', categories: ['title-first'] });
	});

	it('without a Year column take the year from the arXiv id, or report the row and leave it out', () => {
		expect(paper('SnapKV: LLM Knows What You are Looking for Before Generation')).toMatchObject({ year: 2024, venue: 'NeurIPS', paper: 'https://arxiv.org/abs/2404.14469' });
		expect(paper('Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference')).toBeUndefined();
		expect(problems).toContain(`other-headers.md:${line('| Keyformer')}: no year for "Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference", and no arXiv link to take it from; not imported — write the year of publication in the Year column (and the paper's link in the Paper column)`);
	});

	it('read a "Paper" column as the titles when a "Link" column holds the links', () => {
		expect(paper('H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models')).toMatchObject({ year: 2023, paper: 'https://arxiv.org/abs/2306.14048' });
		expect(messages).toContain(`other-headers.md:${line('| Year | Paper | Venue | Link |')}: table header "Year | Paper | Venue | Link" names no Title column; the "Paper" column is read as the titles and "Link" as the paper links`);
	});

	it('read unnamed columns in the usual order, and say so', () => {
		expect(paper('PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling')).toMatchObject({ year: 2024, venue: 'arXiv', paper: 'https://arxiv.org/abs/2406.02069' });
		expect(problems).toContain(`other-headers.md:${line('| 年份')}: table header "年份 | 标题 | 类型 | 会议 | 论文 | 代码" names no Title column; read in the usual order year | title | type | venue | paper | code — name the columns (Year, Title, Type, Venue, Paper, code)`);
	});
});

describe('a link nested inside a link (the FlowKV row of 2025-07-30)', () => {
	const { line, problems, imported, paper } = load('nested-link.md');

	it('is reported at its line, and the inner link is the paper link', () => {
		expect(problems).toContain(`nested-link.md:${line('| 2025 | FlowKV:')}: Paper cell nests one link inside another ("[https://arxiv.org/pdf/2305.05920](https://arxiv.org/pdf/2504.03775)"), which GitHub shows as a broken link; took the inner link https://arxiv.org/pdf/2504.03775 — write [Link](https://arxiv.org/pdf/2504.03775)`);
		expect(problems).toContain(`nested-link.md:${line('| 2025 | FlowKV |')}: Paper cell nests one link inside another ("https://arxiv.org/pdf/2305.05920](https://arxiv.org/abs/2504.03775)"), which GitHub shows as a broken link; took the inner link https://arxiv.org/abs/2504.03775 — write [Link](https://arxiv.org/abs/2504.03775)`);
	});

	it('keeps FlowKV a paper of its own, never merged with FastServe on the leftover 2305.05920', () => {
		const flowkv = imported('FlowKV: A Disaggregated Inference Framework with Low-Latency KV Cache Transfer and Load-Aware Scheduling');

		expect(flowkv?.data).toMatchObject({ year: 2025, paper: 'https://arxiv.org/pdf/2504.03775', categories: ['preemptive-and-fairness-oriented-scheduling', 'heterogeneous-design'] });
		expect(flowkv?.rows.map((r) => r.line)).toEqual([line('| 2025 | FlowKV:'), line('| 2025 | FlowKV |')]);
		expect(paper('Fast Distributed Inference Serving for Large Language Models')).toMatchObject({ year: 2023, paper: 'https://arxiv.org/pdf/2305.05920', categories: ['preemptive-and-fairness-oriented-scheduling'] });
	});

	it('leaves the link out when the destination holds more than one inner link', () => {
		expect(paper('Two Inner Links')?.paper).toBeUndefined();
		expect(problems).toContain(`nested-link.md:${line('| Two Inner Links')}: Paper cell nests one link inside another ("https://arxiv.org/abs/2401.00001](https://arxiv.org/abs/2401.00002)](https://arxiv.org/abs/2401.00003)") and no single well-formed link can be taken from it; the link is left out — write [Link](https://…)`);
	});
});

describe('rows the importer cannot make papers of', () => {
	const { result, line, problems } = load('rows-outside-categories.md');

	it('are each reported at their line with the reason', () => {
		expect(result.papers.map((p) => p.data.title)).toEqual(['SnapKV: LLM Knows What You are Looking for Before Generation']);
		expect(result.skipped.map((m) => formatImportMessage('rows-outside-categories.md', m))).toEqual([
			`rows-outside-categories.md:${line('Above Every Heading')}: row is in a table above the first category; it stays in the text before the list and is not imported — move the table under the heading of its category`,
			`rows-outside-categories.md:${line('Quoted Paper')}: row is in a table inside a quote, list item or footnote; it stays there as text and is not imported — move the table out, under the heading of its category`,
			`rows-outside-categories.md:${line('Listed Paper')}: row is in a table inside a quote, list item or footnote; it stays there as text and is not imported — move the table out, under the heading of its category`,
			`rows-outside-categories.md:${line('| 2024 |  |')}: row has no title; skipped (write the paper's title in the Title column)`,
			`rows-outside-categories.md:${line('| 2024 | [Link]')}: title "Link" is only a link's name; row skipped (write the paper's title in the Title column)`,
		]);
		for (const m of result.skipped) expect(problems).toContain(formatImportMessage('rows-outside-categories.md', m));
	});

	it('keep their text, so that the export writes the quoted and listed tables back', () => {
		expect(result.site.preamble).toContain('| 2024 | Above Every Heading |');
		expect(result.taxonomy[0]!.children![0]!.description).toContain('> | 2024 | Quoted Paper |');
	});
});
