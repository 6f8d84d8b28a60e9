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
 * The new review list: fresh entries replace a paper's old one (fields applied earlier stay
 * listed), old entries of other papers stay, and entries of papers that are gone are dropped.
 */
export function mergeReview(old: Review, fresh: ReadonlyMap<string, ReviewEntry>, paperIds: readonly string[]): Review {
	const ids = new Set(paperIds);
	const out: Review = {};
	for (const id of [...new Set([...Object.keys(old), ...fresh.keys()])].sort()) {
		if (!ids.has(id)) continue;
		const before = old[id];
		const now = fresh.get(id);
		if (now && before) out[id] = { ...now, applied: [...new Set([...before.applied, ...now.applied])] };
		else out[id] = (now ?? before)!;
	}
	return out;
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
