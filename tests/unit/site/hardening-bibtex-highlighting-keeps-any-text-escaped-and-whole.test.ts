/**
 * A paper's own `bibtex` is whatever its contributor wrote, and its highlighted HTML goes into the
 * page with set:html. For any text at all (any code point, lone surrogates, markup, CRLF) the HTML
 * is: our <pre><code> wrapper; only `<span class="tk-…">` tags, never nested, never across a line,
 * all closed; every &, < and > of the text escaped; and the text itself, whole (CRLF read as a
 * line break). Whether the classes are right is the equivalence test's business
 * (bibtex-highlighting-gives-shikis-html-without-shiki.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexTokens } from '../../../src/site/bibtex-tokens.ts';
import { highlightBibtex } from '../../../src/site/bibtex-highlight.ts';

const WRAPPER = /^<pre class="bibtex" tabindex="0"><code>([^]*)<\/code><\/pre>$/;
const OPEN = /^<span class="tk-(?:type|key|field|str|comment)">$/;

/** Check `html` is safe and says `code`; returns the classes it uses. */
function expectSafe(code: string, html: string): Set<string> {
	const inner = WRAPPER.exec(html)?.[1];
	expect(inner, html).toBeDefined();
	const classes = new Set<string>();
	let open = false;
	let text = '';
	for (const part of inner!.split(/(<[^>]*>)/)) {
		if (part === '</span>') {
			expect(open, html).toBe(true);
			open = false;
		} else if (part.startsWith('<')) {
			expect(part).toMatch(OPEN);
			expect(open, html).toBe(false);
			open = true;
			classes.add(part);
		} else {
			expect(part).not.toMatch(/[<>]|&(?!(?:amp|lt|gt);)/);
			if (open) expect(part).not.toContain('\n');
			text += part;
		}
	}
	expect(open, html).toBe(false);
	expect(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(code.replace(/\r\n/g, '\n'));
	return classes;
}

/** Text of any kind: BibTeX's own pieces, markup, any code point, lone UTF-16 halves. */
const anyText = fc
	.array(
		fc.oneof(
			fc.constantFrom('@misc{', '@string(', '@comment', '@preamble{', '}', ')', '{', '"', '#', ',', ' = ', '\r\n', '\n', '\r', '%', '</code>', '<script>', '&amp;', '&', '<', '>', '2024'),
			fc.string({ unit: 'binary', maxLength: 8 }),
			fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
		),
		{ maxLength: 60 },
	)
	.map((pieces) => pieces.join(''));

describe('BibTeX highlighting of any text', () => {
	it('keeps markup in a contributor’s entry as text, wherever it stands', () => {
		const code = '@misc{</code><script>alert(1)</script>,\n  title = {<b>x</b> &amp; &},\n  note = "</pre><img src=x onerror=alert(1)>" # <i>\n}\n% <!-- -->';
		const html = highlightBibtex(code);

		expect(expectSafe(code, html).size).toBeGreaterThan(3);
		expect(html).not.toMatch(/<(?!\/?span|\/?code|\/?pre)/);
		expect(html).toContain('<span class="tk-key">&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>');
		expect(html).toContain('&lt;b&gt;x&lt;/b&gt; &amp;amp; &amp;');
	});

	it('gives an empty block for empty text and reads CRLF as a line break', () => {
		expect(highlightBibtex('')).toBe('<pre class="bibtex" tabindex="0"><code></code></pre>');
		expect(highlightBibtex('@misc{k,\r\n}\r\n')).toBe('<pre class="bibtex" tabindex="0"><code><span class="tk-type">@misc</span>{<span class="tk-key">k</span>,\n}\n</code></pre>');
	});

	it('is safe HTML that says the text whole, for any text', () => {
		fc.assert(
			fc.property(anyText, (code) => {
				expectSafe(code, highlightBibtex(code));
			}),
			{ numRuns: 2000 },
		);
	});

	it('splits any text into lines of runs that give the lines back, each run classed apart from the last', () => {
		fc.assert(
			fc.property(anyText, (code) => {
				const lines = bibtexTokens(code);

				expect(lines.map((runs) => runs.map((r) => r.text).join('')).join('\n')).toBe(code.replace(/\r\n/g, '\n'));
				for (const runs of lines) {
					for (const [i, run] of runs.entries()) {
						expect(run.text).not.toBe('');
						if (i > 0) expect(run.cls).not.toBe(runs[i - 1]!.cls);
					}
				}
			}),
			{ numRuns: 1000 },
		);
	});
});
