/**
 * Whether a hit of a search is about the KV cache of language models: every rule of
 * `data/discover.yaml` (`keep`) must find one of its terms in the title or the abstract. Matching
 * is plain and readable: any case, hyphens, dashes and slashes read as spaces, a plural "s" or
 * "es" allowed, and a short parenthesis inside a phrase skipped ("key-value (KV) cache" names
 * "key-value cache"). What kept a hit is said in words, for the candidate's `why`.
 */
import type { KeepRule } from './config.ts';

/** What the rules say of one hit. */
export type Verdict =
	| { keep: true; why: string }
	/** The rules it fails, by their wording ("names a language model"). */
	| { keep: false; failed: string[] };

/** The text a hit is judged on, lower case, with dashes as spaces; and the same without short parentheses. */
function readable(text: string): string[] {
	const plain = text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[-‐-―−_/]+/g, ' ')
		.replace(/\s+/g, ' ');
	const bare = plain.replace(/\s*\([^()]{1,12}\)/g, '');
	return bare === plain ? [plain] : [plain, bare];
}

/** A term as a pattern over `readable` text: whole words, spaces as any space, a plural allowed. */
function termPattern(term: string): RegExp {
	const words = readable(term)[0]!.trim().split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`(?<![a-z0-9])${words.join(' ')}(?:s|es)?(?![a-z0-9])`);
}

/** A filter over the rules, compiled once. */
export interface HitFilter {
	/** Judge a hit by its title and abstract (either may be missing). */
	judge(hit: { title: string; abstract?: string | null | undefined }): Verdict;
	/** The rules, in order, for reports. */
	rules: readonly KeepRule[];
}

/** Compile the `keep` rules of discover.yaml. */
export function hitFilter(rules: readonly KeepRule[]): HitFilter {
	const compiled = rules.map((r) => ({ rule: r.rule, terms: r.terms.map((t) => ({ term: t, pattern: termPattern(t) })) }));
	return {
		rules,
		judge(hit) {
			const texts = readable(`${hit.title} . ${hit.abstract ?? ''}`);
			const found: string[] = [];
			const failed: string[] = [];
			for (const r of compiled) {
				const hitTerm = r.terms.find((t) => texts.some((x) => t.pattern.test(x)));
				if (hitTerm) found.push(`${r.rule} ("${hitTerm.term}")`);
				else failed.push(r.rule);
			}
			return failed.length ? { keep: false, failed } : { keep: true, why: found.length ? `its title or abstract ${found.join(' and ')}` : 'no rule to meet' };
		},
	};
}

/** How many hits a source read, kept and dropped, and which rules dropped them (a hit failing two counts for both). */
export interface FilterTally {
	read: number;
	kept: number;
	dropped: number;
	/** Hits each rule failed, by its wording, in the order of the rules. */
	failedBy: Record<string, number>;
}

/** An empty tally over `rules`. */
export function emptyTally(rules: readonly KeepRule[]): FilterTally {
	return { read: 0, kept: 0, dropped: 0, failedBy: Object.fromEntries(rules.map((r) => [r.rule, 0])) };
}

/** Count one verdict into `tally`. */
export function countVerdict(tally: FilterTally, v: Verdict): void {
	tally.read++;
	if (v.keep) tally.kept++;
	else {
		tally.dropped++;
		for (const f of v.failed) tally.failedBy[f] = (tally.failedBy[f] ?? 0) + 1;
	}
}
