/**
 * The benchmarks as a table of the README, under the Datasets and Benchmarks heading, both ways:
 * `benchmarkTable` writes one row per benchmark (name order, columns padded like the paper
 * tables), `readBenchmarkTable` reads such a table back into benchmarks. A table is a benchmark
 * table when its first column is "Benchmark"; the paper tables start with "Year". Every cell
 * reads back as written, so export → import → export gives the same bytes.
 */
import type { Table, TableCell } from 'mdast';
import { BENCHMARK_TASKS, formatLengths, languagesText, readLengths, readSurveyMention, surveyMentionText, type BenchmarkData, type BenchmarkTask, type Modality } from '../catalogue/benchmark.ts';
import { lineOf } from './outline.ts';
import { problem, type ImportMessage } from './report.ts';
import { isHttpUrl, linksIn } from './rows.ts';
import { escapeText, linkDestination, paddedTable, plainText } from './text.ts';

/** The columns of the benchmark table. */
export const BENCHMARK_HEADER = ['Benchmark', 'Year', 'Venue', 'Modality', 'Tasks', 'Languages', 'Context', 'In the survey', 'Paper', 'Code', 'Data'] as const;

/** True when `table` is a benchmark table: its header starts with "Benchmark". */
export function isBenchmarkTable(table: Table): boolean {
	const first = table.children[0]?.children[0];
	return !!first && plainText(first).toLowerCase() === 'benchmark';
}

/** A benchmark as the table holds it (what `benchmarkTable` writes is exactly this much). */
export type TableBenchmark = Pick<BenchmarkData, 'name' | 'year' | 'venue' | 'modality' | 'tasks' | 'languages' | 'languageCount' | 'lengths' | 'paper' | 'code' | 'data'> & {
	survey: Pick<BenchmarkData['survey'], 'named' | 'confidence'>;
};

/** The README table of `benchmarks` (in the order given), columns padded to their widest cell. */
export function benchmarkTable(benchmarks: readonly TableBenchmark[]): string {
	const link = (url: string | undefined) => (url ? `[Link](${linkDestination(url)})` : '');
	const rows = benchmarks.map((b) => [
		escapeText(b.name),
		b.year === undefined ? '' : String(b.year),
		b.venue ? escapeText(b.venue) : '',
		b.modality,
		(b.tasks ?? []).map((t) => BENCHMARK_TASKS[t]).join(', '),
		escapeText(languagesText(b)),
		escapeText(formatLengths(b.lengths)),
		surveyMentionText(b.survey),
		link(b.paper),
		link(b.code),
		link(b.data),
	]);
	return paddedTable(BENCHMARK_HEADER, rows);
}

const TASK_BY_LABEL = new Map(Object.entries(BENCHMARK_TASKS).map(([id, label]) => [label.toLowerCase(), id as BenchmarkTask]));

/** One benchmark read from a row, with the line of the row; venue still as written. */
export interface ReadBenchmark {
	line: number;
	data: TableBenchmark;
}

/**
 * The benchmarks of a benchmark table. A cell that cannot be read is reported at its line and
 * left out (an unknown task, a modality other than text or multimodal); a row without a name is
 * skipped and reported.
 */
export function readBenchmarkTable(table: Table): { benchmarks: ReadBenchmark[]; messages: ImportMessage[]; skipped: ImportMessage[] } {
	const header = table.children[0]!.children.map((c) => plainText(c).toLowerCase());
	const messages: ImportMessage[] = [];
	const skipped: ImportMessage[] = [];
	const benchmarks: ReadBenchmark[] = [];
	const at = (name: (typeof BENCHMARK_HEADER)[number]) => header.indexOf(name.toLowerCase());
	for (const row of table.children.slice(1)) {
		const line = lineOf(row);
		const cell = (name: (typeof BENCHMARK_HEADER)[number]): TableCell | undefined => row.children[at(name)];
		const text = (name: (typeof BENCHMARK_HEADER)[number]) => {
			const c = cell(name);
			return c ? plainText(c) : '';
		};
		const name = text('Benchmark');
		if (!name) {
			const m = problem(line, 'benchmark row has no name; skipped (write the name in the Benchmark column)');
			skipped.push(m);
			messages.push(m);
			continue;
		}
		const data: TableBenchmark = { name, modality: 'text', survey: { named: false, confidence: 'low' } };
		const year = text('Year');
		if (/^\d{4}$/.test(year)) data.year = Number(year);
		else if (year) messages.push(problem(line, `year "${year}" of benchmark "${name}" is not a year; left out`));
		const venue = text('Venue');
		if (venue) data.venue = venue;
		const modality = text('Modality').toLowerCase();
		if (modality === 'text' || modality === 'multimodal') data.modality = modality as Modality;
		else messages.push(problem(line, `modality "${text('Modality')}" of benchmark "${name}" is neither text nor multimodal; read as text`));
		const tasks = text('Tasks')
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean);
		const known = tasks.map((t) => TASK_BY_LABEL.get(t.toLowerCase()));
		tasks.forEach((t, i) => known[i] ?? messages.push(problem(line, `task "${t}" of benchmark "${name}" is not one of ${Object.values(BENCHMARK_TASKS).join(', ')}; left out`)));
		const ids = known.filter((t): t is BenchmarkTask => !!t);
		if (ids.length) data.tasks = ids;
		Object.assign(data, readLanguages(text('Languages')));
		const lengths = readLengths(text('Context'));
		if (lengths) data.lengths = lengths;
		const survey = readSurveyMention(text('In the survey'));
		if (survey) data.survey = survey;
		else messages.push(problem(line, `"In the survey" of benchmark "${name}" should read "yes (own words)", "yes (reading notes)" or "no (reading notes)"; read as "no (unsure)"`));
		for (const [column, key] of [['Paper', 'paper'], ['Code', 'code'], ['Data', 'data']] as const) {
			const c = cell(column);
			const url = c && linksIn(c).map((l) => l.url.trim()).find(Boolean);
			if (url && isHttpUrl(url)) data[key] = url;
			else if (url) messages.push(problem(line, `${column.toLowerCase()} link "${url}" of benchmark "${name}" is not an absolute http(s) URL; left out`));
		}
		benchmarks.push({ line, data });
	}
	return { benchmarks, messages, skipped };
}

/** "English, Chinese" → languages; "26 languages" → languageCount; "English (26 languages)" → both. */
function readLanguages(text: string): Pick<BenchmarkData, 'languages' | 'languageCount'> {
	const count = /^(?:(.*) \()?(\d+) languages\)?$/.exec(text);
	const named = (count ? (count[1] ?? '') : text)
		.split(',')
		.map((l) => l.trim())
		.filter(Boolean);
	return { ...(named.length ? { languages: named } : {}), ...(count ? { languageCount: Number(count[2]) } : {}) };
}
