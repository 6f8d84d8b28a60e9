import { describe, expect, it } from 'vitest';
import { bibtexTokens, highlightBibtex, PLAIN_COLOR, TOKEN_CLASSES } from '../../src/components/highlight.ts';

const SAMPLE = `% a comment
@string{acl = "ACL"}
@inproceedings{li2024snapkv,
  title = {Snap{KV}: \\& 100\\% "q" <b>x</b>},
  author = "A and B",
  year = 2024, month = jan, note = acl # " x",
  url = {https://x.org/a_b?c=1#d}
}
@misc{x, eprint = {2404.14469}, archivePrefix = {arXiv}}`;

describe('BibTeX highlighting', () => {
	it('knows a class for every colour Shiki gives a BibTeX token', async () => {
		const colours = new Set((await bibtexTokens(SAMPLE)).flat().map((t) => t.color?.toLowerCase()));

		for (const colour of colours) expect([PLAIN_COLOR, ...Object.keys(TOKEN_CLASSES)]).toContain(colour);
	});

	it('escapes the text, keeps it whole, and writes no inline style', async () => {
		const html = await highlightBibtex(SAMPLE);
		const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

		expect(text).toBe(SAMPLE);
		expect(html).not.toContain('<b>');
		expect(html).not.toContain('style=');
		expect(html).toMatch(/^<pre class="bibtex" tabindex="0"><code><span class="tk-comment">/);
	});
});
