import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { barChart, niceMax, stackedColumnChart, wrap } from '../../../src/site/svg-chart.ts';
import { escapeXml } from '../../../src/site/xml.ts';

type Node = T.ChildNode | T.DocumentFragment;

/** Every element of the parsed chart, depth first. */
function elements(html: string): T.Element[] {
	const out: T.Element[] = [];
	const walk = (n: Node) => {
		if ('tagName' in n) out.push(n);
		if ('childNodes' in n) n.childNodes.forEach(walk);
	};
	walk(parseFragment(html));
	return out;
}

const text = (el: T.Element): string => el.childNodes.map((c) => ('value' in c ? c.value : 'tagName' in c ? text(c) : '')).join('');
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const ALLOWED = new Set(['svg', 'title', 'desc', 'text', 'rect', 'line']);

describe('bar charts', () => {
	it('are images with a title and a description that name them', () => {
		const svg = barChart({ id: 'venues', title: 'Papers per venue', desc: 'NeurIPS has the most.', bars: [{ label: 'NeurIPS', value: 2, color: 'var(--c1)' }] });

		const [root] = elements(svg);

		expect(root!.tagName).toBe('svg');
		expect(attr(root!, 'role')).toBe('img');
		expect(attr(root!, 'aria-labelledby')).toBe('venues-title venues-desc');
		expect(text(elements(svg).find((e) => attr(e, 'id') === 'venues-title')!)).toBe('Papers per venue');
		expect(text(elements(svg).find((e) => attr(e, 'id') === 'venues-desc')!)).toBe('NeurIPS has the most.');
	});

	it('draw the largest bar at 86% of the width and the others in proportion, a zero bar empty', () => {
		const svg = barChart({ id: 'c', title: 't', desc: 'd', bars: [{ label: 'a', value: 40, color: 'red' }, { label: 'b', value: 10, color: 'red' }, { label: 'z', value: 0, color: 'red' }] });

		const widths = elements(svg).filter((e) => e.tagName === 'rect').map((e) => attr(e, 'width'));

		expect(widths).toEqual(['86.00%', '21.50%', '0.00%']);
	});

	it('keep any label as text: markup, quotes and ampersands never become elements', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(1000), (label, value) => {
				const clean = label.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
				const svg = barChart({ id: 'p', title: label, desc: label, bars: [{ label, value, color: 'var(--c)' }] });

				const els = elements(svg);

				expect(els.every((e) => ALLOWED.has(e.tagName))).toBe(true);
				expect(text(els.find((e) => attr(e, 'id') === 'p-title')!)).toBe(clean.replace(/\r\n?/g, '\n'));
				expect(text(els.find((e) => e.tagName === 'rect')!)).toBe(`${clean}: ${value}`.replace(/\r\n?/g, '\n'));
			}),
		);
	});

	it('wrap long labels at spaces so a 320 px screen holds them', () => {
		const label = 'KV Cache Low-rank Decomposition › Learned Low-rank Approximation';

		const lines = wrap(label, 46);
		const svg = barChart({ id: 'c', title: 't', desc: 'd', bars: [{ label, value: 1, color: 'red' }] });

		expect(lines).toEqual(['KV Cache Low-rank Decomposition › Learned', 'Low-rank Approximation']);
		expect(wrap(label, 40)).toEqual(['KV Cache Low-rank Decomposition ›', 'Learned Low-rank Approximation']);
		expect(elements(svg).filter((e) => e.tagName === 'text').map(text)).toEqual([...lines, '1']);
	});
});

describe('stacked column charts', () => {
	const series = [{ label: 'Token-level', color: 'var(--c1)' }, { label: 'System-level', color: 'var(--c2)' }];

	it('stack one segment per non-zero value, with the total above and the label below each column', () => {
		const svg = stackedColumnChart({ id: 'y', title: 'Per year', desc: 'd', series, columns: [{ label: '2023', values: [3, 1] }, { label: '2024', values: [5, 0] }], height: 100 });

		const els = elements(svg);
		const rects = els.filter((e) => e.tagName === 'rect');

		expect(rects.map((r) => text(r))).toEqual(['2023, Token-level: 3', '2023, System-level: 1', '2024, Token-level: 5']);
		expect(rects.map((r) => attr(r, 'style'))).toEqual(['fill:var(--c1)', 'fill:var(--c2)', 'fill:var(--c1)']);
		expect(els.filter((e) => e.tagName === 'text').map(text)).toEqual(['4', '2023', '5', '2024']);
	});

	it('scale columns to a round maximum: a total of 5 fills the plot, 4 fills four fifths', () => {
		const svg = stackedColumnChart({ id: 'y', title: 't', desc: 'd', series, columns: [{ label: 'a', values: [4, 0] }, { label: 'b', values: [5, 0] }], height: 100 });

		const heights = elements(svg).filter((e) => e.tagName === 'rect').map((r) => Number(attr(r, 'height')));

		expect(niceMax(5)).toBe(5);
		expect([1, 7, 11, 114, 161, 2500, 9001].map(niceMax)).toEqual([1, 8, 12, 120, 200, 3000, 10000]);
		expect(heights).toEqual([79, 99]);
	});

	it('draw only every k-th column label when there are many, so labels never overlap', () => {
		const columns = Array.from({ length: 30 }, (_, i) => ({ label: String(1990 + i), values: [1, 0] }));

		const svg = stackedColumnChart({ id: 'y', title: 't', desc: 'd', series, columns });
		const labels = elements(svg).filter((e) => e.tagName === 'text' && /^\d{4}$/.test(text(e))).map(text);

		expect(labels).toEqual(['1990', '1993', '1996', '1999', '2002', '2005', '2008', '2011', '2014', '2017']);
	});
});

describe('escapeXml', () => {
	it('escapes the five XML specials and drops control characters', () => {
		expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});
});
