import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { indexVenues } from '../../../../src/catalogue/checks.ts';
import { contributingMarkdown, contributingSourceDir, issueFormYaml, replaceGenerated } from '../../../../src/maintain/contributing/contributing-docs.ts';
import { ISSUE_FORM_FIELDS, NOT_SURE } from '../../../../src/maintain/common/issue-form.ts';
import { loadCatalogueOrThrow } from '../../../../src/catalogue/load.ts';
import { PAPER_KEYS, PaperSchema } from '../../../../src/catalogue/schema.ts';
import { buildTree } from '../../../../src/catalogue/tree.ts';
import { ROOT } from '../../../helpers/catalogue.ts';

const source = contributingSourceDir(ROOT);
const catalogue = loadCatalogueOrThrow(source);
const leaves = buildTree(catalogue.taxonomy).leaves.map((l) => l.slug);
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const contributing = read('CONTRIBUTING.md');
const STALE = 'stale: run "npm run contributing" and commit the result';

interface FormField {
	type: string;
	id?: string;
	attributes: { label?: string; options?: Array<string | { label: string }>; multiple?: boolean };
	validations?: { required?: boolean };
}

describe('contributor docs', () => {
	it(`CONTRIBUTING.md lists every category slug and venue of ${path.relative(ROOT, source)} (generated; ${STALE})`, () => {
		expect(contributing, STALE).toBe(contributingMarkdown(contributing, catalogue));
		for (const slug of leaves) expect(contributing).toContain(`\`${slug}\``);
		for (const v of catalogue.venues) expect(contributing).toContain(`| \`${v.name}\` |`);
	});

	it(`the "Add a paper" issue form is generated from the same catalogue (${STALE})`, () => {
		const rel = path.relative(ROOT, source).split(path.sep).join('/');

		expect(read('.github/ISSUE_TEMPLATE/add-paper.yml'), STALE).toBe(issueFormYaml(catalogue, rel));
	});

	it('the issue form asks for every field the intake reads, requires only the paper link, and offers "Not sure" beside the leaf slugs', () => {
		const form = parse(read('.github/ISSUE_TEMPLATE/add-paper.yml')) as { name: string; description: string; labels: string[]; body: FormField[] };
		const fields = new Map(form.body.filter((f) => f.id).map((f) => [f.id!, f]));

		expect(form.name).toBe('Add a paper');
		expect(form.labels).toEqual(['add-paper']);
		expect(form.description.length).toBeGreaterThan(0);
		expect([...fields.keys()]).toEqual(['paper', 'title', 'categories', 'venue', 'year', 'aliases', 'authors', 'code', 'code-official', 'summary']);
		// The intake reads the body by these labels: the form must print exactly them.
		expect([...fields.values()].map((f) => f.attributes.label)).toEqual(ISSUE_FORM_FIELDS.map((f) => f.label));
		expect([...fields].filter(([, f]) => f.validations?.required).map(([id]) => id)).toEqual(['paper']);
		const categories = fields.get('categories')!;
		expect(categories.type).toBe('dropdown');
		expect(categories.attributes.multiple).toBe(true);
		const options = categories.attributes.options as string[];
		expect(options[0]).toBe(NOT_SURE);
		expect(options.slice(1).map((o) => o.split(' — ')[0])).toEqual(leaves);
		// GitHub joins several choices with ", ": an option with a comma could not be told apart.
		for (const o of options) expect(o).not.toContain(',');
		expect(fields.get('venue')!.type).toBe('input');
		expect(fields.get('code-official')!.type).toBe('checkboxes');
		for (const f of form.body) {
			const options = (f.attributes.options ?? []).map((o) => (typeof o === 'string' ? o : o.label));
			expect(new Set(options).size, `${f.id} options are unique`).toBe(options.length);
			if (f.type !== 'markdown') expect(f.attributes.label, `${f.id} has a label`).toBeTruthy();
		}
	});

	it('the annotated template in CONTRIBUTING.md is a valid paper naming a real category and venue, and mentions every field', () => {
		const block = /```yaml\n([\s\S]*?)```/.exec(contributing)![1]!;
		const data = parse(block) as Record<string, unknown>;

		expect(block.split('\n')[0]).toBe('# yaml-language-server: $schema=../../public/schemas/paper.schema.json');
		expect(PaperSchema.safeParse(data).error?.issues ?? []).toEqual([]);
		expect(Object.keys(data)).toEqual(PAPER_KEYS.filter((k) => k in data));
		for (const key of PAPER_KEYS) expect(block, `the template shows "${key}"`).toMatch(new RegExp(`^(?:# )?${key}:`, 'm'));
		for (const slug of data.categories as string[]) expect(leaves).toContain(slug);
		expect(indexVenues(catalogue.venues).canonical.has(data.venue as string)).toBe(true);
	});

	it('CONTRIBUTING.md names the commands and the editor setup, which .vscode/ provides', () => {
		for (const command of ['npm run new', 'npm run validate', 'npm run build', 'npm run stars', 'npm run doctor', 'npm run export']) expect(contributing).toContain(command);
		const strip = (s: string) => JSON.parse(s.replace(/^\s*\/\/.*$/gm, ''));
		const extensions = strip(read('.vscode/extensions.json'));
		const settings = strip(read('.vscode/settings.json'));

		expect(extensions.recommendations).toContain('redhat.vscode-yaml');
		expect(contributing).toContain('redhat.vscode-yaml');
		const mapped = Object.entries(settings['yaml.schemas'] as Record<string, string[]>);
		for (const [schema, globs] of mapped) {
			expect(existsSync(path.join(ROOT, schema)), schema).toBe(true);
			expect(globs.length).toBeGreaterThan(0);
		}
		expect(Object.fromEntries(mapped)['./public/schemas/paper.schema.json']).toContain('data/papers/*.yaml');
	});

	it('the pull-request template carries the checklist', () => {
		const template = read('.github/pull_request_template.md');

		for (const item of ['One file per paper', '`npm run validate` passes', 'leaf slugs', '`http://` or `https://`']) expect(template).toContain(item);
		expect(template.match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(4);
	});

	it('refuses to regenerate a block whose markers are gone, rather than dropping the list', () => {
		expect(() => replaceGenerated('# no markers', 'categories', 'x')).toThrow(/markers of the generated "categories" block are missing/);
	});
});
