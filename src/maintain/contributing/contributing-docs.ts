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

/** The label of a leaf in the issue form: its slug, then its parent's title and its own. */
function leafOption(leaf: TreeNode): string {
	return `${leaf.slug} — ${leaf.parent ? `${leaf.parent.title} › ` : ''}${leaf.title}`;
}

/** The field's description from the paper schema, so the form and the editor say the same. */
function describe(field: keyof typeof PaperSchema.shape): string {
	return PaperSchema.shape[field].description ?? '';
}

/** The venue choice that is not in the list. */
export const OTHER_VENUE = 'Other (name it in the summary)';

/** `.github/ISSUE_TEMPLATE/add-paper.yml`: a GitHub issue form whose fields are the paper schema's. */
export function issueFormYaml(catalogue: Pick<Catalogue, 'taxonomy' | 'venues'>, source: string): string {
	const leaves = buildTree(catalogue.taxonomy).leaves;
	const form = {
		name: 'Add a paper',
		description: 'Suggest a paper for the list. A maintainer turns it into data/papers/<id>.yaml (or open a pull request with that file yourself).',
		title: '[Add paper] ',
		labels: ['add-paper'],
		body: [
			{
				type: 'markdown',
				attributes: {
					value: 'Each field is a field of the paper file (see CONTRIBUTING.md). Only title, year, venue and categories are required. Faster still: run `npm run new` and open a pull request with the one file it writes.',
				},
			},
			{ type: 'input', id: 'title', attributes: { label: 'Title', description: describe('title'), placeholder: 'SnapKV: LLM Knows What You are Looking for Before Generation' }, validations: { required: true } },
			{ type: 'input', id: 'aliases', attributes: { label: 'Short names', description: `${describe('aliases')} Separate several with commas.`, placeholder: 'SnapKV' } },
			{ type: 'input', id: 'year', attributes: { label: 'Year', description: describe('year'), placeholder: '2024' }, validations: { required: true } },
			{
				type: 'dropdown',
				id: 'venue',
				attributes: { label: 'Venue', description: describe('venue'), options: [...catalogue.venues.map((v) => v.name), OTHER_VENUE] },
				validations: { required: true },
			},
			{
				type: 'dropdown',
				id: 'categories',
				attributes: { label: 'Categories', description: `${describe('categories')} Choose every category the paper belongs to.`, multiple: true, options: leaves.map(leafOption) },
				validations: { required: true },
			},
			{ type: 'input', id: 'paper', attributes: { label: 'Paper link', description: `${describe('paper')} http(s) only.`, placeholder: 'https://arxiv.org/abs/2404.14469' } },
			{ type: 'input', id: 'code', attributes: { label: 'Code link', description: `${describe('code')} http(s) only.`, placeholder: 'https://github.com/FasterDecoding/SnapKV' } },
			{ type: 'checkboxes', id: 'code-official', attributes: { label: 'Code', description: describe('codeOfficial'), options: [{ label: 'The code is by the authors of the paper (official)' }] } },
			{ type: 'input', id: 'authors', attributes: { label: 'Authors', description: `${describe('authors')} Separate them with commas.`, placeholder: 'Yuhong Li, Yingbing Huang, Bowen Yang' } },
			{ type: 'textarea', id: 'summary', attributes: { label: 'Summary', description: describe('summary') } },
		],
	};
	const header = `# Generated from ${source}/taxonomy.yaml and venues.yaml by "npm run contributing";\n# a test fails when it is stale. Edit the generator (src/maintain/contributing/contributing-docs.ts), not this file.\n`;
	return header + stringify(form, { lineWidth: 0, singleQuote: false });
}
