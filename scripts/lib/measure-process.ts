/**
 * Run a command and measure it as the benchmark reports it: wall time and peak memory of the
 * whole process tree. Memory comes from /proc (VmHWM of every process of the tree, and the sum of
 * their VmRSS sampled every 50 ms), and from GNU time's `%M` when /usr/bin/time exists, so the
 * benchmark needs nothing installed; Pagefind's indexer is a native child process, which is why
 * the tree matters and `process.resourceUsage()` would not do.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What one run cost. */
export interface Measured {
	/** Exit code (null when killed). */
	code: number | null;
	/** Wall time in milliseconds. */
	wallMs: number;
	/** Largest resident set of any single process of the tree, in bytes. */
	peakProcessBytes: number;
	/** Largest sampled sum of the tree's resident sets, in bytes (what the machine had to hold). */
	peakTreeBytes: number;
	/** CPU time (user + system) of the whole tree, in milliseconds, as last sampled per process: unlike wall time, it hardly depends on what else the machine runs. */
	cpuMs: number;
	/** Combined stdout and stderr, for error messages. */
	output: string;
	/** Standard output alone (a report a command prints there, such as `--json`). */
	stdout: string;
}

const GNU_TIME = '/usr/bin/time';

function kb(status: string, field: string): number {
	const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	return m ? Number(m[1]) * 1024 : 0;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** utime + stime of a /proc/<pid>/stat line, in clock ticks (all threads of the process). */
function ticks(stat: string): number {
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// Fields after the command name start at field 3 (state): utime is field 14, stime field 15.
	return Number(fields[11]) + Number(fields[12]);
}

/** The pid and every descendant of `root`, read from /proc. */
function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name may hold spaces and parentheses; fields resume after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const list = children.get(ppid) ?? [];
			list.push(Number(name));
			children.set(ppid, list);
		} catch {
			// the process ended while we looked
		}
	}
	const out: number[] = [];
	const walk = (pid: number) => {
		out.push(pid);
		for (const c of children.get(pid) ?? []) walk(c);
	};
	walk(root);
	return out;
}

/** Run `command args…` with `env`, measuring wall time and peak memory. */
export async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Measured> {
	const useTime = existsSync(GNU_TIME);
	const tmp = mkdtempSync(path.join(tmpdir(), 'atlas-measure-'));
	const timeFile = path.join(tmp, 'rss');
	const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
	const start = performance.now();
	const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	let stdout = '';
	child.stdout.on('data', (d) => {
		output += d;
		stdout += d;
	});
	child.stderr.on('data', (d) => (output += d));
	let peakProcessBytes = 0;
	let peakTreeBytes = 0;
	const cpuTicks = new Map<number, number>();
	const sample = () => {
		if (!child.pid || !existsSync('/proc')) return;
		let sum = 0;
		for (const pid of processTree(child.pid)) {
			try {
				const status = readFileSync(`/proc/${pid}/status`, 'utf8');
				sum += kb(status, 'VmRSS');
				peakProcessBytes = Math.max(peakProcessBytes, kb(status, 'VmHWM'));
				cpuTicks.set(pid, ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')));
			} catch {
				// ended between listing and reading
			}
		}
		peakTreeBytes = Math.max(peakTreeBytes, sum);
	};
	const timer = setInterval(sample, 50);
	const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
	clearInterval(timer);
	const wallMs = performance.now() - start;
	if (useTime && existsSync(timeFile)) {
		const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
		if (/^\d+$/.test(last)) peakProcessBytes = Math.max(peakProcessBytes, Number(last) * 1024);
	}
	rmSync(tmp, { recursive: true, force: true });
	const cpuMs = [...cpuTicks.values()].reduce((a, b) => a + b, 0) * (1000 / CLOCK_TICKS);
	return { code, wallMs, peakProcessBytes, peakTreeBytes: Math.max(peakTreeBytes, peakProcessBytes), cpuMs, output, stdout };
}
