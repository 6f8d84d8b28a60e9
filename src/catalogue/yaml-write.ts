/**
 * Write a paper as YAML the same way every time: the schema comment line first, then the fields
 * in the canonical order of `PAPER_KEYS`, short lists inline (`[H2O]`), multi-line text as literal
 * blocks. `npm run new` writes with it, so a new file looks like its neighbours and diffs stay small.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isScalar, isSeq, visit } from 'yaml';
import { CANDIDATE_KEYS, REJECTION_KEYS, type CandidateData, type Rejection } from './queue.ts';
import { PAPER_KEYS, type PaperData } from './schema.ts';
import { BENCHMARK_KEYS, type BenchmarkData } from './benchmark.ts';

/** Lists whose inline form is longer than this are written one item per line. */
const INLINE_LIST_MAX = 100;

/** The `$schema` path a data file in `dir` writes: relative to the repository's public/schemas/<name>. */
export function schemaPathFrom(dir: string, name: string): string {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	return path.relative(dir, path.join(root, 'public', 'schemas', name)).split(path.sep).join('/');
}

/** The first line of every data file: editors read the schema from it. */
export function schemaLine(schemaPath: string): string {
	return `# yaml-language-server: $schema=${schemaPath}`;
}

/**
 * The YAML text of a paper file. Keys not in `PAPER_KEYS` are not written (the schema refuses
 * them anyway) and undefined values are left out, so the text parses back to `data`.
 */
export function paperToYaml(data: PaperData, schemaPath: string): string {
	return `${schemaLine(schemaPath)}\n${recordYaml(data, PAPER_KEYS)}`;
}

/** The YAML text of a benchmark file, written like a paper's: fields in the order of `BENCHMARK_KEYS`. */
export function benchmarkToYaml(data: BenchmarkData, schemaPath: string): string {
	return `${schemaLine(schemaPath)}\n${recordYaml(data, BENCHMARK_KEYS)}`;
}

/** The YAML text of a candidate file (data/candidates/<id>.yaml), keys in the order of `CANDIDATE_KEYS`. */
export function candidateToYaml(data: CandidateData, schemaPath: string): string {
	return `${schemaLine(schemaPath)}\n${recordYaml(data, CANDIDATE_KEYS, { inlineMaps: true })}`;
}

/** One entry of data/rejections.yaml as the YAML to append to the file: `- title: …` and its fields. */
export function rejectionEntryYaml(entry: Rejection): string {
	const body = recordYaml(entry, REJECTION_KEYS, { inlineMaps: true });
	return body
		.trimEnd()
		.split('\n')
		.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
		.join('\n') + '\n';
}

/**
 * A record's fields in `keys` order, short lists inline, long text as literal blocks; with
 * `inlineMaps`, a small map inside a list (a sighting, a suggestion) on one line too.
 */
function recordYaml<T extends object>(data: T, keys: readonly string[], options: { inlineMaps?: boolean } = {}): string {
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
		Map(_, node, path) {
			if (!options.inlineMaps || !isSeq(path.at(-1))) return;
			// A small map inside a list (a sighting, a suggestion) on one line, as a person writes it.
			const text = node.items.map((p) => `${String((p.key as { value?: unknown })?.value)}: ${isScalar(p.value) ? String(p.value.value) : '…'}`).join(', ');
			if (node !== doc.contents && node.items.every((p) => isScalar(p.value)) && text.length + 4 <= INLINE_LIST_MAX) node.flow = true;
		},
	});
	return doc.toString({ lineWidth: 0, singleQuote: false, blockQuote: 'literal', flowCollectionPadding: false });
}
