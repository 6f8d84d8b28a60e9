import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from '../../helpers/catalogue.ts';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	id?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
	'continue-on-error'?: boolean;
}
interface Job {
	'runs-on': string;
	env?: Record<string, string>;
	container?: { image: string };
	needs?: string | string[];
	environment?: { name: string; url: string };
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	concurrency: { group: string; 'cancel-in-progress': boolean };
	jobs: Record<string, Job>;
}

const DIR = path.join(ROOT, '.github/workflows');
const load = (name: string): Workflow => {
	const doc = parseDocument(readFileSync(path.join(DIR, name), 'utf8'), { uniqueKeys: true });
	expect(doc.errors.map((e) => e.message)).toEqual([]);
	return doc.toJS() as Workflow;
};
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const indexOf = (job: Job, match: (s: Step) => boolean) => job.steps.findIndex(match);
const uses = (action: string) => (s: Step) => s.uses?.split('@')[0] === action;
const running = (command: string) => (s: Step) => (s.run ?? '').split('\n').some((l) => l.trim() === command || l.trim().startsWith(`${command} `));

describe('GitHub workflows', () => {
	it('are all valid YAML with jobs whose steps each use an action or run a command', () => {
		const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

		expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml']));
		for (const file of files) {
			const wf = load(file);
			expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
			for (const job of Object.values(wf.jobs)) {
				expect(job['runs-on']).toBeTruthy();
				for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
				// A full commit SHA: a tag can be moved to other code, a commit cannot.
				for (const step of job.steps.filter((s) => s.uses)) expect(step.uses, `${file}: ${step.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
			}
			// Each pin says which release it is, for readers and for the actionlint test, which reads it by that version.
			for (const line of readFileSync(path.join(DIR, file), 'utf8').split('\n').filter((l) => /^\s*(?:- )?uses:/.test(l))) expect(line, file).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
		}
	});

	it('CI runs on pull requests and pushes: npm ci, validate, test, build, then browser tests in Debian Chromium', () => {
		const wf = load('ci.yml');
		const job = wf.jobs.check!;

		expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
		expect(wf.concurrency.group).toContain('github.ref');
		expect(wf.concurrency['cancel-in-progress']).toBe(true);
		expect(job.container?.image).toMatch(/^debian:/);
		expect(runs(job)).toMatch(/apt-get install [^\n]*\bchromium\b/);
		const setup = job.steps.find(uses('actions/setup-node'));
		expect(setup?.with?.['node-version']).toBe(20);
		const order = [uses('actions/checkout'), uses('actions/setup-node'), running('npm ci'), running('npm run validate'), running('npm test'), running('npm run build'), running('npm run test:e2e')].map((m) => indexOf(job, m));
		expect(order.every((i) => i >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(indexOf(job, (s) => /apt-get install/.test(s.run ?? ''))).toBeLessThan(indexOf(job, running('npm run test:e2e')));
	});

	it('Deploy runs on main and by hand and builds the committed snapshots as they are, with the Pages base path, then uploads and deploys', () => {
		const wf = load('deploy.yml');
		const build = wf.jobs.build!;
		const deploy = wf.jobs.deploy!;

		expect(wf.on.push).toEqual({ branches: ['main'] });
		expect(Object.keys(wf.on).sort()).toEqual(['push', 'workflow_dispatch']);
		expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
		expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
		// The snapshots change only through the Refresh pull request: a deploy publishes the repository's.
		expect(runs(build)).not.toMatch(/npm run (?:--silent )?(?:stars|enrich)/);

		const pages = build.steps.find(uses('actions/configure-pages'))!;
		const site = build.steps[indexOf(build, running('npm run build'))]!;
		expect(site.env).toEqual({ BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`, SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}` });
		const order = [uses('actions/checkout'), running('npm ci'), uses('actions/configure-pages'), running('npm run build'), uses('actions/upload-pages-artifact')].map((m) => indexOf(build, m));
		expect(order.every((i) => i >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(build.steps.find(uses('actions/upload-pages-artifact'))?.with?.path).toBe('dist');

		expect(deploy.needs).toBe('build');
		expect(deploy.environment?.name).toBe('github-pages');
		const step = deploy.steps.find(uses('actions/deploy-pages'))!;
		expect(deploy.environment?.url).toBe(`\${{ steps.${step.id}.outputs.page_url }}`);
	});

	it('Refresh runs weekly and by hand: refreshes stars, enriches with --apply --json, and opens one pull request only when data changed, with its own token', () => {
		const text = readFileSync(path.join(DIR, 'refresh.yml'), 'utf8');
		const wf = load('refresh.yml');
		const job = wf.jobs.refresh!;

		expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
		expect((wf.on.schedule as Array<{ cron: string }>)[0]!.cron).toMatch(/^\S+ \S+ \* \* \d$/);
		expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
		expect(wf.concurrency['cancel-in-progress']).toBe(false);
		// No other credential than the workflow's own token (the Semantic Scholar key is optional).
		expect([...new Set([...text.matchAll(/secrets\.(\w+)/g)].map((m) => m[1]))].sort()).toEqual(['GITHUB_TOKEN', 'SEMANTIC_SCHOLAR_API_KEY']);

		const stars = indexOf(job, running('npm run --silent stars'));
		const enrich = indexOf(job, (s) => /^npm run --silent enrich -- --apply --json > /.test(s.run ?? ''));
		const pr = indexOf(job, (s) => /gh pr create/.test(s.run ?? ''));
		const order = [indexOf(job, uses('actions/checkout')), indexOf(job, running('npm ci')), stars, enrich, indexOf(job, running('npm run validate')), pr];
		expect(order.every((i) => i >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		// A failing service is reported in the pull request instead of ending the job before it.
		for (const i of [stars, enrich]) expect(job.steps[i]!.run).toMatch(/\|\| echo "failed=true" >> "\$GITHUB_OUTPUT"$/);
		expect(job.steps[stars]!.env?.GITHUB_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');

		const step = job.steps[pr]!;
		const script = step.run!;
		expect(step.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
		expect(script.indexOf('git diff --cached --quiet')).toBeGreaterThan(script.indexOf('git add --all data'));
		expect(script).toMatch(/if git diff --cached --quiet; then\n[^\n]*\n\s*exit 0\n\s*fi/);
		expect(script).toContain('git push --force-with-lease="refs/heads/$BRANCH:$seen" origin "HEAD:refs/heads/$BRANCH"');
		expect(script).toMatch(/gh pr list --head "\$BRANCH" --state open/);
		expect(script).toContain('gh pr create --base "$BASE" --head "$BRANCH"');
		expect(script).toContain('gh pr edit "$BRANCH" --body-file "$body"');
		expect(script).toContain('head -c 40000 "$RUNNER_TEMP/enrich.json"');
		expect(job.env?.BRANCH).toBe('refresh/data');
	});
});

