/**
 * Test helpers over a built site: build a catalogue into a temp folder (several builds in
 * parallel), parse every HTML page with parse5, and collect every URL a page references, with the
 * element and attribute it came from, so tests can resolve them against the files on disk.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, serializeOuter, type DefaultTreeAdapterTypes as T } from 'parse5';
import { buildDir } from '../helpers/build-dir.ts';
import { cleanEnv, NODE, ROOT } from '../helpers/catalogue.ts';

/** The origin builds are given as SITE_URL, so absolute links to the site itself are recognised. */
export const SITE = 'https://atlas.test';

/** A finished build. */
export interface Built {
	/** Label for test names: "fixture, base /x/". */
	name: string;
	dist: string;
	/** Astro's base with slashes on both ends ("/" or "/Awesome-KV-Cache-Management/"). */
	base: string;
	/** The temp folder holding dist and its cache, removed by `removeBuild`. */
	tmp: string;
}

/** Build `catalogue` with `base` into a fresh folder under .tmp/ (see build-dir.ts); rejects with the build's output on failure. */
export function buildSite(catalogue: string, base: string, name: string): Promise<Built> {
	const tmp = buildDir('atlas-links-');
	const dist = path.join(tmp, 'dist');
	const env = cleanEnv({ CATALOGUE_DIR: catalogue, DIST_DIR: dist, SITE_URL: SITE, ...(base === '/' ? {} : { BASE_PATH: base }) });
	if (base === '/') delete env.BASE_PATH;
	return new Promise((resolve, reject) => {
		const child = spawn(NODE, [path.join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => (code === 0 ? resolve({ name, dist, base, tmp }) : reject(new Error(`build of ${name} failed (exit ${code}):\n${output}`))));
	});
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function filesUnder(dir: string, rel = ''): string[] {
	const out: string[] = [];
	for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
		const r = rel ? `${rel}/${e.name}` : e.name;
		if (e.isDirectory()) out.push(...filesUnder(dir, r));
		else out.push(r);
	}
	return out;
}

/** A parsed page: its file, its site URL (base included), its ids and its elements. */
export interface Page {
	file: string;
	url: string;
	html: string;
	ids: Set<string>;
	elements: T.Element[];
}

/** The URL a built file is served at: `a/index.html` → `<base>a/`, `404.html` → `<base>404.html`. */
export function urlOfFile(base: string, file: string): string {
	return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Parse one built HTML file. */
export function readPage(built: Built, file: string): Page {
	const html = readFileSync(path.join(built.dist, file), 'utf8');
	const elements: T.Element[] = [];
	const walk = (n: T.ParentNode) => {
		for (const c of n.childNodes) {
			if ('tagName' in c) {
				elements.push(c);
				walk(c.tagName === 'template' ? (c as T.Template).content : c);
			}
		}
	};
	walk(parse(html));
	const ids = new Set<string>();
	for (const el of elements) {
		const id = attr(el, 'id');
		if (id) ids.add(id);
		if (el.tagName === 'a' && attr(el, 'name')) ids.add(attr(el, 'name')!);
	}
	return { file, url: urlOfFile(built.base, file), html, ids, elements };
}

/** The value of an attribute, or undefined. */
export function attr(el: T.Element, name: string): string | undefined {
	return el.attrs.find((a) => a.name === name)?.value;
}

/** The text inside an element. */
export function textOf(node: T.ChildNode | T.Element): string {
	if ('value' in node && node.nodeName === '#text') return node.value;
	if ('childNodes' in node) return node.childNodes.map((c) => textOf(c)).join('');
	return '';
}

/** One URL a page references. */
export interface Ref {
	/** `a[href]`, `img[src]`, `link[rel=stylesheet][href]`, `meta[property=og:url][content]`… */
	where: string;
	url: string;
	/** True when the browser fetches it without a click (scripts, styles, images, fonts, frames). */
	resource: boolean;
}

const RESOURCE_RELS = /\b(?:stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|mask-icon)\b/i;
const URL_META = /^(?:og:url|og:image|og:image:url|og:image:secure_url|og:audio|og:video|twitter:image|twitter:url)$/i;

/** Every URL the page references, with where it came from. */
export function refsOf(page: Page): Ref[] {
	const refs: Ref[] = [];
	const add = (el: T.Element, name: string, url: string | undefined, resource: boolean) => {
		if (url !== undefined && url.trim() !== '') refs.push({ where: `${el.tagName}[${name}]`, url: url.trim(), resource });
	};
	for (const el of page.elements) {
		const tag = el.tagName;
		if (tag === 'a' || tag === 'area') add(el, 'href', attr(el, 'href'), false);
		if (tag === 'link') {
			const rel = attr(el, 'rel') ?? '';
			add(el, `href][rel=${rel}`, attr(el, 'href'), RESOURCE_RELS.test(rel));
		}
		if (['script', 'img', 'iframe', 'source', 'video', 'audio', 'embed', 'track', 'input'].includes(tag)) add(el, 'src', attr(el, 'src'), true);
		if (tag === 'img' || tag === 'source') {
			for (const candidate of (attr(el, 'srcset') ?? '').split(',')) add(el, 'srcset', candidate.trim().split(/\s+/)[0], true);
		}
		if (tag === 'video') add(el, 'poster', attr(el, 'poster'), true);
		if (tag === 'object') add(el, 'data', attr(el, 'data'), true);
		if (tag === 'form') add(el, 'action', attr(el, 'action'), false);
		if (tag === 'use' || tag === 'image') add(el, 'href', attr(el, 'href') ?? attr(el, 'xlink:href'), true);
		if (tag === 'meta') {
			const key = attr(el, 'property') ?? attr(el, 'name') ?? '';
			if (URL_META.test(key)) add(el, `content][property=${key}`, attr(el, 'content'), /image|audio|video/i.test(key));
			if ((attr(el, 'http-equiv') ?? '').toLowerCase() === 'refresh') add(el, 'content][http-equiv=refresh', /url=(.*)$/i.exec(attr(el, 'content') ?? '')?.[1], false);
		}
		if (tag === 'style') for (const url of cssUrls(textOf(el))) refs.push({ where: 'style url()', url, resource: true });
		const style = attr(el, 'style');
		if (style) for (const url of cssUrls(style)) refs.push({ where: `${tag}[style] url()`, url, resource: true });
	}
	return refs;
}

/** URLs in CSS: `url(…)` and `@import "…"`. */
export function cssUrls(css: string): string[] {
	const out: string[] = [];
	for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)) out.push(m[2]!.trim());
	for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)) out.push(m[2]!.trim());
	return out.filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
}

/** What an internal URL resolves to on disk: the file (directory → index.html), or null when none. */
export function fileFor(built: Built, pathname: string): string | null {
	if (!pathname.startsWith(built.base)) return null;
	const rel = decodeURIComponent(pathname.slice(built.base.length));
	const abs = path.join(built.dist, rel);
	if (!abs.startsWith(built.dist)) return null;
	if (existsSync(abs) && statSync(abs).isFile()) return rel;
	const index = path.join(abs, 'index.html');
	if (existsSync(index)) return path.posix.join(rel, 'index.html');
	return null;
}

/** Bytes of a built file. */
export function bytesOf(built: Built, rel: string): number {
	return statSync(path.join(built.dist, rel)).size;
}

/**
 * The scripts a page loads before any interaction: its `<script src>` module and the chunks those
 * import statically (`import "./x.js"`, `from "./x.js"`); dynamic `import()` is left out.
 */
export function scriptClosure(built: Built, page: Page): string[] {
	const seen = new Set<string>();
	const visit = (rel: string) => {
		if (seen.has(rel)) return;
		seen.add(rel);
		const js = readFileSync(path.join(built.dist, rel), 'utf8');
		for (const m of js.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) {
			const next = path.posix.join(path.posix.dirname(rel), m[1]!);
			if (existsSync(path.join(built.dist, next))) visit(next);
		}
	};
	for (const el of page.elements) {
		if (el.tagName !== 'script') continue;
		const src = attr(el, 'src');
		if (!src) continue;
		const file = fileFor(built, new URL(src, SITE + page.url).pathname);
		if (file) visit(file);
	}
	return [...seen];
}

/** Bytes a page costs: its HTML, the stylesheets it links and the scripts it loads before any click. */
export function pageWeight(built: Built, page: Page): { total: number; js: number } {
	let css = 0;
	for (const el of page.elements) {
		if (el.tagName === 'link' && /\bstylesheet\b/.test(attr(el, 'rel') ?? '')) {
			const file = fileFor(built, new URL(attr(el, 'href')!, SITE + page.url).pathname);
			if (file) css += bytesOf(built, file);
		}
	}
	const external = scriptClosure(built, page).reduce((n, f) => n + bytesOf(built, f), 0);
	const inline = page.elements
		.filter((e) => e.tagName === 'script' && !attr(e, 'src') && !/json/.test(attr(e, 'type') ?? ''))
		.reduce((n, e) => n + Buffer.byteLength(textOf(e)), 0);
	return { total: Buffer.byteLength(page.html) + css + external, js: external + inline };
}

/**
 * Bytes a paper page may add for the text its data carries beyond the fixed budget, which no page
 * may cut. Each author's name appears four times (the list, the BibTeX, a citation_author meta tag
 * and a JSON-LD Person) with about 80 bytes of markup around the four (`<meta name="citation_author"
 * content="">` alone is 41): a 160-author paper may weigh ~20 KB more than a paper without
 * authors, and no more. A summary appears twice (the paragraph and the JSON-LD description), with
 * about 40 bytes of markup. The abstract appears once, as escaped text, with about 200 bytes of
 * heading and markup around it: arXiv's longest (1,920 characters) adds about 2.1 KB. A paper the
 * atlas added says so under its title (the provenance note, about 200 bytes with its link). A paper
 * filed in several leaves lists every leaf's path and names each leaf for search: each beyond the
 * first counts as its list item's bytes, twice its label and 20 bytes of attribute markup.
 */
export function paperAllowance(page: Page): number {
	const names = page.elements.filter((e) => e.tagName === 'meta' && attr(e, 'name') === 'citation_author').map((e) => attr(e, 'content') ?? '');
	const authors = names.reduce((n, name) => n + 4 * Buffer.byteLength(name) + 80, 0);
	const classed = (name: string) => page.elements.find((e) => (attr(e, 'class') ?? '').split(/\s+/).includes(name));
	const summary = classed('summary');
	const provenance = classed('provenance');
	const abstract = classed('paper-abstract-text');
	const text = abstract ? textOf(abstract) : '';
	// Each of & < > " is written as an entity of 4 to 6 bytes.
	const escaped = Buffer.byteLength(text) + 5 * (text.match(/[&<>"]/g)?.length ?? 0);
	// A paper filed in several leaves lists each one's whole path (a link per level) and names each
	// leaf twice more for search (its data-cN filter and the categories meta): every leaf beyond the
	// first is data the page carries, like a second author.
	const categoryItems = page.elements.filter((e) => e.tagName === 'li' && 'tagName' in e.parentNode! && (attr(e.parentNode as T.Element, 'class') ?? '').split(/\s+/).includes('paper-categories'));
	const categories = categoryItems.slice(1).reduce((n, li) => {
		const links = li.childNodes.filter((c): c is T.Element => 'tagName' in c && c.tagName === 'a');
		return n + Buffer.byteLength(serializeOuter(li)) + 2 * Buffer.byteLength(textOf(links.at(-1)!)) + 20;
	}, 0);
	return (
		authors +
		categories +
		(summary ? 2 * Buffer.byteLength(textOf(summary)) + 40 : 0) +
		(provenance ? Buffer.byteLength(textOf(provenance)) + 150 : 0) +
		(abstract ? escaped + 200 : 0)
	);
}

/**
 * Bytes a page may add for the benchmark facts it links, beyond the fixed budget: a paper page
 * names each benchmark it reports on, a benchmark page each method that reports on it, and each
 * such fact carries the URL of the page that says so (`a.source`), about its length + 100 bytes
 * with the link to the other page. None may be cut without losing a fact with its source.
 */
export function benchmarkLinkAllowance(page: Page): number {
	const sources = page.elements.filter((e) => e.tagName === 'a' && (attr(e, 'class') ?? '').split(/\s+/).includes('source')).map((e) => attr(e, 'href') ?? '');
	return sources.reduce((n, url) => n + Buffer.byteLength(url) + 100, 0);
}
