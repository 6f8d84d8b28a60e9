import { describe, expect, it } from 'vitest';
import { readIn, writeIn } from '../helpers/catalogue.ts';
import { arxivAnswer, runEnrich, s2Answer, s2Paper } from './enrich-fake-services.ts';
import { ARXIV_PAPERS, enrichTestbed, S2_PAPERS } from './enrich-known-papers.ts';

const bed = enrichTestbed();

/** Semantic Scholar places KIVI (ICML 2024 in the file) at NeurIPS 2023, and PyramidInfer at a venue nobody knows. */
async function servicesThatDisagree() {
	const s2Known = new Map(S2_PAPERS);
	s2Known.set('ARXIV:2402.02750', s2Paper({ title: 'KIVI', venue: 'Neural Information Processing Systems', year: 2023, publicationVenue: { id: '3', name: 'Neural Information Processing Systems', type: 'conference', alternate_names: ['NeurIPS'] }, externalIds: { ArXiv: '2402.02750', CorpusId: 2 }, authors: ['Zirui Liu'], citationCount: 200 }));
	s2Known.set('ARXIV:2405.12532', s2Paper({ title: 'PyramidInfer', venue: 'Workshop on Imaginary Results', year: 2024, publicationVenue: { id: '9', name: 'Workshop on Imaginary Results', type: 'conference', alternate_names: ['WIR'] }, externalIds: { ArXiv: '2405.12532', CorpusId: 3 }, authors: ['Dongjie Yang'], citationCount: 40 }));
	const arxiv = await bed.service(arxivAnswer(ARXIV_PAPERS));
	const s2 = await bed.service(s2Answer(s2Known));
	return { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url };
}
/** The test catalogue, with vLLM's authors cut to the first three, as a person might have written them. */
const catalogue = () => {
	const dir = bed.catalogue();
	writeIn(dir, 'papers/vllm.yaml', readIn(dir, 'papers/vllm.yaml').replace(/^authors: .*$/m, 'authors: [Woosuk Kwon, Zhuohan Li, Siyuan Zhuang]'));
	return dir;
};

describe('npm run enrich and values a person set', () => {
	it('reports authors and a published venue that differ from the file, and keeps them without --force', async () => {
		const env = await servicesThatDisagree();
		const dir = catalogue();
		const vllm = readIn(dir, 'papers/vllm.yaml');

		const run = await runEnrich(dir, ['--apply'], env);

		expect(run.code).toBe(0);
		expect(run.stdout).toContain('  ! authors: Woosuk Kwon, Zhuohan Li, Siyuan Zhuang → Woosuk Kwon, Zhuohan Li, Siyuan Zhuang, Ying Sheng, Lianmin Zheng, … (9) (arXiv): the file lists other authors; run with --force to replace it');
		expect(run.stdout).toContain('  ! venue: ICML → NeurIPS (Semantic Scholar): the file already names the publication ICML 2024; run with --force to replace it');
		expect(run.stdout).toContain('  ! year: 2024 → 2023 (Semantic Scholar)');
		expect(run.stdout).toContain('3 changes to hand-set values need --force (marked !)');
		expect(readIn(dir, 'papers/vllm.yaml')).toContain('authors: [Woosuk Kwon, Zhuohan Li, Siyuan Zhuang]');
		expect(readIn(dir, 'papers/vllm.yaml')).toContain('date: 2023-09-12');
		expect(readIn(dir, 'papers/vllm.yaml').startsWith(vllm.trimEnd().split('\n').slice(0, 7).join('\n'))).toBe(true);
		expect(readIn(dir, 'papers/kivi.yaml')).toContain('year: 2024\nvenue: ICML\n');
	});

	it('replaces them with --force, in place', async () => {
		const env = await servicesThatDisagree();
		const dir = catalogue();

		const run = await runEnrich(dir, ['--apply', '--force'], env);

		expect(run.code).toBe(0);
		// Nine names no longer fit on one line: one per line, as npm run new writes long lists.
		expect(readIn(dir, 'papers/vllm.yaml')).toContain('authors:\n  - Woosuk Kwon\n  - Zhuohan Li\n  - Siyuan Zhuang\n  - Ying Sheng\n  - Lianmin Zheng\n  - Cody Hao Yu\n  - Joseph E. Gonzalez\n  - Hao Zhang\n  - Ion Stoica\ndate: 2023-09-12\nsummary: Pages the KV cache');
		expect(readIn(dir, 'papers/kivi.yaml')).toContain('aliases: [KIVI]\nyear: 2023\nvenue: NeurIPS\n');
		expect(run.stdout).toContain('  ~ venue: ICML → NeurIPS (Semantic Scholar)');
	});

	it('reports a venue it does not know and invents none, even with --force', async () => {
		const env = await servicesThatDisagree();
		const dir = catalogue();

		const run = await runEnrich(dir, ['--apply', '--force'], env);

		expect(run.stdout).toContain('  ? venue: arXiv → Workshop on Imaginary Results (Semantic Scholar): "Workshop on Imaginary Results" is not a known venue; if it is one, add it to src/catalogue/venues.ts and run again');
		expect(run.stdout).toContain('1 venue not known (marked ?): nothing was invented');
		expect(readIn(dir, 'papers/pyramidinfer.yaml')).toContain('venue: arXiv');
		expect(readIn(dir, 'venues.yaml')).not.toContain('Imaginary');
	});
});
