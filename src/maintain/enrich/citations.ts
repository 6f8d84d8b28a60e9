/**
 * The citation snapshot, data/citations.json: `{ "<paper id>": { "citations": n, "checked": "YYYY-MM-DD" } }`,
 * one paper a line in id order, so a refresh diffs line by line. Like the star snapshot, a paper
 * whose count could not be fetched keeps its last one.
 */
import { CitationsSchema, type Citations } from '../../catalogue/schema.ts';
import { countSnapshotJson, readSnapshot } from '../common/snapshot.ts';

/** The text of citations.json. */
export function citationsToJson(citations: Citations): string {
	return countSnapshotJson(citations, 'citations');
}

/** Read the previous snapshot; a missing one is empty, an unreadable one is empty with the problem named. */
export function readCitationsFile(file: string): { citations: Citations; problem: string | null } {
	const { data, problem } = readSnapshot(file, CitationsSchema, {});
	return { citations: data, problem };
}

/** How a merge went. */
export interface CitationsMerge {
	citations: Citations;
	updated: string[];
	/** Asked but not answered: the last count is kept. */
	kept: string[];
	/** In the old snapshot but no longer a paper of the catalogue. */
	removed: string[];
}

/**
 * The new snapshot: `fresh` counts dated `today`, every other paper of `paperIds` keeps its old
 * count, and ids that are no longer papers are dropped.
 */
export function mergeCitations(old: Citations, fresh: ReadonlyMap<string, number>, paperIds: readonly string[], asked: readonly string[], today: string): CitationsMerge {
	const ids = new Set(paperIds);
	const out: CitationsMerge = { citations: {}, updated: [], kept: [], removed: Object.keys(old).filter((k) => !ids.has(k)).sort() };
	for (const id of [...ids].sort()) {
		const n = fresh.get(id);
		if (n !== undefined) {
			out.citations[id] = { citations: n, checked: today };
			out.updated.push(id);
		} else if (old[id]) out.citations[id] = old[id]!;
	}
	out.kept = asked.filter((id) => !fresh.has(id) && old[id] !== undefined).sort();
	return out;
}
