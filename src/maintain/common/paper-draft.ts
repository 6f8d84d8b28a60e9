/**
 * What every tool that writes a new paper file shares (`npm run new`, `npm run accept`, the
 * intake of an issue): the venue resolved through venues.yaml, categories that must be leaves,
 * the short name of a "Name: …" title, the id and the schema line. One rule each, so a paper
 * written by any of them looks like its neighbours. (Their flags: command.ts.)
 */
import { indexVenues } from '../../catalogue/checks.ts';
import { didYouMean } from '../../catalogue/diagnostics.ts';
import { assignIds, namePrefix } from '../../catalogue/ids.ts';
import type { Catalogue } from '../../catalogue/load.ts';
import type { PaperData, TaxonomyNode, Venue } from '../../catalogue/schema.ts';
import { buildTree } from '../../catalogue/tree.ts';
import { schemaPathFrom } from '../../catalogue/yaml-write.ts';

/** Ids a new paper or candidate may not take: papers, candidates, and the former ids whose URLs still redirect. */
export function idsInUse(catalogue: Pick<Catalogue, 'papers' | 'candidates' | 'taxonomy'>): Set<string> {
	const taken = new Set<string>();
	for (const p of catalogue.papers) {
		taken.add(p.id);
		for (const id of p.formerIds ?? []) taken.add(id);
	}
	for (const c of catalogue.candidates) taken.add(c.id);
	const walk = (nodes: Catalogue['taxonomy']) => {
		for (const n of nodes) {
			for (const id of n.formerPapers ?? []) taken.add(id);
			walk(n.children ?? []);
		}
	};
	walk(catalogue.taxonomy);
	return taken;
}

/**
 * A new paper id, made as the importer makes ids (`assignIds`): the slug of its first alias, else
 * of the title's first words, with `-2`, `-3` … when taken.
 */
export function paperIdFor(data: Pick<PaperData, 'title' | 'aliases' | 'year'>, taken: Iterable<string>): string {
	return assignIds([data], taken)[0]!;
}

/**
 * The aliases a new paper gets: the given short names, then the "Name" of a "Name: rest of
 * title" title, as the importer does, so readers find it by its short name.
 */
export function aliasesFor(title: string, given: readonly string[]): string[] {
	const aliases = given.map((a) => a.trim()).filter(Boolean);
	const prefix = namePrefix(title);
	if (prefix && !aliases.some((a) => a.toLowerCase() === prefix.toLowerCase())) aliases.push(prefix);
	return aliases;
}

/** The `$schema` path a paper file in `papersDir` writes: relative to the repository's public/schemas. */
export function paperSchemaPath(papersDir: string): string {
	return schemaPathFrom(papersDir, 'paper.schema.json');
}

/**
 * A venue name or alias resolved through venues.yaml: the venue, with a note when the name was
 * rewritten to its canonical form; a usage message with the closest name when it is unknown.
 */
export function resolveVenueFlag(name: string, venues: readonly Venue[], flag = '--venue'): { venue: Venue; note?: string } | { usage: string } {
	const index = indexVenues(venues);
	const venue = index.resolve(name);
	if (!venue) {
		const names = venues.map((v) => v.name);
		const guess = didYouMean(name, [...names, ...venues.flatMap((v) => v.aliases ?? [])]);
		const fix = guess ? index.resolve(guess)!.name : undefined;
		return { usage: `${flag} "${name}" is not a venue of venues.yaml${fix ? ` — did you mean ${flag} ${JSON.stringify(fix)}?` : ''} Known venues: ${names.join(', ')} (add a new one to venues.yaml first).` };
	}
	return venue.name === name ? { venue } : { venue, note: `venue "${name}" is written as its canonical name "${venue.name}"` };
}

/** Every slug names a leaf of the taxonomy: a usage message naming the first that does not, with its fix; null when all do. */
export function leafCategoryProblem(slugs: readonly string[], taxonomy: readonly TaxonomyNode[], flag = '--category'): string | null {
	const tree = buildTree(taxonomy);
	const leaves = tree.leaves.map((l) => l.slug);
	for (const slug of slugs) {
		const node = tree.bySlug.get(slug);
		if (node && !node.isLeaf) return `${flag} "${slug}" is a group, not a category; name one of its categories: ${node.leaves.map((l) => l.slug).join(', ')}`;
		if (!node) {
			const guess = didYouMean(slug, leaves);
			return `${flag} "${slug}" is not a category${guess ? ` — did you mean ${flag} ${guess}?` : ''} The categories are: ${leaves.join(', ')}.`;
		}
	}
	return null;
}
