/**
 * The contributor-facing files that list what the catalogue accepts: the category and venue
 * lists inside CONTRIBUTING.md and the "Add a paper" issue form. Both are generated from the
 * catalogue by `npm run contributing`, and a test fails when the committed files are stale,
 * so a renamed category can never leave an outdated slug in the instructions.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Catalogue } from '../../catalogue/load.ts';
import { PaperSchema, type Venue } from '../../catalogue/schema.ts';
import { buildTree, type TreeNode } from '../../catalogue/tree.ts';
import { ADD_PAPER_LABEL, ISSUE_FORM_FIELDS, leafOption, NOT_SURE, UNOFFICIAL_CODE, type IssueFormField } from '../common/issue-form.ts';

/** Where the lists come from: data/ once it holds a taxonomy, else the test fixture. */
export function contributingSourceDir(root: string): string {
	const data = path.join(root, 'data');
	return existsSync(path.join(data, 'taxonomy.yaml')) ? data : path.join(root, 'tests/fixtures/catalogue');
}

/** The category slugs as a nested markdown list: groups as headings of their leaves. */
export function categoryListMarkdown(catalogue: Pick<Catalogue, 'taxonomy'>): string {
	const lines: string[] = [];
	const walk = (node: TreeNode) => {
		const indent = '  '.repeat(node.depth);
		lines.push(node.isLeaf ? `${indent}- \`${node.slug}\` — ${node.title}` : `${indent}- ${node.depth === 0 ? `**${node.title}**` : node.title}`);
		node.children.forEach(walk);
	};
	buildTree(catalogue.taxonomy).roots.forEach(walk);
	return lines.join('\n');
}

/** The venues as a markdown table: canonical name, kind, other spellings accepted by `npm run new`. */
export function venueListMarkdown(catalogue: Pick<Catalogue, 'venues'>): string {
	const cell = (s: string) => s.replace(/\|/g, '\\|');
	const rows = [...catalogue.venues]
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
		.map((v: Venue) => `| \`${cell(v.name)}\` | ${v.kind} | ${cell(v.fullName ?? '')} | ${(v.aliases ?? []).map((a) => `\`${cell(a)}\``).join(', ')} |`);
	return ['| venue | kind | full name | also accepted by `npm run new` |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const markers = (name: string) => [`<!-- generated:${name} (npm run contributing) -->`, `<!-- /generated:${name} -->`] as const;

/** Replace the generated block `name` of a markdown text; throws when its markers are missing. */
export function replaceGenerated(text: string, name: string, content: string): string {
	const [open, close] = markers(name);
	const start = text.indexOf(open);
	const end = text.indexOf(close);
	if (start < 0 || end < start) throw new Error(`the markers of the generated "${name}" block are missing; put "${open}" and "${close}" on lines of their own`);
	return `${text.slice(0, start + open.length)}\n${content}\n${text.slice(end)}`;
}

/** CONTRIBUTING.md with its category and venue lists regenerated. */
export function contributingMarkdown(current: string, catalogue: Pick<Catalogue, 'taxonomy' | 'venues'>): string {
	return replaceGenerated(replaceGenerated(current, 'categories', categoryListMarkdown(catalogue)), 'venues', venueListMarkdown(catalogue));
}

/** The field's description from the paper schema, so the form and the editor say the same. */
function describe(field: keyof typeof PaperSchema.shape): string {
	return PaperSchema.shape[field].description ?? '';
}

/** What each field of the form says beyond the schema's description, and its example. */
function formEntry(field: IssueFormField, catalogue: Pick<Catalogue, 'taxonomy' | 'venues'>): Record<string, unknown> {
	const leaves = buildTree(catalogue.taxonomy).leaves;
	const attributes: Record<string, unknown> = { label: field.label };
	switch (field.id) {
		case 'paper':
			Object.assign(attributes, { description: `${describe('paper')} An arXiv id such as 2404.14469 is enough: the title, authors, date and year then come from arXiv. http(s) links only.`, placeholder: 'https://arxiv.org/abs/2404.14469' });
			break;
		case 'title':
			Object.assign(attributes, { description: `${describe('title')} Leave it empty for an arXiv paper: its title comes from arXiv.`, placeholder: 'SnapKV: LLM Knows What You are Looking for Before Generation' });
			break;
		case 'categories':
			Object.assign(attributes, {
				description: `${describe('categories')} Choose every category the paper belongs to, or "${NOT_SURE}": the categories are then suggested from the papers filed already, and a maintainer checks the choice.`,
				multiple: true,
				options: [NOT_SURE, ...leaves.map(leafOption)],
			});
			break;
		case 'venue':
			Object.assign(attributes, { description: `${describe('venue')} Leave it empty for an arXiv preprint. The venues are listed in CONTRIBUTING.md; other spellings such as NIPS are accepted.`, placeholder: 'NeurIPS' });
			break;
		case 'year':
			Object.assign(attributes, { description: `${describe('year')} Leave it empty for an arXiv preprint.`, placeholder: '2024' });
			break;
		case 'aliases':
			Object.assign(attributes, { description: `${describe('aliases')} Separate several with commas.`, placeholder: 'SnapKV' });
			break;
		case 'authors':
			Object.assign(attributes, { description: `${describe('authors')} Separate them with commas. Leave it empty for an arXiv paper.`, placeholder: 'Yuhong Li, Yingbing Huang, Bowen Yang' });
			break;
		case 'code':
			Object.assign(attributes, { description: `${describe('code')} http(s) only.`, placeholder: 'https://github.com/FasterDecoding/SnapKV' });
			break;
		case 'code-official':
			Object.assign(attributes, { description: describe('codeOfficial'), options: [{ label: UNOFFICIAL_CODE }] });
			break;
		case 'summary':
			Object.assign(attributes, { description: describe('summary') });
			break;
	}
	return { type: field.type, id: field.id, attributes, ...(field.required ? { validations: { required: true } } : {}) };
}

/**
 * `.github/ISSUE_TEMPLATE/add-paper.yml`: a GitHub issue form whose fields are the paper schema's.
 * Only the paper link is required; `npm run intake` (the intake workflow) turns the issue into a
 * pull request and reads the body by the labels of `ISSUE_FORM_FIELDS`.
 */
export function issueFormYaml(catalogue: Pick<Catalogue, 'taxonomy' | 'venues'>, source: string): string {
	const form = {
		name: 'Add a paper',
		description: 'Suggest a paper for the list: give its link, and a pull request with its file is opened for you.',
		title: '[Add paper] ',
		labels: [ADD_PAPER_LABEL],
		body: [
			{
				type: 'markdown',
				attributes: {
					value: 'Only the paper link is required: for an arXiv paper the title, authors, date and year come from arXiv. A bot turns this issue into a pull request with the paper\'s file (see CONTRIBUTING.md) and comments here with its link, or with what to fix: edit the issue to fix it, and the pull request follows. Each field is a field of the paper file.',
				},
			},
			...ISSUE_FORM_FIELDS.map((f) => formEntry(f, catalogue)),
		],
	};
	const header = `# Generated from ${source}/taxonomy.yaml and venues.yaml by "npm run contributing";\n# a test fails when it is stale. Edit the generator (src/maintain/contributing/contributing-docs.ts), not this file.\n`;
	return header + stringify(form, { lineWidth: 0, singleQuote: false });
}
