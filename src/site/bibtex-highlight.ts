/**
 * BibTeX highlighted at build time by a small synchronous tokenizer (./bibtex-tokens.ts) that
 * gives the classes Shiki's BibTeX grammar and github-light used to give, at a fraction of the
 * cost (it runs once per paper page). Each class (tk-type, tk-key, tk-field, tk-str, tk-comment)
 * is styled in src/styles/code.css from the site's tokens, light and dark; plain text has none.
 * So pages stay small, contrast is ours in both themes and no inline style needs a
 * Content-Security-Policy exception. Token text is escaped here.
 */
import { bibtexTokens } from './bibtex-tokens.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeHtml = (text: string) => (/[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => ESCAPES[c]!) : text);

/** `code` as highlighted BibTeX: a focusable `<pre class="bibtex">` whose tokens carry `tk-*` classes. */
export function highlightBibtex(code: string): string {
	const lines = bibtexTokens(code).map((line) =>
		line.map(({ text, cls }) => (cls ? `<span class="${cls}">${escapeHtml(text)}</span>` : escapeHtml(text))).join(''),
	);
	return `<pre class="bibtex" tabindex="0"><code>${lines.join('\n')}</code></pre>`;
}
