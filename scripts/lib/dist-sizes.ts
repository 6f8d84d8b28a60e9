/**
 * Sizes of a built site, as the benchmark reports them: pages, total bytes, the largest page,
 * Pagefind's index, and the bytes a reader downloads before the first search answers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a built site weighs. */
export interface DistSizes {
	/** HTML pages. */
	pages: number;
	/** Every file of the site, in bytes. */
	distBytes: number;
	/** The largest HTML page and its site path. */
	largestPage: { path: string; bytes: number };
	/** dist/pagefind, in bytes. */
	indexBytes: number;
	/** First search: Pagefind's entry JSON, JS, worker, wasm, metadata and the largest index chunk; raw and gzip-compressed (Pagefind's own files are compressed already). */
	firstSearch: { bytes: number; gzipBytes: number; files: Record<string, number> };
}

function walk(dir: string, out: Array<{ rel: string; bytes: number }> = [], root = dir): Array<{ rel: string; bytes: number }> {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const abs = path.join(dir, e.name);
		if (e.isDirectory()) walk(abs, out, root);
		else out.push({ rel: path.relative(root, abs).split(path.sep).join('/'), bytes: statSync(abs).size });
	}
	return out;
}

/** The files a first search fetches, worst case over single-word queries (the largest index chunk). */
function firstSearch(pagefind: string): DistSizes['firstSearch'] {
	const files: Record<string, number> = {};
	const entryFile = path.join(pagefind, 'pagefind-entry.json');
	if (!existsSync(entryFile)) return { bytes: 0, gzipBytes: 0, files };
	const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm?: string }> };
	const [lang, info] = Object.entries(entry.languages)[0] ?? [];
	const wanted = ['pagefind-entry.json', 'pagefind.js', 'pagefind-worker.js'];
	if (info) {
		wanted.push(`wasm.${info.wasm ?? 'unknown'}.pagefind`, `pagefind.${info.hash}.pf_meta`);
		const chunks = existsSync(path.join(pagefind, 'index'))
			? readdirSync(path.join(pagefind, 'index')).filter((f) => f.startsWith(`${lang}_`))
			: [];
		const largest = chunks.map((f) => ({ f, s: statSync(path.join(pagefind, 'index', f)).size })).sort((a, b) => b.s - a.s)[0];
		if (largest) wanted.push(`index/${largest.f}`);
	}
	let bytes = 0;
	let gzipBytes = 0;
	for (const rel of wanted) {
		const abs = path.join(pagefind, rel);
		if (!existsSync(abs)) continue;
		const data = readFileSync(abs);
		files[rel] = data.length;
		bytes += data.length;
		gzipBytes += /\.(?:js|json)$/.test(rel) ? gzipSync(data).length : data.length;
	}
	return { bytes, gzipBytes, files };
}

/** Measure the built site in `dist`. */
export function distSizes(dist: string): DistSizes {
	const all = walk(dist);
	const html = all.filter((f) => f.rel.endsWith('.html'));
	const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a), { rel: '', bytes: 0 });
	return {
		pages: html.length,
		distBytes: all.reduce((s, f) => s + f.bytes, 0),
		largestPage: { path: `/${largest.rel}`, bytes: largest.bytes },
		indexBytes: all.filter((f) => f.rel.startsWith('pagefind/')).reduce((s, f) => s + f.bytes, 0),
		firstSearch: firstSearch(path.join(dist, 'pagefind')),
	};
}
