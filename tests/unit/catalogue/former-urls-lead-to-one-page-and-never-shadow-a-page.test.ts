import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { formerUrls } from '../../../src/catalogue/former.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import type { TaxonomyNode } from '../../../src/catalogue/schema.ts';
import { readIn, writeIn } from '../../helpers/catalogue.ts';
import { movedCatalogue } from '../../helpers/moved-catalogue.ts';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** The regrouped fixture with `edit` applied to its files; returns the validator's lines, every path relative to the copy. */
function problemsWith(edit: (d: string) => void) {
	dir = movedCatalogue();
	edit(dir);
	const { catalogue, diagnostics } = loadCatalogue(dir);
	return { catalogue, lines: diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }).replaceAll(`${dir}${path.sep}`, '')) };
}
const editTaxonomy = (from: string, to: string) => (d: string) => writeIn(d, 'taxonomy.yaml', readIn(d, 'taxonomy.yaml').replace(from, to));
const editPaper = (id: string, from: string, to: string) => (d: string) => writeIn(d, `papers/${id}.yaml`, readIn(d, `papers/${id}.yaml`).replace(from, to));

describe('the validator on former URLs', () => {
	it('accepts a regrouped catalogue whose old paths and ids are recorded', () => {
		const { catalogue, lines } = problemsWith(() => {});

		expect(lines).toEqual([]);
		expect(catalogue).not.toBeNull();
	});

	it('refuses a former path that is the path of a node today, naming that node', () => {
		const { lines, catalogue } = problemsWith(editTaxonomy('formerPaths: [token-level/selection]', 'formerPaths: [token-level/quantization]'));

		expect(catalogue).toBeNull();
		expect(lines).toEqual([
			'taxonomy.yaml:7:21  0.children.0.formerPaths.0  "token-level/quantization" is the path of "KV Cache Quantization" (line 13) today, so its URL is that page, not a redirect; remove "token-level/quantization" from formerPaths',
		]);
	});

	it('refuses a former path under a page of the site and a former path to one page of a list', () => {
		const { lines } = problemsWith(editTaxonomy('formerPaths: [token-level/selection]', 'formerPaths: [stats/selection, token-level/selection/page/2]'));

		expect(lines).toEqual([
			'taxonomy.yaml:7:21  0.children.0.formerPaths.0  "stats/selection" starts with "stats", a page of the site, which no taxonomy page ever had; remove it',
			'taxonomy.yaml:7:38  0.children.0.formerPaths.1  "token-level/selection/page/2" is a page of a category\'s list; write the category\'s own path "token-level/selection", and its pages redirect with it',
		]);
	});

	it('refuses an old path recorded on two nodes, naming the first', () => {
		const { lines } = problemsWith(editTaxonomy('formerPaths: [system-level/memory-management]', 'formerPaths: [token-level/selection]'));

		expect(lines).toEqual([
			'taxonomy.yaml:21:21  1.children.0.formerPaths.0  "token-level/selection" is already a former path at line 7; an old URL redirects to one page only, so keep it on the node that took its place',
		]);
	});

	it('refuses a removed paper whose id is still a paper, naming its file', () => {
		const { lines } = problemsWith(editTaxonomy('formerPapers: [removed-quantizer]', 'formerPapers: [kivi]'));

		expect(lines).toEqual([
			'taxonomy.yaml:15:22  0.children.1.formerPapers.0  "kivi" is the id of papers/kivi.yaml, whose page /papers/kivi/ is still there; remove "kivi" from this list (an old URL can only name a page that is gone)',
		]);
	});

	it('refuses a paper\'s former id that is its own id or the id of another paper', () => {
		const { lines } = problemsWith(editPaper('snapkv', 'formerIds: [snapkv-short]', 'formerIds: [snapkv, h2o]'));

		expect(lines).toEqual([
			'papers/snapkv.yaml:13:13  formerIds.0  "snapkv" is the id of papers/snapkv.yaml, whose page /papers/snapkv/ is still there; remove "snapkv" from this list (an old URL can only name a page that is gone)',
			'papers/snapkv.yaml:13:21  formerIds.1  "h2o" is the id of papers/h2o.yaml, whose page /papers/h2o/ is still there; remove "h2o" from this list (an old URL can only name a page that is gone)',
		]);
	});

	it('refuses one old paper id recorded twice, in a category and on a paper, naming the first place', () => {
		const { lines } = problemsWith(editPaper('snapkv', 'formerIds: [snapkv-short]', 'formerIds: [removed-quantizer]'));

		expect(lines).toEqual([
			'papers/snapkv.yaml:13:13  formerIds.0  "removed-quantizer" is already a former paper id at taxonomy.yaml:15; an old URL redirects to one page only, so keep it in one place',
		]);
	});

	it('suggests formerPaths for a misspelt key of a taxonomy node', () => {
		const { lines } = problemsWith(editTaxonomy('formerPaths: [token-level/selection]', 'formerPath: [token-level/selection]'));

		expect(lines).toEqual(['taxonomy.yaml:7:7  0.children.0.formerPath  unknown field "formerPath" — did you mean "formerPaths"?']);
	});
});

describe('the former URLs of a catalogue', () => {
	const node = (slug: string, extra: Partial<TaxonomyNode> = {}): TaxonomyNode => ({ slug, title: slug, ...extra });

	it('moves a renamed node\'s subtree with it, and lists removed and merged papers under papers/', () => {
		const taxonomy = [node('g', { formerPaths: ['old-g'], children: [node('a', { children: [node('leaf', { formerPapers: ['gone'] })] })] })];

		const urls = formerUrls(taxonomy, [{ id: 'snapkv', formerIds: ['snapkv-short'] }, { id: 'h2o' }]);

		expect(urls.map((u) => [u.from, u.target, u.source])).toEqual([
			['old-g/', { kind: 'node', slug: 'g' }, 'formerPaths'],
			['old-g/a/', { kind: 'node', slug: 'a' }, 'formerPaths'],
			['old-g/a/leaf/', { kind: 'node', slug: 'leaf' }, 'formerPaths'],
			['papers/gone/', { kind: 'node', slug: 'leaf' }, 'formerPapers'],
			['papers/snapkv-short/', { kind: 'paper', id: 'snapkv' }, 'formerIds'],
		]);
	});

	it('lets a path a node records itself beat one derived from an ancestor, and a longer ancestor path beat a shorter one', () => {
		// "old" had children b and c; b moved under x and took old/b with it; c moved elsewhere and recorded old/c itself.
		const taxonomy = [
			node('g', { formerPaths: ['old'], children: [node('b', { children: [node('d')] }), node('c')] }),
			node('x', { children: [node('b2', { formerPaths: ['old/b'], children: [node('d2', { formerPaths: ['old/b/d'] }), node('e')] }), node('c2', { formerPaths: ['old/c'] })] }),
		];

		const to = new Map(formerUrls(taxonomy, []).map((u) => [u.from, u.target.kind === 'node' ? u.target.slug : u.target.id]));

		expect(to.get('old/')).toBe('g');
		expect(to.get('old/b/')).toBe('b2');
		expect(to.get('old/b/d/')).toBe('d2');
		expect(to.get('old/b/e/')).toBe('e');
		expect(to.get('old/c/')).toBe('c2');
		expect(to.get('old/b/d2/')).toBe('d2');
	});
});
