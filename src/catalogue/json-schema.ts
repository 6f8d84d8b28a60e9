/**
 * JSON Schemas generated from the zod schemas, for editors: the `# yaml-language-server: $schema=`
 * line of every data file points at these, so fields complete and errors show as you type.
 */
import { z } from 'zod';
import { BenchmarkSchema } from './benchmark.ts';
import { CandidateSchema, RejectionsSchema } from './queue.ts';
import { PaperSchema, SiteSchema, TaxonomySchema, VenuesSchema } from './schema.ts';

/** One JSON Schema file's text, titled for the editor's tooltip; also used for the data files of maintainer tools. */
export function jsonSchemaText(title: string, schema: z.ZodType): string {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as Record<string, unknown>;
	return JSON.stringify({ title, ...json }, null, 2) + '\n';
}

/** The generated schemas of the catalogue's files by file name (public/schemas/<name>). */
export function jsonSchemas(): Record<string, string> {
	const make = jsonSchemaText;
	return {
		'paper.schema.json': make('A paper of the KV Cache Atlas (data/papers/<id>.yaml)', PaperSchema),
		'benchmark.schema.json': make('A benchmark of the KV Cache Atlas (data/benchmarks/<id>.yaml)', BenchmarkSchema),
		'taxonomy.schema.json': make('The taxonomy of the KV Cache Atlas (data/taxonomy.yaml)', TaxonomySchema),
		'venues.schema.json': make('The venues of the KV Cache Atlas (data/venues.yaml)', VenuesSchema),
		'site.schema.json': make('The list text of the KV Cache Atlas (data/site.yaml)', SiteSchema),
		'candidate.schema.json': make('A candidate paper of the KV Cache Atlas, proposed but not filed (data/candidates/<id>.yaml)', CandidateSchema),
		'rejections.schema.json': make('The papers the KV Cache Atlas turned down, each with its reason (data/rejections.yaml)', RejectionsSchema),
	};
}
