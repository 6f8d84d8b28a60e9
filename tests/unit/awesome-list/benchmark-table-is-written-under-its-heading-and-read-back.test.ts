import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/awesome-list/export.ts';
import { importMarkdown } from '../../../src/awesome-list/import.ts';
import { planSync } from '../../../src/awesome-list/sync.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { ROOT } from '../../helpers/catalogue.ts';
import { accountedRowLines, tableRowLines } from '../../helpers/table-rows.ts';

const catalogue = loadCatalogueOrThrow(path.join(ROOT, 'tests/fixtures/catalogue-with-benchmarks'));
const markdown = exportMarkdown(catalogue);
const section = markdown.slice(markdown.indexOf('\n# Datasets and Benchmarks'));
const rowsOf = (md: string) => md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Benchmark') && !l.startsWith('| Year') && !l.startsWith('| --'));

describe('the exported README', () => {
	it('writes the benchmarks as a table under the Datasets and Benchmarks heading, after its papers, in name order', () => {
		const lines = section.split('\n');
		const header = lines.findIndex((l) => l.startsWith('| Benchmark '));
		const papers = lines.findIndex((l) => l.startsWith('| Year '));

		expect(header).toBeGreaterThan(papers);
		expect(papers).toBeGreaterThan(0);
		expect(lines[header]!.split('|').map((c) => c.trim()).filter(Boolean)).toEqual(['Benchmark', 'Year', 'Venue', 'Modality', 'Tasks', 'Languages', 'Context', 'In the survey', 'Paper', 'Code', 'Data']);
		expect(lines.slice(header + 2, header + 8).map((l) => l.split('|')[1]!.trim())).toEqual(['LongBench', 'longctx\\_bench', 'Needle-in-a-Haystack', 'RULER', 'StreamingEval', 'Video-MME']);
	});

	it('gives each row its facts in a few words: tasks, languages, lengths in their unit, and how sure the survey mention is', () => {
		const row = (name: string) => rowsOf(section).find((l) => l.split('|')[1]!.trim() === name)!.split('|').map((c) => c.trim());

		expect(row('LongBench').slice(2, 9)).toEqual(['2024', 'ACL', 'text', 'Question answering, Summarization, Retrieval, Code', 'English, Chinese', 'about 6.7K words', 'yes (own words)']);
		expect(row('Video-MME').slice(4, 9)).toEqual(['multimodal', 'Question answering', 'English', 'up to 60 minutes', 'yes (reading notes)']);
		expect(row('Needle-in-a-Haystack').slice(7, 12)).toEqual(['configurable, 1K–200K tokens', 'no (reading notes)', '', '[Link](https://github.com/gkamradt/LLMTest_NeedleInAHaystack)', '']);
		expect(row('StreamingEval').slice(2, 4)).toEqual(['', '']);
	});

	it('writes no benchmark table for a catalogue without benchmarks, so the upstream list exports as before', () => {
		const without = exportMarkdown({ ...catalogue, benchmarks: [] });

		expect(without).not.toContain('| Benchmark ');
		expect(without).toBe(exportMarkdown({ site: catalogue.site, taxonomy: catalogue.taxonomy, papers: catalogue.papers }));
	});
});

describe('importing a README with a benchmark table', () => {
	const result = importMarkdown(markdown, 'Fixture');

	it('reads every benchmark back with the facts its row holds, and no paper from it', () => {
		const read = new Map(result.benchmarks.map((b) => [b.id, b.data]));

		expect(result.papers.map((p) => p.data.title).sort()).toEqual(catalogue.papers.map((p) => p.title).sort());
		expect([...read.keys()].sort()).toEqual(catalogue.benchmarks.map((b) => b.id).sort());
		for (const b of catalogue.benchmarks) {
			const { name, year, venue, modality, tasks, languages, languageCount, paper, code, data } = b;
			const lengths = b.lengths && (b.lengths.unit ? { ...b.lengths, note: undefined } : b.lengths);
			const { study: _, ...imported } = read.get(b.id)!;
			expect(imported, b.id).toEqual(JSON.parse(JSON.stringify({ name, year, venue, modality, tasks, languages, languageCount, lengths, paper, code, data, survey: { named: b.survey.named, confidence: b.survey.confidence } })));
		}
	});

	it('names as its study the paper of the list whose link names the same paper', () => {
		const longctx = result.benchmarks.find((b) => b.id === 'longctx-bench')!;
		const study = result.papers.find((p) => p.data.paper === 'https://arxiv.org/abs/2407.01527')!;

		expect(longctx.data.study).toBe(study.id);
		expect(result.benchmarks.find((b) => b.id === 'ruler')!.data.study).toBeUndefined();
	});

	it('accounts for every row of the file: paper rows, benchmark rows, skipped rows', () => {
		expect(accountedRowLines(result)).toEqual(tableRowLines(markdown));
		expect(result.rows).toBe(tableRowLines(markdown).length);
	});

	it('exports again to the same bytes', () => {
		const again = exportMarkdown({ site: result.site, taxonomy: result.taxonomy, papers: result.papers.map((p) => ({ id: p.id, ...p.data, year: p.data.year! })), benchmarks: result.benchmarks.map((b) => ({ id: b.id, ...b.data })) });

		expect(again).toBe(markdown);
	});

	it('reports a task outside the vocabulary, a modality other than text or multimodal and a bad survey cell at their line', () => {
		const broken = markdown.replace('| RULER ', '| RULER ').replace(/(\| RULER .*?\| )text( .*?\| )Retrieval,/, '$1video$2Retrieving,').replace('yes (own words)', 'perhaps');
		const lines = broken.split('\n');
		const ruler = lines.findIndex((l) => l.startsWith('| RULER ')) + 1;
		const longbench = lines.findIndex((l) => l.startsWith('| LongBench ')) + 1;

		const messages = importMarkdown(broken, 'Fixture').messages.filter((m) => m.kind === 'problem').map((m) => `${m.line}: ${m.message}`);

		expect(messages).toContain(`${ruler}: modality "video" of benchmark "RULER" is neither text nor multimodal; read as text`);
		expect(messages).toContain(`${ruler}: task "Retrieving" of benchmark "RULER" is not one of Question answering, Summarization, Reasoning, Retrieval, Generation, Aggregation, Code, Dialogue; left out`);
		expect(messages).toContain(`${longbench}: "In the survey" of benchmark "LongBench" should read "yes (own words)", "yes (reading notes)" or "no (reading notes)"; read as "no (unsure)"`);
	});
});

describe('the sync and the benchmark table', () => {
	it('changes no benchmark whether the list has a benchmark table or none, and says so when it has one', () => {
		const withTable = planSync(catalogue, importMarkdown(markdown, 'Fixture'), { date: '2027-01-01' });
		const withoutTable = planSync(catalogue, importMarkdown(exportMarkdown({ ...catalogue, benchmarks: [] }), 'Fixture'), { date: '2027-01-01' });

		for (const plan of [withTable, withoutTable]) {
			expect(plan.report.added).toEqual([]);
			expect(plan.report.removed).toEqual([]);
			expect([...plan.papers.keys()].sort()).toEqual(catalogue.papers.map((p) => p.id).sort());
		}
		expect(withTable.report.messages.map((m) => m.message)).toContain('6 benchmark rows: benchmarks are kept in benchmarks/ and not changed by the sync');
		expect(withoutTable.report.messages.map((m) => m.message).join('\n')).not.toContain('benchmark');
	});
});
