/**
 * The benchmarks' part of `npm run doctor`: each benchmark with fields no source confirmed
 * (`unconfirmed`), or whose facts are of low confidence, at the line of the first such field, so
 * a maintainer checks them against the sources the file lists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, type Catalogue } from '../../catalogue/load.ts';
import { parseYamlFile } from '../../catalogue/yaml-file.ts';

/** One benchmark worth a look (the shape of a doctor finding, kind `unconfirmed-benchmark`). */
export interface BenchmarkFinding {
	kind: 'unconfirmed-benchmark';
	file: string;
	line: number;
	subject: string;
	message: string;
}

/** A finding per benchmark with unconfirmed fields or low-confidence facts, in id order. */
export function benchmarkFindings(catalogue: Pick<Catalogue, 'dir' | 'benchmarks'>): BenchmarkFinding[] {
	const out: BenchmarkFinding[] = [];
	for (const b of catalogue.benchmarks) {
		const fields = b.unconfirmed ?? [];
		if (!fields.length && b.confidence !== 'low') continue;
		const file = displayPath(path.join(catalogue.dir, 'benchmarks', `${b.id}.yaml`));
		const yf = parseYamlFile(file, readFileSync(path.join(catalogue.dir, 'benchmarks', `${b.id}.yaml`), 'utf8'));
		// The first unconfirmed field the file has, else the list itself.
		const present = fields.find((f) => (b as Record<string, unknown>)[f] !== undefined);
		const line = yf.locate(present ? [present] : fields.length ? ['unconfirmed'] : ['confidence']).line;
		const parts = [fields.length ? `no source confirmed ${fields.join(', ')}` : '', b.confidence === 'low' ? 'low-confidence facts' : ''].filter(Boolean);
		const sources = b.sources?.length ?? 0;
		out.push({ kind: 'unconfirmed-benchmark', file, line, subject: b.id, message: `${b.name}: ${parts.join('; ')} (${sources} ${sources === 1 ? 'source' : 'sources'})` });
	}
	return out;
}
