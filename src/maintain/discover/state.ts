/**
 * `data/discover-state.json`: how far each service source of `npm run discover` has read, written
 * only by discover and only for a source that answered in full (a run that failed part way leaves
 * its date alone, so the next run reads the same days again). Contributors never edit it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The file's name inside a catalogue folder. */
export const DISCOVER_STATE_FILE = 'discover-state.json';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The state of the arXiv search and of the citers. */
export const DiscoverStateSchema = z.strictObject({
	arxiv: z.strictObject({ checked: Day, since: Day, hits: z.number().int().min(0) }).optional(),
	citations: z.strictObject({ checked: Day, citers: z.number().int().min(0) }).optional(),
});
export type DiscoverState = z.infer<typeof DiscoverStateSchema>;

/** The state of a catalogue folder; empty when absent, with a problem when unreadable (the run goes on as if absent). */
export function readDiscoverState(dir: string): { state: DiscoverState; problem: string | null; text: string | null } {
	let text: string;
	try {
		text = readFileSync(path.join(dir, DISCOVER_STATE_FILE), 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: {}, problem: null, text: null };
		throw err;
	}
	try {
		const parsed = DiscoverStateSchema.safeParse(JSON.parse(text));
		if (parsed.success) return { state: parsed.data, problem: null, text };
		return { state: {}, problem: `not the state discover writes (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message})`, text };
	} catch (err) {
		return { state: {}, problem: `not JSON (${(err as Error).message})`, text };
	}
}

/** The file's text: keys in a fixed order, two-space indent, a final newline. */
export function discoverStateJson(state: DiscoverState): string {
	const ordered: DiscoverState = {};
	if (state.arxiv) ordered.arxiv = { checked: state.arxiv.checked, since: state.arxiv.since, hits: state.arxiv.hits };
	if (state.citations) ordered.citations = { checked: state.citations.checked, citers: state.citations.citers };
	return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The day `days` before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
	const t = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000;
	return new Date(t).toISOString().slice(0, 10);
}
