/**
 * Benchmark `npm run stars` against the fake GitHub API (not a test; run by hand):
 *   node_modules/.bin/node tests/cli/stars-bench.ts [repositories=200] [latency ms=50]
 * Adds that many papers with distinct GitHub code links to a copy of the fixture, answers every
 * request after the latency, and prints wall time, requests and the busiest moment's concurrency.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyCatalogue } from '../helpers/catalogue.ts';
import { repoAnswer, runStars, startFakeGitHub } from './stars-fake-github.ts';

const n = Number(process.argv[2] ?? 200);
const latency = Number(process.argv[3] ?? 50);
const dir = copyCatalogue();
for (let i = 0; i < n; i++) {
	writeFileSync(path.join(dir, `papers/bench-${i}.yaml`), `# yaml-language-server: $schema=x\ntitle: Bench paper ${i}\nyear: 2024\nvenue: arXiv\ncategories: [quantization]\ncode: https://github.com/bench/repo-${i}\n`);
}
const fake = await startFakeGitHub((p) => ({ ...repoAnswer(p.slice('/repos/'.length), 7), delayMs: latency }));
const started = performance.now();
const run = await runStars(dir, fake.url);
const wall = (performance.now() - started) / 1000;
console.log(`${fake.requests.length} repositories, ${latency} ms latency: exit ${run.code}, ${wall.toFixed(2)} s wall, at most ${fake.maxInFlight} requests in flight`);
console.log(run.stderr.trim().split('\n').at(-1));
await fake.close();
rmSync(dir, { recursive: true, force: true });
