/**
 * Leave-one-out: file each paper of the catalogue from all the others and count how often its
 * leaf comes first, how often it is among the first three, and how often the first suggestion is
 * in its top-level group. A paper filed in several leaves is right when any of them is.
 */
import { buildTree } from '../catalogue/tree.ts';
import type { Paper } from '../catalogue/schema.ts';
import { abstractOf, type Filing, type Suggester } from './suggester.ts';

/** The counts of one leave-one-out run. */
export interface LeaveOneOutResult {
	/** Papers filed (every paper of the catalogue). */
	papers: number;
	/** Papers whose first suggestion is one of their leaves. */
	leafAt1: number;
	/** Papers with one of their leaves among the first three suggestions. */
	leafAt3: number;
	/** Papers whose first suggestion lies in the top-level group of one of their leaves. */
	groupAt1: number;
	/** Ids of the papers none of whose leaves was among the first three, for a maintainer to read. */
	missed: string[];
	/** Each paper's first suggestion: its score and whether it is one of the paper's leaves (how far a score can be trusted). */
	firsts: Array<{ id: string; score: number; right: boolean }>;
}

/** Which parts of a held-out paper the suggester is shown. @default both */
export interface HeldOutView {
	aliases?: boolean;
	abstracts?: boolean;
}

/** Train on every paper but one, suggest for that one, for each paper in turn. */
export function leaveOneOut(filing: Filing, train: (rest: Filing) => Suggester, view: HeldOutView = {}): LeaveOneOutResult {
	return tally(filing, filing.papers, (paper) => train({ taxonomy: filing.taxonomy, papers: filing.papers.filter((p) => p !== paper) }), view);
}

/**
 * File papers the suggester never saw: train once on `training` (say, the survey's list) and
 * suggest for each of `papers` (say, the papers the atlas added later), counted as leave-one-out
 * counts. Closer to what discover and intake face than leave-one-out: new papers bring new words.
 */
export function fileUnseen(training: Filing, papers: readonly Paper[], train: (filing: Filing) => Suggester, view: HeldOutView = {}): LeaveOneOutResult {
	const suggester = train(training);
	return tally(training, papers, () => suggester, view);
}

/** Suggest for each paper with the suggester `forPaper` gives, and count first leaf, top three and group. */
function tally(filing: Filing, papers: readonly Paper[], forPaper: (paper: Paper) => Suggester, view: HeldOutView): LeaveOneOutResult {
	const tree = buildTree(filing.taxonomy);
	const groupOf = (slug: string) => tree.bySlug.get(slug)?.path[0];
	const result: LeaveOneOutResult = { papers: 0, leafAt1: 0, leafAt3: 0, groupAt1: 0, missed: [], firsts: [] };
	for (const paper of papers) {
		const suggestions = forPaper(paper).suggest(heldOut(paper, view), 3);
		const ranked = suggestions.map((s) => s.category);
		result.papers++;
		if (suggestions[0]) result.firsts.push({ id: paper.id, score: suggestions[0].score, right: paper.categories.includes(suggestions[0].category) });
		if (ranked[0] !== undefined && paper.categories.includes(ranked[0])) result.leafAt1++;
		if (ranked.some((c) => paper.categories.includes(c))) result.leafAt3++;
		else result.missed.push(paper.id);
		const first = ranked[0] === undefined ? undefined : groupOf(ranked[0]);
		if (first !== undefined && paper.categories.some((c) => groupOf(c) === first)) result.groupAt1++;
	}
	return result;
}

/** What a suggester sees of the held-out paper: never its categories. */
function heldOut(paper: Paper, view: HeldOutView) {
	return {
		title: paper.title,
		aliases: view.aliases === false ? undefined : paper.aliases,
		abstract: view.abstracts === false ? undefined : abstractOf(paper),
	};
}
