/**
 * The paper an issue asks for: the form's answers, completed by arXiv (title, authors, first date,
 * year) and by the suggester (the category, when the form says "Not sure"). The draft keeps every
 * value as the issue gave it, even a wrong one, so that the catalogue's own checks judge it and
 * word the problem as `npm run validate` would. What the checks cannot say (a field left empty
 * that arXiv could not fill) is a problem here, in the form's words.
 */
import { yearFromArxiv } from '../../awesome-list/gaps.ts';
import { indexVenues } from '../../catalogue/checks.ts';
import type { Catalogue } from '../../catalogue/load.ts';
import { arxivId } from '../../catalogue/links.ts';
import { buildTree } from '../../catalogue/tree.ts';
import type { ArxivRecord } from '../../services/arxiv.ts';
import type { Suggester, Suggestion } from '../../suggest/suggester.ts';
import { aliasesFor } from '../common/paper-draft.ts';
import { leafOption } from '../common/issue-form.ts';
import { chosenCategories, commaList, oneLine, ticked, type FormAnswers } from './form.ts';

/** What arXiv said about the paper's id. */
export type ArxivLookup =
	| { status: 'none' }
	| { status: 'found'; id: string; record: ArxivRecord }
	| { status: 'not-found'; id: string }
	| { status: 'failed'; id: string; reason: string };

/** Where a field's value came from, for the pull request. */
export type Source = 'form' | 'title' | 'arXiv' | 'arXiv id' | 'suggested' | 'issue';

/** A problem to fix in the issue: the form's field, what is wrong, how to fix it, and the check's own line when it has one. */
export interface IntakeProblem {
	/** The label of the form's field ("Venue"), or "Issue" for the issue as a whole. */
	field: string;
	/** The paper field it fills ("venue"), when there is one. */
	key?: string;
	message: string;
	fix: string;
	/** The value the check judged, as the issue gave it. */
	given?: string;
	/** The line `npm run validate` prints for it: `data/papers/x.yaml:5:8  venue  unknown venue …`. */
	check?: string;
}

/** The draft of the paper file and what is known about it. */
export interface PaperDraft {
	/** The fields in the paper file's order; values as given (a wrong one is left for the checks to name). */
	data: Record<string, unknown>;
	/** Where each field came from. */
	sources: Record<string, Source>;
	problems: IntakeProblem[];
	/** The suggester's three leaves, when the form said "Not sure". */
	suggestions: Suggestion[] | null;
	/** arXiv's abstract, for the suggester and the reviewer; never written to the file. */
	abstract: string | null;
	/** Things the reviewer should know (a title that differs from arXiv's, a venue alias rewritten). */
	notes: string[];
}

/** The arXiv id a paper field names: a bare id (`2404.14469`, `arXiv:2404.14469v2`) or an arXiv link in any form; null otherwise. */
export function arxivIdOf(input: string): string | null {
	const bare = /^(?:arxiv:\s*)?(\d{4}\.\d{4,5})(?:v\d+)?$/i.exec(input.trim());
	if (bare) return bare[1]!;
	return /^https?:\/\//i.test(input.trim()) ? arxivId(input.trim()) : null;
}

/** The categories' form labels by slug, as the issue form offers them. */
export function categoryOptions(catalogue: Pick<Catalogue, 'taxonomy'>): Map<string, string> {
	return new Map(buildTree(catalogue.taxonomy).leaves.map((l) => [l.slug, leafOption(l)]));
}

/** Build the draft of the paper the issue asks for. `added` is the file's `added:` date. */
export function draftPaper(answers: FormAnswers, lookup: ArxivLookup, catalogue: Pick<Catalogue, 'taxonomy' | 'venues'>, suggester: Suggester, added: string): PaperDraft {
	const v = (id: string) => answers.values.get(id);
	const record = lookup.status === 'found' ? lookup.record : null;
	const problems: IntakeProblem[] = [];
	const notes: string[] = [];
	const sources: Record<string, Source> = {};
	const from = <T>(key: string, source: Source, value: T): T => {
		if (value !== undefined) sources[key] = source;
		return value;
	};

	const paperInput = oneLine(v('paper'));
	let paper: string | undefined;
	if (!paperInput) problems.push({ field: 'Paper link', key: 'paper', message: 'is empty', fix: 'Edit the issue and give the paper\'s link, such as https://arxiv.org/abs/2404.14469, or its arXiv id.' });
	else if (lookup.status !== 'none') paper = from('paper', 'form', `https://arxiv.org/abs/${lookup.id}`);
	else paper = from('paper', 'form', paperInput);
	if (lookup.status === 'not-found') {
		problems.push({ field: 'Paper link', key: 'paper', message: `arXiv has no paper ${lookup.id}`, fix: 'Check the link or the id (such as 2404.14469) and edit the issue.' });
	}

	const formTitle = oneLine(v('title'));
	const arxivTitle = record ? oneLine(record.title) : '';
	const title = formTitle ? from('title', 'form', formTitle) : arxivTitle ? from('title', 'arXiv', arxivTitle) : undefined;
	if (formTitle && arxivTitle && formTitle.toLowerCase() !== arxivTitle.toLowerCase()) notes.push(`The form's title is kept; arXiv's is "${arxivTitle}".`);
	if (!title && lookup.status === 'failed') {
		problems.push({ field: 'Title', key: 'title', message: `is empty, and arXiv did not answer (${lookup.reason}), so the title could not be taken from it`, fix: 'Edit the issue to try again later (any edit does), or fill in Title.' });
	} else if (!title && lookup.status === 'none' && paperInput) {
		problems.push({ field: 'Title', key: 'title', message: 'is empty; a paper that is not on arXiv needs its title in the form', fix: 'Edit the issue and fill in Title, as published.' });
	}

	const aliases = aliasesFor(title ?? '', commaList(v('aliases')));

	// The venue: the form's, an alias turned into its canonical name; an arXiv paper with none is a preprint.
	const venueInput = oneLine(v('venue'));
	const index = indexVenues(catalogue.venues);
	let venue: string | undefined;
	if (venueInput) {
		const known = index.resolve(venueInput);
		if (known && known.name !== venueInput) notes.push(`The venue "${venueInput}" is written as its canonical name "${known.name}".`);
		venue = from('venue', 'form', known?.name ?? venueInput);
	} else if (lookup.status !== 'none') {
		venue = from('venue', 'arXiv id', catalogue.venues.find((x) => x.kind === 'preprint' && x.name.toLowerCase() === 'arxiv')?.name ?? 'arXiv');
	} else if (paperInput) {
		problems.push({ field: 'Venue', key: 'venue', message: 'is empty; a paper that is not on arXiv needs the venue that published it', fix: 'Edit the issue and fill in Venue, such as NeurIPS (the venues are listed in CONTRIBUTING.md).' });
	}
	const preprint = venue !== undefined && index.resolve(venue)?.kind === 'preprint';

	// The year: the form's (written as given, so a wrong one is named by the checks), else the preprint's.
	const yearInput = oneLine(v('year'));
	let year: number | string | undefined;
	if (yearInput) year = from('year', 'form', /^\d{4}$/.test(yearInput) ? Number(yearInput) : yearInput);
	else if (preprint && record?.date) year = from('year', 'arXiv', Number(record.date.slice(0, 4)));
	else if (preprint && paper && yearFromArxiv(paper)) year = from('year', 'arXiv id', yearFromArxiv(paper));
	else if (venue && !preprint && index.resolve(venue)) problems.push({ field: 'Year', key: 'year', message: `is empty; a paper published at ${venue} needs the year of that venue`, fix: 'Edit the issue and fill in Year, such as 2024.' });

	// The categories: the form's, else the suggester's first leaf.
	const choice = chosenCategories(v('categories'), categoryOptions(catalogue));
	let categories: string[] | undefined;
	let suggestions: Suggestion[] | null = null;
	if (choice.slugs.length) categories = from('categories', 'form', choice.slugs);
	else if (title) {
		suggestions = suggester.suggest({ title, aliases, abstract: record?.summary ?? undefined }, 3);
		if (suggestions[0]) categories = from('categories', 'suggested', [suggestions[0].category]);
	}

	const formAuthors = commaList(v('authors'));
	const authors = formAuthors.length ? from('authors', 'form', formAuthors) : record?.authors.length ? from('authors', 'arXiv', record.authors) : undefined;
	const code = oneLine(v('code')) || undefined;
	const summary = (v('summary') ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim() || undefined;

	const data: Record<string, unknown> = {
		title,
		aliases: aliases.length ? from('aliases', commaList(v('aliases')).length ? 'form' : 'title', aliases) : undefined,
		year,
		venue,
		categories,
		paper,
		code: from('code', 'form', code),
		codeOfficial: code && ticked(v('code-official')) ? from('codeOfficial', 'form', false) : undefined,
		authors,
		date: record?.date ? from('date', 'arXiv', record.date) : undefined,
		summary: from('summary', 'form', summary),
		added: from('added', 'issue', added),
	};
	for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
	return { data, sources, problems, suggestions, abstract: record?.summary ?? null, notes };
}
