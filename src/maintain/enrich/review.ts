/**
 * data/review.json: the gathered facts a maintainer should confirm — every medium or low fact
 * that changed a paper or asked for a change that was not made — with the fact, its sources and
 * the gatherer's note. `npm run doctor` lists them at the paper's file and line; a maintainer who
 * has checked an entry deletes it.
 */
import { ReviewSchema, type GatheredFact, type Review, type ReviewEntry } from '../../catalogue/schema.ts';
import { APPLIED, showValue, type PaperPlan } from './plan.ts';
import { readSnapshot } from '../common/snapshot.ts';

/** The entry for one paper's fact, or null when the fact is high or asked for nothing. */
export function reviewEntry(fact: GatheredFact, plan: PaperPlan, from: string): ReviewEntry | null {
	if (fact.confidence === 'high' || !plan.changes.length) return null;
	const { confidence, sources, note, ...rest } = fact;
	return {
		from,
		confidence,
		applied: plan.changes.filter((c) => APPLIED.has(c.status)).map((c) => c.field),
		notApplied: plan.changes.filter((c) => !APPLIED.has(c.status)).map((c) => ({ field: c.field, value: showValue(c.to), reason: c.reason ?? c.status })),
		fact: { title: rest.title, listArxiv: rest.listArxiv, arxiv: rest.arxiv, authors: rest.authors, authorsComplete: rest.authorsComplete, arxivDate: rest.arxivDate, published: rest.published },
		sources,
		note,
	};
}

/**
 * The new review list: a fresh entry from the same facts file replaces a paper's old one (fields
 * applied earlier stay listed); one from another file is joined to it, so the evidence for what
 * the earlier file wrote is never lost (see joinEntries). Old entries of other papers stay, and
 * entries of papers that are gone are dropped.
 */
export function mergeReview(old: Review, fresh: ReadonlyMap<string, ReviewEntry>, paperIds: readonly string[]): Review {
	const ids = new Set(paperIds);
	const out: Review = {};
	for (const id of [...new Set([...Object.keys(old), ...fresh.keys()])].sort()) {
		if (!ids.has(id)) continue;
		const before = old[id];
		const now = fresh.get(id);
		if (now && before) out[id] = before.from === now.from ? { ...now, applied: union(before.applied, now.applied) } : joinEntries(before, now);
		else out[id] = (now ?? before)!;
	}
	return out;
}

const RANK = { low: 0, medium: 1, high: 2 } as const;
const FROM_SEPARATOR = '; ';
const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/**
 * One entry for facts about the same paper from two files: both files named, the lower
 * confidence, the fresh fact with what it leaves unknown taken from the earlier one, every
 * source, both notes. Joining the same fresh entry again changes nothing.
 */
export function joinEntries(before: ReviewEntry, now: ReviewEntry): ReviewEntry {
	const b = before.fact;
	const n = now.fact;
	const authorsFromBefore = n.authors === null && b.authors !== null;
	const notApplied = [...now.notApplied];
	for (const e of before.notApplied) if (!notApplied.some((x) => x.field === e.field && x.value === e.value)) notApplied.push(e);
	const firstFrom = now.from.split(FROM_SEPARATOR)[0]!;
	return {
		from: union(now.from.split(FROM_SEPARATOR), before.from.split(FROM_SEPARATOR)).join(FROM_SEPARATOR),
		confidence: RANK[before.confidence] < RANK[now.confidence] ? before.confidence : now.confidence,
		applied: union(before.applied, now.applied),
		notApplied,
		fact: {
			title: n.title,
			listArxiv: n.listArxiv ?? b.listArxiv,
			arxiv: n.arxiv ?? b.arxiv,
			authors: authorsFromBefore ? b.authors : n.authors,
			authorsComplete: authorsFromBefore ? b.authorsComplete : n.authorsComplete,
			arxivDate: n.arxivDate ?? b.arxivDate,
			published: n.published ?? b.published,
		},
		sources: union(now.sources, before.sources),
		note: before.note.includes(now.note) ? before.note : `${firstFrom}: ${now.note} ${before.from}: ${before.note}`,
	};
}

/** The text of review.json. */
export function reviewToJson(review: Review): string {
	return `${JSON.stringify(review, null, 2)}\n`;
}

/** Read review.json; a missing file is empty, an unreadable one is empty with the problem named. */
export function readReviewFile(file: string): { review: Review; problem: string | null } {
	const { data, problem } = readSnapshot(file, ReviewSchema, {});
	return { review: data, problem };
}
