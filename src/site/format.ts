/**
 * Numbers and dates as readers see them: compact star counts ("1.2k") and their spoken form
 * ("1,234 GitHub stars"), days written out ("22 April 2024").
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole number with thousands separators: 1234 → "1,234". */
export function formatInteger(n: number): string {
	return integer.format(n);
}

/**
 * A count in at most four characters: 999 → "999", 1234 → "1.2k", 12345 → "12.3k",
 * 123456 → "123k", 1234567 → "1.2M". One decimal below 100 of a unit, none above; ".0" dropped.
 */
export function compactCount(n: number): string {
	if (!Number.isFinite(n) || n < 0) return '0';
	if (n < 1000) return String(Math.round(n));
	const units: Array<[number, string]> = [
		[1e9, 'B'],
		[1e6, 'M'],
		[1e3, 'k'],
	];
	for (let i = 0; i < units.length; i++) {
		const [size, suffix] = units[i]!;
		if (n < size) continue;
		const value = n / size;
		const shown = value < 100 ? Math.round(value * 10) / 10 : Math.round(value);
		// 999,950 rounds to "1000k": carry into the next unit instead.
		if (shown >= 1000 && i > 0) return `1${units[i - 1]![1]}`;
		return `${shown}${suffix}`;
	}
	return String(n);
}

/** The count said in full, for screen readers and titles: "1,234 GitHub stars", "1 GitHub star". */
export function starsLabel(n: number): string {
	return `${formatInteger(n)} GitHub ${n === 1 ? 'star' : 'stars'}`;
}

/**
 * The accessible name of a star badge that shows `compactCount(n)`: it starts with the text the
 * badge shows, as WCAG 2.5.3 (label in name) asks, then gives the count in full when that differs:
 * "1.2k GitHub stars (1,234)", "999 GitHub stars", "1 GitHub star".
 */
export function starsBadgeLabel(n: number): string {
	const shown = compactCount(n);
	const full = formatInteger(n);
	return `${shown} GitHub ${n === 1 ? 'star' : 'stars'}${shown === full ? '' : ` (${full})`}`;
}

const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM-DD day written out, "2024-04-22" → "22 April 2024" (day first: no reader misreads it). */
export function formatDay(day: string): string {
	return longDay.format(new Date(`${day}T00:00:00Z`));
}

const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * What a paper page says of a paper the survey's list does not include: "Added by the atlas in
 * December 2026; not reviewed in the survey." (the month of `added` when known); null for a
 * paper of the list.
 */
export function atlasProvenance(paper: { listed?: boolean | undefined; added?: string | undefined }): string | null {
	if (paper.listed === true) return null;
	const when = paper.added ? ` in ${longMonth.format(new Date(`${paper.added}T00:00:00Z`))}` : '';
	return `Added by the atlas${when}; not reviewed in the survey.`;
}

/** "1 paper", "12 papers". */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

const SOURCES: Array<[RegExp, string]> = [
	[/(^|\.)arxiv\.org$/, 'arXiv'],
	[/(^|\.)openreview\.net$/, 'OpenReview'],
	[/(^|\.)neurips\.cc$|(^|\.)nips\.cc$/, 'NeurIPS'],
	[/(^|\.)mlr\.press$/, 'PMLR'],
	[/(^|\.)aclanthology\.org$/, 'ACL Anthology'],
	[/(^|\.)usenix\.org$/, 'USENIX'],
	[/(^|\.)acm\.org$/, 'ACM'],
	[/(^|\.)ieee\.org$/, 'IEEE'],
	[/(^|\.)thecvf\.com$/, 'CVF'],
	[/(^|\.)mlsys\.org$/, 'MLSys'],
	[/(^|\.)aaai\.org$/, 'AAAI'],
	[/(^|\.)huggingface\.co$/, 'Hugging Face'],
	[/(^|\.)github\.com$/, 'GitHub'],
];

/** A short name for where a paper link leads ("arXiv", "OpenReview", "PMLR"); "Link" when unknown. */
export function paperSourceLabel(url: string): string {
	if (!URL.canParse(url)) return 'Link';
	const host = new URL(url).hostname.toLowerCase();
	return SOURCES.find(([re]) => re.test(host))?.[1] ?? 'Link';
}

/**
 * What a taxonomy node holds, in words: "12 papers", or with benchmarks "31 benchmarks and 3 papers"
 * (the Datasets and Benchmarks node counts both); `total` counts both, `benchmarks` the benchmarks.
 */
export function entriesLabel(total: number, benchmarks = 0): string {
	if (!benchmarks) return plural(total, 'paper');
	const papers = total - benchmarks;
	return papers ? `${plural(benchmarks, 'benchmark')} and ${plural(papers, 'paper')}` : plural(benchmarks, 'benchmark');
}
