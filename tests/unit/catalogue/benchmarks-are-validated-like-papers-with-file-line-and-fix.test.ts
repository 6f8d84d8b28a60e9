import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BenchmarkSchema } from '../../../src/catalogue/benchmark.ts';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { copyCatalogue, FIXTURE, readIn, ROOT, writeIn } from '../../helpers/catalogue.ts';

const WITH = path.join(ROOT, 'tests/fixtures/catalogue-with-benchmarks');
const SCHEMA = '# yaml-language-server: $schema=../../../../public/schemas/benchmark.schema.json\n';
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** The messages of the catalogue-with-benchmarks fixture after `edit`, with paths relative to the copy. */
function problemsAfter(edit: (d: string) => void, from = WITH) {
	dir = copyCatalogue(from);
	edit(dir);
	const { catalogue, diagnostics } = loadCatalogue(dir);
	return { catalogue, lines: diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }).replaceAll(`${dir}/`, '')) };
}

const survey = 'survey:\n  named: false\n  confidence: medium\n';
const good = (extra = '') => `name: TinyBench\nyear: 2024\nvenue: COLM\nmodality: text\n${extra}${survey}`;

describe('benchmark files', () => {
	it('load with the catalogue, sorted by id, and a catalogue without the folder has none', () => {
		const withBenchmarks = loadCatalogue(WITH);
		const without = loadCatalogue(FIXTURE);

		expect(withBenchmarks.diagnostics).toEqual([]);
		expect(withBenchmarks.catalogue!.benchmarks.map((b) => b.id)).toEqual(['longbench', 'longctx-bench', 'needle-in-a-haystack', 'ruler', 'streamingeval', 'video-mme']);
		expect(without.diagnostics).toEqual([]);
		expect(without.catalogue!.benchmarks).toEqual([]);
	});

	it('name a misspelt task and a misspelt field at their line, with the fix', () => {
		const { lines, catalogue } = problemsAfter((d) => writeIn(d, 'benchmarks/tiny.yaml', SCHEMA + good('tasks: [retreival]\nlengthz: {}\n').replace('COLM', 'COLN')));

		expect(catalogue).toBeNull();
		expect(lines).toContain('benchmarks/tiny.yaml:7:1  lengthz  unknown field "lengthz" — did you mean "lengths"?');
		expect(lines.find((l) => l.startsWith('benchmarks/tiny.yaml:6:9  tasks.0'))).toMatch(/must be one of "question-answering", "summarization", "reasoning", "retrieval"/);
	});

	it('refuses a venue that is not in venues.yaml and suggests the closest', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'benchmarks/tiny.yaml', SCHEMA + good().replace('COLM', 'COLN')));

		expect(lines).toEqual(['benchmarks/tiny.yaml:4:8  venue  unknown venue "COLN" — did you mean "COLM"?']);
	});

	it('asks for a unit with numbers, and for lengths that do not decrease', () => {
		const noUnit = problemsAfter((d) => writeIn(d, 'benchmarks/tiny.yaml', SCHEMA + good('lengths:\n  max: 128000\n'))).lines;
		const decreasing = problemsAfter((d) => writeIn(d, 'benchmarks/tiny.yaml', SCHEMA + good('lengths:\n  unit: tokens\n  min: 8000\n  max: 4000\n'))).lines;
		const fractional = problemsAfter((d) => writeIn(d, 'benchmarks/tiny.yaml', SCHEMA + good('lengths:\n  unit: words\n  typical: 6700.5\n'))).lines;

		expect(noUnit).toEqual(['benchmarks/tiny.yaml:7:3  lengths.unit  is required with min, typical or max: tokens, words, characters, frames, seconds, minutes or images']);
		expect(decreasing).toEqual(['benchmarks/tiny.yaml:7:3  lengths  min, typical and max must not decrease']);
		expect(fractional).toEqual(['benchmarks/tiny.yaml:8:12  lengths.typical  must be a whole number from 1,000 up, such as 6700']);
	});

	it('requires the survey field and names an unconfirmed field that the schema does not have', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'benchmarks/tiny.yaml', SCHEMA + 'name: TinyBench\nmodality: text\nunconfirmed: [context_lengths]\n'));

		expect(lines).toContain('benchmarks/tiny.yaml:2:1  survey  is required but missing; add "survey:"');
		expect(lines.find((l) => l.includes('unconfirmed.0'))).toMatch(/^benchmarks\/tiny\.yaml:4:15  unconfirmed\.0  must be one of "name", "title"/);
	});

	it('needs the Datasets and Benchmarks leaf in the taxonomy', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'taxonomy.yaml', readIn(d, 'taxonomy.yaml').replace(/- slug: datasets-and-benchmarks[\s\S]*$/, '')));

		expect(lines).toContain('benchmarks/longbench.yaml:2:1  (file)  benchmarks are filed under the category "datasets-and-benchmarks", which data/taxonomy.yaml does not have; add it as a leaf (slug: datasets-and-benchmarks)');
	});

	it('refuses a file name that is not an id, and a .yml file', () => {
		const { lines } = problemsAfter((d) => {
			writeIn(d, 'benchmarks/Tiny Bench.yaml', SCHEMA + good());
			writeIn(d, 'benchmarks/tiny.yml', SCHEMA + good());
		});

		expect(lines).toContain('benchmarks/Tiny Bench.yaml:2:1  (file name)  file name "Tiny Bench.yaml" is the benchmark\'s id and must be lower-case words joined by hyphens; rename it to "tiny-bench.yaml"');
		expect(lines).toContain('benchmarks/tiny.yml:1:1  (file name)  benchmark files end in ".yaml"; rename it to "tiny.yaml"');
	});
});

describe('the arXiv id of a benchmark', () => {
	it('may be its study paper\'s, and the two are one pair', () => {
		const { catalogue, lines } = problemsAfter(() => {});

		expect(lines).toEqual([]);
		expect(catalogue!.benchmarks.find((b) => b.id === 'longctx-bench')!.study).toBe('longctx-study');
	});

	it('is refused when a paper has it but the benchmark does not name that paper as its study', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'benchmarks/longctx-bench.yaml', readIn(d, 'benchmarks/longctx-bench.yaml').replace('study: longctx-study\n', '')));

		expect(lines).toEqual([
			'benchmarks/longctx-bench.yaml:12:8  paper  same arXiv 2407.01527 as the paper papers/longctx-study.yaml; when that paper describes this benchmark, write "study: longctx-study" so the two pages link each other',
		]);
	});

	it('is refused on a second benchmark, which names the first', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'benchmarks/ruler2.yaml', SCHEMA + good('paper: https://arxiv.org/abs/2404.06654\n')));

		expect(lines).toEqual(['benchmarks/ruler2.yaml:6:8  paper  same arXiv 2404.06654 as benchmarks/ruler.yaml:18 ("RULER"); a benchmark has one file']);
	});

	it('names a study that is no paper, with the closest paper id', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'benchmarks/longctx-bench.yaml', readIn(d, 'benchmarks/longctx-bench.yaml').replace('study: longctx-study', 'study: longctx-studdy')));

		expect(lines).toContain('benchmarks/longctx-bench.yaml:14:8  study  no paper "longctx-studdy" in data/papers/ — did you mean "longctx-study"?');
	});
});

describe('a paper naming the benchmarks it reports on', () => {
	it('names an unknown benchmark at its line, with the closest id', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'papers/kivi.yaml', readIn(d, 'papers/kivi.yaml').replace('id: longbench', 'id: longbnech')));

		expect(lines).toEqual(['papers/kivi.yaml:12:9  benchmarks.0.id  unknown benchmark "longbnech" — did you mean "longbench"?']);
	});

	it('needs a source for each, and names a benchmark listed twice', () => {
		const noSource = problemsAfter((d) => writeIn(d, 'papers/kivi.yaml', readIn(d, 'papers/kivi.yaml').replace(/\n    source: .*/, ''))).lines;
		const twice = problemsAfter((d) => writeIn(d, 'papers/kivi.yaml', readIn(d, 'papers/kivi.yaml').replace('\nlisted: true', '\n  - id: longbench\n    source: https://arxiv.org/abs/2402.02750\nlisted: true'))).lines;

		expect(noSource).toEqual(['papers/kivi.yaml:12:5  benchmarks.0.source  is required but missing; add "source:"']);
		expect(twice).toEqual(['papers/kivi.yaml:14:9  benchmarks.1.id  benchmark "longbench" is named twice; keep one']);
	});

	it('is an error in a catalogue without benchmarks', () => {
		const { lines } = problemsAfter((d) => writeIn(d, 'papers/h2o.yaml', `${readIn(d, 'papers/h2o.yaml')}benchmarks:\n  - id: ruler\n    source: https://arxiv.org/abs/2306.14048\n`), FIXTURE);

		expect(lines).toEqual(['papers/h2o.yaml:25:9  benchmarks.0.id  unknown benchmark "ruler"; the benchmarks are the file names of data/benchmarks/']);
	});
});

describe('the annotated benchmark template of CONTRIBUTING.md', () => {
	it('is a valid benchmark that shows every field it may name', () => {
		const text = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
		const block = /## Add a benchmark[\s\S]*?```yaml\n([\s\S]*?)```/.exec(text)![1]!;

		expect(BenchmarkSchema.safeParse(parse(block)).success).toBe(true);
		for (const key of ['name', 'title', 'authors', 'authorsComplete', 'year', 'venue', 'modality', 'tasks', 'languages', 'lengths', 'summary', 'paper', 'code', 'data', 'study', 'survey', 'sources', 'confidence', 'unconfirmed']) {
			expect(block, key).toMatch(new RegExp(`^(?:# )?${key}:`, 'm'));
		}
	});
});
