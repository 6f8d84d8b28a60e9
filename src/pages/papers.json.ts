/** `/papers.json`: the catalogue API (taxonomy with URLs, every paper); its shape is in DESIGN.md. */
import type { APIRoute } from 'astro';
import { papersJson } from '../catalogue/queries.ts';
import { getAtlas } from '../site/atlas.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(papersJson(await getAtlas()), null, 1), { headers: { 'Content-Type': 'application/json' } });
