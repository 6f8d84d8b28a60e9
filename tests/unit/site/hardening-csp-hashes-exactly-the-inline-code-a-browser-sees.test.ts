/**
 * The Content-Security-Policy of a page lists the hash of every inline script, `<style>` and
 * `style` attribute as a real HTML parser (parse5) reads them, and nothing that lets other code
 * run. Random pages (fast-check) compare our fast scanner with parse5.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { cspPolicy, inlineHashes, withCsp, type InlineHashes } from '../../../src/site/csp.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'importmap', 'speculationrules']);

/** What the browser hashes, read with parse5. */
function reference(html: string): InlineHashes {
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const styleAttributes = new Set<string>();
	const text = (el: Element) => el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
	const walk = (node: Node) => {
		if ('attrs' in node) {
			const el = node as Element;
			const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
			const style = attr('style');
			if (style !== undefined) styleAttributes.add(hash(style));
			if (el.tagName === 'script' && attr('src') === undefined && SCRIPT_TYPES.has((attr('type') ?? '').trim().toLowerCase())) scripts.add(hash(text(el)));
			if (el.tagName === 'style') styles.add(hash(text(el)));
		}
		const kids = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
		for (const c of kids) walk(c);
	};
	walk(parse(html));
	return { scripts: [...scripts].sort(), styles: [...styles].sort(), styleAttributes: [...styleAttributes].sort() };
}

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('the Content-Security-Policy of a page', () => {
	it('allows only the site, Pagefind wasm and hashes: no unsafe-inline, no unsafe-eval, no other host', () => {
		const policy = cspPolicy({ scripts: [hash('a()')], styles: [], styleAttributes: [hash('color:red')] });

		expect(policy).toContain("default-src 'self'");
		expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash('a()')}`);
		expect(policy).toContain(`style-src 'self' 'unsafe-hashes' ${hash('color:red')}`);
		expect(policy).toContain("object-src 'none'");
		expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*|data:/);
	});

	it('hashes inline scripts and styles but not external scripts or data blocks', () => {
		const html = page('<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/ld+json">{"a":"</p>"}</script><style>p{color:red}</style>', '<p style="color:&quot;x&quot;">x</p>');

		expect(inlineHashes(html)).toEqual({ scripts: [hash('a()'), hash('b()')].sort(), styles: [hash('p{color:red}')], styleAttributes: [hash('color:"x"')] });
	});

	it('ignores lookalikes: commented-out scripts, attributes named like style, ">" inside quoted values', () => {
		const html = page('<!-- <script>evil()</script> -->', '<img alt="style=x" data-style="y"><div title="a>b" style=\'--w:1\'>t</div>');

		expect(inlineHashes(html)).toEqual({ scripts: [], styles: [], styleAttributes: [hash('--w:1')] });
	});

	it('goes right after <meta charset>, before every script and style, and is replaced, not doubled, on a second run', () => {
		const html = page('<script>a()</script>', '');

		const once = withCsp(html)!;
		const twice = withCsp(once)!;

		expect(once.indexOf('http-equiv="content-security-policy"')).toBeLessThan(once.indexOf('<script>'));
		expect(once).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" /);
		expect(twice).toBe(once);
	});

	it('is not written into a document without a head', () => {
		expect(withCsp('just text')).toBeNull();
	});

	it('matches what parse5 reads on random pages', () => {
		const code = fc.string({ unit: fc.constantFrom('a', '(', ')', ';', ' ', '"', "'", '>', '&', '\n', '\r\n', 'é', '💥', '\\'), maxLength: 20 });
		const piece = fc.oneof(
			code.map((c) => `<script>${c}</script>`),
			code.map((c) => `<script type="module">${c}</script>`),
			code.map((c) => `<script type="application/ld+json">${c}</script>`),
			code.map((c) => `<script src="/a.js">${c}</script>`),
			code.map((c) => `<style>${c}</style>`),
			code.map((c) => `<p style="${escapeAttr(c)}">x</p>`),
			code.map((c) => `<span title="${escapeAttr(c)}>" style='${c.replace(/'/g, '&#39;').replace(/&(?!#39;)/g, '&amp;')}'>y</span>`),
			code.map((c) => `<!-- ${c.replace(/-/g, '')} <script>z()</script> -->`),
			fc.constantFrom('<br>', '<img alt="style=a">', 'text &lt;script&gt;', '<svg><path style="fill:red" d="M0 0"/></svg>'),
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 8 }), (head, body) => {
				const html = page(head.join(''), body.join(''));

				const out = withCsp(html)!;

				expect(inlineHashes(html)).toEqual(reference(html));
				const policy = policyOf(out);
				for (const h of Object.values(reference(out)).flat()) expect(policy).toContain(h);
			}),
			{ numRuns: 200 },
		);
	});
});
