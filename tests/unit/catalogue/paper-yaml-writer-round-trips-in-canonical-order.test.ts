import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSchema, parseYamlFile } from '../../../src/catalogue/yaml-file.ts';
import { PAPER_KEYS, PaperSchema, type PaperData } from '../../../src/catalogue/schema.ts';
import { paperToYaml } from '../../../src/catalogue/yaml-write.ts';

const SCHEMA = '../../public/schemas/paper.schema.json';
const text = fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s.length > 0);
const paper: fc.Arbitrary<PaperData> = fc.record(
	{
		title: text,
		aliases: fc.array(text, { minLength: 1, maxLength: 3 }),
		year: fc.integer({ min: 1990, max: 2026 }),
		venue: text,
		categories: fc.array(fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+){0,3}$/), { minLength: 1, maxLength: 3 }),
		paper: fc.webUrl({ withQueryParameters: true }),
		code: fc.webUrl(),
		codeOfficial: fc.boolean(),
		authors: fc.array(text, { minLength: 1, maxLength: 30 }),
		summary: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0).map((s) => s.trim()),
		bibtex: fc.string({ maxLength: 120 }).map((s) => `@article{k,\n  title={${s.trim()}}\n}`),
		added: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
	},
	{ requiredKeys: ['title', 'year', 'venue', 'categories'] },
);

describe('paperToYaml', () => {
	it('writes the schema line first and the fields in PAPER_KEYS order, short lists inline', () => {
		const yaml = paperToYaml({ added: '2024-12-01', categories: ['static-selection'], venue: 'NeurIPS', year: 2024, aliases: ['SnapKV'], title: 'SnapKV: LLM Knows What You are Looking for Before Generation' }, SCHEMA);

		expect(yaml).toBe(
			[
				`# yaml-language-server: $schema=${SCHEMA}`,
				'title: "SnapKV: LLM Knows What You are Looking for Before Generation"',
				'aliases: [SnapKV]',
				'year: 2024',
				'venue: NeurIPS',
				'categories: [static-selection]',
				'added: 2024-12-01',
				'',
			].join('\n'),
		);
	});

	it('writes long author lists one per line and multi-line text as a literal block', () => {
		const authors = Array.from({ length: 12 }, (_, i) => `Author Number ${i}`);

		const yaml = paperToYaml({ title: 'T', year: 2024, venue: 'arXiv', categories: ['a'], authors, summary: 'First line.\nSecond: line # not a comment' }, SCHEMA);

		expect(yaml).toContain('authors:\n  - Author Number 0\n');
		expect(yaml).toContain('summary: |-\n  First line.\n  Second: line # not a comment\n');
	});

	it('parses back to the same paper, passes the schema, and orders its keys canonically, for any paper', () => {
		fc.assert(
			fc.property(paper, (data) => {
				const yaml = paperToYaml(data, SCHEMA);
				const back = parse(yaml);
				const checked = checkSchema(parseYamlFile('p.yaml', yaml), PaperSchema, PAPER_KEYS);

				expect(back).toEqual(JSON.parse(JSON.stringify(data)));
				expect(Object.keys(back)).toEqual(PAPER_KEYS.filter((k) => k in data));
				expect(checked.diagnostics).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});
});
