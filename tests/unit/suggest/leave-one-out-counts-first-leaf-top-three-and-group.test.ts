import { describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { fileUnseen, leaveOneOut } from '../../../src/suggest/leave-one-out.ts';
import type { Filing, Suggester, SuggestInput } from '../../../src/suggest/suggester.ts';
import { trainTitleNeighbours } from '../../../src/suggest/title-neighbours.ts';
import { FIXTURE } from '../../helpers/catalogue.ts';

// The fixture: h2o [dynamic-selection], kivi [quantization], markup-title [quantization],
// snapkv [static-selection], vllm [memory-management, dynamic-selection]. Groups: token-level holds
// static-selection, dynamic-selection and quantization; system-level holds memory-management.
const fixture = loadCatalogueOrThrow(FIXTURE);

/** A suggester that answers a fixed ranking per title, and records what it was trained on and asked. */
function scripted(rankings: Record<string, string[]>) {
	const seen: Array<{ trainedOn: string[]; asked: SuggestInput }> = [];
	const train = (rest: Filing): Suggester => ({
		suggest(input) {
			seen.push({ trainedOn: rest.papers.map((p) => p.id), asked: input });
			const id = fixture.papers.find((p) => p.title === input.title)!.id;
			return rankings[id]!.map((category, i) => ({ category, score: 1 - i / 10, terms: [], nearest: null }));
		},
	});
	return { train, seen };
}

describe('leave-one-out', () => {
	it('counts a first leaf, a leaf among three and a right top-level group, each as defined', () => {
		const { train } = scripted({
			h2o: ['dynamic-selection', 'quantization', 'static-selection'], // right first: all three count
			kivi: ['static-selection', 'quantization', 'memory-management'], // second: leaf@3 and group (both token-level)
			'markup-title': ['memory-management', 'static-selection', 'dynamic-selection'], // missed, and the wrong group
			snapkv: ['quantization', 'dynamic-selection', 'memory-management'], // missed, but the right group
			vllm: ['dynamic-selection', 'static-selection', 'quantization'], // its second leaf first: right
		});

		const result = leaveOneOut(fixture, train);

		expect(result).toMatchObject({ papers: 5, leafAt1: 2, leafAt3: 3, groupAt1: 4, missed: ['markup-title', 'snapkv'] });
		expect(result.firsts.map((f) => [f.id, f.right])).toEqual([['h2o', true], ['kivi', false], ['markup-title', false], ['snapkv', false], ['vllm', true]]);
	});

	it('trains each time on every paper but the one it files, and shows it only the title, summary and what the view allows', () => {
		const { train, seen } = scripted(Object.fromEntries(fixture.papers.map((p) => [p.id, ['quantization', 'static-selection', 'dynamic-selection']])));

		leaveOneOut(fixture, train, { aliases: false });

		expect(seen).toHaveLength(5);
		for (const [i, { trainedOn, asked }] of seen.entries()) {
			const held = fixture.papers[i]!;
			expect(trainedOn).toEqual(fixture.papers.filter((p) => p !== held).map((p) => p.id));
			expect(asked).toEqual({ title: held.title, aliases: undefined, abstract: held.summary });
		}
	});

	it('files papers it never saw from a training set, trained once, counted the same way', () => {
		const { train, seen } = scripted({
			kivi: ['quantization', 'static-selection', 'dynamic-selection'],
			vllm: ['static-selection', 'quantization', 'memory-management'],
		});
		const training = { taxonomy: fixture.taxonomy, papers: fixture.papers.filter((p) => ['h2o', 'snapkv', 'markup-title'].includes(p.id)) };
		const unseen = fixture.papers.filter((p) => ['kivi', 'vllm'].includes(p.id));

		const result = fileUnseen(training, unseen, train, { abstracts: false });

		expect(result).toMatchObject({ papers: 2, leafAt1: 1, leafAt3: 2, groupAt1: 2, missed: [] }); // vllm's dynamic-selection is token-level too
		expect(seen.map((s) => s.trainedOn)).toEqual([['h2o', 'markup-title', 'snapkv'], ['h2o', 'markup-title', 'snapkv']]);
		expect(seen.map((s) => s.asked.abstract)).toEqual([undefined, undefined]);
	});

	it('compares with a baseline that ranks leaves by their nearest title alone, plain words, ties by slug', () => {
		const taxonomy = [{ slug: 'g', title: 'G', children: ['quantization', 'eviction', 'merging'].map((slug) => ({ slug, title: slug })) }];
		const papers = [
			{ id: 'a', title: 'Heavy Hitter Eviction', year: 2024, venue: 'arXiv', categories: ['eviction'] },
			{ id: 'b', title: 'Two-bit Quantization of Caches', year: 2024, venue: 'arXiv', categories: ['quantization'] },
		];

		const three = trainTitleNeighbours({ taxonomy, papers }).suggest({ title: 'Quantization Done Right', aliases: ['Heavy'] });

		expect(three.map((s) => [s.category, s.nearest])).toEqual([['quantization', 'b'], ['eviction', null], ['merging', null]]);
		expect(three[0]!.score).toBeGreaterThan(0);
		expect(three.slice(1).map((s) => s.score)).toEqual([0, 0]);
	});
});
