/**
 * The BibTeX tokenizer gives, byte for byte, the HTML that Shiki (its BibTeX grammar, github-light,
 * colours mapped to our tk-* classes) gave before it replaced Shiki on paper pages. The reference
 * is computed here with Shiki itself. Must match exactly:
 * - the entry of every paper of the real catalogue (data/), built as the paper page builds it;
 * - the entry of every paper of a 300-paper synthetic catalogue (the benchmark's generator);
 * - the survey's entry (home page);
 * - hand-written entries a contributor could put in a paper's `bibtex` field, odd ones included;
 * - random text made of BibTeX's own pieces (@, keywords, braces, quotes, #, =, commas, digits,
 *   Unicode spaces and digits, markup, CRLF…), fast-check.
 * Arbitrary text (any code point, lone surrogates) need only be safe:
 * hardening-bibtex-highlighting-keeps-any-text-escaped-and-whole.test.ts.
 * Upgrading Shiki can change its grammar: a failure here then shows what moved.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createHighlighter } from 'shiki';
import { beforeAll, describe, expect, it } from 'vitest';
import { bibtexEntry, citationKeys } from '../../../src/site/bibtex.ts';
import { loadCatalogue, type Catalogue } from '../../../src/catalogue/load.ts';
import { SURVEY_BIBTEX } from '../../../src/site/survey.ts';
import { highlightBibtex } from '../../../src/site/bibtex-highlight.ts';
import { realCatalogueSource, writeSyntheticCatalogue } from '../../../scripts/lib/synthetic.ts';
import { ROOT } from '../../helpers/catalogue.ts';

/** github-light's colour of a BibTeX token → our class; PLAIN gets none. */
const TOKEN_CLASSES: Readonly<Record<string, string>> = {
	'#d73a49': 'tk-type',
	'#6f42c1': 'tk-key',
	'#005cc5': 'tk-field',
	'#032f62': 'tk-str',
	'#6a737d': 'tk-comment',
};
const PLAIN = '#24292e';

let shiki: Awaited<ReturnType<typeof createHighlighter>>;
beforeAll(async () => {
	shiki = await createHighlighter({ themes: ['github-light'], langs: ['bibtex'] });
});

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The former highlightBibtex, on Shiki; a colour without a class is an error, not plain text. */
function shikiHtml(code: string): string {
	const tokens = shiki.codeToTokensBase(code, { lang: 'bibtex', theme: 'github-light', tokenizeTimeLimit: 0 });
	const lines = tokens.map((line) => {
		let html = '';
		let open = '';
		for (const token of line) {
			const colour = token.color?.toLowerCase() ?? '';
			if (colour !== PLAIN && !TOKEN_CLASSES[colour]) throw new Error(`Shiki gave ${JSON.stringify(token.content)} the colour ${colour}, which has no class`);
			const cls = TOKEN_CLASSES[colour] ?? '';
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

/** Each paper's entry as src/pages/papers/[id].astro builds it (venue record as queries.ts finds it). */
function catalogueEntries(catalogue: Catalogue): Array<{ id: string; code: string }> {
	const venues = new Map(catalogue.venues.map((v) => [v.name, v]));
	const keys = citationKeys(catalogue.papers);
	return catalogue.papers.map((p) => ({
		id: p.id,
		code: bibtexEntry({ ...p, venueInfo: venues.get(p.venue) ?? { name: p.venue, kind: 'other' } }, keys.get(p.id)),
	}));
}

/** The entries whose HTML differs from Shiki's, with both versions (empty when all agree). */
function differences(entries: ReadonlyArray<{ id: string; code: string }>) {
	return entries.flatMap(({ id, code }) => {
		const expected = shikiHtml(code);
		const actual = highlightBibtex(code);
		return actual === expected ? [] : [{ id, code, expected, actual }];
	});
}

function load(dir: string): Catalogue {
	const { catalogue, diagnostics } = loadCatalogue(dir);
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return catalogue!;
}

describe('BibTeX highlighting matches Shiki exactly', () => {
	it('for every paper of the real catalogue', () => {
		const entries = catalogueEntries(load(path.join(ROOT, 'data')));

		expect(entries.length).toBeGreaterThan(100);
		expect(differences(entries)).toEqual([]);
	});

	it('for every paper of a 300-paper synthetic catalogue', () => {
		const out = mkdtempSync(path.join(tmpdir(), 'atlas-bibtex-'));
		writeSyntheticCatalogue({ papers: 300, source: realCatalogueSource(ROOT), out, seed: 1 });
		const entries = catalogueEntries(load(out));

		expect(entries).toHaveLength(300);
		// The real venues include journals (TACL, ACM TIST) since the gathered facts: every entry type is compared.
		expect(new Set(entries.map((e) => e.code.slice(0, e.code.indexOf('{'))))).toEqual(new Set(['@article', '@inproceedings', '@misc']));
		expect(differences(entries)).toEqual([]);
	});

	it('for the survey, whose classes read as BibTeX', () => {
		const html = highlightBibtex(SURVEY_BIBTEX);

		expect(html).toBe(shikiHtml(SURVEY_BIBTEX));
		expect(html).toContain('<code><span class="tk-type">@article</span>{<span class="tk-key">li2025survey</span>,\n');
		expect(html).toContain('  <span class="tk-field">journal</span>       = <span class="tk-str">{</span>Transactions on Machine Learning Research<span class="tk-str">}</span>,\n');
	});

	it.each([
		['empty', ''],
		['blank lines and spaces', '\n\n  \n\t'],
		['a minimal entry', '@misc{k}'],
		['parentheses', '@misc(key, title = "T", year = 2024)'],
		['@comment, % comments and text between entries', '% made by hand\n@comment{ see below }\nSome words @misc{k, a = 1}\n  trailing'],
		['@string and # concatenation', '@string{acl = "Assoc. for " # {Comp.} # " Ling."}\n@STRING(x = acl)\n@misc{k, note = acl # " and " # x # 12}'],
		['@preamble', '@preamble{ "\\newcommand{\\noop}[1]{}" # 42 }\n@Preamble( "x" )'],
		['nested braces and escapes', '@misc{k, title = {{SnapKV}: {LLM} {\\"o} \\{ \\& 100\\% {a {b {c}}}}}'],
		['quoted values with braces and quotes inside', '@misc{k, title = "a {"b"} c", author = "{A}nd {B}"}'],
		['numbers, bare words and odd field names', '@misc{k, year = 2024 , month = jan, pages = 1--10, x-y.z:w = 0x1F, 12 = a}'],
		['a value spread over lines', '@article{k,\n  title = {A\n    Long {Title\n} Here},\n  note = "x\n y"\n}'],
		['unbalanced: a brace never closed', '@misc{k, title = {open {\n@misc{next, a = b}'],
		['unbalanced: extra closing braces', '@misc{k, a = {x}}}} }\n}'],
		['unbalanced: a quote never closed', '@misc{k, a = "never\n}\n@misc{j}'],
		['markup that must stay text', '@misc{</code><script>alert(1)</script>, title = {<b>&amp; & <i>}, note = "</pre>"}'],
		['CRLF and a lone CR', '@misc{k,\r\n  title = {A\rB},\r\n  year = 2024\r\n}\r\n'],
		['Unicode spaces, digits and case', '@misc\u00a0{k,\u2003a\u0085=\u3000٣٤ , b = １２, c = 𝟏}\n@ſtring{x = 1}\n@ﬆring(y = 2)\n@COMMENT\u2028x\ufeff@misc{\ufeffk}'],
		['keys and types made of punctuation', '@!$&*+{a/b;c<d>e?f[g]h^i_j`k|l~m,}\n@@x{,}\n@ 9 @{k}\n@misc{ , }'],
		['emoji and astral text', '@misc{😀k, title = {😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢}, 😀 = 😀}'],
	])('for %s', (_name, code) => {
		expect(highlightBibtex(code)).toBe(shikiHtml(code));
	});

	it('for random text made of BibTeX pieces', () => {
		const piece = fc.constantFrom(
			'@', 'misc', 'inproceedings', 'comment', 'Comment', 'preamble', 'string', 'STRING', 'ſtring',
			'{', '}', '(', ')', '"', '#', ',', '=', '%', '\\', ' ', '\t', '\n', '\r\n', '\r',
			'\u00a0', '\u0085', '\u2003', '\ufeff', '2024', '٣', 'key', 'title', 'x-y', '.', ':', '<', '>', '&', '😀',
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
				const code = pieces.join('');
				expect(highlightBibtex(code)).toBe(shikiHtml(code));
			}),
			{ numRuns: 500 },
		);
	});
});
