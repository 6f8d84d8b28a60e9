import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexName, bibtexTitle, citationKey, citationKeys, entryType, escapeBibtex, type BibtexSource } from '../../../src/site/bibtex.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { FIXTURE } from '../../helpers/catalogue.ts';
import { SURVEY_BIBTEX } from '../../../src/site/survey.ts';

const snapkv: BibtexSource = {
	id: 'snapkv',
	title: 'SnapKV: LLM Knows What You are Looking for Before Generation',
	aliases: ['SnapKV'],
	authors: ['Yuhong Li', 'Yingbing Huang'],
	year: 2024,
	venue: 'NeurIPS',
	venueInfo: { name: 'NeurIPS', fullName: 'Conference on Neural Information Processing Systems', kind: 'conference' },
	paper: 'https://arxiv.org/abs/2404.14469',
};

/** Braces balance when escaped ones (\{ \}) are skipped. */
function balanced(text: string): boolean {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth < 0) return false;
	}
	return depth === 0;
}

describe('entry types', () => {
	it('uses @inproceedings with booktitle for a conference paper', () => {
		const entry = bibtexEntry(snapkv);

		expect(entry).toMatch(/^@inproceedings\{li2024snapkv,\n/);
		expect(entry).toContain('booktitle     = {Conference on Neural Information Processing Systems}');
		expect(entry).toContain('author        = {Yuhong Li and Yingbing Huang}');
		expect(entry).toContain('eprint        = {2404.14469}');
		expect(entry).toContain('archivePrefix = {arXiv}');
		expect(entry.endsWith('\n}')).toBe(true);
	});

	it('uses @article with journal for a journal and @misc with the eprint for an arXiv preprint', () => {
		const article = bibtexEntry({ ...snapkv, venueInfo: { name: 'TMLR', fullName: 'Transactions on Machine Learning Research', kind: 'journal' } });
		const preprint = bibtexEntry({ ...snapkv, venue: 'arXiv', venueInfo: { name: 'arXiv', kind: 'preprint' } });

		expect(article).toMatch(/^@article\{/);
		expect(article).toContain('journal       = {Transactions on Machine Learning Research}');
		expect(preprint).toMatch(/^@misc\{/);
		expect(preprint).toContain('eprint        = {2404.14469}');
		expect(preprint).not.toContain('booktitle');
		expect(preprint).not.toContain('howpublished');
	});

	it('uses @misc with howpublished for a non-arXiv link and @inproceedings for a workshop', () => {
		const other = bibtexEntry({ ...snapkv, paper: 'https://example.org/a.pdf', venueInfo: { name: 'Blog', kind: 'other' } });

		expect(other).toMatch(/^@misc\{/);
		expect(other).toContain('howpublished = {Blog}');
		expect(other).not.toContain('eprint');
		expect(entryType('workshop')).toBe('inproceedings');
	});

	it('gives the DOI, and the eprint from the arxiv field when the paper links elsewhere', () => {
		const entry = bibtexEntry({ ...snapkv, paper: 'https://openreview.net/forum?id=abc_1', arxiv: '2404.14469', doi: '10.1145/3600006.3613165' });

		expect(entry).toContain('doi           = {10.1145/3600006.3613165}');
		expect(entry).toContain('eprint        = {2404.14469}');
		expect(entry).toContain('archivePrefix = {arXiv}');
		expect(entry).toContain('url           = {https://openreview.net/forum?id=abc_1}');
		expect(bibtexEntry({ ...snapkv, paper: 'https://example.org/a.pdf' })).not.toContain('eprint');
	});

	it('prefers the bibtex field of the paper', () => {
		expect(bibtexEntry({ ...snapkv, bibtex: '@misc{own, title={Own}}\n' })).toBe('@misc{own, title={Own}}');
	});

	it('generates the survey entry as a TMLR article with its arXiv id', () => {
		expect(SURVEY_BIBTEX).toMatch(/^@article\{li2025survey,/);
		expect(SURVEY_BIBTEX).toContain('journal       = {Transactions on Machine Learning Research}');
		expect(SURVEY_BIBTEX).toContain('Haoyang Li and Yiming Li and Anxin Tian');
		expect(SURVEY_BIBTEX).toContain('eprint        = {2412.19442}');
	});
});

describe('escaping', () => {
	it('escapes LaTeX specials and protects capitals in titles', () => {
		expect(escapeBibtex('50% of {x} & $y_1 #2 ~ ^ \\')).toBe('50\\% of \\{x\\} \\& \\$y\\_1 \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
		expect(bibtexTitle('SnapKV: LLM Knows What')).toBe('{SnapKV:} {LLM} Knows What');
		expect(bibtexTitle('<script>alert(1)</script> & <b>Bold</b>')).toContain('\\&');
	});

	it('keeps braces balanced in every entry, whatever the title, authors or link', () => {
		fc.assert(
			fc.property(fc.string(), fc.array(fc.string({ minLength: 1 })), fc.webUrl(), (title, authors, url) => {
				const entry = bibtexEntry({ ...snapkv, title: title || 'x', authors, paper: `${url}{}` });
				expect(balanced(entry)).toBe(true);
			}),
		);
	});
});

describe('author names', () => {
	it.each([
		['an ordinary name as written', 'Zirui Liu', 'Zirui Liu'],
		['accented letters as they are (UTF-8)', 'Christopher Ré', 'Christopher Ré'],
		['a hyphenated given name, which BibTeX abbreviates right', 'Jean-Pierre Dupont', 'Jean-Pierre Dupont'],
		['a single-word name', 'Kalidasa', 'Kalidasa'],
		['particles, which BibTeX reads as the "von" part', 'Jan van der Berg', 'Jan van der Berg'],
		['a suffix moved out of the family name', 'Martin Luther King Jr.', 'King, Jr., Martin Luther'],
		['a suffix written after a comma', 'John Smith, Jr.', 'Smith, Jr., John'],
		['a suffix with particles', 'Ludwig van Beethoven III', 'van Beethoven, III, Ludwig'],
		['a corporate author whole, in braces', 'Gemini Team', '{Gemini Team}'],
		['a one-word corporate author as it is', 'DeepSeek-AI', 'DeepSeek-AI'],
		['a name holding the word "and" in braces', 'Procter and Gamble', '{Procter and Gamble}'],
		['any other comma in braces, so it is not read as "Last, First"', 'Acme, Inc', '{Acme, Inc}'],
		['LaTeX specials escaped inside the braces', 'AT&T Labs', '{AT\\&T Labs}'],
	])('writes %s', (_, name, written) => {
		expect(bibtexName(name)).toBe(written);
	});

	it('joins the authors with "and" in publication order', () => {
		const entry = bibtexEntry({ ...snapkv, authors: ['Gemini Team', 'Martin Luther King Jr.', 'Christopher Ré'] });

		expect(entry).toContain('author        = {{Gemini Team} and King, Jr., Martin Luther and Christopher Ré}');
	});
});

describe('citation keys', () => {
	it('reads author, year and first word, or word and year without authors', () => {
		expect(citationKey(snapkv)).toBe('li2024snapkv');
		expect(citationKey({ id: 'x', title: 'On the Efficiency of Caches', year: 2023 })).toBe('efficiency2023');
		expect(citationKey({ id: 'café-x', title: '!!!', year: 2023, authors: ['José Núñez'] })).toBe('nunez2023cafex');
	});

	it('take the family name, not a suffix, and an organisation whole', () => {
		expect(citationKey({ ...snapkv, authors: ['Martin Luther King Jr.'] })).toBe('king2024snapkv');
		expect(citationKey({ ...snapkv, authors: ['Jan van der Berg'] })).toBe('berg2024snapkv');
		expect(citationKey({ ...snapkv, authors: ['Gemini Team'] })).toBe('geminiteam2024snapkv');
		expect(citationKey({ ...snapkv, authors: ['Smith, John'] })).toBe('smith2024snapkv');
	});

	it('stay unique over the fixture catalogue, whose papers have authors', () => {
		const papers = loadCatalogueOrThrow(FIXTURE).papers;

		const keys = citationKeys(papers);

		expect(Object.fromEntries(keys)).toMatchObject({ vllm: 'kwon2023vllm', kivi: 'liu2024kivi', snapkv: 'li2024snapkv', h2o: 'zhang2023h2o' });
		expect(new Set(keys.values()).size).toBe(papers.length);
	});

	it('makes clashing keys unique with suffixes in id order, leaving lone keys alone', () => {
		const keys = citationKeys([
			{ id: 'b', title: 'Quest for KV', year: 2024 },
			{ id: 'a', title: 'Quest of caches', year: 2024 },
			{ id: 'c', title: 'Other', year: 2024 },
		]);

		expect(Object.fromEntries(keys)).toEqual({ a: 'quest2024a', b: 'quest2024b', c: 'other2024' });
	});
});
