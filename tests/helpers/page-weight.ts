/**
 * What a built page weighs as served, uncompressed: its HTML, the stylesheets it links, the
 * scripts it loads and the modules those import statically (dynamic imports load later, on use).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Bytes of one page and what it pulls in. */
export interface PageWeight {
	html: number;
	/** Linked stylesheets plus inline <style>. */
	css: number;
	/** External and inline scripts (JSON-LD excluded), with their static imports. */
	js: number;
	/** html + linked CSS + external JS (inline CSS and JS are already in html). */
	total: number;
	/** Each external file counted, site path → bytes. */
	files: Record<string, number>;
}

/** Weigh `dist/<pagePath>` (e.g. "papers/snapkv/index.html"); `base` is the site's base path. */
export function pageWeight(dist: string, pagePath: string, base = '/'): PageWeight {
	const html = readFileSync(path.join(dist, pagePath), 'utf8');
	const files: Record<string, number> = {};
	const local = (url: string): string | null => {
		if (!url.startsWith(base)) return null;
		const file = path.join(dist, url.slice(base.length).split(/[?#]/)[0]!);
		return existsSync(file) ? file : null;
	};
	const add = (url: string, kind: 'css' | 'js'): number => {
		if (url in files) return 0;
		const file = local(url);
		if (!file) return 0;
		const text = readFileSync(file, 'utf8');
		files[url] = Buffer.byteLength(text);
		let bytes = files[url]!;
		if (kind === 'js') {
			for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}*,\s$]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
				bytes += add(path.posix.join(path.posix.dirname(url), m[1]!), 'js');
			}
		}
		return bytes;
	};
	let css = 0;
	let js = 0;
	for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css += add(m[1]!, 'css');
	for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += Buffer.byteLength(m[1]!);
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
		if (src) js += add(src, 'js');
		else if (!/application\/ld\+json/.test(m[1]!)) js += Buffer.byteLength(m[2]!);
	}
	const htmlBytes = Buffer.byteLength(html);
	const external = Object.values(files).reduce((a, b) => a + b, 0);
	return { html: htmlBytes, css, js, total: htmlBytes + external, files };
}
