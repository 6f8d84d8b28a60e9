/**
 * `data/suggest.yaml`, optional: a few terms per leaf, restating how the survey defines the
 * category, that suggestions weigh beside the papers already filed there. Data a maintainer reads
 * and edits, checked like every data file (`path:line:col  field  message`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { didYouMean, type Diagnostic } from '../catalogue/diagnostics.ts';
import { jsonSchemaText } from '../catalogue/json-schema.ts';
import { displayPath } from '../catalogue/load.ts';
import { SlugSchema, TextSchema, type TaxonomyNode } from '../catalogue/schema.ts';
import { buildTree } from '../catalogue/tree.ts';
import { checkSchema, parseYamlFile } from '../catalogue/yaml-file.ts';

/** The file's name inside a catalogue folder. */
export const KEYWORDS_FILE = 'suggest.yaml';

/** One leaf's terms. */
export const LeafTermsSchema = z.strictObject({
	/** A leaf slug of data/taxonomy.yaml. */
	category: SlugSchema.describe('A leaf slug of data/taxonomy.yaml.'),
	/** Where the terms come from (the survey's section and definition), so the next maintainer can check them. */
	source: TextSchema.optional().describe('Where the terms come from (the survey\'s section and definition), so the next maintainer can check them.'),
	/** Words or short phrases that a paper of this category is likely to use. */
	terms: z.array(TextSchema).min(1, 'must list at least one term').describe('Words or short phrases that a paper of this category is likely to use.'),
});

/** `data/suggest.yaml`: terms that point a new paper to a category. */
export const SuggestKeywordsSchema = z.strictObject({
	/** One entry per leaf; leaves left out are suggested from their papers and title alone. */
	categories: z.array(LeafTermsSchema).min(1, 'must list at least one category; delete the file instead').describe('One entry per leaf; leaves left out are suggested from their papers and title alone.'),
});
export type SuggestKeywords = z.infer<typeof SuggestKeywordsSchema>;

/** The JSON Schema of suggest.yaml by file name (public/schemas/<name>), written by `npm run schemas`. */
export function suggestJsonSchemas(): Record<string, string> {
	return { 'suggest.schema.json': jsonSchemaText('Terms that suggest a category in the KV Cache Atlas (data/suggest.yaml)', SuggestKeywordsSchema) };
}

/** Terms by leaf slug. */
export type KeywordMap = ReadonlyMap<string, readonly string[]>;

/** The keywords of a catalogue folder (null when it has no suggest.yaml, or the file has errors) and the problems found. */
export function readKeywords(dir: string, taxonomy: readonly TaxonomyNode[]): { keywords: KeywordMap | null; diagnostics: Diagnostic[] } {
	const abs = path.join(dir, KEYWORDS_FILE);
	let text: string;
	try {
		text = readFileSync(abs, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { keywords: null, diagnostics: [] };
		throw err;
	}
	return checkKeywords(displayPath(abs), text, taxonomy);
}

/** Check the text of a suggest.yaml against its schema and the taxonomy. */
export function checkKeywords(file: string, text: string, taxonomy: readonly TaxonomyNode[]): { keywords: KeywordMap | null; diagnostics: Diagnostic[] } {
	const yf = parseYamlFile(file, text);
	const { data, diagnostics } = checkSchema(yf, SuggestKeywordsSchema, ['categories', 'category', 'source', 'terms']);
	if (!/^# yaml-language-server: \$schema=\S+/.test(text.replace(/^\uFEFF/, ''))) {
		diagnostics.unshift({ file, line: 1, col: 1, field: '(file)', message: 'the first line should be "# yaml-language-server: $schema=…" so editors check this file as you type', severity: 'warning' });
	}
	if (!data) return { keywords: null, diagnostics };
	const leaves = buildTree(taxonomy).leaves.map((l) => l.slug);
	const known = new Set(leaves);
	const seen = new Map<string, number>();
	const keywords = new Map<string, string[]>();
	data.categories.forEach((entry, i) => {
		const at = ['categories', i, 'category'];
		if (!known.has(entry.category)) {
			const guess = didYouMean(entry.category, leaves);
			diagnostics.push(yf.diagnostic(at, `"${entry.category}" is not a leaf of the taxonomy${guess ? ` — did you mean "${guess}"?` : '; use a slug from data/taxonomy.yaml that has no children'}`));
		} else if (seen.has(entry.category)) {
			diagnostics.push(yf.diagnostic(at, `"${entry.category}" is listed twice (also entry ${seen.get(entry.category)! + 1}); keep one entry per category and merge their terms`));
		} else keywords.set(entry.category, entry.terms);
		seen.set(entry.category, seen.get(entry.category) ?? i);
	});
	return { keywords: diagnostics.some((d) => d.severity === 'error') ? null : keywords, diagnostics };
}
