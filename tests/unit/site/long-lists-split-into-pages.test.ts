import { describe, expect, it } from 'vitest';
import { listPage, pageNumbers, pagePath, pageRoutes, pageWording, PAPERS_PER_PAGE } from '../../../src/site/pagination.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('a long list split into pages', () => {
	it('keeps every item exactly once, in order, in pages of the given size', () => {
		const routes = pageRoutes('kv/quantization', 123, 50);
		const pages = routes.map((r) => listPage(ids(123), r.page, 50));

		expect(routes).toEqual([
			{ path: 'kv/quantization', page: 1 },
			{ path: 'kv/quantization/page/2', page: 2 },
			{ path: 'kv/quantization/page/3', page: 3 },
		]);
		expect(pages.map((p) => p.items.length)).toEqual([50, 50, 23]);
		expect(pages.flatMap((p) => p.items)).toEqual(ids(123));
		expect(pages.map((p) => [p.number, p.count, p.from, p.to, p.total])).toEqual([
			[1, 3, 1, 50, 123],
			[2, 3, 51, 100, 123],
			[3, 3, 101, 123, 123],
		]);
	});

	it('is one page for a short list, and one empty page for an empty one', () => {
		expect(pageRoutes('2024', PAPERS_PER_PAGE)).toEqual([{ path: '2024', page: 1 }]);
		expect(pageRoutes('2024', PAPERS_PER_PAGE + 1).length).toBe(2);
		expect(pageRoutes('2024', 0)).toEqual([{ path: '2024', page: 1 }]);
		expect(listPage([], 1)).toEqual({ number: 1, count: 1, items: [], from: 0, to: 0, total: 0 });
	});

	it('names a page of several in titles and descriptions, and says nothing for a single page', () => {
		expect(pageWording(listPage(ids(123), 2, 50))).toEqual({ of: ', page 2 of 3', papers: ' Papers 51–100.' });
		expect(pageWording(listPage(ids(50), 1, 50))).toEqual({ of: '', papers: '' });
	});

	it('gives one page alone, and refuses a page that does not exist', () => {
		expect(listPage(ids(120), 3, 50).items).toEqual(ids(120).slice(100));
		expect(() => listPage(ids(120), 4, 50)).toThrow('page 4 does not exist; the list has 3 pages');
		expect(() => listPage(ids(3), 1, 0)).toThrow('perPage must be a positive whole number');
	});

	it('puts page 1 at the list itself and page n under page/n/', () => {
		expect(pagePath('/kv/quantization/', 1)).toBe('/kv/quantization/');
		expect(pagePath('/kv/quantization/', 2)).toBe('/kv/quantization/page/2/');
		expect(pagePath('kv/quantization', 7)).toBe('kv/quantization/page/7/');
	});

	it('shows the first, the last and the neighbours of the current page, eliding the rest', () => {
		expect(pageNumbers(1, 1)).toEqual([1]);
		expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
		expect(pageNumbers(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
		expect(pageNumbers(20, 20)).toEqual([1, null, 18, 19, 20]);
		expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
	});
});
