/**
 * The body of the weekly "New papers: N candidates" pull request (src/maintain/discover/pr-body.ts),
 * read back as GitHub would: Markdown with GFM tables, parsed by mdast. A hostile title stays one
 * cell of plain text, and the body stays under GitHub's limit however long the queue.
 */
import type { Table, TableCell } from 'mdast';
import { describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../../../src/catalogue/load.ts';
import type { Candidate } from '../../../../src/catalogue/queue.ts';
import { buildTree } from '../../../../src/catalogue/tree.ts';
import { discoverPrBody, discoverPrTitle, tableText } from '../../../../src/maintain/discover/pr-body.ts';
import type { DiscoverJson } from '../../../../src/maintain/discover/run.ts';
import { FIXTURE } from '../../../helpers/catalogue.ts';
import { gfmTree, nodesOf } from '../../../helpers/markdown-tree.ts';

const tree = buildTree(loadCatalogueOrThrow(FIXTURE).taxonomy);
const candidate = (id: string, over: Partial<Candidate> = {}): Candidate => ({
	id,
	title: `The ${id} Paper`,
	paper: `https://arxiv.org/abs/2611.0000${id.length % 10}`,
	date: '2026-11-20',
	found: [
		{ source: 'arXiv search', at: '2026-12-07', why: 'its title or abstract names the KV cache ("KV cache") and names a language model ("LLM")' },
		{ source: 'Semantic Scholar: cites arXiv:2412.19442', at: '2026-12-07' },
	],
	suggestions: [
		{ category: 'quantization', score: 0.412 },
		{ category: 'dynamic-selection', score: 0.3 },
		{ category: 'memory-management', score: 0.1 },
	],
	...over,
});
const REPORT = {
	counts: { read: 12, new: 2, known: 3, rejected: 1, queued: 4, repeated: 1, filtered: 9, problems: 0, failed: 1 },
	services: [
		{ source: 'arXiv search', asked: 'submitted since 2026-11-30', read: 20, kept: 11, dropped: 9, failedBy: { 'names the KV cache': 0, 'names a language model': 9 }, proposed: 11, requests: 1, failure: null },
		{ source: 'Semantic Scholar citations', asked: 'papers citing arXiv:2412.19442', read: 0, kept: 0, dropped: 0, failedBy: {}, proposed: 0, requests: 4, failure: 'HTTP 500 after 4 tries (at offset 0)' },
	],
} as unknown as DiscoverJson;

/** A cell's text as GitHub shows it (line breaks written as <br> count as a newline). */
const text = (cell: TableCell): string => cell.children.map((c) => (c.type === 'html' && c.value === '<br>' ? '\n' : c.type === 'inlineCode' ? c.value : 'children' in c ? nodesOf(c, 'text').map((t) => t.value).join('') : 'value' in c ? c.value : '')).join('');

describe('the new papers pull request', () => {
	it('is titled by the number of candidates', () => {
		expect([discoverPrTitle(1), discoverPrTitle(3)]).toEqual(['New papers: 1 candidate', 'New papers: 3 candidates']);
	});

	it('tables each candidate newest first: linked title, first date, where found, the suggested leaf with its score, and the commands to decide it', () => {
		const body = discoverPrBody({ candidates: [candidate('older', { date: '2026-10-01' }), candidate('newest')], tree, report: REPORT, branch: 'discover/candidates', runUrl: 'https://github.com/o/r/actions/runs/1' });

		const [table] = nodesOf(gfmTree(body), 'table') as Table[];
		const rows = table!.children.map((r) => r.children.map(text));
		expect(rows[0]).toEqual(['Paper', 'First date', 'Found by', 'Suggested category', 'Decide']);
		expect(rows[1]).toEqual([
			'The newest Paper',
			'2026-11-20',
			'arXiv search\nSemantic Scholar: cites arXiv:2412.19442',
			'KV Cache Quantization quantization 0.41\nalso dynamic-selection 0.30, memory-management 0.10',
			'npm run accept -- newest --category quantization\nnpm run reject -- newest --reason "…"',
		]);
		expect(rows[2]![0]).toBe('The older Paper');
		expect(nodesOf(table!, 'link').map((l) => l.url)).toEqual(['https://arxiv.org/abs/2611.00006', 'https://arxiv.org/abs/2611.00005']);
		expect(body).toContain('git switch discover/candidates');
		const items = nodesOf(gfmTree(body), 'listItem').map((li) => nodesOf(li, 'text').map((t) => t.value).join(''));
		expect(items).toEqual([
			'arXiv search (submitted since 2026-11-30): 20 hits, 11 kept, 9 dropped (9 not meeting "names a language model")',
			'✗ Semantic Scholar citations (papers citing arXiv:2412.19442): 0 hits, 0 kept; did not answer in full: HTTP 500 after 4 tries (at offset 0) (what came before was kept; its day was left for the next run)',
			'2 new this week; 3 in the catalogue already, 1 rejected before, 4 queued already, 1 found by two sources.',
		]);
	});

	it('keeps a hostile title one cell of plain text: no markup, no HTML, no link but its own, no mention, no issue reference', () => {
		const title = 'Evil | cell <script>alert(1)</script> [click](javascript:alert(1)) **bold** `code` @octocat #123 &amp; \\| end';

		const body = discoverPrBody({ candidates: [candidate('evil', { title, paper: 'https://example.org/a|b(c)<d>' })], tree, report: null, branch: 'discover/candidates' });

		const root = gfmTree(body);
		const [table] = nodesOf(root, 'table') as Table[];
		expect(table!.children.map((r) => r.children.length)).toEqual([5, 5]);
		const cell = table!.children[1]!.children[0]!;
		expect(text(cell)).toBe(title.replace('@', '@\u200b').replace('#', '#\u200b'));
		expect(nodesOf(cell, 'html')).toEqual([]);
		expect(nodesOf(cell, 'strong')).toEqual([]);
		expect(nodesOf(cell, 'inlineCode')).toEqual([]);
		expect(nodesOf(cell, 'link').map((l) => l.url)).toEqual(['https://example.org/a%7Cb(c)%3Cd%3E']);
		expect(body).toContain('Its report could not be read');
	});

	it('escapes every markup character of a cell, and nothing else', () => {
		expect(tableText('KV-cache: 2x faster\nat 4 bits!')).toBe('KV\\-cache\\: 2x faster at 4 bits\\!');
	});

	it('stays under GitHub\'s 65,536 characters with any number of candidates, counting those it leaves out', () => {
		const many = Array.from({ length: 400 }, (_, i) => candidate(`paper-${i}`, { title: `A Long Title Number ${i} `.repeat(12).trim() }));

		const body = discoverPrBody({ candidates: many, tree, report: REPORT, branch: 'discover/candidates' });

		expect(body.length).toBeLessThan(65_536);
		const rows = (nodesOf(gfmTree(body), 'table')[0] as Table).children.length - 1;
		expect(body).toContain(`…and ${400 - rows} more in \`data/candidates/\` of this branch (the table stops at ${rows}).`);
	});
});
