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

// Attributes of a tag: quoted values may hold ">", so a tag ends at the first ">" outside quotes.
const ATTRS = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*`;
const TOKEN = new RegExp(String.raw`<!--[\s\S]*?-->|<(script|style)\b(${ATTRS})>([\s\S]*?)</\1\s*>|<[a-zA-Z][^\s/>]*(${ATTRS})>`, 'gi');
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'importmap', 'speculationrules']);

/** `'sha256-…'` of a source text, after the newline normalisation every HTML parser applies. */
export function sha256Source(text: string): string {
	return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
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
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const styleAttributes = new Set<string>();
	const body = html.replace(CSP_META, '');
	for (const m of body.matchAll(TOKEN)) {
		const [, element, elementAttrs, content, tagAttrs] = m;
		const attrs = attributes(elementAttrs ?? tagAttrs ?? '');
		const style = attrs.get('style');
		if (style !== undefined) styleAttributes.add(sha256Source(style));
		if (element?.toLowerCase() === 'script') {
			if (!attrs.has('src') && SCRIPT_TYPES.has((attrs.get('type') ?? '').trim().toLowerCase())) scripts.add(sha256Source(content ?? ''));
		} else if (element?.toLowerCase() === 'style') styles.add(sha256Source(content ?? ''));
	}
	return { scripts: [...scripts].sort(), styles: [...styles].sort(), styleAttributes: [...styleAttributes].sort() };
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
	const meta = `<meta http-equiv="content-security-policy" content="${cspPolicy(inlineHashes(html))}">`;
	const clean = html.replace(CSP_META, '');
	const anchor = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(clean) ?? /<head\b[^>]*>/i.exec(clean);
	if (!anchor) return null;
	const at = anchor.index + anchor[0].length;
	return clean.slice(0, at) + meta + clean.slice(at);
}
