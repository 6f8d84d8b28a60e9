import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KNOWN_VENUES } from '../../../src/catalogue/venues.ts';
import { PAPER_KEYS } from '../../../src/catalogue/schema.ts';
import { addVenuesYaml, editPaperYaml } from '../../../src/catalogue/paper-edit.ts';
import { ROOT } from '../../helpers/catalogue.ts';

const known = (name: string) => KNOWN_VENUES.find((v) => v.name === name)!;
const HAND_WRITTEN = `# yaml-language-server: $schema=../../public/schemas/paper.schema.json
# why this paper is listed: a maintainer's comment
title: 'Quest: Query-Aware Sparsity'
year: 2024 # the preprint's year
venue: arXiv
categories:
  - static-selection
paper: https://arxiv.org/abs/2406.10774
summary: |
  Two lines
  of summary.
`;

describe('editing a paper file', () => {
	it('writes a list of mappings (the benchmarks a paper reports on) one item per line, after the summary', () => {
		const out = editPaperYaml(`${HAND_WRITTEN}added: 2025-01-31\n`, { benchmarks: [{ id: 'ruler', source: 'https://arxiv.org/abs/2406.10774' }] });

		expect(out.endsWith(`summary: |\n  Two lines\n  of summary.\nbenchmarks:\n  - id: ruler\n    source: https://arxiv.org/abs/2406.10774\nadded: 2025-01-31\n`)).toBe(true);
		expect(parse(out).benchmarks).toEqual([{ id: 'ruler', source: 'https://arxiv.org/abs/2406.10774' }]);
	});

	it('changes nothing in any committed paper file when there is nothing to change', () => {
		const dir = path.join(ROOT, 'data/papers');
		for (const name of readdirSync(dir)) {
			const text = readFileSync(path.join(dir, name), 'utf8');
			expect(editPaperYaml(text, {}), name).toBe(text);
		}
	});

	it('keeps comments, quoting, block lists and literal text, and puts new keys at their PAPER_KEYS place', () => {
		const out = editPaperYaml(HAND_WRITTEN, { year: 2025, venue: 'ICML', authors: ['Jiaming Tang', 'Song Han'], date: '2024-06-16', doi: '10.1/x', arxiv: '2406.10774' });

		expect(out).toBe(`# yaml-language-server: $schema=../../public/schemas/paper.schema.json
# why this paper is listed: a maintainer's comment
title: 'Quest: Query-Aware Sparsity'
year: 2025 # the preprint's year
venue: ICML
categories:
  - static-selection
paper: https://arxiv.org/abs/2406.10774
arxiv: "2406.10774"
doi: 10.1/x
authors: [Jiaming Tang, Song Han]
date: 2024-06-16
summary: |
  Two lines
  of summary.
`);
		const keys = Object.keys(parse(out));
		expect(keys).toEqual([...keys].sort((a, b) => PAPER_KEYS.indexOf(a as never) - PAPER_KEYS.indexOf(b as never)));
	});

	it('writes a long author list one name a line, as npm run new does', () => {
		const names = Array.from({ length: 12 }, (_, i) => `Author Number ${i + 1}`);

		const out = editPaperYaml('title: T\nyear: 2024\nvenue: arXiv\ncategories: [x]\nauthors: [A]\n', { authors: names });

		expect(out).toBe(`title: T\nyear: 2024\nvenue: arXiv\ncategories: [x]\nauthors:\n${names.map((n) => `  - ${n}\n`).join('')}`);
		expect(parse(out).authors).toEqual(names);
	});

	it('refuses text that is not a mapping', () => {
		expect(() => editPaperYaml('- a list\n', { year: 2024 })).toThrow('not a YAML mapping');
	});
});

describe('adding venues to venues.yaml', () => {
	it('inserts each once, in case-insensitive name order, keeping the schema line first', () => {
		const text = readFileSync(path.join(ROOT, 'data/venues.yaml'), 'utf8');

		const out = addVenuesYaml(text, [known('AAAI'), known('Findings of ACL'), known('Findings of ACL'), known('ICML')]);

		const names = (parse(out) as Array<{ name: string }>).map((v) => v.name);
		expect(out.split('\n')[0]).toBe('# yaml-language-server: $schema=../public/schemas/venues.schema.json');
		expect(names.filter((n) => n === 'Findings of ACL')).toHaveLength(1);
		expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
		expect(out).toContain('- name: AAAI\n  fullName: AAAI Conference on Artificial Intelligence\n  kind: conference\n- name: ACL\n');
		expect(out).toContain('- name: Findings of ACL\n  fullName: "Findings of the Association for Computational Linguistics: ACL"\n  kind: conference\n  aliases: [ACL Findings]\n');
		expect(addVenuesYaml(text, [])).toBe(text);
	});
});
