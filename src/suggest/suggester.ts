/**
 * Suggested categories for a paper not yet filed, learnt from the catalogue's own filing each
 * time it is trained (no model file, no network). The method, in plain words:
 *
 * 1. Every paper becomes a bag of word stems (`terms.ts`) from its title and short names, and its
 *    abstract (or summary) at half the weight of the title when it has one. Words are weighted by
 *    TF-IDF: a word found in few papers ("quantization") says more than one found in all ("LLM").
 * 2. Each leaf gets a **profile**: the sum of its papers' weighted words (a paper filed in two
 *    leaves counts for each).
 * 3. Each leaf also gets a **description**: the titles of the leaf and the groups above it, and its
 *    terms from `data/suggest.yaml` when there are some (the survey's definition of the category).
 * 4. A new paper's score for a leaf is the mean of two cosine similarities, with the profile and
 *    with the description: a number from 0 (no word in common) to 1. The three highest are the
 *    suggestions, ties broken by slug.
 */
import type { Catalogue } from '../catalogue/load.ts';
import type { Paper } from '../catalogue/schema.ts';
import { ancestry, buildTree } from '../catalogue/tree.ts';
import type { KeywordMap } from './keywords.ts';
import { termWords } from './terms.ts';

/** What a paper to file has: its title, and its abstract and short names when known. */
export interface SuggestInput {
	title: string;
	abstract?: string | undefined;
	aliases?: readonly string[] | undefined;
}

/** One suggested leaf. */
export interface Suggestion {
	/** The leaf's slug. */
	category: string;
	/** From 0 to 1: the mean cosine similarity with the leaf's papers and with its description, rounded to 3 places. */
	score: number;
	/** The paper's words that weigh most for this leaf, as written in the paper, strongest first. */
	terms: string[];
	/** The id of the leaf's paper closest to this one, null when none shares a word. */
	nearest: string | null;
}

/** A trained suggester. */
export interface Suggester {
	/** The `k` likeliest leaves, best first (fewer only when the taxonomy has fewer leaves). */
	suggest(input: SuggestInput, k?: number): Suggestion[];
}

/** What to learn from; the switches exist for the leave-one-out ablations in `npm run bench:suggest`. */
export interface SuggesterOptions {
	/** Terms per leaf from data/suggest.yaml; none when left out. */
	keywords?: KeywordMap | null | undefined;
	/** Read papers' short names. @default true */
	aliases?: boolean;
	/** Read papers' abstracts (or summaries) and the input's abstract. @default true */
	abstracts?: boolean;
	/** Weigh each leaf's description (its titles and keywords) beside its papers. @default true */
	descriptions?: boolean;
}

/** The catalogue a suggester learns from: its taxonomy and papers. */
export type Filing = Pick<Catalogue, 'taxonomy' | 'papers'>;

/** How much an abstract counts beside the title and short names. */
const ABSTRACT_WEIGHT = 0.5;

type Vector = Map<string, number>;

/** A paper's abstract: arXiv's (the `abstract` field, written by `npm run enrich`), else the `summary` a contributor wrote. */
export function abstractOf(paper: Paper): string | undefined {
	return paper.abstract ?? paper.summary;
}

/** Learn the catalogue's filing. Pure: the same catalogue always gives the same suggestions. */
export function trainSuggester(filing: Filing, options: SuggesterOptions = {}): Suggester {
	const useAliases = options.aliases ?? true;
	const useAbstracts = options.abstracts ?? true;
	const useDescriptions = options.descriptions ?? true;
	const tree = buildTree(filing.taxonomy);
	const leaves = tree.leaves.map((l) => l.slug).sort();

	const counted = (p: SuggestInput) => countTerms(p, useAliases, useAbstracts);
	const papers = [...filing.papers]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((p) => ({ id: p.id, categories: p.categories, counts: counted({ title: p.title, aliases: p.aliases, abstract: abstractOf(p) }) }));

	const df = new Map<string, number>();
	for (const p of papers) for (const t of p.counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
	// Smoothed IDF: a word no paper has (only a description or the input) weighs most, never infinitely.
	const idf = (t: string) => Math.log((papers.length + 1) / ((df.get(t) ?? 0) + 1)) + 1;
	const weigh = (counts: Vector): Vector => {
		const v: Vector = new Map();
		// 1 + log(count): a word said three times is stronger than once, not three times stronger.
		for (const [t, c] of counts) v.set(t, (c >= 1 ? 1 + Math.log(c) : c) * idf(t));
		return normalise(v);
	};

	const vectors = papers.map((p) => ({ ...p, vector: weigh(p.counts) }));
	const profile = new Map<string, Vector>(leaves.map((l) => [l, new Map()]));
	for (const p of vectors) for (const c of p.categories) addInto(profile.get(c), p.vector);
	for (const v of profile.values()) normalise(v);

	const description = new Map<string, Vector>();
	for (const leaf of leaves) {
		const text = [...ancestry(tree.bySlug.get(leaf)!).map((n) => n.title), ...(options.keywords?.get(leaf) ?? [])];
		description.set(leaf, weigh(counted({ title: text.join(' ') })));
	}

	return {
		suggest(input, k = 3) {
			const asked = counted(input);
			const query = weigh(asked);
			const wordOf = new Map<string, string>();
			for (const text of [input.title, ...(useAliases ? (input.aliases ?? []) : []), ...(useAbstracts && input.abstract ? [input.abstract] : [])]) {
				for (const [term, word] of termWords(text)) if (!wordOf.has(term)) wordOf.set(term, word);
			}
			const scored = leaves.map((leaf) => {
				const similarity = useDescriptions ? (dot(query, profile.get(leaf)!) + dot(query, description.get(leaf)!)) / 2 : dot(query, profile.get(leaf)!);
				const score = Math.round(similarity * 1000) / 1000;
				return { leaf, score };
			});
			scored.sort((a, b) => b.score - a.score || (a.leaf < b.leaf ? -1 : 1));
			return scored.slice(0, Math.max(0, k)).map(({ leaf, score }) => ({
				category: leaf,
				score,
				terms: strongest(query, profile.get(leaf)!, useDescriptions ? description.get(leaf)! : new Map()).map((t) => wordOf.get(t) ?? t),
				nearest: nearestIn(leaf, query, vectors),
			}));
		},
	};
}

/** Term counts of a paper: title and short names at full weight, the abstract at ABSTRACT_WEIGHT. */
function countTerms(p: SuggestInput, aliases: boolean, abstracts: boolean): Vector {
	const counts: Vector = new Map();
	const add = (text: string, weight: number) => {
		for (const [t] of termWords(text)) counts.set(t, (counts.get(t) ?? 0) + weight);
	};
	add(p.title, 1);
	if (aliases) for (const a of p.aliases ?? []) add(a, 1);
	if (abstracts && p.abstract) {
		// Scaled to the title's size, so that a long abstract adds evidence without drowning the title.
		const abstract: Vector = new Map();
		for (const [t] of termWords(p.abstract)) abstract.set(t, (abstract.get(t) ?? 0) + 1);
		const titleMass = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
		const abstractMass = [...abstract.values()].reduce((a, b) => a + b, 0) || 1;
		for (const [t, c] of abstract) counts.set(t, (counts.get(t) ?? 0) + (c * ABSTRACT_WEIGHT * titleMass) / abstractMass);
	}
	return counts;
}

/** The paper's three terms that add most to the leaf's score. */
function strongest(query: Vector, profile: Vector, description: Vector): string[] {
	return [...query]
		.map(([t, x]) => ({ t, w: x * ((profile.get(t) ?? 0) + (description.get(t) ?? 0)) }))
		.filter((e) => e.w > 0)
		.sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
		.slice(0, 3)
		.map((e) => e.t);
}

/** The id of the paper of `leaf` most similar to the query (first by id on a tie), null when none shares a term. */
function nearestIn(leaf: string, query: Vector, papers: ReadonlyArray<{ id: string; categories: readonly string[]; vector: Vector }>): string | null {
	let best: string | null = null;
	let bestSim = 0;
	for (const p of papers) {
		if (!p.categories.includes(leaf)) continue;
		const sim = dot(query, p.vector);
		if (sim > bestSim) [best, bestSim] = [p.id, sim];
	}
	return best;
}

function addInto(into: Vector | undefined, v: Vector): void {
	if (!into) return;
	for (const [t, x] of v) into.set(t, (into.get(t) ?? 0) + x);
}

/** Scale a vector to length 1 in place (an empty vector stays empty). */
function normalise(v: Vector): Vector {
	let sum = 0;
	for (const x of v.values()) sum += x * x;
	const len = Math.sqrt(sum);
	if (len > 0) for (const [t, x] of v) v.set(t, x / len);
	return v;
}

function dot(a: Vector, b: Vector): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let sum = 0;
	for (const [t, x] of small) {
		const y = large.get(t);
		if (y !== undefined) sum += x * y;
	}
	return sum;
}
