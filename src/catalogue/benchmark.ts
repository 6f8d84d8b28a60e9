/**
 * Benchmarks: the second kind of entry, filed under the taxonomy's Datasets and Benchmarks leaf.
 * One file per benchmark (`data/benchmarks/<id>.yaml`), its zod schema, the fixed vocabularies
 * (modality, tasks, length units), the context lengths as numbers a table can sort and as the
 * text the README shows, and the rules that span files: the venue is known, a paper that names
 * a benchmark names one that exists, and a benchmark shares its arXiv id only with the paper of
 * the catalogue that describes it (`study`).
 */
import { z } from 'zod';
import { didYouMean, type Diagnostic } from './diagnostics.ts';
import { arxivId, paperArxivId } from './links.ts';
import { ArxivIdSchema, ConfidenceSchema, DoiSchema, MIN_YEAR, maxYear, SlugSchema, TextSchema, UrlSchema, type PaperData } from './schema.ts';
import type { Tree } from './tree.ts';
import { checkArxivLink, checkVenue, type VenueIndex } from './checks.ts';
import type { YamlFile } from './yaml-file.ts';

/** The taxonomy leaf that benchmarks are filed under: its page is the table of benchmarks. */
export const BENCHMARKS_LEAF = 'datasets-and-benchmarks';

/** Text benchmarks and multimodal ones (images, video), as the survey's two benchmark tables split them. */
export const MODALITIES = ['text', 'multimodal'] as const;
export type Modality = (typeof MODALITIES)[number];

/** The task types a benchmark may name, with the label pages show (the survey's table dimensions, plus code and dialogue). */
export const BENCHMARK_TASKS = {
	'question-answering': 'Question answering',
	summarization: 'Summarization',
	reasoning: 'Reasoning',
	retrieval: 'Retrieval',
	generation: 'Generation',
	aggregation: 'Aggregation',
	code: 'Code',
	dialogue: 'Dialogue',
} as const;
export type BenchmarkTask = keyof typeof BENCHMARK_TASKS;
const TASK_IDS = Object.keys(BENCHMARK_TASKS) as [BenchmarkTask, ...BenchmarkTask[]];

/**
 * What an input length is counted in, as the source gives it: text in tokens, words or
 * characters; video in frames, seconds or minutes; image sets in images. No unit is converted
 * into another (a word is not a fixed number of tokens).
 */
export const LENGTH_UNITS = ['tokens', 'words', 'characters', 'frames', 'seconds', 'minutes', 'images'] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];

/** A length: a positive number, whole from 1,000 up (so "6.44K" reads back as 6440). */
const LengthNumber = z
	.number({ error: 'must be a number, such as 128000' })
	.positive('must be more than 0')
	.refine((n) => n < 1000 || Number.isInteger(n), 'must be a whole number from 1,000 up, such as 6700');

/** The context lengths of a benchmark: numbers in one unit, so a table sorts them; `note` says the rest in words. */
export const LengthsSchema = z
	.strictObject({
		/** The unit of min, typical and max, as the source measures inputs. */
		unit: z.enum(LENGTH_UNITS).optional().describe('The unit of min, typical and max, as the source measures inputs: tokens, words, characters, frames, seconds, minutes or images.'),
		/** The shortest input. */
		min: LengthNumber.optional().describe('The shortest input, in `unit`.'),
		/** The average or typical input. */
		typical: LengthNumber.optional().describe('The average or typical input, in `unit`.'),
		/** The longest input (for a configurable benchmark: the longest the source reports). */
		max: LengthNumber.optional().describe('The longest input, in `unit` (for a configurable benchmark, the longest the source reports).'),
		/** True when the length is a parameter of the benchmark (RULER, Needle-in-a-Haystack). */
		configurable: z.boolean().optional().describe('True when the length is a parameter of the benchmark (RULER, Needle-in-a-Haystack).'),
		/** The lengths in words, as the source gives them ("about 6.7K words in English, 13.4K characters in Chinese"). */
		note: TextSchema.optional().describe('The lengths in our words, as the source gives them ("about 6.7K words in English, 13.4K characters in Chinese").'),
	})
	.superRefine((l, ctx) => {
		const numbers = [l.min, l.typical, l.max].some((n) => n !== undefined);
		if (numbers && !l.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'is required with min, typical or max: tokens, words, characters, frames, seconds, minutes or images' });
		if (!numbers && !l.note) ctx.addIssue({ code: 'custom', message: 'needs min, typical or max (with a unit), or a note' });
		const order = [l.min, l.typical, l.max].filter((n): n is number => n !== undefined);
		if (order.some((n, i) => i > 0 && n < order[i - 1]!)) ctx.addIssue({ code: 'custom', message: 'min, typical and max must not decrease' });
	});
export type Lengths = z.infer<typeof LengthsSchema>;

/** Whether the survey names a benchmark, and how sure we are of that. */
export const SurveyMentionSchema = z.strictObject({
	/** True when the survey's section on datasets and benchmarks names it. */
	named: z.boolean({ error: 'must be true or false' }).describe('True when the survey\'s section on datasets and benchmarks names it.'),
	/** High: the survey's own words; medium: reading notes of the survey; low: a guess. */
	confidence: ConfidenceSchema.describe('High: the survey\'s own words; medium: reading notes of the survey; low: a guess.'),
	/** What the claim rests on, in our words or the survey's quoted sentence. */
	evidence: TextSchema.optional().describe('What the claim rests on, in our words or the survey\'s quoted sentence.'),
	/** Where that evidence was read. */
	source: UrlSchema.optional().describe('Where that evidence was read.'),
});
export type SurveyMention = z.infer<typeof SurveyMentionSchema>;

/** The fields of a benchmark, in the order files write them. */
export const BENCHMARK_KEYS = [
	'name',
	'title',
	'authors',
	'authorsComplete',
	'year',
	'venue',
	'modality',
	'tasks',
	'languages',
	'languageCount',
	'lengths',
	'summary',
	'paper',
	'arxiv',
	'doi',
	'code',
	'data',
	'study',
	'survey',
	'note',
	'sources',
	'confidence',
	'unconfirmed',
] as const;

/** Fields whose value a source may have left unconfirmed. */
const CONFIRMABLE = BENCHMARK_KEYS.filter((k) => !['survey', 'sources', 'confidence', 'unconfirmed', 'note', 'study', 'authorsComplete'].includes(k)) as [string, ...string[]];

/** `data/benchmarks/<id>.yaml`: one benchmark; the file name (without `.yaml`) is its id. */
export const BenchmarkSchema = z.strictObject({
	/** The short name readers know: "LongBench", "RULER". */
	name: TextSchema.describe('The short name readers know: "LongBench", "RULER".'),
	/** The full title of the paper that introduced it. */
	title: TextSchema.optional().describe('The full title of the paper that introduced it.'),
	/** Authors in publication order (as many as the source gives; see authorsComplete). */
	authors: z.array(TextSchema).min(1, 'must list at least one author; leave the key out instead').optional().describe('Authors in publication order (as many as the source gives; see authorsComplete).'),
	/** False when the source gave only the first authors: citations then end with "and others". */
	authorsComplete: z.boolean().optional().describe('False when the source gave only the first authors: citations then end with "and others".'),
	/** Year of publication of the venue named (or of the preprint or release). */
	year: z
		.number({ error: 'must be a year written as a number, such as 2024' })
		.int('must be a whole year, such as 2024')
		.min(MIN_YEAR, `must be ${MIN_YEAR} or later`)
		.refine((y) => y <= maxYear(), { message: 'must not be later than next year' })
		.optional()
		.describe('Year of publication of the venue named (or of the preprint or release).'),
	/** The venue's canonical name from `data/venues.yaml`; leave out for a benchmark without a paper. */
	venue: TextSchema.optional().describe('The venue\'s canonical name from `data/venues.yaml`; leave out for a benchmark without a paper.'),
	/** Text, or multimodal (images or video with text). */
	modality: z.enum(MODALITIES).describe('Text, or multimodal (images or video with text).'),
	/** Task types, from a fixed vocabulary. */
	tasks: z.array(z.enum(TASK_IDS)).min(1, 'must name at least one task; leave the key out when unknown').optional().describe(`Task types, from a fixed vocabulary: ${TASK_IDS.join(', ')}.`),
	/** Languages of the inputs, such as [English, Chinese]. */
	languages: z.array(TextSchema).min(1, 'must name at least one language; leave the key out when unknown').optional().describe('Languages of the inputs, such as [English, Chinese].'),
	/** How many languages, when there are too many to name (OneRuler: 26). */
	languageCount: z.number().int().min(2, 'must be 2 or more; name a single language in "languages"').optional().describe('How many languages, when there are too many to name (OneRuler: 26).'),
	/** Context lengths as numbers with their unit, and a note in words. */
	lengths: LengthsSchema.optional().describe('Context lengths as numbers with their unit, and a note in words.'),
	/** What it measures, in our own words (markdown, no HTML). */
	summary: z.string().trim().min(1, 'must not be empty; leave the key out instead').optional().describe('What it measures, in our own words (markdown, no HTML).'),
	/** Link to the paper (arXiv abstract or proceedings page). */
	paper: UrlSchema.optional().describe('Link to the paper (arXiv abstract or proceedings page).'),
	/** The paper's arXiv id when `paper` links elsewhere. */
	arxiv: ArxivIdSchema.optional().describe('The paper\'s arXiv id when `paper` links elsewhere.'),
	/** The DOI of the paper, without https://doi.org/. */
	doi: DoiSchema.optional().describe('The DOI of the paper, without https://doi.org/.'),
	/** The code repository (for a benchmark without a paper, its home). */
	code: UrlSchema.optional().describe('The code repository (for a benchmark without a paper, its home).'),
	/** Where the data is downloaded, when not in the code repository (a Hugging Face dataset page). */
	data: UrlSchema.optional().describe('Where the data is downloaded, when not in the code repository (a Hugging Face dataset page).'),
	/** Id of the catalogue paper that describes this benchmark (an evaluation study filed as a paper); the two pages link each other. */
	study: SlugSchema.optional().describe('Id of the catalogue paper that describes this benchmark (an evaluation study filed as a paper); the two pages link each other.'),
	/** Whether the survey names it, and how sure we are. */
	survey: SurveyMentionSchema.describe('Whether the survey names it, and how sure we are.'),
	/** What a reader should know that no field holds (a later version, an unsettled identity). */
	note: TextSchema.optional().describe('What a reader should know that no field holds (a later version, an unsettled identity).'),
	/** The pages the facts were read from. */
	sources: z.array(UrlSchema).min(1, 'must list at least one page; leave the key out instead').optional().describe('The pages the facts were read from.'),
	/** How sure the facts are: high, medium or low. */
	confidence: ConfidenceSchema.optional().describe('How sure the facts are: high, medium or low.'),
	/** Fields no source confirmed; `npm run doctor` lists them. */
	unconfirmed: z.array(z.enum(CONFIRMABLE)).min(1, 'must name at least one field; leave the key out instead').optional().describe('Fields no source confirmed; `npm run doctor` lists them.'),
});
export type BenchmarkData = z.infer<typeof BenchmarkSchema>;

/** A benchmark with its id (the file name). */
export type Benchmark = BenchmarkData & { id: string };

/** The order benchmarks are listed in, on the site and in the README alike: by name (case aside), then id. */
export function compareBenchmarks(a: Pick<Benchmark, 'name' | 'id'>, b: Pick<Benchmark, 'name' | 'id'>): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

/** A benchmark file that passed its schema. */
export interface CheckedBenchmark {
	id: string;
	yf: YamlFile;
	data: BenchmarkData;
}

/** A paper file as the benchmark rules need it. */
interface PaperFile {
	id: string;
	yf: YamlFile;
	data: Pick<PaperData, 'paper' | 'arxiv' | 'benchmarks'>;
}

/**
 * Rules over benchmarks and the papers that name them: benchmarks need the Datasets and
 * Benchmarks leaf; the venue is canonical; `study` names a paper; no two benchmarks share an
 * arXiv id, and a benchmark shares one with a paper only when that paper is its `study`; a
 * paper's `benchmarks` name existing benchmarks, each once.
 */
export function checkBenchmarks(benchmarks: readonly CheckedBenchmark[], papers: readonly PaperFile[], tree: Tree, venues: VenueIndex): Diagnostic[] {
	const out: Diagnostic[] = [];
	const paperIds = new Map(papers.map((p) => [p.id, p]));
	const leaf = tree.bySlug.get(BENCHMARKS_LEAF);
	if (benchmarks.length && (!leaf || !leaf.isLeaf)) {
		const b = benchmarks[0]!;
		out.push(b.yf.diagnostic([], `benchmarks are filed under the category "${BENCHMARKS_LEAF}", which data/taxonomy.yaml ${leaf ? 'has as a group, not a category' : 'does not have'}; add it as a leaf (slug: ${BENCHMARKS_LEAF})`));
	}
	const paperByArxiv = new Map<string, PaperFile>();
	for (const p of papers) {
		const id = paperArxivId(p.data);
		if (id && !paperByArxiv.has(id)) paperByArxiv.set(id, p);
	}
	const byArxiv = new Map<string, CheckedBenchmark>();
	for (const b of benchmarks) {
		const { venue, study } = b.data;
		if (venue) out.push(...checkVenue(b.yf, venue, venues));
		if (study && !paperIds.has(study)) {
			const guess = didYouMean(study, paperIds.keys());
			out.push(b.yf.diagnostic(['study'], `no paper "${study}" in data/papers/${guess ? ` — did you mean "${guess}"?` : '; name the file (without .yaml) of the paper that describes this benchmark'}`));
		}
		out.push(...checkArxivLink(b.yf, b.data.paper));
		const id = paperArxivId(b.data);
		if (!id) continue;
		const field = arxivId(b.data.paper) ? 'paper' : 'arxiv';
		const twin = byArxiv.get(id);
		if (twin) out.push(b.yf.diagnostic([field], `same arXiv ${id} as ${twin.yf.file}:${twin.yf.locate([arxivId(twin.data.paper) ? 'paper' : 'arxiv']).line} ("${twin.data.name}"); a benchmark has one file`));
		else byArxiv.set(id, b);
		const paper = paperByArxiv.get(id);
		if (paper && paper.id !== study) {
			out.push(b.yf.diagnostic([field], `same arXiv ${id} as the paper ${paper.yf.file}; when that paper describes this benchmark, write "study: ${paper.id}" so the two pages link each other`));
		}
	}
	const known = new Set(benchmarks.map((b) => b.id));
	for (const p of papers) {
		const seen = new Set<string>();
		(p.data.benchmarks ?? []).forEach((link, i) => {
			if (seen.has(link.id)) out.push(p.yf.diagnostic(['benchmarks', i, 'id'], `benchmark "${link.id}" is named twice; keep one`));
			seen.add(link.id);
			if (known.has(link.id)) return;
			const guess = didYouMean(link.id, known);
			out.push(p.yf.diagnostic(['benchmarks', i, 'id'], `unknown benchmark "${link.id}"${guess ? ` — did you mean "${guess}"?` : '; the benchmarks are the file names of data/benchmarks/'}`));
		});
	}
	return out;
}

/** Numbers as the README and the table write them: 128000 → "128K", 6440 → "6.44K", 10000000 → "10M", 15.2 → "15.2". */
export function compactLength(n: number): string {
	if (n >= 1_000_000 && n % 1000 === 0) return `${n / 1_000_000}M`;
	if (n >= 1000) return `${n / 1000}K`;
	return String(n);
}

/** The number a compact length stands for ("6.44K" → 6440); null when the text is not one. */
export function readCompactLength(text: string): number | null {
	const m = /^(\d+(?:\.\d+)?)([KM]?)$/.exec(text.trim());
	if (!m) return null;
	const n = Number(m[1]);
	return m[2] === 'M' ? Math.round(n * 1_000_000) : m[2] === 'K' ? Math.round(n * 1000) : n;
}

const UNIT_WORDS: Record<LengthUnit, [string, string]> = {
	tokens: ['token', 'tokens'],
	words: ['word', 'words'],
	characters: ['character', 'characters'],
	frames: ['frame', 'frames'],
	seconds: ['second', 'seconds'],
	minutes: ['minute', 'minutes'],
	images: ['image', 'images'],
};

/**
 * The lengths in one short line: "8K–128K tokens", "about 6.7K words", "up to 10M tokens",
 * "configurable, 4K–128K tokens", "1K–8K tokens, about 4K"; the note when no number is known;
 * "" when nothing is. `readLengths` reads it back.
 */
export function formatLengths(l: Lengths | undefined): string {
	if (!l) return '';
	if (!l.unit || (l.min === undefined && l.typical === undefined && l.max === undefined)) return l.note ?? '';
	const largest = l.max ?? l.typical ?? l.min!;
	const unit = UNIT_WORDS[l.unit][largest === 1 ? 0 : 1];
	let range: string;
	if (l.min !== undefined && l.max !== undefined) range = `${compactLength(l.min)}–${compactLength(l.max)} ${unit}${l.typical !== undefined ? `, about ${compactLength(l.typical)}` : ''}`;
	else if (l.max !== undefined) range = `${l.typical !== undefined ? `about ${compactLength(l.typical)}, ` : ''}up to ${compactLength(l.max)} ${unit}`;
	else if (l.min !== undefined) range = `${compactLength(l.min)} ${unit} or more${l.typical !== undefined ? `, about ${compactLength(l.typical)}` : ''}`;
	else range = `about ${compactLength(l.typical!)} ${unit}`;
	return `${l.configurable ? 'configurable, ' : ''}${range}`;
}

/** Lengths read back from `formatLengths`' line; text of another shape is kept as the note. Undefined for an empty cell. */
export function readLengths(text: string): Lengths | undefined {
	const t = text.trim();
	if (!t) return undefined;
	const configurable = t.startsWith('configurable, ');
	const rest = configurable ? t.slice('configurable, '.length) : t;
	const num = '(\\d+(?:\\.\\d+)?[KM]?)';
	const unitOf = (word: string): LengthUnit | undefined => LENGTH_UNITS.find((u) => UNIT_WORDS[u].includes(word));
	const forms: Array<[RegExp, (m: RegExpExecArray) => Partial<Record<'min' | 'typical' | 'max', string>> & { unit: string }]> = [
		[new RegExp(`^${num}–${num} (\\w+)(?:, about ${num})?$`), (m) => ({ min: m[1], max: m[2], unit: m[3]!, typical: m[4] })],
		[new RegExp(`^(?:about ${num}, )?up to ${num} (\\w+)$`), (m) => ({ typical: m[1], max: m[2], unit: m[3]! })],
		[new RegExp(`^${num} (\\w+) or more(?:, about ${num})?$`), (m) => ({ min: m[1], unit: m[2]!, typical: m[3] })],
		[new RegExp(`^about ${num} (\\w+)$`), (m) => ({ typical: m[1], unit: m[2]! })],
	];
	for (const [re, pick] of forms) {
		const m = re.exec(rest);
		if (!m) continue;
		const parts = pick(m);
		const unit = unitOf(parts.unit);
		if (!unit) break;
		const out: Lengths = { unit };
		for (const k of ['min', 'typical', 'max'] as const) if (parts[k] !== undefined) out[k] = readCompactLength(parts[k]!)!;
		if (configurable) out.configurable = true;
		return out;
	}
	return { note: t };
}

/** Units in the order a descending sort shows them: text before video, video before images. */
const UNIT_RANK: Record<LengthUnit, number> = { tokens: 6, words: 5, characters: 4, minutes: 3, seconds: 3, frames: 2, images: 1 };

/**
 * The key a table sorts lengths by: by unit first (tokens, words, characters, video time,
 * frames, images), then by the longest input known; -1 when no number is. Units are never
 * converted into each other, except seconds and minutes, which are the same measure.
 */
export function lengthSortKey(l: Lengths | undefined): number {
	const n = l?.max ?? l?.typical ?? l?.min;
	if (!l?.unit || n === undefined) return -1;
	const value = l.unit === 'minutes' ? n * 60 : n;
	return UNIT_RANK[l.unit] * 1e9 + value;
}

/** What each confidence of a survey mention rests on, as pages and the README say it. */
const SURVEY_BASIS: Record<SurveyMention['confidence'], string> = { high: 'own words', medium: 'reading notes', low: 'unsure' };

/**
 * Whether the survey names a benchmark, in a few words: "yes (own words)", "yes (reading notes)",
 * "no (reading notes)". `readSurveyMention` reads it back.
 */
export function surveyMentionText(s: Pick<SurveyMention, 'named' | 'confidence'>): string {
	return `${s.named ? 'yes' : 'no'} (${SURVEY_BASIS[s.confidence]})`;
}

/** A survey mention read back from `surveyMentionText`; null for text of another shape. */
export function readSurveyMention(text: string): Pick<SurveyMention, 'named' | 'confidence'> | null {
	const m = /^(yes|no) \(([a-z ]+)\)$/i.exec(text.trim());
	const confidence = m ? (Object.keys(SURVEY_BASIS) as Array<SurveyMention['confidence']>).find((c) => SURVEY_BASIS[c] === m[2]!.toLowerCase()) : undefined;
	return m && confidence ? { named: m[1]!.toLowerCase() === 'yes', confidence } : null;
}

/** The languages of a benchmark in a few words: "English, Chinese", "26 languages"; "" when unknown. */
export function languagesText(b: Pick<BenchmarkData, 'languages' | 'languageCount'>): string {
	if (b.languages?.length) return `${b.languages.join(', ')}${b.languageCount && b.languageCount > b.languages.length ? ` (${b.languageCount} languages)` : ''}`;
	return b.languageCount ? `${b.languageCount} languages` : '';
}
