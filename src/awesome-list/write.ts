/**
 * Write an imported catalogue as a folder: taxonomy.yaml, venues.yaml, site.yaml, stars.json and
 * papers/<id>.yaml, and benchmarks/<id>.yaml for the rows of a benchmark table. Every YAML file starts with the `# yaml-language-server: $schema=` line
 * pointing at public/schemas, so editors check it as you type. Writing is deterministic (same
 * import, same bytes). Paper files of an earlier import that the new one does not produce are
 * removed; stars.json, the site's `repository` (facts the README does not hold) and benchmark files
 * are kept (a README without a benchmark table lists none; it removes none).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isScalar, parse, visit } from 'yaml';
import type { ImportResult } from './import.ts';
import type { PaperData } from '../catalogue/schema.ts';
import { benchmarkToYaml, paperToYaml, schemaLine } from '../catalogue/yaml-write.ts';

/** What writing changed besides the new files. */
export interface WriteSummary {
	files: number;
	/** Paper files of an earlier import that are gone now. */
	removed: string[];
	/** The repository kept from an existing site.yaml, if any. */
	keptRepository: string | undefined;
	keptStars: boolean;
}

/** Write `result` into `dir`; `schemasDir` is the repository's public/schemas folder. */
export function writeCatalogue(dir: string, result: ImportResult, schemasDir: string): WriteSummary {
	const papersDir = path.join(dir, 'papers');
	mkdirSync(papersDir, { recursive: true });
	// The schema line's path is relative to the file, so it works wherever the folder lives.
	const schema = (fromDir: string, name: string) => path.relative(fromDir, path.join(schemasDir, name)).split(path.sep).join('/');
	const dataFile = (value: unknown, name: string) => dataFileText(value, schema(dir, name));
	const write = (file: string, text: string) => writeFileSync(file, text);

	const site = { ...result.site };
	let keptRepository: string | undefined;
	const siteFile = path.join(dir, 'site.yaml');
	if (!site.repository && existsSync(siteFile)) {
		const old = safeParse(readFileSync(siteFile, 'utf8')) as { repository?: unknown } | undefined;
		if (typeof old?.repository === 'string') site.repository = keptRepository = old.repository;
	}

	const files: Array<[string, string]> = [
		[path.join(dir, 'taxonomy.yaml'), dataFile(result.taxonomy, 'taxonomy.schema.json')],
		[path.join(dir, 'venues.yaml'), dataFile(result.venues, 'venues.schema.json')],
		[siteFile, dataFile(site, 'site.schema.json')],
	];
	const fresh = new Set<string>();
	for (const p of result.papers) {
		const file = path.join(papersDir, `${p.id}.yaml`);
		fresh.add(`${p.id}.yaml`);
		files.push([file, paperToYaml(p.data as PaperData, schema(papersDir, 'paper.schema.json'))]);
	}
	if (result.benchmarks.length) {
		const benchmarksDir = path.join(dir, 'benchmarks');
		mkdirSync(benchmarksDir, { recursive: true });
		for (const b of result.benchmarks) files.push([path.join(benchmarksDir, `${b.id}.yaml`), benchmarkToYaml(b.data, schema(benchmarksDir, 'benchmark.schema.json'))]);
	}
	const removed = readdirSync(papersDir).filter((f) => /\.ya?ml$/i.test(f) && !fresh.has(f));
	for (const f of removed) rmSync(path.join(papersDir, f));
	for (const [file, text] of files) write(file, text);

	const starsFile = path.join(dir, 'stars.json');
	const keptStars = existsSync(starsFile);
	if (!keptStars) write(starsFile, '{}\n');
	return { files: files.length + (keptStars ? 0 : 1), removed, keptRepository, keptStars };
}

/** A data file's text: the schema line (`schemaPath` relative to the file), then the YAML of `value`. */
export function dataFileText(value: unknown, schemaPath: string): string {
	return `${schemaLine(schemaPath)}\n${toYaml(value)}`;
}

/** YAML for data files: short scalar lists inline (`[NIPS]`), long text as literal blocks. */
function toYaml(value: unknown): string {
	const doc = new Document(value);
	visit(doc, {
		Seq(_, node) {
			node.flow = node.items.every((i) => isScalar(i)) && node.items.map((i) => String((i as { value: unknown }).value)).join(', ').length <= 98;
		},
	});
	return doc.toString({ lineWidth: 0, singleQuote: false, blockQuote: 'literal', flowCollectionPadding: false });
}

function safeParse(text: string): unknown {
	try {
		return parse(text);
	} catch {
		return undefined;
	}
}
