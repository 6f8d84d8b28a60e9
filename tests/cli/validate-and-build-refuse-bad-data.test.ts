import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCatalogue, FIXTURE, readIn, runScript, writeIn } from '../helpers/catalogue.ts';

let bad = '';
let warnOnly = '';
beforeAll(() => {
	bad = copyCatalogue();
	writeIn(bad, 'papers/h2o.yaml', readIn(bad, 'papers/h2o.yaml').replace('venue: NeurIPS', 'venue: NIPS'));
	warnOnly = copyCatalogue();
	writeIn(warnOnly, 'papers/kivi.yaml', readIn(warnOnly, 'papers/kivi.yaml').replace(/^# yaml-language-server.*\n/, ''));
});
afterAll(() => [bad, warnOnly].forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run validate', () => {
	it('exits 0 and summarises a valid catalogue chosen by CATALOGUE_DIR', () => {
		const run = runScript('validate', [], { CATALOGUE_DIR: FIXTURE });

		expect(run.code).toBe(0);
		expect(run.stdout).toContain('tests/fixtures/catalogue: 9 files, 5 papers; 0 errors, 0 warnings');
	});

	it('exits 1 and prints path:line:col  field  message for every error', () => {
		const run = runScript('validate', [], { CATALOGUE_DIR: bad });

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${bad}/papers/h2o.yaml:5:8  venue  write the venue's canonical name "NeurIPS" instead of "NIPS"`);
		expect(run.stderr).toMatch(/1 error, 0 warnings/);
	});

	it('exits 0 when there are warnings only', () => {
		const run = runScript('validate', [], { CATALOGUE_DIR: warnOnly });

		expect(run.code).toBe(0);
		expect(run.stderr).toContain('papers/kivi.yaml:1:1  (file)  warning: the first line should be "# yaml-language-server: $schema=…"');
	});

	it('writes GitHub Actions annotations when GITHUB_ACTIONS=true', () => {
		const run = runScript('validate', [], { CATALOGUE_DIR: bad, GITHUB_ACTIONS: 'true' });

		expect(run.stdout).toContain(`::error file=${bad}/papers/h2o.yaml,line=5,col=8,title=venue::write the venue's canonical name "NeurIPS" instead of "NIPS"`);
	});
});

describe('npm run build', () => {
	it('stops before Astro with the same messages as validate, so bad data never becomes a site', () => {
		const dist = `${bad}-dist`;

		const run = runScript('build', [], { CATALOGUE_DIR: bad, DIST_DIR: dist });

		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${bad}/papers/h2o.yaml:5:8  venue  write the venue's canonical name "NeurIPS" instead of "NIPS"`);
		expect(run.stderr).toContain('nothing was built');
		expect(run.stdout).not.toContain('[build]');
	});
});
