/**
 * BibTeX highlighted by Shiki at build time. Shiki tokenizes with one theme (github-light); each
 * token colour becomes one of a handful of classes (styled in src/styles/code.css from the site's
 * tokens, light and dark), plain tokens become plain text. So pages stay small, contrast is ours in
 * both themes, no inline style needs a Content-Security-Policy exception, and one theme instead of
 * two halves the tokenizing time (it is paid once per paper page). Token text is escaped here.
 */
import { createHighlighter, type ThemedToken } from 'shiki';

/** github-light's colour of a BibTeX token → our class. */
export const TOKEN_CLASSES: Readonly<Record<string, string>> = {
	'#d73a49': 'tk-type',
	'#6f42c1': 'tk-key',
	'#005cc5': 'tk-field',
	'#032f62': 'tk-str',
	'#6a737d': 'tk-comment',
};
/** github-light's colour of plain text: no class. */
export const PLAIN_COLOR = '#24292e';

let highlighter: ReturnType<typeof createHighlighter> | undefined;

/** Shiki's tokens of `code`, line by line. */
export async function bibtexTokens(code: string): Promise<ThemedToken[][]> {
	highlighter ??= createHighlighter({ themes: ['github-light'], langs: ['bibtex'] });
	// No wall-clock limit per line (Shiki's default is 500 ms): on a busy machine a line would be
	// cut short and coloured differently, and two builds of one commit would differ.
	return (await highlighter).codeToTokensBase(code, { lang: 'bibtex', theme: 'github-light', tokenizeTimeLimit: 0 });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `code` as highlighted BibTeX: a focusable `<pre class="bibtex">` whose tokens carry `tk-*` classes. */
export async function highlightBibtex(code: string): Promise<string> {
	const lines = (await bibtexTokens(code)).map((line) => {
		let html = '';
		let open = '';
		for (const token of line) {
			const cls = TOKEN_CLASSES[token.color?.toLowerCase() ?? ''] ?? '';
			if (cls !== open) {
				if (open) html += '</span>';
				if (cls) html += `<span class="${cls}">`;
				open = cls;
			}
			html += escapeHtml(token.content);
		}
		return open ? `${html}</span>` : html;
	});
	return `<pre class="bibtex" tabindex="0"><code>${lines.join('\n')}</code></pre>`;
}
