/**
 * The baseline that suggestions are measured against: nearest neighbours by title alone. Titles
 * are plain lower-case words (no stems, no stop words, no short names), weighted by TF-IDF; a
 * leaf's score is the cosine similarity of its most similar paper. Kept in the code so that
 * `npm run bench:suggest` measures both the same way on the same catalogue.
 */
import { buildTree } from '../catalogue/tree.ts';
import type { Filing, Suggester } from './suggester.ts';
import { terms } from './terms.ts';

type Vector = Map<string, number>;

const plain = (title: string) => title.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/**
 * Train the title-only nearest-neighbour baseline; `stems` reads titles as the method does
 * (`terms.ts`), to show that the method's gain is not its word stems.
 */
export function trainTitleNeighbours(filing: Filing, options: { stems?: boolean } = {}): Suggester {
	const wordsOf = options.stems ? terms : plain;
	const leaves = buildTree(filing.taxonomy).leaves.map((l) => l.slug).sort();
	const df = new Map<string, number>();
	for (const p of filing.papers) for (const w of new Set(wordsOf(p.title))) df.set(w, (df.get(w) ?? 0) + 1);
	const n = filing.papers.length;
	const vector = (title: string): Vector => {
		const v: Vector = new Map();
		for (const w of wordsOf(title)) v.set(w, (v.get(w) ?? 0) + 1);
		let sum = 0;
		for (const [w, c] of v) {
			const x = c * (Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1);
			v.set(w, x);
			sum += x * x;
		}
		for (const [w, x] of v) v.set(w, x / Math.sqrt(sum));
		return v;
	};
	const papers = filing.papers.map((p) => ({ id: p.id, categories: p.categories, vector: vector(p.title) }));
	return {
		suggest(input, k = 3) {
			const query = vector(input.title);
			const best = new Map<string, { score: number; id: string | null }>(leaves.map((l) => [l, { score: 0, id: null }]));
			for (const p of papers) {
				let sim = 0;
				for (const [w, x] of query) sim += x * (p.vector.get(w) ?? 0);
				for (const c of p.categories) {
					const b = best.get(c);
					if (b && sim > b.score) best.set(c, { score: sim, id: p.id });
				}
			}
			return [...best]
				.map(([category, b]) => ({ category, score: Math.round(b.score * 1000) / 1000, terms: [], nearest: b.id }))
				.sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1))
				.slice(0, Math.max(0, k));
		},
	};
}
