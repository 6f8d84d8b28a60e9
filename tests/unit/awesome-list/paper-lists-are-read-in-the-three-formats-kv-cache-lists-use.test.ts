/**
 * The reader of other paper lists (src/awesome-list/paper-lists.ts) on fixtures of each format:
 * an excerpt of an MIT-licensed numbered list, a synthetic dated table, a synthetic survey table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPaperList, splitCells } from '../../../src/awesome-list/paper-lists.ts';
import { ROOT } from '../../helpers/catalogue.ts';

const DIR = path.join(ROOT, 'tests/fixtures/paper-lists');
const read = (name: string) => {
	const text = readFileSync(path.join(DIR, name), 'utf8');
	const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
	return { list: readPaperList(text), lineOf };
};

describe('numbered entries: 1. [**Title.**](url) *Authors.* Venue Year. [badge](code)', () => {
	const { list, lineOf } = read('numbered-2025-07-31.md');

	it('give the title without its full stop, the link, the authors, venue, year, code and section', () => {
		const magicpig = list.entries.find((e) => e.title.startsWith('MagicPIG'));

		expect(list.formats).toEqual(['numbered']);
		expect(magicpig).toEqual({
			line: lineOf('[**MagicPIG'),
			title: 'MagicPIG: LSH Sampling for Efficient LLM Generation',
			aliases: [],
			paper: 'https://arxiv.org/abs/2410.16179',
			code: 'https://github.com/Infini-AI-Lab/MagicPIG',
			authors: ['Zhuoming Chen', 'Ranajoy Sadhukhan', 'Zihao Ye', 'Yang Zhou', 'Jianyu Zhang', 'Niklas Nolte', 'Yuandong Tian', 'Matthijs Douze', 'Leon Bottou', 'Zhihao Jia', 'Beidi Chen'],
			venue: 'Arxiv',
			year: 2024,
			section: 'Pruning / Evicting / Sparse',
		});
	});

	it('name the list by the repository its badges count', () => {
		expect(list.repository).toBe('October2001/Awesome-KV-Cache-Compression');
	});

	it('report a numbered line with a link they cannot read, and a link that is not http(s), at its line', () => {
		expect(list.messages.map((m) => [m.line, m.kind, m.message])).toEqual([
			[lineOf('A title that is not in bold'), 'problem', 'a numbered line with a link that is not an entry of the form 1. [**Title.**](url) *Authors.* Venue Year.; not read — write the title in bold inside the link'],
			[lineOf('Behind a Script Link'), 'problem', 'the link of "A Paper Behind a Script Link" is not an http(s) URL ("javascript:alert(1)"); not read — link the paper\'s page'],
		]);
		expect(list.entries.map((e) => e.title)).not.toContain('A Paper Behind a Script Link');
		expect(list.entries).toHaveLength(12);
	});
});

describe('dated tables: | Date | Title | Paper | Code | … | with [ShortName] titles', () => {
	const { list, lineOf } = read('dated-table.md');

	it('take the short name off the title as an alias, and the year from the date', () => {
		expect(list.formats).toEqual(['dated-table']);
		expect(list.entries.find((e) => e.aliases.includes('MagicPIG'))).toEqual({
			line: lineOf('[**MagicPIG**]'),
			title: 'MagicPIG: LSH Sampling for Efficient LLM Generation',
			aliases: ['MagicPIG'],
			paper: 'https://arxiv.org/abs/2410.16179',
			code: 'https://github.com/Infini-AI-Lab/MagicPIG',
			year: 2024,
			section: 'Compression',
		});
	});

	it('keep a paper link that is not arXiv, and report a row whose link is not http(s)', () => {
		expect(list.entries.find((e) => e.title.startsWith('Mooncake'))).toMatchObject({ paper: 'https://github.com/kvcache-ai/Mooncake/blob/main/Mooncake-v1.pdf', section: 'Systems' });
		expect(list.messages).toEqual([{ line: lineOf('A Row Without A Paper Link'), kind: 'problem', message: 'no http(s) link in the Paper column for "A Row Without A Paper Link"; not read — write [[pdf]](https://arxiv.org/abs/…)' }]);
		expect(list.repository).toBe('example/dated-kv-list');
	});
});

describe('tables like the survey\'s', () => {
	const { list, lineOf } = read('survey-table.md');

	it('are read by the importer: a row with a name alone is reported, the others become entries', () => {
		expect(list.formats).toEqual(['survey-table']);
		expect(list.entries.map((e) => [e.title.slice(0, 8), e.venue, e.year])).toEqual([
			['H2O: Hea', 'NeurIPS', 2024],
			['MagicPIG', 'ICLR', 2025],
		]);
		expect(list.messages.map((m) => [m.line, m.kind])).toEqual([[lineOf('NameOnly'), 'problem']]);
	});
});

describe('any text', () => {
	it('that holds no list is one note, not a crash', () => {
		expect(readPaperList('# Just a heading\n\nSome prose.\n')).toEqual({ formats: [], repository: undefined, entries: [], messages: [{ line: 1, kind: 'note', message: expect.stringContaining('no paper entries found') }] });
	});

	it('splits table cells at pipes outside links and escapes', () => {
		expect(splitCells('| a | [x|y](https://e.org/a|b) | c \\| d |')).toEqual(['a', '[x|y](https://e.org/a|b)', 'c | d']);
	});
});
