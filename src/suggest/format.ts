/**
 * How suggestions are shown: a short text for a maintainer (each leaf with its place in the
 * taxonomy, its score and why), and JSON for tools.
 */
import type { Catalogue } from '../catalogue/load.ts';
import type { TaxonomyNode } from '../catalogue/schema.ts';
import { ancestry, buildTree } from '../catalogue/tree.ts';
import type { Suggestion } from './suggester.ts';

/** The titles from the top-level group down to the leaf. */
function titlePath(taxonomy: readonly TaxonomyNode[]): (slug: string) => string[] {
	const tree = buildTree(taxonomy);
	return (slug) => {
		const node = tree.bySlug.get(slug);
		return node ? ancestry(node).map((n) => n.title) : [slug];
	};
}

/** `{"suggestions": [{"category", "score", "path", "terms", "nearest"}]}` and a newline. */
export function suggestionsJson(suggestions: readonly Suggestion[], taxonomy: readonly TaxonomyNode[]): string {
	const pathOf = titlePath(taxonomy);
	return `${JSON.stringify({ suggestions: suggestions.map((s) => ({ category: s.category, score: s.score, path: pathOf(s.category), terms: s.terms, nearest: s.nearest })) }, null, 2)}\n`;
}

/** The text `npm run suggest` prints. */
export function formatSuggestions(suggestions: readonly Suggestion[], catalogue: Pick<Catalogue, 'taxonomy' | 'papers'>, about: { title: string; catalogue: string; keywords: boolean }): string {
	const pathOf = titlePath(catalogue.taxonomy);
	const titles = new Map(catalogue.papers.map((p) => [p.id, p.aliases?.[0] ?? p.title]));
	const lines = [
		`Suggested categories for "${about.title}"`,
		`(learnt from the ${catalogue.papers.length} papers of ${about.catalogue}${about.keywords ? ` and the terms in ${about.catalogue}/suggest.yaml` : ''})`,
		'',
	];
	suggestions.forEach((s, i) => {
		lines.push(`${i + 1}. ${s.score.toFixed(3)}  ${s.category}`);
		lines.push(`   ${pathOf(s.category).join(' › ')}`);
		const why = [s.terms.length ? `matched: ${s.terms.join(', ')}` : 'no word in common', s.nearest ? `nearest paper: ${titles.get(s.nearest) ?? s.nearest} (${s.nearest})` : null].filter(Boolean);
		lines.push(`   ${why.join(' · ')}`);
	});
	lines.push('', 'Scores run from 0 (no word in common with the category) to 1. Check the paper before filing it:');
	if (suggestions[0]) lines.push(`  categories: [${suggestions[0].category}]`);
	return `${lines.join('\n')}\n`;
}
