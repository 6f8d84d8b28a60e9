import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogue } from '../../../src/catalogue/load.ts';
import { copyCatalogue, FIXTURE, readIn, writeIn } from '../../helpers/catalogue.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const lines = (d: string, options = {}) => loadCatalogue(d, options).diagnostics.map((x) => formatDiagnostic({ ...x, file: path.relative(d, x.file) }));

describe('the citation snapshot in a loaded catalogue', () => {
	it('is empty when data has no citations.json', () => {
		expect(loadCatalogue(FIXTURE).catalogue?.citations).toEqual({});
	});

	it('gives each paper\'s count and date, beside the star counts', () => {
		dir = copyCatalogue();
		writeIn(dir, 'citations.json', '{\n  "kivi": { "citations": 200, "checked": "2026-12-01" }\n}\n');

		const { catalogue } = loadCatalogue(dir);

		expect(catalogue?.citations).toEqual({ kivi: { citations: 200, checked: '2026-12-01' } });
		expect(Object.keys(catalogue?.stars ?? {})).toEqual(['FasterDecoding/SnapKV', 'vllm-project/vllm']);
	});

	it('is an error when broken, naming the command that rewrites it — unless the loader is told to skip it', () => {
		dir = copyCatalogue();
		writeIn(dir, 'citations.json', '{ "kivi": { "citations": -3, "checked": "2026-12-01" } }');

		expect(lines(dir)).toEqual(['citations.json:1:1  kivi.citations  Too small: expected number to be >=0; this file is written by "npm run enrich -- --apply", never by hand']);
		expect(lines(dir, { skipCitations: true })).toEqual([]);
		writeIn(dir, 'citations.json', '{');
		expect(lines(dir)[0]).toMatch(/^citations\.json:1:1 {2}\(json\) {2}not valid JSON .*regenerate it with "npm run enrich -- --apply" or restore it with git$/);
	});

	it('checks staged file texts instead of the files on disk when given an overlay', () => {
		dir = copyCatalogue();
		const staged = readIn(dir, 'papers/kivi.yaml').replace('venue: ICML', 'venue: ICMLL');

		expect(lines(dir, { overlay: new Map([['papers/kivi.yaml', staged]]) })).toEqual(['papers/kivi.yaml:5:8  venue  unknown venue "ICMLL" — did you mean "ICML"?']);
		expect(lines(dir)).toEqual([]);
	});
});
