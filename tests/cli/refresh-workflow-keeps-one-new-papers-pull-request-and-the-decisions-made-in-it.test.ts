/**
 * The discover job of .github/workflows/refresh.yml, its steps' own shell scripts run week after
 * week against a real git "origin" (a bare repository in a temp folder), a fake `gh` that records
 * what it is asked, and the fake arXiv and Semantic Scholar: the first week opens one pull request
 * from discover/candidates; a maintainer accepts a paper in that branch; the next week builds on
 * the branch, so the accepted paper stays a paper, is not proposed again, and the pull request is
 * updated, not doubled; a week with nothing new and no open pull request opens none.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { cleanEnv, NODE, ROOT } from '../helpers/catalogue.ts';
import { arxivSearchAnswer, FAST_FAKES_ENV, s2CitationsAnswer, type ArxivPaper } from './enrich-fake-services.ts';
import { CITERS, discoverTestbed, PREFIX, QUANT, REJECTIONS_YAML } from './discover-fake-feeds.ts';

type Step = { name?: string; run?: string; env?: Record<string, string> };
const job = (parseDocument(readFileSync(path.join(ROOT, '.github/workflows/refresh.yml'), 'utf8')).toJS() as { jobs: { discover: { steps: Step[] } } }).jobs.discover;
const step = (name: string) => job.steps.find((s) => s.name?.startsWith(name))!.run!;

const bed = discoverTestbed();
let tmp = '';
afterEach(() => tmp && rmSync(tmp, { recursive: true, force: true }));

/** A paper new in the second week. */
const THIRD: ArxivPaper = { ...PREFIX, id: '2611.09999', published: '2026-11-29T10:00:00Z', title: 'HeadCache: Head-wise KV Cache Budgets for LLM Decoding', summary: 'HeadCache gives each attention head of a large language model its own KV cache budget.' };

const FAKE_GH = `#!/bin/bash
echo "gh $*" >> "$FAKE_GH/log"
if [ "$1 $2" = "pr list" ]; then cat "$FAKE_GH/open"; exit 0; fi
while [ $# -gt 0 ]; do
  case "$1" in --title) echo "$2" > "$FAKE_GH/title";; --body-file) cp "$2" "$FAKE_GH/body";; esac
  shift
done
`;

function sh(cwd: string, script: string, env: NodeJS.ProcessEnv = {}) {
	const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, encoding: 'utf8', env: cleanEnv(env), timeout: 120_000 });
	if (run.status !== 0) throw new Error(`exit ${run.status}:\n${script}\n${run.stdout}\n${run.stderr}`);
	return run.stdout;
}
/** The same, without blocking: the fake services answer from this process meanwhile. */
function shAsync(cwd: string, script: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env: cleanEnv(env) });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}:\n${script}\n${out}\n${err}`))));
	});
}
const git = (cwd: string, args: string) => sh(cwd, `git ${args}`, { GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@example.org', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.org' });

/** A bare origin whose main holds what the CLIs need and a copy of data/ with one rejection. */
function origin(): string {
	tmp = mkdtempSync(path.join(tmpdir(), 'atlas-refresh-'));
	const seed = path.join(tmp, 'seed');
	mkdirSync(seed);
	for (const part of ['package.json', 'tsconfig.json', 'scripts', 'src', 'public', 'data']) cpSync(path.join(ROOT, part), path.join(seed, part), { recursive: true });
	writeFileSync(path.join(seed, 'data/rejections.yaml'), REJECTIONS_YAML);
	const bin = path.join(tmp, 'bin');
	mkdirSync(bin);
	writeFileSync(path.join(bin, 'gh'), FAKE_GH);
	chmodSync(path.join(bin, 'gh'), 0o755);
	sh(tmp, 'git init --quiet --bare --initial-branch=main origin.git');
	git(seed, 'init --quiet --initial-branch=main');
	git(seed, 'add --all');
	git(seed, 'commit --quiet -m seed');
	git(seed, `push --quiet ${path.join(tmp, 'origin.git')} main`);
	return path.join(tmp, 'origin.git');
}

/** One weekly run of the discover job in a fresh clone; `open` is what `gh pr list` answers. */
async function week(n: number, open: 0 | 1, hits: ArxivPaper[]) {
	const arxiv = await bed.service(arxivSearchAnswer(hits));
	const s2 = await bed.service(s2CitationsAnswer(CITERS));
	const dir = path.join(tmp, `week-${n}`);
	sh(tmp, `git clone --quiet origin.git ${dir}`);
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	const runner = path.join(tmp, `runner-${n}`);
	const gh = path.join(tmp, `gh-${n}`);
	mkdirSync(runner);
	mkdirSync(gh);
	writeFileSync(path.join(gh, 'open'), `${open}\n`);
	const output = path.join(runner, 'output');
	writeFileSync(output, '');
	const env = { PATH: `${path.join(tmp, 'bin')}:${path.dirname(NODE)}:${process.env.PATH}`, FAKE_GH: gh, RUNNER_TEMP: runner, GITHUB_OUTPUT: output, BRANCH: 'discover/candidates', BASE: 'main', GH_TOKEN: 'token' };
	const services = { ...FAST_FAKES_ENV, ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url };

	sh(dir, step('Start from the candidates branch'), env);
	const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
	await shAsync(dir, step('Discover new papers'), { ...env, ...services });
	sh(dir, step('Check the catalogue'), env);
	sh(dir, step('Open or update the pull request'), { ...env, OPEN: outputs.open ?? '', SEEN: outputs.seen ?? '', RUN_URL: 'https://github.com/o/r/actions/runs/1' });
	const read = (f: string) => (existsSync(path.join(gh, f)) ? readFileSync(path.join(gh, f), 'utf8') : '');
	return { dir, gh: read('log').trim().split('\n'), title: read('title').trim(), body: read('body'), failed: readFileSync(output, 'utf8').includes('failed=true') };
}

const remoteFiles = (repo: string, branch: string) => sh(repo, `git ls-tree -r --name-only ${branch} -- data/candidates data/papers/lowbitkv.yaml`).trim().split('\n').filter(Boolean);

describe('the weekly discover job', () => {
	it('opens one pull request, builds on its branch the next week so that a paper accepted there stays accepted, and opens none when nothing is new', { timeout: 300_000 }, async () => {
		const repo = origin();

		const first = await week(1, 0, [QUANT, PREFIX]);

		expect(first.failed).toBe(false);
		expect(first.gh).toEqual(['gh pr list --head discover/candidates --state open --json number --jq length', expect.stringMatching(/^gh pr create --base main --head discover\/candidates --title New papers: 2 candidates --body-file /)]);
		expect(first.body).toContain('`npm run accept -- lowbitkv --category');
		expect(first.body).toContain('`npm run reject -- shareroot --reason "…"`');
		expect(remoteFiles(repo, 'discover/candidates')).toEqual(['data/candidates/lowbitkv.yaml', 'data/candidates/shareroot.yaml']);

		// A maintainer accepts one paper in the branch and pushes.
		const mine = path.join(tmp, 'maintainer');
		sh(tmp, `git clone --quiet --branch discover/candidates origin.git ${mine}`);
		symlinkSync(path.join(ROOT, 'node_modules'), path.join(mine, 'node_modules'));
		sh(mine, `${NODE} scripts/accept.ts lowbitkv --category mixed-precision-quantization --data data`);
		git(mine, 'add --all data');
		git(mine, 'commit --quiet -m "Accept LowBitKV"');
		git(mine, 'push --quiet origin discover/candidates');

		const second = await week(2, 1, [THIRD, QUANT, PREFIX]);

		expect(second.gh).toEqual(['gh pr list --head discover/candidates --state open --json number --jq length', expect.stringMatching(/^gh pr edit discover\/candidates --title New papers: 2 candidates --body-file /)]);
		expect(remoteFiles(repo, 'discover/candidates')).toEqual(['data/candidates/headcache.yaml', 'data/candidates/shareroot.yaml', 'data/papers/lowbitkv.yaml']);
		expect(sh(repo, 'git log --format=%s discover/candidates')).toContain('Accept LowBitKV');
		expect(second.body).toContain('npm run accept -- headcache');
		expect(second.body).not.toContain('npm run accept -- lowbitkv');
		// The branch's state file took the second week back to the first week's day less the overlap only.
		expect(second.body).toMatch(/^- arXiv search \(submitted since [\d\\-]+\): 1 hit, 1 kept$/m);
		expect(second.body).toMatch(/^- 1 new this week; 2 in the catalogue already, 1 rejected before, 0 queued already/m);

		// The pull request is merged; a week with nothing new opens none and pushes nothing.
		git(repo, 'update-ref refs/heads/main refs/heads/discover/candidates');
		const before = sh(repo, 'git rev-parse discover/candidates');

		const third = await week(3, 0, [THIRD, QUANT, PREFIX]);

		expect(third.gh).toEqual(['gh pr list --head discover/candidates --state open --json number --jq length']);
		expect(sh(repo, 'git rev-parse discover/candidates')).toBe(before);
	});
});
