/**
 * What the reading tests in Chromium share: before the file's tests, build one catalogue under a
 * base path (tests/build/links-dist-reader.ts), serve it and launch Chromium; after them, close
 * both and remove the build — and the catalogue, when the test made a copy for itself.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, type Built } from '../build/links-dist-reader.ts';
import { launchChromium } from './search-harness.ts';
import { serveDist, type DistServer } from './serve-dist.ts';

/** The built site, its server and the browser; set once the file's `beforeAll` has run. */
export interface SiteInChromium {
	built: Built;
	server: DistServer;
	browser: Browser;
}

/** What to build. */
export interface SiteOptions {
	/** A catalogue folder used as it is, or a function that makes a temp copy (removed afterwards). */
	catalogue: string | (() => string);
	/** Astro's base, such as "/Awesome-KV-Cache-Management/". */
	base: string;
	/** The build's name in messages ("redirects e2e"). */
	name: string;
}

/** Call at the top of a test file; hooks registered after this one already find the site built. */
export function siteInChromium(options: SiteOptions): SiteInChromium {
	const site = {} as SiteInChromium;
	let copy = '';
	beforeAll(async () => {
		if (typeof options.catalogue === 'function') copy = options.catalogue();
		site.built = await buildSite(copy || (options.catalogue as string), options.base, options.name);
		site.server = await serveDist(site.built.dist, options.base);
		site.browser = await launchChromium();
	}, 600_000);
	afterAll(async () => {
		await site.browser?.close();
		await site.server?.close();
		if (site.built) rmSync(site.built.tmp, { recursive: true, force: true });
		if (copy) rmSync(copy, { recursive: true, force: true });
	});
	return site;
}
