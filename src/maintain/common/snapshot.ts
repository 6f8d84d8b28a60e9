/**
 * The generated JSON files that maintainer tools rewrite — stars.json, citations.json,
 * review.json — read as a tool about to rewrite one needs them (a missing file is empty; an
 * unreadable or invalid one is empty too, with the problem named for a warning), and the count
 * snapshots written one entry a line in key order, so a refresh diffs line by line.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

/** The data of `file` under `schema`; `empty` when the file is missing, or (with the problem) unreadable or invalid. */
export function readSnapshot<T>(file: string, schema: z.ZodType<T>, empty: T): { data: T; problem: string | null } {
	if (!existsSync(file)) return { data: empty, problem: null };
	try {
		const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		if (parsed.success) return { data: parsed.data, problem: null };
		const issue = parsed.error.issues[0]!;
		return { data: empty, problem: `${issue.message} at ${issue.path.join('.') || 'the top'}` };
	} catch (err) {
		return { data: empty, problem: (err as Error).message };
	}
}

/** The text of a count snapshot: `{ "<key>": { "<count>": n, "checked": "YYYY-MM-DD" } }`, one key a line, sorted. */
export function countSnapshotJson<C extends string>(snapshot: Readonly<Record<string, Readonly<Record<C, number>> & { readonly checked: string }>>, count: C): string {
	const keys = Object.keys(snapshot).sort();
	if (!keys.length) return '{}\n';
	const lines = keys.map((k) => `  ${JSON.stringify(k)}: { ${JSON.stringify(count)}: ${snapshot[k]![count]}, "checked": ${JSON.stringify(snapshot[k]!.checked)} }`);
	return `{\n${lines.join(',\n')}\n}\n`;
}
