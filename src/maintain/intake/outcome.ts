/**
 * What one run of the intake decided, as the workflow reads it (`outcome.json`) and as the texts
 * for the issue and the pull request are written from it.
 */
import type { IntakeProblem, Source } from './draft.ts';

/** ready: a paper file for a pull request; problems: the issue must be edited; duplicate or rejected: decided before. */
export type IntakeVerdict = 'ready' | 'problems' | 'duplicate' | 'rejected';

/** The exit code of each verdict. */
export const EXIT_CODE: Record<IntakeVerdict, number> = { ready: 0, problems: 1, duplicate: 3, rejected: 3 };

/** The labels each verdict puts on the issue, and the ones it takes off (an edit that fixed the problems). */
export const LABELS: Record<IntakeVerdict, { add: string[]; remove: string[] }> = {
	ready: { add: [], remove: ['needs-info'] },
	problems: { add: ['needs-info'], remove: [] },
	duplicate: { add: ['duplicate'], remove: ['needs-info'] },
	rejected: { add: ['duplicate'], remove: ['needs-info'] },
};

/** One suggested leaf as the pull request shows it. */
export interface ShownSuggestion {
	category: string;
	score: number;
	/** Its titles from the top-level group down. */
	path: string[];
}

/** `outcome.json`. */
export interface IntakeOutcome {
	outcome: IntakeVerdict;
	issue: number;
	author: string;
	/** The pull request's branch: one per issue, so an edit updates the same pull request. */
	branch: string;
	/** The paper's id: the new file's (ready), or the catalogue paper's (duplicate). */
	id: string | null;
	/** The paper file, relative to the working directory. */
	file: string | null;
	/** Its page: where it will be (ready), or where it is (duplicate). */
	page: string | null;
	/** The paper's title. */
	title: string | null;
	/** The pull request's title (ready). */
	pullRequestTitle: string | null;
	/** Labels to add to the issue, and to remove from it. */
	labels: string[];
	removeLabels: string[];
	problems: IntakeProblem[];
	arxiv: { id: string; status: 'found' | 'not-found' | 'failed'; reason?: string } | null;
	/** The categories and where they came from; the three suggestions when the form said "Not sure". */
	categories: { slugs: string[]; paths: string[][]; source: 'form' | 'suggested'; suggestions: ShownSuggestion[] } | null;
	/** Where each field of the file came from. */
	sources: Record<string, Source>;
	/** The catalogue paper it is (duplicate), and the evidence. */
	duplicateOf: { id: string; title: string; file: string; page: string; evidence: string } | null;
	/** The rejection it matches (rejected). */
	rejection: { title: string; paper: string; kind: string; reason: string; evidence: string } | null;
	/** A queued candidate it turns into a paper, whose file the pull request removes. */
	candidate: { id: string; file: string } | null;
	/** Files of this issue written by an earlier run that the new file replaces. */
	replaced: string[];
	notes: string[];
}
