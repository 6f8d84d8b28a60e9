import { describe, expect, it } from 'vitest';
import { compactCount, formatDay, formatInteger, paperSourceLabel, plural, starsBadgeLabel, starsLabel } from '../../../src/site/format.ts';

describe('compact star counts', () => {
	it.each([
		[0, '0'],
		[7, '7'],
		[999, '999'],
		[1000, '1k'],
		[1234, '1.2k'],
		[1250, '1.3k'],
		[12345, '12.3k'],
		[61234, '61.2k'],
		[99_949, '99.9k'],
		[99_950, '100k'],
		[123_456, '123k'],
		[999_499, '999k'],
		[999_500, '1M'],
		[1_234_567, '1.2M'],
	])('shows %i as %s', (n, shown) => {
		expect(compactCount(n)).toBe(shown);
	});

	it('never shows more than four characters below a billion', () => {
		for (let n = 0; n < 1e9; n = Math.floor(n * 1.37) + 1) expect(compactCount(n).length).toBeLessThanOrEqual(5);
	});
});

describe('counts in full', () => {
	it('says the exact count with thousands separators, singular for one', () => {
		expect(starsLabel(1234)).toBe('1,234 GitHub stars');
		expect(starsLabel(1)).toBe('1 GitHub star');
		expect(starsLabel(0)).toBe('0 GitHub stars');
		expect(formatInteger(61234)).toBe('61,234');
		expect(plural(1, 'paper')).toBe('1 paper');
		expect(plural(3, 'category', 'categories')).toBe('3 categories');
	});
});

describe('paper link labels', () => {
	it('names the common sources and falls back to "Link"', () => {
		expect(paperSourceLabel('https://arxiv.org/pdf/2404.14469')).toBe('arXiv');
		expect(paperSourceLabel('https://openreview.net/forum?id=x')).toBe('OpenReview');
		expect(paperSourceLabel('https://proceedings.mlr.press/v202/sheng23a/sheng23a.pdf')).toBe('PMLR');
		expect(paperSourceLabel('https://www.usenix.org/system/files/osdi22-yu.pdf')).toBe('USENIX');
		expect(paperSourceLabel('https://example.org/paper')).toBe('Link');
		expect(paperSourceLabel('not a url')).toBe('Link');
	});
});

describe('the name of a badge', () => {
	it('starts with what the badge shows and adds the full count when it differs', () => {
		expect(starsBadgeLabel(1234)).toBe('1.2k GitHub stars (1,234)');
		expect(starsBadgeLabel(999)).toBe('999 GitHub stars');
		expect(starsBadgeLabel(1)).toBe('1 GitHub star');
		expect(starsBadgeLabel(1_234_567)).toBe('1.2M GitHub stars (1,234,567)');
	});
});

describe('days', () => {
	it('are written out day first, in UTC, whatever the time zone of the build', () => {
		expect(formatDay('2024-04-22')).toBe('22 April 2024');
		expect(formatDay('2023-09-12')).toBe('12 September 2023');
		expect(formatDay('2024-01-01')).toBe('1 January 2024');
		expect(formatDay('2023-12-31')).toBe('31 December 2023');
	});
});
