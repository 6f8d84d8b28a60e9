/**
 * Every built HTML page gets its strict Content-Security-Policy meta tag (src/site/csp.ts:
 * the policy, and why) while Astro renders it, from the exact bytes Astro then writes — so the
 * hashes match what the browser hashes, and no second pass reads and rewrites 10,000 files after
 * the build (that pass cost 3.8–4.5 s of a 10,000-paper build). Not under `astro dev`: Vite
 * injects and replaces styles there at run time, which no hash list can follow.
 */
import { defineMiddleware } from 'astro:middleware';
import { withCsp } from './site/csp.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!import.meta.env.PROD || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	const secured = withCsp(html);
	if (secured === null) throw new Error(`${context.url.pathname}: no <head> to hold the Content-Security-Policy in`);
	return new Response(secured, { status: response.status, statusText: response.statusText, headers: response.headers });
});
