/**
 * JSON Schemas generated from the zod schemas, for editors: the `# yaml-language-server: $schema=`
 * line of every data file points at these, so fields complete and errors show as you type.
 */
import { z } from 'zod';
import { BenchmarkSchema } from './benchmark.ts';
import { PaperSchema, SiteSchema, TaxonomySchema, VenuesSchema } from './schema.ts';

/** The generated schemas by file name (public/schemas/<name>). */
export function jsonSchemas(): Record<string, string> {
	const make = (title: string, schema: z.ZodType) => {
		const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as Record<string, unknown>;
		return JSON.stringify({ title, ...json }, null, 2) + '\n';
	};
	return {
		'paper.schema.json': make('A paper of the KV Cache Atlas (data/papers/<id>.yaml)', PaperSchema),
		'benchmark.schema.json': make('A benchmark of the KV Cache Atlas (data/benchmarks/<id>.yaml)', BenchmarkSchema),
		'taxonomy.schema.json': make('The taxonomy of the KV Cache Atlas (data/taxonomy.yaml)', TaxonomySchema),
		'venues.schema.json': make('The venues of the KV Cache Atlas (data/venues.yaml)', VenuesSchema),
		'site.schema.json': make('The list text of the KV Cache Atlas (data/site.yaml)', SiteSchema),
	};
}
