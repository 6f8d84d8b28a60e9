/**
 * The fixture catalogue plus one made-up paper with 160 authors, the size of the largest real
 * author lists in the field (DeepSeek-V2 names more than 150). Its names are generated, about as
 * long as the authors of the list's papers (11 characters on average), with the hard cases a
 * citation must survive: a corporate author first, an accent, particles, a suffix, a hyphen.
 * Its paper link is not arXiv, so the arXiv id comes from its `arxiv` field; it has a published
 * version and a DOI (10.5555 is the DOI prefix reserved for examples). Its abstract is as long as
 * arXiv allows (1,920 characters), made up, with markup that must stay text and a word ("quokka")
 * that nothing else of the catalogue holds.
 */
import { copyCatalogue, writeIn } from './catalogue.ts';

const GIVEN = ['Wei', 'Yiming', 'Anxin', 'Haoyang', 'Lei', 'Qing', 'Nicole', 'Xuejia', 'Tianhao', 'Zhanchao', 'Maria', 'John', 'Aisha', 'Kenji', 'Sofia', 'Ravi'];
const FAMILY = ['Li', 'Chen', 'Dong', 'Tang', 'Xu', 'Tian', 'Wang', 'Zhang', 'Kumar', 'Okafor'];
/** Names that are hard to cite, placed through the list. */
const HARD = ['DeepSeek-AI', 'Christopher Ré', 'Jan van der Berg', 'Martin Luther King Jr.', 'Jean-Pierre Dupont'];

/** The long paper's id and the facts a reader must see. */
export const LONG = {
	id: 'many-authors',
	title: 'A Synthetic Paper Written by One Hundred and Sixty Authors',
	/** 160 distinct names in publication order. */
	authors: Array.from({ length: 160 }, (_, i) => HARD[i / 32] ?? `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length)]}`),
	arxiv: '0000.00000',
	doi: '10.5555/0000000',
	date: '2024-05-07',
	published: 'https://example.org/proceedings/many-authors',
	abstract: abstractOf(1920),
} as const;

/** A made-up abstract of exactly `length` characters: markup first, then the quokka, then plain sentences. */
function abstractOf(length: number): string {
	const start = '<img src=x onerror=alert(1)> A synthetic abstract & "quoted" words: the quokka method keeps the KV cache of every author small.';
	const sentence = ' One hundred and sixty authors measured the memory of the cache again and again.';
	let text = start;
	while (text.length < length) text += sentence;
	return `${text.slice(0, length - 1).trimEnd().padEnd(length - 1, 'x')}.`;
}

/** A temp copy of the fixture with the 160-author paper added; returns its folder. */
export function longAuthorsCatalogue(): string {
	const dir = copyCatalogue();
	const q = (s: string) => JSON.stringify(s);
	writeIn(
		dir,
		`papers/${LONG.id}.yaml`,
		[
			'# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json',
			`title: ${LONG.title}`,
			'year: 2024',
			'venue: TMLR',
			'categories: [quantization]',
			'paper: https://example.org/papers/many-authors.pdf',
			`arxiv: ${q(LONG.arxiv)}`,
			`published: ${LONG.published}`,
			`doi: ${LONG.doi}`,
			'code: https://github.com/example/many-authors',
			'authors:',
			...LONG.authors.map((a) => `  - ${q(a)}`),
			`date: ${LONG.date}`,
			`abstract: ${q(LONG.abstract)}`,
			'',
		].join('\n'),
	);
	return dir;
}
