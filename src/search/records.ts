/**
 * The Pagefind record of a paper or a benchmark: the data attributes and capture lists its page
 * puts on the article that Pagefind indexes. Every value rides on a data attribute, so commas or
 * quotes in the data cannot break Pagefind's `name[selector], …` capture syntax.
 */
import type { Atlas, BenchmarkView, PaperView } from '../catalogue/queries.ts';
import { benchmarkFacets, paperFacets } from './facet-totals.ts';
import type { Facet } from './state.ts';

/** The attributes of a paper's article: spread them onto the element (`<article {...record.attributes}>`). */
export interface PagefindRecord {
	/** `data-venue`, `data-year`, … holding the values, plus the three `data-pagefind-*` capture lists. */
	attributes: Record<string, string>;
}

/** What the page adds to a record beyond the paper's data. */
export interface RecordOptions {
	/**
	 * The authors as result lists show them (src/site/authors.ts `shortAuthors`, which this folder
	 * may not import): the `authors` meta, so the browser shows the build's text as it is.
	 */
	authors?: string | undefined;
}

/**
 * The record of `paper`: meta title/venue/year/categories/authors/repo/stars (Pagefind's `title`
 * meta is the h1, which is the title), filters venue/year/code/category/group with the same values
 * the search page counts at build time (`paperFacets`), and sorts year/stars/citations on every
 * record (Pagefind leaves a record without the key out of a sorted search, so unknown counts are 0).
 */
export function pagefindRecord(atlas: Atlas, paper: PaperView, options: RecordOptions = {}): PagefindRecord {
	const facets = paperFacets(atlas, paper);
	const values: Record<string, string> = {
		'data-venue': facets.venue[0]!,
		'data-year': facets.year[0]!,
		'data-stars': String(paper.stars ?? 0),
		'data-citations': String(paper.citations ?? 0),
		// One category: its filter attribute doubles as the meta; several: joined for display.
		...(facets.category.length > 1 ? { 'data-categories': facets.category.join(', ') } : {}),
		'data-code': facets.code[0]!,
		'data-type': facets.type[0]!,
		'data-source': facets.source[0]!,
	};
	if (paper.repo) values['data-repo'] = paper.repo;
	if (options.authors) values['data-authors'] = options.authors;
	const meta = [
		'venue[data-venue]',
		'year[data-year]',
		facets.category.length > 1 ? 'categories[data-categories]' : 'categories[data-c0]',
		...(options.authors ? ['authors[data-authors]'] : []),
		...(paper.repo ? ['repo[data-repo]'] : []),
		...(paper.stars !== null ? ['stars[data-stars]'] : []),
	];
	return record(values, facets, meta);
}

/**
 * The record of a benchmark page: the type filter that tells it from a paper ("Benchmark"), the
 * Datasets and Benchmarks category and group, venue and year when known, code yes/no; metas for
 * the result line (venue, year, "Benchmark · text" as its category, authors); and the three sorts
 * every record needs (year 0 when unknown, no stars or citations), so sorted searches keep it.
 */
export function benchmarkRecord(atlas: Atlas, benchmark: BenchmarkView, options: RecordOptions = {}): PagefindRecord {
	const facets = benchmarkFacets(atlas, benchmark);
	const values: Record<string, string> = {
		'data-type': facets.type[0]!,
		'data-kind': `Benchmark · ${benchmark.modality}`,
		'data-year': facets.year[0] ?? '0',
		'data-stars': '0',
		'data-citations': '0',
		'data-code': facets.code[0]!,
		'data-source': facets.source[0]!,
	};
	if (facets.venue[0]) values['data-venue'] = facets.venue[0];
	if (options.authors) values['data-authors'] = options.authors;
	const meta = ['categories[data-kind]', 'type[data-type]', ...(facets.venue[0] ? ['venue[data-venue]'] : []), ...(facets.year[0] ? ['year[data-year]'] : []), ...(options.authors ? ['authors[data-authors]'] : [])];
	return record(values, facets, meta);
}

/**
 * What every record shares: one attribute per category label and group title (after `values`),
 * the filters of every facet it has a value in (type, venue and year when known, code, source, each
 * category and group: the values the search page counts), the metas, and the three sorts.
 */
function record(values: Record<string, string>, facets: Record<Facet, string[]>, meta: readonly string[]): PagefindRecord {
	facets.category.forEach((label, i) => (values[`data-c${i}`] = label));
	facets.group.forEach((title, i) => (values[`data-g${i}`] = title));
	const filters = [
		'type[data-type]',
		...(facets.venue[0] ? ['venue[data-venue]'] : []),
		...(facets.year[0] ? ['year[data-year]'] : []),
		'code[data-code]',
		'source[data-source]',
		...facets.category.map((_, i) => `category[data-c${i}]`),
		...facets.group.map((_, i) => `group[data-g${i}]`),
	];
	return {
		attributes: {
			'data-pagefind-meta': meta.join(', '),
			'data-pagefind-filter': filters.join(', '),
			'data-pagefind-sort': 'year[data-year], stars[data-stars], citations[data-citations]',
			...values,
		},
	};
}
