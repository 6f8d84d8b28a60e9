/**
 * The "Add a paper" issue form, as one definition that both sides read: `npm run contributing`
 * writes `.github/ISSUE_TEMPLATE/add-paper.yml` from it, and `npm run intake` reads the issue
 * body GitHub renders from that form (`### Label`, a blank line, the value). A label changed here
 * changes both, so the parser can never fall behind the form.
 */
import type { PaperData } from '../../catalogue/schema.ts';
import type { TreeNode } from '../../catalogue/tree.ts';

/** The label the form puts on every issue it opens; the intake workflow runs on issues that carry it. */
export const ADD_PAPER_LABEL = 'add-paper';

/** The categories choice for "file it where it fits best": the intake then takes the suggester's first leaf. */
export const NOT_SURE = 'Not sure';

/** The one option of the code checkbox: ticked, the paper gets `codeOfficial: false`. */
export const UNOFFICIAL_CODE = 'The code is not by the paper\'s authors (a reimplementation)';

/** One field of the form: its id in the form, the label GitHub prints above its value, the paper field it fills. */
export interface IssueFormField {
	id: string;
	label: string;
	/** The field of the paper file it fills. */
	key: keyof PaperData;
	type: 'input' | 'dropdown' | 'checkboxes' | 'textarea';
	required: boolean;
}

/** The fields in the order the form asks for them: the paper link first, the only one required. */
export const ISSUE_FORM_FIELDS: readonly IssueFormField[] = [
	{ id: 'paper', label: 'Paper link', key: 'paper', type: 'input', required: true },
	{ id: 'title', label: 'Title', key: 'title', type: 'input', required: false },
	{ id: 'categories', label: 'Categories', key: 'categories', type: 'dropdown', required: false },
	{ id: 'venue', label: 'Venue', key: 'venue', type: 'input', required: false },
	{ id: 'year', label: 'Year', key: 'year', type: 'input', required: false },
	{ id: 'aliases', label: 'Short names', key: 'aliases', type: 'input', required: false },
	{ id: 'authors', label: 'Authors', key: 'authors', type: 'input', required: false },
	{ id: 'code', label: 'Code link', key: 'code', type: 'input', required: false },
	{ id: 'code-official', label: 'Code', key: 'codeOfficial', type: 'checkboxes', required: false },
	{ id: 'summary', label: 'Summary', key: 'summary', type: 'textarea', required: false },
];

/** The form field that fills a paper field, for messages that say which field of the issue to change. */
export function formFieldOf(key: string): IssueFormField | undefined {
	return ISSUE_FORM_FIELDS.find((f) => f.key === key) ?? (key === 'arxiv' ? ISSUE_FORM_FIELDS[0] : undefined);
}

/** The label of a leaf among the form's category options: its slug, then its parent's title and its own. */
export function leafOption(leaf: Pick<TreeNode, 'slug' | 'title' | 'parent'>): string {
	return `${leaf.slug} — ${leaf.parent ? `${leaf.parent.title} › ` : ''}${leaf.title}`;
}
