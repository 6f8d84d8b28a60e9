/**
 * Every query the pages make over the catalogue, computed once into an index (`Atlas`): papers by
 * id and by category, counts at every node, venues, years, related papers. No Astro imports, so
 * unit tests reach it directly; every lookup is a Map read, so 10,000 papers stay cheap.
 */
import { arxivMonth, githubRepo, paperArxivId } from './links.ts';
import type { Catalogue } from './load.ts';
import type { Paper, Stars, Venue } from './schema.ts';
import { BENCHMARKS_LEAF, compareBenchmarks, type Benchmark } from './benchmark.ts';
import { venueSlug } from './checks.ts';
import { formerUrls, paperPath, type FormerUrl } from './former.ts';
import { buildTree, type Tree, type TreeNode } from './tree.ts';

/** A paper as pages show it: the data plus what is derived from it. */
export interface PaperView extends Paper {
	/** GitHub `owner/name` of the code link, or null. */
	repo: string | null;
	/** Star count from the snapshot, or null when unknown. */
	stars: number | null;
	/** Day of the star snapshot, or null. */
	starsChecked: string | null;
	/** Citation count from the citations snapshot (`npm run enrich`), or null when unknown. */
	citations: number | null;
	/** Site-relative URL of the paper page, base included. */
	url: string;
	/** The venue record (kind, full name). */
	venueInfo: Venue;
}

/** A paper that reports on a benchmark, with the page that says so. */
export interface BenchmarkUse {
	paper: PaperView;
	source: string;
}

/** A benchmark as pages show it: the data plus its page, its venue record and the papers around it. */
export interface BenchmarkView extends Benchmark {
	/** Site-relative URL of the benchmark page, base included. */
	url: string;
	/** The venue record; null for a benchmark without a venue (a GitHub project). */
	venueInfo: Venue | null;
	/** Its arXiv id (from the paper link or the `arxiv` field), or null. */
	arxivId: string | null;
	/** The catalogue paper that describes it (`study`), or null. */
	studyPaper: PaperView | null;
	/** Papers of the catalogue that report on it, newest first. */
	usedBy: BenchmarkUse[];
}

/** A venue with its papers. */
export interface VenueView extends Venue {
	slug: string;
	url: string;
	papers: PaperView[];
}

/** The indexed catalogue. */
export interface Atlas {
	site: Catalogue['site'];
	tree: Tree;
	papers: PaperView[];
	paperById: Map<string, PaperView>;
	/** Papers of each leaf, newest first. */
	papersByLeaf: Map<string, PaperView[]>;
	/** Distinct papers at or below each node. */
	countBySlug: Map<string, number>;
	venues: VenueView[];
	venueByName: Map<string, VenueView>;
	/** Years present, newest first, with their papers. */
	years: Array<{ year: number; papers: PaperView[] }>;
	/** Benchmarks in name order. */
	benchmarks: BenchmarkView[];
	benchmarkById: Map<string, BenchmarkView>;
	/** The benchmarks each paper reports on (with the source of each), by paper id; absent for a paper that names none. */
	benchmarksByPaper: Map<string, Array<{ benchmark: BenchmarkView; source: string }>>;
	/** The benchmarks that name each paper as their study, by paper id. */
	benchmarksByStudy: Map<string, BenchmarkView[]>;
	/** Benchmarks at or below each node (only the Datasets and Benchmarks leaf and its parents have any). */
	benchmarkCountBySlug: Map<string, number>;
	/** URLs the catalogue once had (renamed nodes, removed or merged papers), each with the page that answers now. */
	formerUrls: FormerUrl[];
	/** Base path with a trailing slash, such as "/" or "/Awesome-KV-Cache-Management/". */
	base: string;
	/** Site-relative URL of a taxonomy node. */
	nodeUrl(node: TreeNode): string;
}

/** Join the base path and a site path: withBase('/x/', 'papers/a/') → '/x/papers/a/'. */
export function withBase(base: string, pathname: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return b + pathname.replace(/^\/+/, '');
}

/** Newest first, then by title: the order of every paper list. */
export function byNewest(a: Paper, b: Paper): number {
	return b.year - a.year || a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id);
}

/** Citation counts by paper id, as `data/citations.json` holds them (read only for `citations`). */
export type CitationCounts = Readonly<Record<string, { readonly citations: number } | undefined>>;

/** What `buildAtlas` indexes: a validated catalogue, with the citation counts when it has them. */
export type AtlasInput = Pick<Catalogue, 'site' | 'taxonomy' | 'venues' | 'papers' | 'stars'> & {
	/** Citation counts by paper id; absent for a catalogue without a citations snapshot. */
	citations?: CitationCounts | undefined;
	/** The benchmarks; absent for a catalogue without them. */
	benchmarks?: readonly Benchmark[] | undefined;
};

/** Build the index of a validated catalogue. `base` is Astro's BASE_URL. */
export function buildAtlas(catalogue: AtlasInput, base = '/'): Atlas {
	const b = base.endsWith('/') ? base : `${base}/`;
	const tree = buildTree(catalogue.taxonomy);
	const venueRecords = new Map(catalogue.venues.map((v) => [v.name, v]));
	const papers = catalogue.papers.map((p) => toView(p, catalogue.stars, catalogue.citations ?? {}, venueRecords, b)).sort(byNewest);
	const paperById = new Map(papers.map((p) => [p.id, p]));

	const papersByLeaf = new Map<string, PaperView[]>(tree.leaves.map((l) => [l.slug, []]));
	const countBySlug = new Map<string, number>(tree.nodes.map((n) => [n.slug, 0]));
	for (const p of papers) {
		const counted = new Set<string>();
		for (const slug of p.categories) {
			papersByLeaf.get(slug)?.push(p);
			for (let n = tree.bySlug.get(slug) ?? null; n; n = n.parent) {
				if (counted.has(n.slug)) continue;
				counted.add(n.slug);
				countBySlug.set(n.slug, (countBySlug.get(n.slug) ?? 0) + 1);
			}
		}
	}

	const venues: VenueView[] = catalogue.venues.map((v) => {
		const slug = venueSlug(v);
		return { ...v, slug, url: withBase(b, `venues/${slug}/`), papers: [] };
	});
	const venueByName = new Map(venues.map((v) => [v.name, v]));
	for (const p of papers) venueByName.get(p.venue)?.papers.push(p);

	const bench = benchmarkIndex(catalogue.benchmarks ?? [], paperById, venueRecords, b);
	const benchmarkCountBySlug = new Map<string, number>();
	for (let n = tree.bySlug.get(BENCHMARKS_LEAF) ?? null; n && bench.benchmarks.length; n = n.parent) {
		benchmarkCountBySlug.set(n.slug, bench.benchmarks.length);
		countBySlug.set(n.slug, (countBySlug.get(n.slug) ?? 0) + bench.benchmarks.length);
	}

	const yearMap = new Map<number, PaperView[]>();
	for (const p of papers) {
		const list = yearMap.get(p.year) ?? [];
		list.push(p);
		yearMap.set(p.year, list);
	}
	const years = [...yearMap.entries()].sort((x, y) => y[0] - x[0]).map(([year, list]) => ({ year, papers: list }));

	return {
		site: catalogue.site,
		tree,
		papers,
		paperById,
		papersByLeaf,
		countBySlug,
		venues,
		venueByName,
		years,
		...bench,
		benchmarkCountBySlug,
		formerUrls: formerUrls(catalogue.taxonomy, catalogue.papers),
		base: b,
		nodeUrl: (node) => withBase(b, `${node.path.join('/')}/`),
	};
}

function toView(p: Paper, stars: Stars, citations: CitationCounts, venues: Map<string, Venue>, base: string): PaperView {
	const repo = githubRepo(p.code);
	const snap = repo ? stars[repo] : undefined;
	const cited = citations[p.id]?.citations;
	return {
		...p,
		repo,
		stars: snap?.stars ?? null,
		starsChecked: snap?.checked ?? null,
		citations: typeof cited === 'number' && Number.isInteger(cited) && cited >= 0 ? cited : null,
		url: withBase(base, paperPath(p.id)),
		venueInfo: venues.get(p.venue) ?? { name: p.venue, kind: 'other' },
	};
}

/** The benchmarks as pages show them, with the papers that report on each and each paper's benchmarks. */
function benchmarkIndex(list: readonly Benchmark[], paperById: Map<string, PaperView>, venues: Map<string, Venue>, base: string): Pick<Atlas, 'benchmarks' | 'benchmarkById' | 'benchmarksByPaper' | 'benchmarksByStudy'> {
	const benchmarks: BenchmarkView[] = list
		.map((bm) => ({
			...bm,
			url: withBase(base, `benchmarks/${bm.id}/`),
			venueInfo: bm.venue ? (venues.get(bm.venue) ?? { name: bm.venue, kind: 'other' as const }) : null,
			arxivId: paperArxivId(bm),
			studyPaper: (bm.study && paperById.get(bm.study)) || null,
			usedBy: [],
		}))
		.sort(compareBenchmarks);
	const benchmarkById = new Map(benchmarks.map((bm) => [bm.id, bm]));
	const benchmarksByPaper = new Map<string, Array<{ benchmark: BenchmarkView; source: string }>>();
	// Papers are newest first already, so each benchmark's users are too.
	for (const paper of paperById.values()) {
		for (const link of paper.benchmarks ?? []) {
			const benchmark = benchmarkById.get(link.id);
			if (!benchmark) continue;
			benchmark.usedBy.push({ paper, source: link.source });
			benchmarksByPaper.set(paper.id, [...(benchmarksByPaper.get(paper.id) ?? []), { benchmark, source: link.source }]);
		}
	}
	const benchmarksByStudy = new Map<string, BenchmarkView[]>();
	for (const bm of benchmarks) if (bm.studyPaper) benchmarksByStudy.set(bm.studyPaper.id, [...(benchmarksByStudy.get(bm.studyPaper.id) ?? []), bm]);
	return { benchmarks, benchmarkById, benchmarksByPaper, benchmarksByStudy };
}

/** Papers that share a category with `paper`, most shared categories first, then newest; at most `limit`. */
export function relatedPapers(atlas: Atlas, paper: PaperView, limit = 6): PaperView[] {
	const score = new Map<string, number>();
	for (const slug of paper.categories) {
		// Each leaf list is already newest first; looking at its first few keeps this linear.
		for (const q of (atlas.papersByLeaf.get(slug) ?? []).slice(0, limit * 4)) {
			if (q.id !== paper.id) score.set(q.id, (score.get(q.id) ?? 0) + 1);
		}
	}
	return [...score.entries()]
		.map(([id, s]) => ({ p: atlas.paperById.get(id)!, s }))
		.sort((x, y) => y.s - x.s || byNewest(x.p, y.p))
		.slice(0, limit)
		.map((x) => x.p);
}

/** The catalogue API served as /papers.json (its shape is a public contract; see DESIGN.md). */
export function papersJson(atlas: Atlas): unknown {
	const node = (n: TreeNode): unknown => ({
		slug: n.slug,
		title: n.title,
		url: atlas.nodeUrl(n),
		children: n.children.map(node),
	});
	return {
		taxonomy: atlas.tree.roots.map(node),
		papers: [...atlas.papers].sort((a, b) => a.id.localeCompare(b.id)).map((p) => ({
			id: p.id,
			title: p.title,
			aliases: p.aliases ?? [],
			year: p.year,
			venue: p.venue,
			categories: p.categories,
			paper: p.paper ?? null,
			code: p.code ?? null,
			repo: p.repo,
			stars: p.stars,
			url: p.url,
			authors: p.authors ?? [],
			date: p.date ?? null,
			doi: p.doi ?? null,
			listed: p.listed === true,
			benchmarks: (p.benchmarks ?? []).map((b) => b.id),
		})),
		benchmarks: atlas.benchmarks.map((b) => benchmarkJson(b)),
	};
}

/** One benchmark in papers.json: its facts, its lengths with nulls for what is unknown, its links and page. */
function benchmarkJson(b: BenchmarkView): unknown {
	const l = b.lengths;
	return {
		id: b.id,
		name: b.name,
		title: b.title ?? null,
		year: b.year ?? null,
		venue: b.venue ?? null,
		modality: b.modality,
		tasks: b.tasks ?? [],
		languages: b.languages ?? [],
		languageCount: b.languageCount ?? b.languages?.length ?? null,
		lengths: l ? { unit: l.unit ?? null, min: l.min ?? null, typical: l.typical ?? null, max: l.max ?? null, configurable: l.configurable ?? false, note: l.note ?? null } : null,
		links: { paper: b.paper ?? null, arxiv: b.arxivId, doi: b.doi ?? null, code: b.code ?? null, data: b.data ?? null },
		url: b.url,
		study: b.studyPaper?.id ?? null,
		inSurvey: b.survey.named,
		inSurveyConfidence: b.survey.confidence,
	};
}

/** The figures the home page shows: papers, categories (leaves), papers with code, venues in use. */
export function atlasFigures(atlas: Atlas): { papers: number; categories: number; withCode: number; venues: number } {
	return {
		papers: atlas.papers.length,
		categories: atlas.tree.leaves.length,
		withCode: atlas.papers.filter((p) => p.code).length,
		venues: atlas.venues.filter((v) => v.papers.length > 0).length,
	};
}

/**
 * The day a paper counts from in "newest" orders: its first public version (`date`), else the
 * month its arXiv id was given ("2024-11" for 2411.…), else the day it was added to the catalogue
 * (`added`) when that falls in the paper's own year, else its year alone ("2024"). Compared as
 * text, a month sorts after the dated papers of that month's days, a year after every dated paper
 * of that year. A paper the atlas added today whose first version is not known is not "newest" for
 * that: its arXiv id still tells its month, and a day added in a later year than the paper's says
 * when the atlas found it, not when it appeared (ArkVale, NeurIPS 2024, added in 2026).
 */
export function newestKey(paper: Pick<Paper, 'date' | 'added' | 'year' | 'paper' | 'arxiv'>): string {
	const addedThatYear = paper.added?.startsWith(`${paper.year}-`) ? paper.added : undefined;
	return paper.date ?? arxivMonth(paperArxivId(paper)) ?? addedThatYear ?? String(paper.year);
}

/**
 * The newest papers, as the home page and the feed list them: the latest `newestKey` first (the
 * first public version, else the arXiv id's month, else the day added in the paper's year, else the year), then the
 * latest arXiv id, then newest year and title; at most `limit`.
 */
export function newestPapers(papers: readonly PaperView[], limit = 8): PaperView[] {
	const key = new Map(papers.map((p) => [p.id, { day: newestKey(p), arxiv: paperArxivId(p) ?? '' }]));
	return [...papers]
		.sort((a, b) => {
			const x = key.get(a.id)!;
			const y = key.get(b.id)!;
			return y.day.localeCompare(x.day) || y.arxiv.localeCompare(x.arxiv) || byNewest(a, b);
		})
		.slice(0, limit);
}

/** The leaf nodes a paper belongs to, in tree order (unknown slugs skipped). */
export function paperLeaves(atlas: Atlas, paper: Pick<Paper, 'categories'>): TreeNode[] {
	return paper.categories
		.map((slug) => atlas.tree.bySlug.get(slug))
		.filter((n): n is TreeNode => !!n)
		.sort((a, b) => a.order - b.order);
}

/** The top-level groups a paper belongs to, in tree order, each once. */
export function paperGroups(atlas: Atlas, paper: Pick<Paper, 'categories'>): TreeNode[] {
	const roots = paperLeaves(atlas, paper).map((n) => {
		let r = n;
		while (r.parent) r = r.parent;
		return r;
	});
	return [...new Set(roots)];
}


const leafLabels = new WeakMap<Atlas, Map<string, string>>();

/**
 * A leaf's name as a search facet value: its title, or "Parent › Title" when another leaf has the
 * same title (the seed has two "Compression" leaves), so that a filter never merges two categories.
 */
export function leafLabel(atlas: Atlas, leaf: TreeNode): string {
	let labels = leafLabels.get(atlas);
	if (!labels) {
		const uses = new Map<string, number>();
		for (const l of atlas.tree.leaves) uses.set(l.title, (uses.get(l.title) ?? 0) + 1);
		labels = new Map(atlas.tree.leaves.map((l) => [l.slug, (uses.get(l.title) ?? 0) > 1 && l.parent ? `${l.parent.title} › ${l.title}` : l.title]));
		leafLabels.set(atlas, labels);
	}
	return labels.get(leaf.slug) ?? leaf.title;
}
