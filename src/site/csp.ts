/**
 * A strict Content-Security-Policy for each built page, as a `<meta http-equiv>` tag: only the
 * site itself, Pagefind's WebAssembly (`'wasm-unsafe-eval'`) and the SHA-256 hashes of exactly the
 * inline scripts, `<style>` elements and `style` attributes that page carries. Hashes are computed
 * from the built HTML (so they match what the browser hashes) and sorted (so builds stay
 * byte-identical). No Astro imports: the build integration and the tests share this module.
 */
import { createHash } from 'node:crypto';

/** The hashes one page needs, each written `'sha256-…'`, sorted and without repeats. */
export interface InlineHashes {
	/** Inline classic and module scripts (data blocks such as JSON-LD are not scripts and are left out). */
	scripts: string[];
	/** `<style>` elements. */
	styles: string[];
	/** `style="…"` attribute values, as the browser reads them (entities decoded). */
	styleAttributes: string[];
}

/** The `<meta http-equiv="content-security-policy">` tag, whatever its attribute order or quoting. */
export const CSP_META = /<meta\b(?=[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy\b)[^>]*>/gi;

const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'importmap', 'speculationrules']);

/** Hashes of texts already seen: every page repeats the same scripts and styles. Bounded, so odd pages cannot grow it without end. */
const seen = new Map<string, string>();
const SEEN_LIMIT = 1000;

/** `'sha256-…'` of a source text, after the newline normalisation every HTML parser applies. */
export function sha256Source(text: string): string {
	const known = seen.get(text);
	if (known) return known;
	const hash = `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
	if (seen.size >= SEEN_LIMIT) seen.clear();
	seen.set(text, hash);
	return hash;
}

/** A tag's attributes, names lower-cased and values decoded; the first of a repeated name wins, as in HTML. */
function attributes(attrs: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of attrs.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
		const name = m[1]!.toLowerCase();
		if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
	}
	return out;
}

/** Decode the character references Astro and Shiki write in attribute values. */
export function decodeEntities(value: string): string {
	const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };
	return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
		if (hex || dec) {
			const code = hex ? Number.parseInt(hex, 16) : Number(dec);
			// As the HTML parser does: NUL, surrogates and values past Unicode become U+FFFD.
			return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
		}
		return named[name!.toLowerCase()] ?? whole;
	});
}

/** Every inline script, style element and style attribute of a page, hashed. */
export function inlineHashes(html: string): InlineHashes {
	return hashesOf(html.replace(CSP_META, ''));
}

function hashesOf(html: string): InlineHashes {
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const styleAttributes = new Set<string>();
	for (const t of tags(html)) {
		// Parsing the attributes of every tag is the costly part; only those that can matter are parsed.
		const element = t.name === 'script' || t.name === 'style' ? t.name : undefined;
		if (!element && !/style/i.test(t.attrs)) continue;
		const attrs = attributes(t.attrs);
		const style = attrs.get('style');
		if (style !== undefined) styleAttributes.add(sha256Source(style));
		if (element === 'script' && t.content !== undefined) {
			if (!attrs.has('src') && SCRIPT_TYPES.has((attrs.get('type') ?? '').trim().toLowerCase())) scripts.add(sha256Source(t.content));
		} else if (element === 'style' && t.content !== undefined) styles.add(sha256Source(t.content));
	}
	return { scripts: [...scripts].sort(), styles: [...styles].sort(), styleAttributes: [...styleAttributes].sort() };
}

/** A start tag: its lower-cased name, its attribute text, and the raw text up to its end tag for script and style. */
interface Tag {
	name: string;
	attrs: string;
	content: string | undefined;
}

/**
 * The start tags of a page in order, skipping comments and the raw text of script and style
 * elements. A linear scan with indexOf (a regex over every tag took seconds on 10,000 pages);
 * a quote inside a tag runs to the next quote of its kind, so a quoted ">" does not end the tag.
 */
function* tags(html: string): Generator<Tag> {
	const n = html.length;
	let i = html.indexOf('<');
	while (i !== -1 && i < n) {
		if (html.startsWith('<!--', i)) {
			const close = html.indexOf('-->', i + 4);
			if (close === -1) return;
			i = html.indexOf('<', close + 3);
			continue;
		}
		const first = html.charCodeAt(i + 1) | 0x20;
		if (first < 0x61 || first > 0x7a) {
			i = html.indexOf('<', i + 1);
			continue;
		}
		let k = i + 1;
		// The tag name runs to whitespace (HTML's: tab, LF, FF, CR, space), "/" or ">".
		for (let c = html.charCodeAt(k); k < n && c !== 0x20 && c !== 0x2f && c !== 0x3e && (c < 0x09 || c > 0x0d); c = html.charCodeAt(++k));
		const name = html.slice(i + 1, k).toLowerCase();
		const attrStart = k;
		let quote = 0;
		for (; k < n; k++) {
			const c = html.charCodeAt(k);
			if (quote) {
				if (c === quote) quote = 0;
			} else if (c === 34 || c === 39) quote = c;
			else if (c === 62) break;
		}
		if (k >= n) return;
		const attrs = html.slice(attrStart, k);
		let content: string | undefined;
		let next = k + 1;
		if (name === 'script' || name === 'style') {
			const end = new RegExp(`</${name}\\s*>`, 'gi');
			end.lastIndex = k + 1;
			const m = end.exec(html);
			if (m) {
				content = html.slice(k + 1, m.index);
				next = m.index + m[0].length;
			}
		}
		yield { name, attrs, content };
		i = html.indexOf('<', next);
	}
}

/**
 * The policy for a page with these inline hashes. Everything comes from the site itself; the
 * search worker loads Pagefind's wasm, hence `'wasm-unsafe-eval'` (never `'unsafe-eval'`).
 * Style attributes are allowed by hash through `'unsafe-hashes'`, which matches attribute values
 * only against the listed hashes; `frame-ancestors` and reporting are not honoured in a meta tag.
 */
export function cspPolicy(h: InlineHashes): string {
	const styleSources = [...h.styles, ...(h.styleAttributes.length ? ["'unsafe-hashes'", ...h.styleAttributes] : [])];
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval'${h.scripts.map((s) => ` ${s}`).join('')}`,
		`style-src 'self'${styleSources.map((s) => ` ${s}`).join('')}`,
		"img-src 'self'",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ');
}

/**
 * The page with its policy: an existing CSP meta tag is replaced, otherwise the tag goes right
 * after `<meta charset>` (or `<head>`), before any script or style it governs. Idempotent.
 * Returns null for a document without a head (nothing to protect there).
 */
export function withCsp(html: string): string | null {
	const clean = html.replace(CSP_META, '');
	const meta = `<meta http-equiv="content-security-policy" content="${cspPolicy(hashesOf(clean))}">`;
	const anchor = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(clean) ?? /<head\b[^>]*>/i.exec(clean);
	if (!anchor) return null;
	const at = anchor.index + anchor[0].length;
	return clean.slice(0, at) + meta + clean.slice(at);
}
