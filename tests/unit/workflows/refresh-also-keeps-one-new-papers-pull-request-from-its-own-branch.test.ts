/**
 * The discover job of the weekly Refresh workflow, as written: its steps in order, its branch and
 * its token. What its scripts do, week after week, is run for real in
 * tests/cli/refresh-workflow-keeps-one-new-papers-pull-request-and-the-decisions-made-in-it.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from '../../helpers/catalogue.ts';

type Step = { name?: string; uses?: string; run?: string; id?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { env?: Record<string, string>; steps: Step[] };
const doc = parseDocument(readFileSync(path.join(ROOT, '.github/workflows/refresh.yml'), 'utf8'), { uniqueKeys: true });
const jobs = (doc.toJS() as { jobs: Record<string, Job> }).jobs;

describe('the Refresh workflow\'s discover job', () => {
	it('runs beside the data refresh, on a branch of its own', () => {
		expect(doc.errors).toEqual([]);
		expect(Object.keys(jobs)).toEqual(['refresh', 'discover']);
		expect(jobs.discover!.env?.BRANCH).toBe('discover/candidates');
		expect(jobs.refresh!.env?.BRANCH).toBe('refresh/data');
	});

	it('checks out the whole history, starts from the open candidates branch, installs, discovers with --arxiv --citations --json, validates, then opens or updates the pull request', () => {
		const steps = jobs.discover!.steps;
		const at = (test: (s: Step) => boolean) => steps.findIndex(test);
		const order = [
			at((s) => s.uses?.startsWith('actions/checkout@') === true && s.with?.['fetch-depth'] === 0),
			at((s) => s.uses?.startsWith('actions/setup-node@') === true),
			at((s) => /gh pr list --head "\$BRANCH" --state open/.test(s.run ?? '') && /git merge --quiet --no-edit "origin\/\$BASE"/.test(s.run ?? '')),
			at((s) => s.run === 'npm ci --no-audit --no-fund'),
			at((s) => /^npm run --silent discover -- --arxiv --citations --json > "\$RUNNER_TEMP\/discover\.json" .*\|\| echo "failed=true" >> "\$GITHUB_OUTPUT"$/.test(s.run ?? '')),
			at((s) => s.run === 'npm run validate'),
			at((s) => /gh pr create --base "\$BASE" --head "\$BRANCH" --title "\$title" --body-file "\$body"/.test(s.run ?? '')),
			at((s) => s.if === "steps.discover.outputs.failed == 'true'" && /exit 1/.test(s.run ?? '')),
		];

		expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('opens none when nothing is new, writes its body and title with scripts/discover-pr-body.ts, pushes only over what it saw, and uses the workflow\'s own token', () => {
		const pr = jobs.discover!.steps.find((s) => /gh pr create/.test(s.run ?? ''))!;
		const script = pr.run!;

		expect(script).toMatch(/if \[ "\$OPEN" != true \] && \[ "\$new" -eq 0 \]; then\n[^\n]*\n\s*exit 0\n\s*fi/);
		expect(script).toContain('node_modules/.bin/node scripts/discover-pr-body.ts --pending "$RUNNER_TEMP/pending.txt" --report "$RUNNER_TEMP/discover.json"');
		expect(script).toContain('git push --quiet --force-with-lease="refs/heads/$BRANCH:$SEEN" origin "HEAD:refs/heads/$BRANCH"');
		expect(script).toContain('gh pr edit "$BRANCH" --title "$title" --body-file "$body"');
		expect(script).not.toMatch(/git (?:reset|checkout) [^\n]*\$BASE/);
		expect(pr.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
		expect(jobs.discover!.steps.find((s) => s.id === 'base')!.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
	});
});
