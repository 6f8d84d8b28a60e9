import { describe, expect, it } from 'vitest';
import { shortAuthors, splitAuthors } from '../../../src/site/authors.ts';

const KIVI = ['Zirui Liu', 'Jiayi Yuan', 'Hongye Jin', 'Shaochen Zhong', 'Zhaozhuo Xu', 'Vladimir Braverman', 'Beidi Chen', 'Xia Hu'];

describe('authors in lists of papers', () => {
	it('name everyone up to three, joined as a sentence', () => {
		expect(shortAuthors(['Zirui Liu'])).toBe('Zirui Liu');
		expect(shortAuthors(['Zirui Liu', 'Jiayi Yuan'])).toBe('Zirui Liu and Jiayi Yuan');
		expect(shortAuthors(['Zirui Liu', 'Jiayi Yuan', 'Xia Hu'])).toBe('Zirui Liu, Jiayi Yuan and Xia Hu');
	});

	it('show the first two and the last of a longer list, with an ellipsis between', () => {
		expect(shortAuthors(KIVI.slice(0, 4))).toBe('Zirui Liu, Jiayi Yuan, … Shaochen Zhong');
		expect(shortAuthors(KIVI)).toBe('Zirui Liu, Jiayi Yuan, … Xia Hu');
	});

	it('are empty for a paper without authors', () => {
		expect(shortAuthors(undefined)).toBe('');
		expect(shortAuthors([])).toBe('');
	});
});

describe('authors on a paper page', () => {
	it('show a list of up to fifteen whole', () => {
		const fifteen = Array.from({ length: 15 }, (_, i) => `Author ${i}`);

		expect(splitAuthors(KIVI)).toEqual({ first: KIVI, rest: [] });
		expect(splitAuthors(fifteen)).toEqual({ first: fifteen, rest: [] });
		expect(splitAuthors(undefined)).toEqual({ first: [], rest: [] });
	});

	it('show the first ten of a longer list and put every other name, once, behind the disclosure', () => {
		const many = Array.from({ length: 160 }, (_, i) => `Author ${i}`);

		const { first, rest } = splitAuthors(many);

		expect(first).toEqual(many.slice(0, 10));
		expect(rest).toEqual(many.slice(10));
		expect([...first, ...rest]).toEqual(many);
	});
});
