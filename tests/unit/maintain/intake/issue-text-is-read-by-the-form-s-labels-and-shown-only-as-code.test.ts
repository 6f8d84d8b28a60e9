/**
 * The two ends of the intake that touch a stranger's text: reading the body GitHub renders from
 * the issue form, and showing text in markdown as code and nothing else, whatever it holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chosenCategories, parseIssueForm, ticked } from '../../../../src/maintain/intake/form.ts';
import { clip, code, fenced, link, mention } from '../../../../src/maintain/intake/markdown.ts';
import { arxivIdOf } from '../../../../src/maintain/intake/draft.ts';
import { gfmTree } from '../../../helpers/markdown-tree.ts';

type Node = { type: string; value?: string; url?: string; children?: Node[] };
const md = (text: string) => gfmTree(text) as Node;

const OPTIONS = new Map([
	['static-selection', 'static-selection — KV Cache Selection › Static KV Cache Selection'],
	['quantization', 'quantization — Token-level Optimization › KV Cache Quantization'],
]);

describe('the issue form\'s body', () => {
	it('gives each field\'s value by its label, empty for "_No response_", whatever the line endings', () => {
		const body = '### Paper link\r\n\r\nhttps://arxiv.org/abs/2404.14469\r\n\r\n### Title\r\n\r\n_No response_\r\n\r\n### Summary\r\n\r\nLine one.\r\n### Not a field\r\nLine two.';

		const answers = parseIssueForm(body)!;

		expect(Object.fromEntries(answers.values)).toEqual({ paper: 'https://arxiv.org/abs/2404.14469', title: '', summary: 'Line one.\n### Not a field\nLine two.' });
	});

	it('is not the form\'s when none of its labels heads a section', () => {
		expect(parseIssueForm('Please add https://arxiv.org/abs/2404.14469\n\n### Why\n\nIt is good.')).toBeNull();
		expect(parseIssueForm('')).toBeNull();
	});

	it('reads the categories GitHub joins with ", ", bare slugs of an edited body, and "Not sure"', () => {
		expect(chosenCategories(`${OPTIONS.get('quantization')}, ${OPTIONS.get('static-selection')}`, OPTIONS)).toEqual({ slugs: ['quantization', 'static-selection'], notSure: false });
		expect(chosenCategories('static-selection, quantisation', OPTIONS)).toEqual({ slugs: ['static-selection', 'quantisation'], notSure: false });
		expect(chosenCategories('Not sure', OPTIONS)).toEqual({ slugs: [], notSure: true });
		expect(chosenCategories('', OPTIONS)).toEqual({ slugs: [], notSure: true });
	});

	it('reads a ticked box in either case and an arXiv id in every form, and nothing else as one', () => {
		expect([ticked('- [X] The code is not by the paper\'s authors'), ticked('- [x] yes'), ticked('- [ ] no'), ticked(undefined)]).toEqual([true, true, false, false]);
		expect(['2404.14469', 'arXiv:2404.14469v2', 'https://arxiv.org/pdf/2404.14469v2', 'http://www.arxiv.org/abs/2404.14469', 'https://arxiv.org/html/2404.14469v1'].map(arxivIdOf)).toEqual(Array(5).fill('2404.14469'));
		expect(['javascript:alert(1)', 'ftp://arxiv.org/abs/2404.14469', 'arxiv.org/abs/2404.14469', 'https://example.org/2404.14469', ''].map(arxivIdOf)).toEqual(Array(5).fill(null));
	});
});

describe('text shown in markdown', () => {
	it('as a code span is one inline code node holding the text exactly, for any text', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^[`$()<>@#[\]!*_\\|~&;:{}\n -]{1,40}$/)), (text) => {
				const shown = clip(text, 300);
				fc.pre(shown.length > 0);

				const paragraph = md(`Title: ${code(text)} end`).children![0]!;

				expect(paragraph.children!.map((n) => n.type)).toEqual(['text', 'inlineCode', 'text']);
				expect(paragraph.children![1]!.value).toBe(shown);
			}),
			{ numRuns: 400 },
		);
	});

	it('as a fenced block is one code node holding the text exactly, backtick fences inside it included', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('```', '````', '~~~', '</details>', '  ```yaml', '<script>')), { maxLength: 8 }), (lines) => {
				const text = lines.join('\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\n+$/, '');

				const tree = md(`Before\n\n${fenced(text)}\n\nAfter`);

				expect(tree.children!.map((n) => n.type)).toEqual(['paragraph', 'code', 'paragraph']);
				expect(tree.children![1]!.value).toBe(text);
			}),
			{ numRuns: 300 },
		);
	});

	it('cuts long text with the length it had, and links only http(s) URLs', () => {
		expect(clip('A'.repeat(5000), 20)).toBe(`${'A'.repeat(19)}… (5,000 characters in all)`);
		expect(link('page', 'https://example.org/a_(b)')).toBe('[page](<https://example.org/a_(b)>)');
		expect(link('x', 'javascript:alert(1)')).toBe('`javascript:alert(1)`');
		expect(link('x', 'https://example.org/<script>')).toBe('`https://example.org/<script>`');
	});

	it('mentions a login only when it has a login\'s shape', () => {
		expect(mention('kv-fan')).toBe('@kv-fan');
		expect(mention('dependabot[bot]')).toBe('@dependabot[bot]');
		expect(mention('evil`@everyone')).toBe('``evil`@everyone``');
	});
});
