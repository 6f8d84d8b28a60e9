/**
 * Rules that span files: a paper's categories are leaves of the taxonomy, its venue is known,
 * no two papers are the same paper, slugs are unique. Each check is a small named function
 * that returns diagnostics; `load.ts` runs them all.
 */
import { didYouMean, type Diagnostic } from './diagnostics.ts';
import { arxivId, arxivMonth, githubRepo, normalizeTitle, paperKey, slugify } from './links.ts';
import { SLUG_PATTERN, type PaperData, type TaxonomyNode, type Venue } from './schema.ts';
import { buildTree, type Tree } from './tree.ts';
import type { YamlFile } from './yaml-file.ts';

/** A paper file that passed its schema. */
export interface CheckedPaper {
	id: string;
	yf: YamlFile;
	data: PaperData;
}

/** First-level URL segments the site uses itself; a top-level group may not take them. */
export const RESERVED_SLUGS = new Set(['papers', 'benchmarks', 'venues', 'years', 'search', 'stats', 'about', 'cite', 'contributing', 'datasets-and-benchmarks-guide', 'schemas', 'pagefind', '_astro', 'rss', '404']);

/** Slugs are unique over the whole tree, and top-level slugs do not shadow the site's own pages. */
export function checkTaxonomy(yf: YamlFile, taxonomy: readonly TaxonomyNode[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const seen = new Map<string, string>();
	const walk = (nodes: readonly TaxonomyNode[], path: PropertyKey[], depth: number) => {
		nodes.forEach((n, i) => {
			const here = [...path, i];
			const where = seen.get(n.slug);
			if (where) out.push(yf.diagnostic([...here, 'slug'], `slug "${n.slug}" is already used at ${where}; slugs must be unique over the whole tree (try "${n.slug}-2" or a more specific name)`));
			else seen.set(n.slug, `line ${yf.locate([...here, 'slug']).line}`);
			if (depth === 0 && RESERVED_SLUGS.has(n.slug)) out.push(yf.diagnostic([...here, 'slug'], `slug "${n.slug}" is taken by a page of the site; choose another`));
			if (n.children) walk(n.children, [...here, 'children'], depth + 1);
		});
	};
	walk(taxonomy, [], 0);
	return out;
}

/** Venue names and aliases are unique (case-insensitive), so a name means one venue. */
export function checkVenues(yf: YamlFile, venues: readonly Venue[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const seen = new Map<string, string>();
	const slugs = new Map<string, string>();
	venues.forEach((v, i) => {
		const names: Array<[string, PropertyKey[]]> = [[v.name, [i, 'name']], ...(v.aliases ?? []).map((a, j): [string, PropertyKey[]] => [a, [i, 'aliases', j]])];
		for (const [name, path] of names) {
			const key = name.toLowerCase();
			const where = seen.get(key);
			if (where) out.push(yf.diagnostic(path, `"${name}" already names the venue "${where}"; a name or alias may belong to one venue only`));
			else seen.set(key, v.name);
		}
		const slug = venueSlug(v);
		const other = slugs.get(slug);
		if (other) out.push(yf.diagnostic([i, 'name'], `venue page "${slug}" would also be the page of "${other}"; set a distinct "slug:"`));
		else slugs.set(slug, v.name);
	});
	return out;
}

/** The slug of a venue's page. */
export function venueSlug(v: Venue): string {
	return v.slug ?? (slugify(v.name) || 'venue');
}

/** The file name is a valid id: lower-case words joined by hyphens. */
export function checkPaperId(id: string, yf: YamlFile, what: 'paper' | 'candidate' | 'benchmark' = 'paper'): Diagnostic[] {
	if (SLUG_PATTERN.test(id)) return [];
	const fix = slugify(id) || what;
	return [{ ...yf.diagnostic([], '', 'error'), field: '(file name)', message: `file name "${id}.yaml" is the ${what}'s id and must be lower-case words joined by hyphens; rename it to "${fix}.yaml"` }];
}

/** Every category exists and is a leaf of the taxonomy; none is listed twice. */
export function checkCategories(p: CheckedPaper, tree: Tree): Diagnostic[] {
	const out: Diagnostic[] = [];
	const seen = new Set<string>();
	p.data.categories.forEach((slug, i) => {
		const path = ['categories', i];
		if (seen.has(slug)) out.push(p.yf.diagnostic(path, `category "${slug}" is listed twice; remove one`));
		seen.add(slug);
		const node = tree.bySlug.get(slug);
		if (!node) {
			const guess = didYouMean(slug, tree.leaves.map((l) => l.slug));
			out.push(p.yf.diagnostic(path, `unknown category "${slug}"${guess ? ` — did you mean "${guess}"?` : '; the categories are the leaf slugs of data/taxonomy.yaml'}`));
		} else if (!node.isLeaf) {
			const leaves = node.leaves.map((l) => l.slug);
			const shown = leaves.slice(0, 6).join(', ') + (leaves.length > 6 ? ', …' : '');
			out.push(p.yf.diagnostic(path, `"${slug}" is a group, not a category; name one of its categories: ${shown}`));
		}
	});
	return out;
}

/** Canonical venue names and aliases, for the venue check and the importer. */
export interface VenueIndex {
	canonical: Map<string, Venue>;
	byAlias: Map<string, Venue>;
	/** Resolve a name or alias, case-insensitively. */
	resolve(name: string): Venue | undefined;
}

/** Index venues by canonical name and by alias. */
export function indexVenues(venues: readonly Venue[]): VenueIndex {
	const canonical = new Map<string, Venue>();
	const byAlias = new Map<string, Venue>();
	for (const v of venues) {
		canonical.set(v.name, v);
		byAlias.set(v.name.toLowerCase(), v);
		for (const a of v.aliases ?? []) byAlias.set(a.toLowerCase(), v);
	}
	return { canonical, byAlias, resolve: (name) => canonical.get(name) ?? byAlias.get(name.trim().toLowerCase()) };
}

/** The venue is a canonical name from venues.yaml; an alias or a typo gets its fix. Papers and benchmarks alike. */
export function checkVenue(yf: YamlFile, name: string, venues: VenueIndex): Diagnostic[] {
	if (venues.canonical.has(name)) return [];
	const viaAlias = venues.resolve(name);
	if (viaAlias) return [yf.diagnostic(['venue'], `write the venue's canonical name "${viaAlias.name}" instead of "${name}"`)];
	const names = [...venues.canonical.keys(), ...[...venues.byAlias.keys()]];
	const guess = didYouMean(name, names);
	const fix = guess ? venues.resolve(guess)?.name : undefined;
	return [
		yf.diagnostic(
			['venue'],
			`unknown venue "${name}"${fix ? ` — did you mean "${fix}"?` : '; add it to data/venues.yaml or use one listed there'}`,
		),
	];
}

/** A `paper` link on arXiv names a paper (it carries an id), not a listing or a search. Papers and benchmarks alike. */
export function checkArxivLink(yf: YamlFile, paper: string | undefined): Diagnostic[] {
	if (paper && /arxiv\.org$/i.test(new URL(paper).hostname) && !arxivId(paper)) {
		return [yf.diagnostic(['paper'], 'an arXiv link must point to a paper, such as https://arxiv.org/abs/2404.14469')];
	}
	return [];
}

/** Links are well formed: GitHub code links name owner/name on github.com; arXiv links carry an id. */
export function checkLinks(p: CheckedPaper): Diagnostic[] {
	const out: Diagnostic[] = [];
	const { code, paper } = p.data;
	if (code) {
		const host = new URL(code).hostname.toLowerCase();
		if (/github/.test(host) && !/^(?:www\.)?github\.com$/.test(host)) {
			out.push(p.yf.diagnostic(['code'], `host "${host}" is not github.com; write https://github.com/owner/name`));
		} else if (/^(?:www\.)?github\.com$/.test(host) && !githubRepo(code)) {
			out.push(p.yf.diagnostic(['code'], 'a GitHub code link must name a repository: https://github.com/owner/name'));
		}
	}
	out.push(...checkArxivLink(p.yf, paper));
	if (p.data.codeOfficial !== undefined && !code) {
		out.push(p.yf.diagnostic(['codeOfficial'], '"codeOfficial" says something about a code link, but there is no "code:"; add the link or remove this field'));
	}
	return out;
}

/** The arXiv id's year is not after the paper's year (a typo in either shows here). */
export function checkYear(p: CheckedPaper): Diagnostic[] {
	const month = arxivMonth(arxivId(p.data.paper));
	if (!month) return [];
	const posted = Number(month.slice(0, 4));
	if (p.data.year + 1 < posted) {
		return [p.yf.diagnostic(['year'], `year ${p.data.year} is before the arXiv posting (${posted}); check the year`, 'warning')];
	}
	return [];
}

/** One paper per arXiv id, per normalised title and per paper URL: the second file names the first. */
export function checkDuplicates(papers: readonly CheckedPaper[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const byKey = new Map<string, CheckedPaper>();
	const byTitle = new Map<string, CheckedPaper>();
	const where = (q: CheckedPaper, field: string) => `${q.yf.file}:${q.yf.locate([field]).line}`;
	for (const p of papers) {
		const key = paperKey(p.data.paper);
		if (key) {
			const first = byKey.get(key);
			if (first) {
				const what = key.startsWith('arxiv:') ? `arXiv ${key.slice(6)}` : 'paper link';
				out.push(p.yf.diagnostic(['paper'], `same ${what} as ${where(first, 'paper')} ("${first.data.title}"); a paper in several categories is one file: add the categories there and delete this file`));
			} else byKey.set(key, p);
		}
		const t = normalizeTitle(p.data.title);
		const firstT = byTitle.get(t);
		if (firstT && t) {
			out.push(p.yf.diagnostic(['title'], `same title as ${where(firstT, 'title')}; a paper in several categories is one file: add the categories there and delete this file`));
		} else if (t) byTitle.set(t, p);
	}
	return out;
}

/** The same short name on two papers makes search ambiguous: a warning. */
export function checkAliases(papers: readonly CheckedPaper[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const seen = new Map<string, CheckedPaper>();
	for (const p of papers) {
		(p.data.aliases ?? []).forEach((a, i) => {
			const key = a.toLowerCase();
			const first = seen.get(key);
			if (first && first !== p) out.push(p.yf.diagnostic(['aliases', i], `alias "${a}" is also an alias of ${first.yf.file}`, 'warning'));
			else seen.set(key, p);
		});
	}
	return out;
}

/** A former path that names a page of a list rather than the list: `…/page/2`. */
const LIST_PAGE = /(?:^|\/)page\/\d+$/;

/**
 * Former URLs (a node's `formerPaths` and `formerPapers`, a paper's `formerIds`) redirect to a page
 * of today, so none may be a URL that answers with a page today, or start with a URL of the site's
 * own pages, or be recorded twice (an old URL can lead to one place only).
 */
export function checkFormerUrls(yf: YamlFile, taxonomy: readonly TaxonomyNode[], papers: readonly CheckedPaper[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const current = new Map<string, { title: string; line: number }>();
	const formerPaths = new Map<string, string>();
	const formerIds = new Map<string, string>();
	const paperIds = new Map(papers.map((p) => [p.id, p]));
	const where = (path: PropertyKey[]) => `line ${yf.locate(path).line}`;

	const nodes: Array<{ n: TaxonomyNode; at: PropertyKey[] }> = [];
	const walk = (list: readonly TaxonomyNode[], at: PropertyKey[], prefix: string) => {
		list.forEach((n, i) => {
			const here = [...at, i];
			const path = prefix ? `${prefix}/${n.slug}` : n.slug;
			if (!current.has(path)) current.set(path, { title: n.title, line: yf.locate([...here, 'slug']).line });
			nodes.push({ n, at: here });
			if (n.children) walk(n.children, [...here, 'children'], path);
		});
	};
	walk(taxonomy, [], '');

	const formerId = (id: string, file: YamlFile, path: PropertyKey[], shownAt: string) => {
		const paper = paperIds.get(id);
		const other = formerIds.get(id);
		if (paper) out.push(file.diagnostic(path, `"${id}" is the id of ${paper.yf.file}, whose page /papers/${id}/ is still there; remove "${id}" from this list (an old URL can only name a page that is gone)`));
		else if (other) out.push(file.diagnostic(path, `"${id}" is already a former paper id at ${other}; an old URL redirects to one page only, so keep it in one place`));
		else formerIds.set(id, shownAt);
	};

	for (const { n, at } of nodes) {
		(n.formerPaths ?? []).forEach((f, j) => {
			const path = [...at, 'formerPaths', j];
			const first = f.split('/')[0]!;
			const node = current.get(f);
			const other = formerPaths.get(f);
			if (node) out.push(yf.diagnostic(path, `"${f}" is the path of "${node.title}" (line ${node.line}) today, so its URL is that page, not a redirect; remove "${f}" from formerPaths`));
			else if (RESERVED_SLUGS.has(first)) out.push(yf.diagnostic(path, `"${f}" starts with "${first}", a page of the site, which no taxonomy page ever had; remove it`));
			else if (LIST_PAGE.test(f)) out.push(yf.diagnostic(path, `"${f}" is a page of a category's list; write the category's own path "${f.replace(LIST_PAGE, '')}", and its pages redirect with it`));
			else if (other) out.push(yf.diagnostic(path, `"${f}" is already a former path at ${other}; an old URL redirects to one page only, so keep it on the node that took its place`));
			else formerPaths.set(f, where(path));
		});
		(n.formerPapers ?? []).forEach((id, j) => formerId(id, yf, [...at, 'formerPapers', j], `${yf.file}:${yf.locate([...at, 'formerPapers', j]).line}`));
	}
	for (const p of papers) {
		(p.data.formerIds ?? []).forEach((id, j) => formerId(id, p.yf, ['formerIds', j], `${p.yf.file}:${p.yf.locate(['formerIds', j]).line}`));
	}
	return out;
}

/** Run every per-paper and cross-paper rule. */
export function checkPapers(papers: readonly CheckedPaper[], taxonomy: readonly TaxonomyNode[], venues: readonly Venue[]): Diagnostic[] {
	const tree = buildTree(taxonomy);
	const index = indexVenues(venues);
	const out: Diagnostic[] = [];
	for (const p of papers) {
		out.push(...checkCategories(p, tree), ...checkVenue(p.yf, p.data.venue, index), ...checkLinks(p), ...checkYear(p));
	}
	out.push(...checkDuplicates(papers), ...checkAliases(papers));
	return out;
}
