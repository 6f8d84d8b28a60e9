/**
 * Bar charts as SVG strings, drawn at build time (no chart library, no script in the page).
 * Every piece of text is escaped, so a label can never become markup. Widths are percentages of
 * the chart's own width while text keeps its pixel size: the chart fills a phone or a desktop
 * column without shrinking its labels. Colours are CSS values (custom properties from the design
 * tokens), so light and dark themes recolour the same markup.
 */
import { escapeXml } from './xml.ts';

/** What every chart needs to be accessible: an id prefix, a title and a description. */
export interface ChartText {
	/** Unique on the page; prefixes the ids of `<title>` and `<desc>`. */
	id: string;
	/** Short name of the chart, read first by screen readers. */
	title: string;
	/** One or two sentences on what the chart shows (the data table next to it holds the numbers). */
	desc: string;
}

/** One bar of a horizontal bar chart. */
export interface Bar {
	label: string;
	value: number;
	/** CSS colour of the bar, such as `var(--atlas-chart-1)`. */
	color: string;
}

/** Options of `barChart`. */
export interface BarChartOptions extends ChartText {
	bars: readonly Bar[];
	/** Characters per label line before wrapping; @default 46 */
	wrapAt?: number;
}

const FONT = 13;
const LINE = 17;
const BAR = 14;
const GAP = 12;
/** Share of the width the longest bar takes; the rest holds its value. */
const BAR_SPAN = 86;

/**
 * Horizontal bars, one per row: the label above its bar, the value after it. Labels wrap at word
 * boundaries so that long category names stay inside a 320 px screen.
 */
export function barChart(opts: BarChartOptions): string {
	const max = Math.max(1, ...opts.bars.map((b) => b.value));
	const parts: string[] = [];
	let y = 0;
	for (const bar of opts.bars) {
		const lines = wrap(bar.label, opts.wrapAt ?? 46);
		lines.forEach((line, i) => parts.push(`<text x="0" y="${y + LINE * (i + 1) - 4}">${escapeXml(line)}</text>`));
		y += LINE * lines.length + 2;
		const pct = (bar.value / max) * BAR_SPAN;
		const tip = `${bar.label}: ${bar.value}`;
		parts.push(
			`<rect x="0" y="${y}" width="${pct.toFixed(2)}%" height="${BAR}" rx="2" style="fill:${escapeXml(bar.color)}"><title>${escapeXml(tip)}</title></rect>`,
			`<text x="${pct.toFixed(2)}%" dx="6" y="${y + BAR - 2}" class="chart-value">${bar.value}</text>`,
		);
		y += BAR + GAP;
	}
	return svg(opts, Math.max(y - GAP + 2, LINE), parts);
}

/** One series of a stacked column chart (a legend entry). */
export interface Series {
	label: string;
	/** CSS colour of the series. */
	color: string;
}

/** One column: its axis label and one value per series. */
export interface Column {
	label: string;
	values: readonly number[];
}

/** Options of `stackedColumnChart`. */
export interface StackedColumnOptions extends ChartText {
	series: readonly Series[];
	columns: readonly Column[];
	/** Height of the plot area in pixels; @default 200 */
	height?: number;
	/** Fewest column slots: a chart of 3 years keeps slim columns; @default 6 */
	minSlots?: number;
}

/**
 * Vertical columns stacked by series, the total above each column and its label below; with
 * many columns only every k-th label is drawn so they never overlap.
 */
export function stackedColumnChart(opts: StackedColumnOptions): string {
	const plot = opts.height ?? 200;
	const top = LINE + 4;
	const base = top + plot;
	const totals = opts.columns.map((c) => c.values.reduce((a, b) => a + b, 0));
	const max = niceMax(Math.max(1, ...totals));
	const slots = Math.max(opts.columns.length, opts.minSlots ?? 6);
	const offset = (slots - opts.columns.length) / 2;
	const width = (0.62 / slots) * 100;
	const every = Math.ceil(opts.columns.length / 12);
	const parts: string[] = [];
	for (const tick of ticks(max)) {
		const y = base - (tick / max) * plot;
		parts.push(`<line x1="0" x2="100%" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="chart-grid"/>`);
	}
	opts.columns.forEach((col, i) => {
		const center = ((offset + i + 0.5) / slots) * 100;
		const x = (center - width / 2).toFixed(2);
		let y = base;
		col.values.forEach((value, s) => {
			if (value <= 0) return;
			const h = (value / max) * plot;
			y -= h;
			const series = opts.series[s];
			const tip = `${col.label}, ${series?.label ?? ''}: ${value}`;
			// A 1 px gap between stacked segments keeps them apart in both themes.
			parts.push(
				`<rect x="${x}%" y="${y.toFixed(1)}" width="${width.toFixed(2)}%" height="${Math.max(h - (h > 3 ? 1 : 0), 1).toFixed(1)}" style="fill:${escapeXml(series?.color ?? 'currentColor')}"><title>${escapeXml(tip)}</title></rect>`,
			);
		});
		parts.push(`<text x="${center.toFixed(2)}%" y="${(y - 5).toFixed(1)}" text-anchor="middle" class="chart-value">${totals[i]}</text>`);
		if (i % every === 0) parts.push(`<text x="${center.toFixed(2)}%" y="${base + LINE}" text-anchor="middle">${escapeXml(col.label)}</text>`);
	});
	parts.push(`<line x1="0" x2="100%" y1="${base}" y2="${base}" class="chart-axis"/>`);
	return svg(opts, base + LINE + 4, parts);
}

function svg(text: ChartText, height: number, parts: string[]): string {
	const id = escapeXml(text.id);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%" height="${Math.ceil(height)}" font-size="${FONT}" fill="currentColor" role="img" aria-labelledby="${id}-title ${id}-desc">` +
		`<title id="${id}-title">${escapeXml(text.title)}</title><desc id="${id}-desc">${escapeXml(text.desc)}</desc>` +
		parts.join('') +
		'</svg>'
	);
}

/** Split `text` into lines of at most `width` characters at spaces (a longer word keeps its own line). */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line || !lines.length) lines.push(line);
	return lines;
}

/**
 * The smallest round number at or above `n` whose quarters are round too (1, 1.2, 1.6, 2, 2.4, 3,
 * 4, 5, 6, 8 × 10ⁿ): grid lines fall on readable values and the tallest column fills most of the plot.
 */
export function niceMax(n: number): number {
	const mag = 10 ** Math.floor(Math.log10(n));
	for (const step of [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10]) if (step * mag >= n - 1e-9) return Math.round(step * mag * 1e6) / 1e6;
	return 10 * mag;
}

/** Grid lines at quarters of the (nice) maximum. */
function ticks(max: number): number[] {
	return [0.25, 0.5, 0.75, 1].map((f) => f * max);
}
