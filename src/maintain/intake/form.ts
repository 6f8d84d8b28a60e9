/**
 * Read the body GitHub renders from the "Add a paper" issue form: each field as `### Label`, a
 * blank line, then its value, and `_No response_` for a field left empty. Only the form's own
 * labels (`ISSUE_FORM_FIELDS`) start a field, so a `###` line someone writes inside the summary
 * stays part of the summary. A body edited by hand is read the same way.
 */
import { ISSUE_FORM_FIELDS, NOT_SURE } from '../common/issue-form.ts';

/** The answers of one issue. */
export interface FormAnswers {
	/** Each field's value by form id, trimmed; '' when left empty; absent when the body lacks the field. */
	values: Map<string, string>;
}

const EMPTY = /^_No response_$/i;

/** The answers in `body`, or null when the body has none of the form's fields (not written with the form). */
export function parseIssueForm(body: string): FormAnswers | null {
	const byLabel = new Map(ISSUE_FORM_FIELDS.map((f) => [f.label.toLowerCase(), f.id]));
	const values = new Map<string, string>();
	let current: string | null = null;
	let lines: string[] = [];
	const close = () => {
		if (current !== null && !values.has(current)) {
			const value = lines.join('\n').trim();
			values.set(current, EMPTY.test(value) ? '' : value);
		}
	};
	for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = /^#{3}\s+(.+?)\s*#*\s*$/.exec(line);
		const id = heading ? byLabel.get(heading[1]!.toLowerCase()) : undefined;
		if (id !== undefined) {
			close();
			current = id;
			lines = [];
		} else if (current !== null) lines.push(line);
	}
	close();
	return values.size ? { values } : null;
}

/** Text of an input field on one line: whitespace (newlines of a hand-edited body included) collapsed. */
export function oneLine(value: string | undefined): string {
	return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** The items of a comma-separated field ("A, B"): trimmed, empty ones dropped. */
export function commaList(value: string | undefined): string[] {
	return oneLine(value)
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Whether the first box of a checkboxes field is ticked (`- [X] label`). */
export function ticked(value: string | undefined): boolean {
	return /^\s*[-*]\s*\[[xX]\]/m.test(value ?? '');
}

/** The choices of the categories field. */
export interface CategoryChoice {
	/** Slugs named, in order, each once. */
	slugs: string[];
	/** "Not sure" was chosen, or nothing was. */
	notSure: boolean;
}

/**
 * The categories chosen: GitHub writes the options' labels ("slug — Group › Leaf") joined by ", ";
 * a hand-edited body may name bare slugs. `options` are the form's labels of the leaves, by slug.
 */
export function chosenCategories(value: string | undefined, options: ReadonlyMap<string, string>): CategoryChoice {
	let rest = (value ?? '').replace(/\s+/g, ' ');
	const found: Array<{ at: number; slug: string }> = [];
	// Whole labels first, longest first, so a label that contains another is not split.
	for (const [slug, label] of [...options].sort((a, b) => b[1].length - a[1].length)) {
		let at = rest.indexOf(label);
		while (at >= 0) {
			found.push({ at, slug });
			rest = `${rest.slice(0, at)}${' '.repeat(label.length)}${rest.slice(at + label.length)}`;
			at = rest.indexOf(label);
		}
	}
	let notSure = false;
	let offset = 0;
	for (const piece of rest.split(',')) {
		const text = piece.trim();
		const at = offset + piece.indexOf(text);
		offset += piece.length + 1;
		if (!text) continue;
		if (text.toLowerCase().startsWith(NOT_SURE.toLowerCase())) notSure = true;
		else found.push({ at, slug: text.split(/\s+—\s+|\s+-\s+/)[0]!.trim() });
	}
	const slugs = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.slug))];
	return { slugs, notSure: notSure || slugs.length === 0 };
}
