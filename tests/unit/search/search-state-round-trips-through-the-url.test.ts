import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	FACETS,
	SORTS,
	decodeSearchState,
	effectiveSort,
	emptyState,
	encodeSearchState,
	pagefindOptions,
	toggleFilter,
	type SearchState,
} from '../../../src/search/state.ts';

const value = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
const state: fc.Arbitrary<SearchState> = fc.record({
	q: fc.string({ maxLength: 20 }),
	filters: fc.record(Object.fromEntries(FACETS.map((f) => [f, fc.uniqueArray(value, { maxLength: 3 })])) as Record<(typeof FACETS)[number], fc.Arbitrary<string[]>>),
	sort: fc.constantFrom(...SORTS),
});

describe('search state in the URL', () => {
	it('decode what it encodes, for any query, filters and sort', () => {
		fc.assert(fc.property(state, (s) => {
			expect(decodeSearchState(encodeSearchState(s))).toEqual(s);
		}));
	});

	it('write a plain search as q only, and repeat a facet for several values', () => {
		const s = toggleFilter(toggleFilter({ ...emptyState(), q: 'H2O & co' }, 'venue', 'ICML'), 'venue', 'NeurIPS');

		expect(encodeSearchState({ ...emptyState(), q: 'snapkv' })).toBe('q=snapkv');
		expect(encodeSearchState({ ...s, sort: 'stars' })).toBe('q=H2O+%26+co&venue=ICML&venue=NeurIPS&sort=stars');
	});

	it('read what the no-JS form submits, ignoring unknown keys, blank values and unknown sorts', () => {
		const s = decodeSearchState('q=&venue=OSDI&venue=&venue=OSDI&year=2024&utm=x&sort=random');

		expect(s).toEqual({ ...emptyState(), filters: { ...emptyState().filters, venue: ['OSDI'], year: ['2024'] } });
	});

	it('toggle a value off again', () => {
		const on = toggleFilter(emptyState(), 'code', 'yes');

		expect(on.filters.code).toEqual(['yes']);
		expect(toggleFilter(on, 'code', 'yes')).toEqual(emptyState());
	});
});

describe('search state as Pagefind options', () => {
	it('OR the values of a facet and AND the facets', () => {
		const s = decodeSearchState('q=kv&venue=ICML&venue=OSDI&code=yes');

		expect(pagefindOptions(s)).toEqual({ filters: { venue: { any: ['ICML', 'OSDI'] }, code: { any: ['yes'] } }, sort: {} });
	});

	it('leave out one facet for that facet\'s own counts', () => {
		const s = decodeSearchState('venue=ICML&code=yes');

		expect(pagefindOptions(s, 'venue').filters).toEqual({ code: { any: ['yes'] } });
	});

	it('sort newest first when browsing without a query, and as asked otherwise', () => {
		expect(effectiveSort(emptyState())).toBe('newest');
		expect(pagefindOptions(emptyState()).sort).toEqual({ year: 'desc' });
		expect(pagefindOptions(decodeSearchState('q=quest')).sort).toEqual({});
		expect(pagefindOptions(decodeSearchState('q=quest&sort=stars')).sort).toEqual({ stars: 'desc' });
		expect(pagefindOptions(decodeSearchState('sort=stars')).sort).toEqual({ stars: 'desc' });
		expect(pagefindOptions(decodeSearchState('q=quest&sort=cited')).sort).toEqual({ citations: 'desc' });
	});
});
