/**
 * A paper the atlas added (no `listed: true`) is a paper like the others, and says where it comes
 * from: its page says plainly it is not in the survey's list, the category table marks it,
 * papers.json gives `listed`, and its search record carries the "Source" filter.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCatalogue, writeIn } from '../helpers/catalogue.ts';
import { buildSite, type Built } from './links-dist-reader.ts';

const SCHEMA = '# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json\n';
let catalogue = '';
let built: Built;
const page = (rel: string) => readFileSync(path.join(built.dist, rel), 'utf8');

beforeAll(async () => {
	catalogue = copyCatalogue();
	writeIn(catalogue, 'papers/magicpig.yaml', `${SCHEMA}title: "MagicPIG: LSH Sampling for Efficient LLM Generation"\naliases: [MagicPIG]\nyear: 2025\nvenue: ICML\ncategories: [dynamic-selection]\npaper: https://arxiv.org/abs/2410.16179\nadded: 2026-12-03\n`);
	built = await buildSite(catalogue, '/', 'a paper the atlas added');
});
afterAll(() => {
	if (built) rmSync(built.tmp, { recursive: true, force: true });
	if (catalogue) rmSync(catalogue, { recursive: true, force: true });
});

describe('a paper the atlas added', () => {
	it('is listed: false in papers.json, and the papers of the survey\'s list are listed: true', () => {
		const api = JSON.parse(page('papers.json')) as { papers: Array<{ id: string; listed: boolean }> };

		expect(Object.fromEntries(api.papers.map((p) => [p.id, p.listed]))).toEqual({ h2o: true, kivi: true, magicpig: false, 'markup-title': true, snapkv: true, vllm: true });
	});

	it('says on its page, in plain words, that the survey did not review it', () => {
		const html = page('papers/magicpig/index.html');

		expect(html).toContain('<p class="provenance" data-pagefind-ignore>Added by the atlas in December 2026; not reviewed in the survey. <a href="/about/#beyond-the-surveys-list">How the atlas adds papers</a></p>');
		expect(page('papers/snapkv/index.html')).not.toContain('class="provenance"');
		expect(page('about/index.html')).toContain('id="beyond-the-surveys-list"');
	});

	it('is marked in its category\'s table, and only it', () => {
		const html = page('token-level/selection/dynamic-selection/index.html');

		expect(html.match(/Added by the atlas/g)).toHaveLength(1);
		expect(html).toMatch(/MagicPIG: LSH Sampling for Efficient LLM Generation<\/a>(?:<small>[^<]*<\/small>)*<small class="added-by-atlas">Added by the atlas<\/small>/);
	});

	it('is counted in the home page\'s lede, a sentence of its own', () => {
		const lede = /<p class="lede">([\s\S]*?)<\/p>/.exec(page('index.html'))![1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

		expect(lede).toContain('a citation for each. Beside the survey\'s 5, the atlas files 1 paper it found since, each marked as added (how).');
	});

	it('carries the "Source" search filter, as the papers of the list do', () => {
		expect(page('papers/magicpig/index.html')).toMatch(/data-pagefind-filter="[^"]*source\[data-source\][^"]*"[^>]*data-source="atlas"/);
		expect(page('papers/snapkv/index.html')).toMatch(/data-source="survey"/);
	});
});
