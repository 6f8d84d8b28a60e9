/**
 * Which canonical venue a service's venue name means. Names are looked up among the venues'
 * names, aliases and full names — the catalogue's own venues first, then the known venues — so
 * "International Conference on Machine Learning" and "ICML" both mean ICML. arXiv and CoRR mean the
 * paper is still a preprint; a name nothing matches is reported, never turned into a venue.
 */
import { indexVenues, type VenueIndex } from '../../catalogue/checks.ts';
import { KNOWN_VENUES } from '../../catalogue/venues.ts';
import type { Venue } from '../../catalogue/schema.ts';

/** What a list of venue names (most specific first) comes to. */
export type VenueReading =
	| { kind: 'publication'; venue: Venue; name: string }
	| { kind: 'preprint'; name: string }
	| { kind: 'unknown'; names: string[] }
	| { kind: 'none' };

/** Resolves venue names against the catalogue's venues and the known ones. */
export interface VenueResolver {
	/** The venue the first resolvable name means. */
	read(names: readonly string[]): VenueReading;
	/** The venue one name or alias means, with its definition (to add to venues.yaml when new). */
	resolve(name: string): Venue | undefined;
	/** True when `name` is one of the catalogue's own venues (its venues.yaml). */
	inCatalogue(name: string): boolean;
}

const PREPRINT_NAMES = /^(?:arxiv(?:\.org)?|corr|arxiv preprint)$/i;

/** A resolver over `catalogueVenues` (data/venues.yaml) and `known` (the known venues). */
export function venueResolver(catalogueVenues: readonly Venue[], known: readonly Venue[] = KNOWN_VENUES): VenueResolver {
	const own = new Set(catalogueVenues.map((v) => v.name));
	const all = [...catalogueVenues, ...known.filter((v) => !own.has(v.name))];
	const original = new Map(all.map((v) => [v.name, v]));
	// Full names count as aliases here, so "Annual Meeting of the Association for Computational Linguistics" finds ACL.
	const index: VenueIndex = indexVenues(all.map((v) => ({ ...v, aliases: [...(v.aliases ?? []), ...(v.fullName ? [v.fullName] : [])] })));
	const loose = new Map<string, string>();
	for (const [key, v] of index.byAlias) if (!loose.has(squash(key))) loose.set(squash(key), v.name);
	const lookup = (name: string) => index.resolve(name)?.name ?? loose.get(squash(name));
	const resolve = (name: string): Venue | undefined => {
		// "…: ACL 2024" and "ICML'24" name an edition of a venue known without its year.
		const hit = lookup(name) ?? lookup(name.replace(/(?:[\s'’]+(?:19|20)\d{2}|['’]\d{2})$/, ''));
		return hit ? original.get(hit) : undefined;
	};
	return {
		resolve,
		inCatalogue: (name) => own.has(name),
		read(names) {
			const tried = names.map((n) => n.trim()).filter(Boolean);
			for (const name of tried) {
				if (PREPRINT_NAMES.test(name)) return { kind: 'preprint', name };
				const venue = resolve(name);
				if (venue) return venue.kind === 'preprint' ? { kind: 'preprint', name } : { kind: 'publication', venue, name };
			}
			return tried.length ? { kind: 'unknown', names: tried } : { kind: 'none' };
		},
	};
}

/** Lower-case letters and digits only: "Int. Conf. Mach. Learn." and "int conf mach learn" meet. */
function squash(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
