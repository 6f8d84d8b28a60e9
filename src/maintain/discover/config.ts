/**
 * `data/discover.yaml`: what `npm run discover -- --arxiv --citations` asks the services, and the
 * rules a hit must meet to be queued. Data a maintainer reads and edits, checked like every data
 * file (`path:line:col  field  message`, also by `npm run validate`). Without the file, the
 * defaults below apply; the shipped file holds the same values, with the reasons.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../../catalogue/diagnostics.ts';
import { jsonSchemaText } from '../../catalogue/json-schema.ts';
import { displayPath } from '../../catalogue/load.ts';
import { ARXIV_ID_PATTERN, DateSchema, TextSchema } from '../../catalogue/schema.ts';
import { checkSchema, parseYamlFile } from '../../catalogue/yaml-file.ts';

/** The file's name inside a catalogue folder. */
export const DISCOVER_CONFIG_FILE = 'discover.yaml';

/** A phrase of a query: no double quote, which would end arXiv's phrase early. */
const PhraseSchema = TextSchema.refine((s) => !/["\\]/.test(s), 'must not hold a double quote or a backslash: each term is searched as one phrase');

/** The arXiv search. */
export const ArxivQuerySchema = z.strictObject({
	/** Phrases searched in titles and abstracts; a hit has at least one. */
	terms: z.array(PhraseSchema).min(1, 'must list at least one term').describe('Phrases searched in titles and abstracts; a hit has at least one.'),
	/** arXiv categories (cs.CL); a hit is in at least one. */
	categories: z
		.array(z.string().trim().regex(/^[a-z-]+(?:\.[A-Za-z-]+)?$/, 'must be an arXiv category such as cs.CL'))
		.min(1, 'must list at least one category')
		.describe('arXiv categories (cs.CL); a hit is in at least one.'),
	/** The first run reads back to this day; later runs to the last successful run's day, less `overlapDays`. */
	firstSince: DateSchema.describe('The first run reads back to this day; later runs to the last successful run\'s day, less overlapDays.'),
	/** Days read again before the last run's day: arXiv announces a paper days after its submission date, which orders the search. */
	overlapDays: z.number().int().min(0).max(90, 'must be at most 90').describe('Days read again before the last run\'s day: arXiv announces a paper days after its submission date, which orders the search.'),
	/** Entries per request (arXiv allows 2,000; 100 is kind to it). */
	pageSize: z.number().int().min(1).max(2000, 'must be at most 2000 (arXiv\'s limit per request)').describe('Entries per request (arXiv allows 2,000; 100 is kind to it).'),
	/** Entries read at most in one run; a run that reaches it before `since` fails, so that the next one starts from the same day. */
	maxResults: z.number().int().min(1).describe('Entries read at most in one run; a run that reaches it before its first day fails, so that the next one starts from the same day.'),
});

/** The papers citing the survey, from Semantic Scholar. */
export const CitationsQuerySchema = z.strictObject({
	/** The arXiv id of the paper whose citers are read: the survey. */
	paper: z.string().trim().regex(ARXIV_ID_PATTERN, 'must be an arXiv id such as 2412.19442').describe('The arXiv id of the paper whose citers are read: the survey.'),
	/** Citations per request (Semantic Scholar allows 1,000). */
	pageSize: z.number().int().min(1).max(1000, 'must be at most 1000 (Semantic Scholar\'s limit per request)').describe('Citations per request (Semantic Scholar allows 1,000).'),
	/** Citations read at most in one run. */
	maxCiters: z.number().int().min(1).describe('Citations read at most in one run.'),
});

/** One rule a hit must meet: its title or abstract names one of the terms. */
export const KeepRuleSchema = z.strictObject({
	/** What the rule asks, as the candidate's `why` says it: "names the KV cache". */
	rule: TextSchema.describe('What the rule asks, as the candidate\'s why says it: "names the KV cache".'),
	/** Why the rule is there: what it keeps out. */
	why: TextSchema.describe('Why the rule is there: what it keeps out.'),
	/** Words or phrases, any case; hyphens and spaces are the same, a plural "s" is allowed, "key-value (KV) cache" reads as "key-value cache". */
	terms: z.array(TextSchema).min(1, 'must list at least one term').describe('Words or phrases, any case; hyphens and spaces are the same, a plural "s" is allowed, "key-value (KV) cache" reads as "key-value cache".'),
});
export type KeepRule = z.infer<typeof KeepRuleSchema>;

/** `data/discover.yaml`. */
export const DiscoverConfigSchema = z.strictObject({
	/** The arXiv search of `--arxiv`. */
	arxiv: ArxivQuerySchema.describe('The arXiv search of --arxiv.'),
	/** The citers of `--citations`. */
	citations: CitationsQuerySchema.describe('The citers of --citations.'),
	/** Every rule must hold for a hit to be queued (a citer without an abstract is kept: citing the survey is its evidence). */
	keep: z.array(KeepRuleSchema).describe('Every rule must hold for a hit to be queued (a citer without an abstract is kept: citing the survey is its evidence).'),
});
export type DiscoverConfig = z.infer<typeof DiscoverConfigSchema>;

/** The defaults, the same as the shipped data/discover.yaml (which says why). */
export const DEFAULT_DISCOVER_CONFIG: DiscoverConfig = {
	arxiv: {
		terms: ['KV cache', 'key-value cache', 'KV-cache', 'KVCache', 'key value cache'],
		categories: ['cs.CL', 'cs.LG', 'cs.AI', 'cs.DC', 'cs.AR'],
		firstSince: '2025-07-30',
		overlapDays: 7,
		pageSize: 100,
		maxResults: 3000,
	},
	citations: { paper: '2412.19442', pageSize: 100, maxCiters: 5000 },
	keep: [
		{
			rule: 'names the KV cache',
			why: 'the survey\'s citers include papers on other topics, and arXiv matches a phrase loosely',
			terms: ['KV cache', 'KV caching', 'KVCache', 'key-value cache', 'key-value caching', 'key and value cache'],
		},
		{
			rule: 'names a language model',
			why: '"key-value cache" also names the caches of storage systems, and vision and video transformers keep KV caches too',
			terms: ['LLM', 'language model', 'MLLM', 'LMM', 'VLM', 'LLaMA', 'GPT', 'Mistral', 'Qwen', 'DeepSeek', 'decoder-only'],
		},
	],
};

/** The JSON Schema of discover.yaml by file name (public/schemas/<name>), written by `npm run schemas`. */
export function discoverJsonSchemas(): Record<string, string> {
	return { 'discover.schema.json': jsonSchemaText('What npm run discover asks arXiv and Semantic Scholar, and which hits it keeps (data/discover.yaml)', DiscoverConfigSchema) };
}

/** The configuration of a catalogue folder: its discover.yaml, the defaults when it has none, null when the file has errors. */
export function readDiscoverConfig(dir: string): { config: DiscoverConfig | null; diagnostics: Diagnostic[]; fromFile: boolean } {
	const abs = path.join(dir, DISCOVER_CONFIG_FILE);
	let text: string;
	try {
		text = readFileSync(abs, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_DISCOVER_CONFIG, diagnostics: [], fromFile: false };
		throw err;
	}
	return { ...checkDiscoverConfig(displayPath(abs), text), fromFile: true };
}

/** Check the text of a discover.yaml against its schema. */
export function checkDiscoverConfig(file: string, text: string): { config: DiscoverConfig | null; diagnostics: Diagnostic[] } {
	const yf = parseYamlFile(file, text);
	const { data, diagnostics } = checkSchema(yf, DiscoverConfigSchema, ['arxiv', 'citations', 'keep', 'terms', 'categories', 'firstSince', 'overlapDays', 'pageSize', 'maxResults', 'paper', 'maxCiters', 'rule', 'why']);
	if (!/^# yaml-language-server: \$schema=\S+/.test(text.replace(/^\uFEFF/, ''))) {
		diagnostics.unshift({ file, line: 1, col: 1, field: '(file)', message: 'the first line should be "# yaml-language-server: $schema=…" so editors check this file as you type', severity: 'warning' });
	}
	return { config: data && !diagnostics.some((d) => d.severity === 'error') ? data : null, diagnostics };
}

/** The arXiv `search_query` of the configuration: each term in titles or abstracts, in one of the categories. */
export function arxivSearchQuery(q: DiscoverConfig['arxiv']): string {
	const terms = q.terms.flatMap((t) => [`ti:"${t}"`, `abs:"${t}"`]).join(' OR ');
	return `(${terms}) AND (${q.categories.map((c) => `cat:${c}`).join(' OR ')})`;
}
