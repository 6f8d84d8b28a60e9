/**
 * What a benchmark page gives citation managers and indexers: a BibTeX entry (the study paper's
 * own when a catalogue paper describes the benchmark), Highwire `citation_*` tags and a
 * schema.org Dataset. A benchmark without a year (its paper unknown) gets none of the three.
 */
import { BENCHMARK_TASKS } from '../catalogue/benchmark.ts';
import { githubRepo } from '../catalogue/links.ts';
import type { BenchmarkView, PaperView } from '../catalogue/queries.ts';
import { bibtexEntry, citationKey, type BibtexSource } from './bibtex.ts';
import { citationMeta } from './citation-meta.ts';

/** Where a benchmark without a venue was published: its repository, or the web. */
function releaseVenue(b: BenchmarkView): BibtexSource['venueInfo'] {
	return b.venueInfo ?? (githubRepo(b.code) ? { name: 'GitHub repository', kind: 'other' } : { name: 'Online', kind: 'other' });
}

/** A benchmark as the BibTeX and citation code read a paper; null without a year. */
export function benchmarkAsPaper(b: BenchmarkView): (BibtexSource & Pick<PaperView, 'date'>) | null {
	if (b.year === undefined) return null;
	// A source that gave only the first authors: BibTeX's own "and others" says the list goes on.
	const authors = b.authors && b.authorsComplete === false ? [...b.authors, 'others'] : b.authors;
	return {
		id: b.id,
		title: b.title ?? b.name,
		year: b.year,
		venue: b.venue ?? releaseVenue(b).name,
		authors,
		paper: b.paper ?? b.code,
		code: b.code,
		aliases: [b.name],
		bibtex: undefined,
		arxiv: b.arxivId ?? undefined,
		doi: b.doi,
		venueInfo: releaseVenue(b),
		date: undefined,
	};
}

/**
 * Citation keys for the benchmarks that have an entry of their own (no study paper), unique
 * against the papers' keys (`taken`), which never change for a benchmark: a clash gets a, b, c….
 */
export function benchmarkCitationKeys(benchmarks: readonly BenchmarkView[], taken: Iterable<string>): Map<string, string> {
	const used = new Set(taken);
	const keys = new Map<string, string>();
	for (const b of [...benchmarks].sort((x, y) => x.id.localeCompare(y.id))) {
		const source = benchmarkAsPaper(b);
		if (!source || b.studyPaper) continue;
		const key = citationKey(source);
		let unique = key;
		for (let i = 0; used.has(unique); i++) unique = `${key}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
		used.add(unique);
		keys.set(b.id, unique);
	}
	return keys;
}

/** The BibTeX of a benchmark: its study paper's entry (`paperKeys`), else its own (`keys`); null without a year. */
export function benchmarkBibtex(b: BenchmarkView, keys: ReadonlyMap<string, string>, paperKeys: ReadonlyMap<string, string>): string | null {
	if (b.studyPaper) return bibtexEntry(b.studyPaper, paperKeys.get(b.studyPaper.id));
	const source = benchmarkAsPaper(b);
	return source ? bibtexEntry(source, keys.get(b.id)) : null;
}

/** The `citation_*` tags of a benchmark page (its paper's, or its release's); none without a year. */
export function benchmarkCitationMeta(b: BenchmarkView): Array<[string, string]> {
	const source = benchmarkAsPaper(b);
	if (!source) return [];
	return citationMeta({ ...source, authors: b.authors, paper: b.paper });
}

/**
 * A schema.org Dataset for a benchmark page: name, the title as its alternate name, our summary as
 * the description, the authors as creators, its addresses (paper, code, data, arXiv, DOI) as
 * `sameAs`, the paper as `citation`, its languages and its tasks as keywords.
 */
export function datasetJsonLd(b: BenchmarkView, pageUrl: string): Record<string, unknown> {
	const arxiv = b.arxivId ? `https://arxiv.org/abs/${b.arxivId}` : undefined;
	const doi = b.doi ? `https://doi.org/${b.doi}` : undefined;
	const sameAs = [...new Set([b.paper, arxiv, doi, b.code, b.data].filter((u): u is string => !!u))];
	const description = b.summary ?? `${b.name}, a ${b.modality} benchmark${b.title ? ` introduced in "${b.title}"` : ''}.`;
	const keywords = [b.modality === 'text' ? 'long-context text benchmark' : 'multimodal benchmark', ...(b.tasks ?? []).map((t) => BENCHMARK_TASKS[t].toLowerCase())];
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		name: b.name,
		...(b.title ? { alternateName: b.title } : {}),
		description,
		url: pageUrl,
		...(b.authors?.length ? { creator: b.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
		...(b.year ? { datePublished: String(b.year) } : {}),
		...(sameAs.length ? { sameAs: sameAs.length === 1 ? sameAs[0] : sameAs } : {}),
		...(b.paper || arxiv ? { citation: b.paper ?? arxiv } : {}),
		...(b.languages?.length ? { inLanguage: b.languages } : {}),
		keywords: keywords.join(', '),
	};
}
