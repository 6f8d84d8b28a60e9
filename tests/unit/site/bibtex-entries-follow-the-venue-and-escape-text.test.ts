import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexTitle, citationKey, citationKeys, entryType, escapeBibtex, type BibtexSource } from '../../../src/site/bibtex.ts';
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

describe('citation keys', () => {
	it('reads author, year and first word, or word and year without authors', () => {
		expect(citationKey(snapkv)).toBe('li2024snapkv');
		expect(citationKey({ id: 'x', title: 'On the Efficiency of Caches', year: 2023 })).toBe('efficiency2023');
		expect(citationKey({ id: 'café-x', title: '!!!', year: 2023, authors: ['José Núñez'] })).toBe('nunez2023cafex');
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
