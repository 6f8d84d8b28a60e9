import { describe, expect, it } from 'vitest';
import { parseSafeMarkdown, safeMarkdownText } from '../../../src/site/safe-markdown.ts';

describe('safe markdown', () => {
	it('keeps emphasis, strong, code and http(s) links', () => {
		const [p] = parseSafeMarkdown('Choose **tokens**, *merge* `k` with [SnapKV](https://arxiv.org/abs/2404.14469).');

		expect(p).toEqual([
			{ type: 'text', value: 'Choose ' },
			{ type: 'strong', children: [{ type: 'text', value: 'tokens' }] },
			{ type: 'text', value: ', ' },
			{ type: 'em', children: [{ type: 'text', value: 'merge' }] },
			{ type: 'text', value: ' ' },
			{ type: 'code', value: 'k' },
			{ type: 'text', value: ' with ' },
			{ type: 'link', href: 'https://arxiv.org/abs/2404.14469', children: [{ type: 'text', value: 'SnapKV' }] },
			{ type: 'text', value: '.' },
		]);
	});

	it('turns HTML into text and drops links that are not http(s)', () => {
		const md = parseSafeMarkdown('A <script>alert(1)</script> [x](javascript:alert(1)) [y](//evil.example) ![i](https://e.org/i.png) <b>b</b>');
		const nodes = md.flat();

		expect(nodes.some((n) => n.type === 'link')).toBe(false);
		expect(safeMarkdownText(md)).toBe('A <script>alert(1)</script> x y i <b>b</b>');
	});

	it('keeps a raw HTML block as one paragraph of text, and paragraphs apart', () => {
		const md = parseSafeMarkdown('<div onclick="x()">hi</div>\n\nSecond *one*');

		expect(md).toHaveLength(2);
		expect(md[0]).toEqual([{ type: 'text', value: '<div onclick="x()">hi</div>' }]);
		expect(safeMarkdownText(md)).toBe('<div onclick="x()">hi</div> Second one');
	});
});
