/**
 * Nothing from the data can become a link that runs code: `UrlSchema` and the markdown subset of
 * descriptions let through only absolute http(s) URLs, whatever the spelling of the scheme, and
 * the validator names the file, line and field of a refused link. Markup in titles, venues and
 * aliases is kept as text by validation (the build test checks that pages show it as text).
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { parseSafeMarkdown, type SafeNode } from '../../../src/site/safe-markdown.ts';
import { PaperSchema, UrlSchema } from '../../../src/catalogue/schema.ts';
import { copyCatalogue, writeIn } from '../../helpers/catalogue.ts';

/** Scheme spellings that browsers resolve to something other than http(s), or that look like http(s) but are not. */
const HOSTILE_PREFIXES = ['javascript:', 'JaVaScRiPt:', ' javascript:', '\u0000javascript:', 'java\tscript:', 'java\nscript:', 'data:', 'DATA:', 'vbscript:', 'file:', 'blob:https://', 'ftp://', '//', '\\\\', '/\\', 'http:', 'https:', 'https:/', 'http:\\\\', 'ht\ttp://', '\u2028https://'];
const HOSTILE_URLS = [
	'javascript:alert(1)',
	'JAVASCRIPT:alert(document.domain)',
	'  javascript:alert(1)',
	'javascript://example.org/%0aalert(1)',
	'data:text/html,<script>alert(1)</script>',
	'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
	'vbscript:msgbox(1)',
	'//evil.example/x',
	'\\\\evil.example\\x',
	'https:evil.example',
	'https://example.org/"onmouseover="alert(1)',
	'https://example.org/<script>',
	'https://exa mple.org/',
];

/** True when a browser following `href` would make an http(s) request and nothing else (Astro escapes the attribute). */
function isHttpHref(href: string): boolean {
	return /^https?:\/\//i.test(href) && ['http:', 'https:'].includes(new URL(href).protocol);
}

const urlLike = fc
	.tuple(
		fc.constantFrom(...HOSTILE_PREFIXES, 'https://', 'http://', 'HTTPS://'),
		fc.oneof(fc.webUrl().map((u) => u.replace(/^https?:\/\//, '')), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('alert(1)', 'evil.example/x', '%0aalert(1)', 'example.org/"onmouseover="x', 'example.org/a b', 'example.org/<b>')),
	)
	.map(([a, b]) => a + b);

describe('links from the data', () => {
	it.each(HOSTILE_URLS)('UrlSchema refuses %j', (url) => {
		expect(UrlSchema.safeParse(url).success).toBe(false);
	});

	it('UrlSchema accepts a string only when it is an absolute http(s) URL a browser requests as such', () => {
		fc.assert(
			fc.property(urlLike, (url) => {
				const result = UrlSchema.safeParse(url);

				if (result.success) expect(isHttpHref(result.data) && !/[\s<>"]/.test(result.data)).toBe(true);
			}),
			{ numRuns: 400 },
		);
	});

	it('markdown descriptions render links only to http(s), however the link is nested or spelled', () => {
		const piece = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 8 }),
			fc.constantFrom('[', ']', '(', ')', '<', '>', '*', '_', '`', '!', '\\', '\n', '<a href="javascript:x">', '</a>', '<script>', '&lt;', '<javascript:alert(1)>', '<https://ok.example>'),
			urlLike.map((u) => `[x](${u})`),
			urlLike.map((u) => `[a [b](${u})](https://ok.example)`),
			urlLike.map((u) => `![img](${u})`),
			urlLike.map((u) => `[ref]\n\n[ref]: ${u}`),
		);
		const links = (nodes: SafeNode[]): string[] => nodes.flatMap((n) => (n.type === 'link' ? [n.href, ...links(n.children)] : 'children' in n ? links(n.children) : []));
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (md) => {
				const hrefs = parseSafeMarkdown(md).flatMap(links);

				for (const href of hrefs) expect(isHttpHref(href)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	describe('through the validator', () => {
		let dir = '';
		beforeAll(() => (dir = copyCatalogue()));
		afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

		it.each(HOSTILE_URLS.flatMap((url) => [['paper', url] as const, ['code', url] as const]))('%s: %j is an error at that field, line and column', (field, url) => {
			writeIn(dir, 'papers/hostile.yaml', `title: A Hostile Link\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\n${field}: ${JSON.stringify(url)}\n`);

			const { catalogue, diagnostics } = loadCatalogue(dir);

			expect(catalogue).toBeNull();
			expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([expect.stringMatching(new RegExp(`papers/hostile\\.yaml:5:${field.length + 3}  ${field}  must be an absolute http:// or https:// URL|papers/hostile\\.yaml:5:${field.length + 3}  ${field}  is not a valid URL`))]);
		});
	});
});

describe('markup in the data', () => {
	it('is kept verbatim as text by validation, to be escaped where it is shown', () => {
		const title = '<img src=x onerror=alert(1)> & <script>alert(1)</script>';

		const parsed = PaperSchema.parse({ title, year: 2024, venue: '<b>Venue</b>', categories: ['quantization'], aliases: ['<svg onload=alert(1)>'] });

		expect(parsed.title).toBe(title);
		expect(parsed.aliases).toEqual(['<svg onload=alert(1)>']);
	});
});
