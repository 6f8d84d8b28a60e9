import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLengths, LENGTH_UNITS, lengthSortKey, readLengths, type Lengths } from '../../../src/catalogue/benchmark.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { ROOT } from '../../helpers/catalogue.ts';

describe('context lengths as one line', () => {
	it.each<[Lengths, string]>([
		[{ unit: 'tokens', min: 8000, max: 128000 }, '8K–128K tokens'],
		[{ unit: 'tokens', min: 4000, max: 128000, configurable: true, note: 'ignored' }, 'configurable, 4K–128K tokens'],
		[{ unit: 'words', typical: 6700 }, 'about 6.7K words'],
		[{ unit: 'tokens', max: 10_000_000, configurable: true }, 'configurable, up to 10M tokens'],
		[{ unit: 'tokens', min: 1000, typical: 4000, max: 8000 }, '1K–8K tokens, about 4K'],
		[{ unit: 'images', typical: 15.2 }, 'about 15.2 images'],
		[{ unit: 'images', max: 1 }, 'up to 1 image'],
		[{ unit: 'minutes', min: 3, max: 120 }, '3–120 minutes'],
		[{ unit: 'tokens', typical: 24000, max: 200000 }, 'about 24K, up to 200K tokens'],
		[{ note: 'short video clips' }, 'short video clips'],
	])('writes %j as "%s" and reads it back', (lengths, line) => {
		const { note: _, ...numbers } = lengths;
		const expected = lengths.unit ? numbers : lengths;

		expect(formatLengths(lengths)).toBe(line);
		expect(readLengths(line)).toEqual(expected);
	});

	it('reads back every line it writes, for any numbers the schema accepts', () => {
		const length = fc.oneof(fc.integer({ min: 1000, max: 50_000_000 }), fc.integer({ min: 1, max: 9999 }).map((n) => n / 10));
		const arb = fc.record({ unit: fc.constantFrom(...LENGTH_UNITS), a: length, b: fc.option(length, { nil: undefined }), c: fc.option(length, { nil: undefined }), configurable: fc.option(fc.constant(true), { nil: undefined }) });

		fc.assert(
			fc.property(arb, ({ unit, a, b, c, configurable }) => {
				const [min, typical, max] = [a, b, c].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
				const lengths: Lengths = { unit, min, ...(typical !== undefined ? { typical } : {}), ...(max !== undefined ? { max } : {}), ...(configurable ? { configurable } : {}) };
				expect(formatLengths(readLengths(formatLengths(lengths)))).toBe(formatLengths(lengths));
			}),
		);
	});

	it('is empty without lengths, and keeps text of another shape as the note', () => {
		expect(formatLengths(undefined)).toBe('');
		expect(readLengths('')).toBeUndefined();
		expect(readLengths('about 3 fortnights')).toEqual({ note: 'about 3 fortnights' });
	});
});

describe('the sort key of context lengths', () => {
	it('orders by unit first, then by the longest input, and never converts words into tokens', () => {
		const keys = {
			million: lengthSortKey({ unit: 'tokens', max: 10_000_000 }),
			tokens: lengthSortKey({ unit: 'tokens', typical: 24000 }),
			words: lengthSortKey({ unit: 'words', min: 16000, max: 256000 }),
			hour: lengthSortKey({ unit: 'minutes', max: 60 }),
			clip: lengthSortKey({ unit: 'seconds', max: 30 }),
			images: lengthSortKey({ unit: 'images', typical: 15.2 }),
			unknown: lengthSortKey({ note: 'short clips' }),
		};

		expect(Object.entries(keys).sort((a, b) => b[1] - a[1]).map(([k]) => k)).toEqual(['million', 'tokens', 'words', 'hour', 'clip', 'images', 'unknown']);
		expect(keys.unknown).toBe(-1);
		expect(lengthSortKey({ unit: 'minutes', max: 2 })).toBe(lengthSortKey({ unit: 'seconds', max: 120 }));
	});

	it('gives every benchmark of data/ with a number a key, and reads each line it writes back', () => {
		const { catalogue } = loadCatalogue(path.join(ROOT, 'data'));

		for (const b of catalogue!.benchmarks) {
			const numbers = [b.lengths?.min, b.lengths?.typical, b.lengths?.max].some((n) => n !== undefined);
			expect(lengthSortKey(b.lengths) > 0, b.id).toBe(numbers);
			expect(formatLengths(readLengths(formatLengths(b.lengths)) ?? undefined), b.id).toBe(formatLengths(b.lengths));
		}
	});
});
