/**
 * `npm run stars`: refresh the star snapshot from the GitHub REST API (src/services/github.ts). A few
 * requests run at once, a rate limit stops the run without another request, and every repository
 * whose request fails keeps its last count. The
 * snapshot is written atomically (`writeFileAtomic` of src/catalogue/transaction.ts), so an
 * interrupted or failed run never leaves a broken or emptied file.
 */
import { StarsSchema, type Stars } from '../../catalogue/schema.ts';
import { fetchRepoStars, type GitHubOptions } from '../../services/github.ts';
import { envNumber } from '../../services/http-retry.ts';
import { countSnapshotJson, readSnapshot } from '../common/snapshot.ts';

/** How the run talks to GitHub and reports; every number can be set from the environment (see `starsOptionsFromEnv`). */
export interface StarsOptions extends GitHubOptions {
	/** Requests in flight at once. @default 4 */
	concurrency: number;
	/** The `checked` date written for every repository fetched (YYYY-MM-DD). */
	today: string;
	/** Where progress lines go. */
	log: (line: string) => void;
}

/** Options from GITHUB_API_URL, GITHUB_TOKEN and STARS_CONCURRENCY / STARS_ATTEMPTS / STARS_RETRY_BASE_MS / STARS_TIMEOUT_MS. */
export function starsOptionsFromEnv(env: NodeJS.ProcessEnv, today: string, log: (line: string) => void): StarsOptions {
	return {
		apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
		token: env.GITHUB_TOKEN || undefined,
		concurrency: envNumber(env, 'STARS_CONCURRENCY', 4, 1),
		attempts: envNumber(env, 'STARS_ATTEMPTS', 3, 1),
		retryBaseMs: envNumber(env, 'STARS_RETRY_BASE_MS', 1000, 0),
		timeoutMs: envNumber(env, 'STARS_TIMEOUT_MS', 15000, 1),
		today,
		log,
	};
}

/** The result of a run: the new snapshot and what happened to each repository. */
export interface StarsRun {
	stars: Stars;
	updated: string[];
	unchanged: string[];
	/** Failed, with a previous count that is kept. */
	kept: string[];
	/** Failed, and no previous count to keep. */
	missing: string[];
	/** Not requested because the rate limit stopped the run (previous counts kept). */
	notChecked: string[];
	/** In the old snapshot but no longer referenced by any paper. */
	removed: string[];
	/** Repositories GitHub answered for under another name: [catalogue key, current name]. */
	renamed: Array<[string, string]>;
	/** Set when a rate limit stopped the run. */
	rateLimit: string | null;
	/** Requests that returned a count. */
	succeeded: number;
}

/** Fetch every repository (a few at a time) and merge the answers into the old snapshot. */
export async function refreshStars(repos: readonly string[], old: Stars, opts: StarsOptions): Promise<StarsRun> {
	const run: StarsRun = { stars: {}, updated: [], unchanged: [], kept: [], missing: [], notChecked: [], removed: [], renamed: [], rateLimit: null, succeeded: 0 };
	const wanted = new Set(repos);
	run.removed = Object.keys(old).filter((k) => !wanted.has(k)).sort();
	const fmt = (n: number) => n.toLocaleString('en-US');
	const width = String(repos.length).length;
	let next = 0;
	let done = 0;
	const stop = () => run.rateLimit !== null;

	const one = async (repo: string) => {
		const outcome = await fetchRepoStars(repo, opts, stop);
		const before = old[repo];
		let line: string;
		if (outcome.kind === 'ok') {
			run.succeeded++;
			run.stars[repo] = { stars: outcome.stars, checked: opts.today };
			if (before && before.stars === outcome.stars) {
				run.unchanged.push(repo);
				line = `unchanged ${fmt(outcome.stars)}`;
			} else {
				run.updated.push(repo);
				line = before ? `${fmt(before.stars)} → ${fmt(outcome.stars)}` : `${fmt(outcome.stars)} (new)`;
			}
			if (outcome.fullName.toLowerCase() !== repo.toLowerCase()) {
				run.renamed.push([repo, outcome.fullName]);
				line += `; now ${outcome.fullName} (update the code link)`;
			}
		} else {
			if (outcome.kind === 'rate-limited' && !run.rateLimit) run.rateLimit = outcome.reason;
			if (before) run.stars[repo] = before;
			if (outcome.kind === 'skipped') {
				run.notChecked.push(repo);
				return;
			}
			(before ? run.kept : run.missing).push(repo);
			const why = outcome.reason;
			line = before ? `${why}; keeping ${fmt(before.stars)} from ${before.checked}` : `${why}; no previous count`;
		}
		done++;
		opts.log(`[${String(done).padStart(width)}/${repos.length}] ${repo}  ${line}`);
	};

	const worker = async () => {
		while (next < repos.length) {
			const repo = repos[next++]!;
			if (stop()) {
				if (old[repo]) run.stars[repo] = old[repo];
				run.notChecked.push(repo);
				continue;
			}
			await one(repo);
		}
	};
	await Promise.all(Array.from({ length: Math.min(opts.concurrency, repos.length) }, worker));
	if (run.rateLimit) opts.log(`stopped: ${run.rateLimit}. ${run.notChecked.length} ${run.notChecked.length === 1 ? 'repository was' : 'repositories were'} not checked and keep their counts.`);
	for (const list of [run.updated, run.unchanged, run.kept, run.missing, run.notChecked]) list.sort();
	run.stars = sortedStars(run.stars);
	return run;
}

/** The snapshot with its keys in a stable order (code-unit order, independent of the locale). */
export function sortedStars(stars: Stars): Stars {
	const out: Stars = {};
	for (const key of Object.keys(stars).sort()) out[key] = stars[key]!;
	return out;
}

/** The text of stars.json: one repository per line, so a refresh diffs line by line. */
export function starsToJson(stars: Stars): string {
	return countSnapshotJson(stars, 'stars');
}

/** Read the previous snapshot; a missing or unreadable one counts as empty (it is about to be rewritten). */
export function readStarsFile(file: string): { stars: Stars; problem: string | null } {
	const { data, problem } = readSnapshot(file, StarsSchema, {});
	return { stars: data, problem };
}
