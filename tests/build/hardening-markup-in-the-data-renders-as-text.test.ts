/**
 * A paper whose title, alias, author, venue and summary are attacks (`<img src=x onerror=…>`,
 * `<svg onload=…>`, `<script>`, a `javascript:` link) is built with the real pipeline, and every
 * output shows the attack as text: its page, the leaf table, papers.json, the RSS feed and the
 * search index. No page of the site gains an event-handler attribute, a script or a link that runs.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir } from '../helpers/build-dir.ts';
import { runScript } from '../helpers/catalogue.ts';
import { HOSTILE, hostileCatalogue } from '../helpers/hostile-catalogue.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let out = '';
let catalogue = '';
let dist = '';
const pages = new Map<string, Node>();

beforeAll(() => {
	out = buildDir('atlas-hostile-');
	catalogue = hostileCatalogue();
	dist = path.join(out, 'dist');
	const run = runScript('build', [], { CATALOGUE_DIR: catalogue, DIST_DIR: dist });
	if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const abs = path.join(d, e.name);
			if (e.isDirectory()) walk(abs);
			else if (e.name.endsWith('.html')) pages.set(path.relative(dist, abs).split(path.sep).join('/'), parse(readFileSync(abs, 'utf8')));
		}
	};
	walk(dist);
});
afterAll(() => {
	rmSync(out, { recursive: true, force: true });
	rmSync(catalogue, { recursive: true, force: true });
});

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node as Element;
	const kids = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
	for (const c of kids) yield* elements(c);
}
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const DATA_BLOCK = /^application\/(?:ld\+)?json$/i;

describe('markup in the data, after a real build', () => {
	it('adds no event handler, no executable script and no script link to any page', () => {
		const found: string[] = [];
		for (const [file, doc] of pages) {
			for (const el of elements(doc)) {
				for (const a of el.attrs) {
					if (/^on/i.test(a.name)) found.push(`${file}: <${el.tagName} ${a.name}>`);
					if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^\s*(?:javascript|data|vbscript):/i.test(a.value)) found.push(`${file}: ${a.name}=${a.value}`);
				}
				if (el.tagName === 'script' && !DATA_BLOCK.test(attr(el, 'type') ?? '') && /alert\(/.test(text(el))) found.push(`${file}: script running data`);
				if (el.tagName === 'img' && ['x', 'y'].includes(attr(el, 'src') ?? '')) found.push(`${file}: <img src=${attr(el, 'src')}>`);
			}
		}

		expect(pages.size).toBeGreaterThan(20);
		expect(found).toEqual([]);
	});

	it('shows the title, alias, author, venue and summary as text on the paper page', () => {
		const doc = pages.get(`papers/${HOSTILE.id}/index.html`)!;
		const h1 = [...elements(doc)].find((el) => el.tagName === 'h1')!;
		const main = text([...elements(doc)].find((el) => el.tagName === 'main')!);

		expect(text(h1)).toBe(HOSTILE.title);
		for (const shown of [HOSTILE.alias, HOSTILE.author, HOSTILE.venue, '<img src=y onerror=alert(5)>']) expect(main).toContain(shown);
		expect(main).not.toContain('javascript:');
	});

	it('lists the title as text in the tables of both its categories', () => {
		const api = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8')) as { taxonomy: Array<{ slug: string; url: string; children: unknown[] }> };
		const urls = new Map<string, string>();
		const walk = (nodes: Array<{ slug: string; url: string; children: unknown[] }>) => nodes.forEach((n) => (urls.set(n.slug, n.url), walk(n.children as typeof nodes)));
		walk(api.taxonomy);

		for (const slug of HOSTILE.categories) {
			const doc = pages.get(`${urls.get(slug)!.replace(/^\//, '')}index.html`)!;
			const cells = [...elements(doc)].filter((el) => el.tagName === 'td' || el.tagName === 'th').map(text);

			expect(cells.some((c) => c.includes(HOSTILE.title))).toBe(true);
		}
	});

	it('keeps the texts verbatim in papers.json', () => {
		const api = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8')) as { papers: Array<Record<string, unknown>> };

		expect(api.papers.find((p) => p.id === HOSTILE.id)).toMatchObject({ title: HOSTILE.title, aliases: [HOSTILE.alias], venue: HOSTILE.venue });
	});

	it('escapes the feed so readers that render descriptions as HTML still show text', () => {
		const rss = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
		const item = rss.split('<item>').find((i) => i.includes(`/papers/${HOSTILE.id}/`))!;
		const field = (name: string) => /<(\w+)>([^<]*)<\/\1>/g.exec(item.slice(item.indexOf(`<${name}>`)))![2]!;
		const xmlDecode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

		expect(rss).not.toMatch(/<(?:img|svg|script)\b/i);
		expect(xmlDecode(field('title'))).toContain(HOSTILE.title);
		expect(xmlDecode(field('description'))).not.toMatch(/<(?:img|b)\b/i);
		expect(xmlDecode(xmlDecode(field('description')))).toContain('<img src=y onerror=alert(5)>');
	});

	it('indexes the title for search as text', () => {
		const fragments = readdirSync(path.join(dist, 'pagefind/fragment')).map((f) => JSON.parse(gunzipSync(readFileSync(path.join(dist, 'pagefind/fragment', f))).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string; content: string });
		const hostile = fragments.find((f) => f.url.endsWith(`/papers/${HOSTILE.id}/`))!;

		expect(hostile.content).toContain(HOSTILE.title);
		expect(hostile.content).toContain(HOSTILE.alias);
	});
});
