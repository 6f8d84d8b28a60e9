/**
 * The one place pages get the catalogue from: the `papers` and `venues` collections (validated by
 * their loaders) plus the taxonomy, site text, star snapshot, citation counts and benchmarks,
 * indexed once per build.
 */
import { getCollection } from 'astro:content';
import { buildAtlas, type Atlas, type AtlasInput } from '../catalogue/queries.ts';
import { loadCatalogueShared } from '../catalogue/cache.ts';

let atlas: Promise<Atlas> | undefined;

/** The indexed catalogue, built on first use and shared by every page of the build. */
export function getAtlas(): Promise<Atlas> {
	atlas ??= (async () => {
		const catalogue: AtlasInput = loadCatalogueShared();
		const { site, taxonomy, stars, citations, benchmarks } = catalogue;
		const papers = (await getCollection('papers')).map((e) => e.data);
		const venues = (await getCollection('venues')).map(({ data: { id: _id, ...v } }) => v);
		return buildAtlas({ site, taxonomy, stars, citations, papers, venues, benchmarks }, import.meta.env.BASE_URL);
	})();
	return atlas;
}
