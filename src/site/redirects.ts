/**
 * The redirect pages of the build: one small page at every former URL of the catalogue
 * (atlas.formerUrls), leading to the page that answers for it now. A former category path also
 * keeps its list's later pages: old `…/page/n/` leads to page n of the category now, for every n
 * the category has today (the old page count is not recorded; a page past today's count was a
 * page of papers that left the category, and is not kept).
 */
import { ancestry } from '../catalogue/tree.ts';
import type { Atlas } from '../catalogue/queries.ts';
import { paperPath, type FormerUrl } from '../catalogue/former.ts';
import { pagePath, pageRoutes } from './pagination.ts';

/** One redirect page. */
export interface RedirectPage {
	/** The old path without the base, ending in "/": "model-level-optimization/intra-later/". */
	from: string;
	/** The new path without the base, ending in "/". */
	to: string;
	/** What the new page is, as the link to it reads: "Attention Grouping and Sharing › Intra-Layer Grouping". */
	title: string;
	/** The record that made it. */
	source: FormerUrl['source'];
}

/** Every redirect page of the atlas, sorted by old path; paths carry no base (pages add it). */
export function redirectPages(atlas: Atlas): RedirectPage[] {
	const out: RedirectPage[] = [];
	for (const f of atlas.formerUrls) {
		if (f.target.kind === 'paper') {
			const paper = atlas.paperById.get(f.target.id);
			if (!paper) throw new Error(`${f.from}: no paper "${f.target.id}" to redirect to`);
			out.push({ from: f.from, to: paperPath(paper.id), title: paper.title, source: f.source });
			continue;
		}
		const node = atlas.tree.bySlug.get(f.target.slug);
		if (!node) throw new Error(`${f.from}: no taxonomy node "${f.target.slug}" to redirect to`);
		const to = `${node.path.join('/')}/`;
		const title = ancestry(node).map((n) => n.title).join(' › ');
		out.push({ from: f.from, to, title, source: f.source });
		if (f.source !== 'formerPaths' || !node.isLeaf) continue;
		const pages = pageRoutes(to, atlas.papersByLeaf.get(node.slug)?.length ?? 0);
		for (const { page } of pages.slice(1)) {
			out.push({ from: pagePath(f.from, page), to: pagePath(to, page), title: `${title}, page ${page} of ${pages.length}`, source: f.source });
		}
	}
	return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
