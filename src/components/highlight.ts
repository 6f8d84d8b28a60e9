/**
 * BibTeX highlighted by Shiki at build time. Shiki's colours become a handful of classes
 * (styled in src/styles/code.css from the site's tokens) instead of inline styles: smaller pages,
 * contrast we control in both themes, and nothing a strict Content-Security-Policy would block.
 * Shiki escapes the code, so entries generated from data are safe to insert as HTML.
 */
import { createHighlighter, type ShikiTransformer } from 'shiki';
import { deterministicTokens } from '../lib/shiki-deterministic.ts';

/** Shiki's github-light colour of a token → our class. Plain text gets no class. */
const TOKEN_CLASSES: Record<string, string> = {
	'#d73a49': 'tk-type',
	'#6f42c1': 'tk-key',
	'#005cc5': 'tk-field',
	'#032f62': 'tk-str',
	'#6a737d': 'tk-comment',
};
const PLAIN = '#24292e';

let highlighter: ReturnType<typeof createHighlighter> | undefined;

const toClasses: ShikiTransformer = {
	name: 'atlas:token-classes',
	pre(node) {
		delete node.properties.style;
		node.properties.class = 'bibtex';
	},
	// Lines and uncoloured tokens become plain text: the same rendering in about half the bytes.
	code(node) {
		const out: typeof node.children = [];
		node.children.forEach((line) => {
			if (line.type === 'element' && line.properties.class === 'line') {
				for (const token of line.children) {
					if (token.type === 'element' && !token.properties.class) out.push(...token.children);
					else out.push(token);
				}
			} else out.push(line);
		});
		node.children = out;
	},
	span(node) {
		const style = String(node.properties.style ?? '');
		const light = /--shiki-light:(#[0-9a-f]{6})/i.exec(style)?.[1]?.toLowerCase();
		if (!light) return;
		const cls = TOKEN_CLASSES[light];
		if (cls || light === PLAIN) {
			delete node.properties.style;
			if (cls) node.properties.class = cls;
		}
	},
};

/** `code` as highlighted BibTeX: a `<pre class="bibtex">` whose tokens carry `tk-*` classes. */
export async function highlightBibtex(code: string): Promise<string> {
	highlighter ??= createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['bibtex'] });
	const h = await highlighter;
	return h.codeToHtml(code, {
		lang: 'bibtex',
		themes: { light: 'github-light', dark: 'github-dark' },
		defaultColor: false,
		transformers: [deterministicTokens, toClasses],
	});
}
