/** `/rss.xml`: the newest papers, newest first (by `added`, then year), linking to their pages. */
import type { APIRoute } from 'astro';
import { rssFeed } from '../site/rss.ts';
import { getAtlas } from '../site/atlas.ts';
import { SITE_NAME } from '../layouts/site-meta.ts';

export const GET: APIRoute = async ({ site }) => {
	const xml = rssFeed(await getAtlas(), {
		site: site ?? 'http://localhost:4321',
		title: `${SITE_NAME}: new papers`,
		description: 'Papers on KV cache management for LLM acceleration, newest additions first.',
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
