// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { sitemap } from './src/integrations/sitemap.ts';
import { deterministicTokens } from './src/site/shiki-deterministic.ts';

/** `BASE_PATH=/Awesome-KV-Cache-Management/` for a GitHub Pages project site; `/` otherwise. */
const base = process.env.BASE_PATH || '/';
/** The public origin, for canonical links, the sitemap and the feed. */
const site = process.env.SITE_URL || 'https://treeai-lab.github.io';

/**
 * `DIST_DIR` builds elsewhere than dist/ (tests and the benchmark build side by side); each output
 * folder gets its own cache so two builds of different catalogues never share a content store.
 */
const outDir = process.env.DIST_DIR || 'dist';
const cacheDir = process.env.DIST_DIR ? `${process.env.DIST_DIR.replace(/\/+$/, '')}.cache` : undefined;

export default defineConfig({
	site,
	base,
	outDir,
	...(cacheDir ? { cacheDir } : {}),
	trailingSlash: 'ignore',
	// Four pages in flight: while one page's file is written, the next renders (a 10,000-paper build
	// spent a third of its time waiting for writes one page at a time on the 2-core machine).
	build: { format: 'directory', concurrency: 4 },
	// Two routes building one path would silently drop a page (a category under a redirect page): stop instead.
	prerenderConflictBehavior: 'error',
	// Each page's Content-Security-Policy is written as it renders: src/middleware.ts.
	// Redirect pages (src/pages/[...moved].astro) are not content: the sitemap leaves them out.
	integrations: [mdx(), sitemap({ excludeRoutes: ['/[...moved]'] })],
	// Code in MDX pages follows the page's theme: both palettes as CSS variables, picked in base.css.
	// deterministicTokens: no wall-clock limit on tokenizing, so a busy machine highlights like an idle one.
	markdown: { shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, transformers: [deterministicTokens] } },
	// No telemetry, no prefetch of third-party resources: the build and the site stay offline.
	devToolbar: { enabled: false },
	server: { host: '127.0.0.1', port: 4321 },
});
