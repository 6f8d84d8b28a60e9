import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CitationsSchema } from '../../src/catalogue/schema.ts';
import { readIn, runScript } from '../helpers/catalogue.ts';
import { runEnrich } from './enrich-fake-services.ts';
import { enrichTestbed, filesOf } from './enrich-known-papers.ts';

const today = () => new Date().toISOString().slice(0, 10);
const bed = enrichTestbed();

describe('npm run enrich', () => {
	it('proposes new authors, first dates, arXiv\'s abstract and a venue upgrade with its year, and changes nothing without --apply', async () => {
		const { dir, services } = await bed.healthy();
		const before = filesOf(dir);

		const run = await runEnrich(dir, [], services.env);

		expect(run.code).toBe(0);
		expect(run.stdout).toContain('papers/posted-late.yaml\n  + authors: Ada Lovelace, Grace Hopper (arXiv)\n  ~ venue: arXiv → ICML (Semantic Scholar)\n  ~ year: 2024 → 2025 (Semantic Scholar)\n  + date: 2024-12-02 (arXiv)\n  + abstract: "Posted Late evicts cold tokens from the KV cache of large language model…" (119 characters) (arXiv)\n');
		expect(run.stdout).toContain('  ~ venue: arXiv → Findings of ACL (Semantic Scholar)');
		expect(run.stdout).toContain('  note: Semantic Scholar gives 2024, the year of the arXiv version too; check that Findings of ACL 2024 is the edition that published it');
		expect(run.stdout).toContain('  + doi: 10.18653/v1/2024.findings-acl.195 (Semantic Scholar)\n  + published: https://doi.org/10.18653/v1/2024.findings-acl.195 (Semantic Scholar)');
		// The fixture's real papers already carry what the services say: nothing to propose for them.
		expect(run.stdout).not.toMatch(/papers\/(?:h2o|kivi|snapkv|vllm)\.yaml/);
		expect(run.stdout).toContain('venues to add to venues.yaml: Findings of ACL');
		expect(run.stdout).toContain('enrich (dry run): 2 papers, 10 fields would change; run with --apply to write them');
		expect(filesOf(dir)).toEqual(before);
	});

	it('applies them in place — key order, comments and the schema line kept, new keys at their place — and the result validates', async () => {
		const { dir, services } = await bed.healthy();

		const run = await runEnrich(dir, ['--apply'], services.env);

		expect(run.code).toBe(0);
		expect(readIn(dir, 'papers/posted-late.yaml')).toBe(`# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json
title: "Posted Late: A KV Cache Method Published a Year After Its Preprint"
aliases: [PostedLate] # the short name readers search for
year: 2025
venue: ICML
# a maintainer's note, kept by enrich
categories: [static-selection]
paper: https://arxiv.org/abs/2412.01234
code: https://github.com/example/posted-late
authors: [Ada Lovelace, Grace Hopper]
date: 2024-12-02
abstract: Posted Late evicts cold tokens from the KV cache of large language models, and was published a year after its preprint.
`);
		expect(readIn(dir, 'papers/pyramidinfer.yaml')).toContain('year: 2024\nvenue: Findings of ACL\n');
		expect(readIn(dir, 'papers/pyramidinfer.yaml')).toContain('paper: https://arxiv.org/abs/2405.12532\npublished: https://doi.org/10.18653/v1/2024.findings-acl.195\ndoi: 10.18653/v1/2024.findings-acl.195\n');
		expect(readIn(dir, 'venues.yaml')).toContain('- name: Findings of ACL\n  fullName: "Findings of the Association for Computational Linguistics: ACL"\n  kind: conference\n');
		expect(readIn(dir, 'venues.yaml').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
		const validate = runScript('validate', [], { CATALOGUE_DIR: dir });
		expect(validate.stderr + validate.stdout).toContain('0 errors, 0 warnings');
		expect(validate.code).toBe(0);
	});

	it('writes citation counts to citations.json, one paper a line in id order, dated today', async () => {
		const { dir, services } = await bed.healthy();

		await runEnrich(dir, ['--apply'], services.env);

		const text = readIn(dir, 'citations.json');
		const citations = CitationsSchema.parse(JSON.parse(text));
		expect(Object.keys(citations)).toEqual(['h2o', 'kivi', 'posted-late', 'pyramidinfer', 'snapkv', 'vllm']);
		expect(citations.vllm).toEqual({ citations: 1500, checked: today() });
		expect(text.split('\n')[1]).toBe(`  "h2o": { "citations": 300, "checked": "${today()}" },`);
	});

	it('proposes nothing on a second run once applied', async () => {
		const { dir, services } = await bed.healthy();
		await runEnrich(dir, ['--apply'], services.env);

		const again = await runEnrich(dir, [], services.env);

		expect(again.code).toBe(0);
		expect(again.stdout).toContain('enrich (dry run): 0 papers, 0 fields would change');
		expect(again.stdout).not.toMatch(/^ {2}[+~]/m);
	});

	it('never writes citations.json on a dry run', async () => {
		const { dir, services } = await bed.healthy();

		await runEnrich(dir, [], services.env);

		expect(existsSync(`${dir}/citations.json`)).toBe(false);
	});
});
