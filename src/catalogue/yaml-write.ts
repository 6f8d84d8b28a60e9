/**
 * Write a paper as YAML the same way every time: the schema comment line first, then the fields
 * in the canonical order of `PAPER_KEYS`, short lists inline (`[H2O]`), multi-line text as literal
 * blocks. `npm run new` writes with it, so a new file looks like its neighbours and diffs stay small.
 */
import { Document, isScalar, visit } from 'yaml';
import { PAPER_KEYS, type PaperData } from './schema.ts';
import { BENCHMARK_KEYS, type BenchmarkData } from './benchmark.ts';

/** Lists whose inline form is longer than this are written one item per line. */
const INLINE_LIST_MAX = 100;

/** The first line of every data file: editors read the schema from it. */
export function schemaLine(schemaPath: string): string {
	return `# yaml-language-server: $schema=${schemaPath}`;
}

/**
 * The YAML text of a paper file. Keys not in `PAPER_KEYS` are not written (the schema refuses
 * them anyway) and undefined values are left out, so the text parses back to `data`.
 */
export function paperToYaml(data: PaperData, schemaPath: string): string {
	return orderedYaml(data, PAPER_KEYS, schemaPath);
}

/** The YAML text of a benchmark file, written like a paper's: fields in the order of `BENCHMARK_KEYS`. */
export function benchmarkToYaml(data: BenchmarkData, schemaPath: string): string {
	return orderedYaml(data, BENCHMARK_KEYS, schemaPath);
}

function orderedYaml<T extends object>(data: T, keys: readonly string[], schemaPath: string): string {
	const ordered: Record<string, unknown> = {};
	for (const key of keys) {
		const value = (data as Record<string, unknown>)[key];
		if (value !== undefined) ordered[key] = value;
	}
	const doc = new Document(ordered);
	visit(doc, {
		Seq(_, node) {
			const items = node.items.map((i) => (isScalar(i) ? String(i.value) : null));
			node.flow = !items.includes(null) && items.join(', ').length + 2 <= INLINE_LIST_MAX;
		},
	});
	const body = doc.toString({ lineWidth: 0, singleQuote: false, blockQuote: 'literal', flowCollectionPadding: false });
	return `${schemaLine(schemaPath)}\n${body}`;
}
