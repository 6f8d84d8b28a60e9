/**
 * Which catalogue paper each paper of a list is: the identity rules of the importer's merges,
 * applied between a list and a catalogue. Strongest first:
 * 1. a shared paper key (one arXiv id in any form, one proceedings paper under two URLs; the
 *    catalogue's `arxiv`, `doi` and `published` count too; see catalogue/identity.ts);
 * 2. the same normalised title;
 * 3. a short name in common (a "Name:" prefix, an alias, or a short title such as "MatryoshkaKV");
 * 4. the same GitHub repository, when no other paper on either side has it.
 * Rules 3 and 4 never join two papers whose paper keys are known and all differ. Each list paper
 * takes at most one catalogue paper and the other way round, best rule first, then list order; a
 * catalogue paper left over that names the same paper by rule 1 or 2 as a matched one is folded
 * into it (a duplicate in the catalogue).
 */
import { disjointKeys, paperKeysOf as keysOf, shortNamesOf, type Identity } from '../catalogue/identity.ts';
import { githubRepo, normalizeTitle } from '../catalogue/links.ts';
import type { Paper } from '../catalogue/schema.ts';

export type { Identity };

/** The rules, strongest first; the number is what `Match.rule` holds. */
export const MATCH_RULES = ['paper link', 'title', 'short name', 'code repository'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** A list paper (by index) recognised as a catalogue paper (by id). */
export interface Match {
	list: number;
	id: string;
	rule: MatchRule;
}

/** The outcome: matches, the catalogue papers folded into a matched one, and what is left on each side. */
export interface MatchResult {
	matches: Match[];
	/** Catalogue ids folded into a matched paper: `{ id: kept id, folded: its duplicate }`. */
	folded: Array<{ id: string; folded: string; rule: MatchRule }>;
	/** List papers that name no catalogue paper (new papers), by index. */
	unmatched: number[];
	/** Catalogue ids no list paper names. */
	missing: string[];
}

/** Index a side by each key kind: key → indices holding it. */
function index<T>(items: readonly T[], keys: (t: T) => Iterable<string>): Map<string, number[]> {
	const map = new Map<string, number[]>();
	items.forEach((item, i) => {
		for (const k of keys(item)) {
			const list = map.get(k);
			if (list) list.push(i);
			else map.set(k, [i]);
		}
	});
	return map;
}

/** Match the papers of a list with the papers of a catalogue. */
export function matchPapers(list: readonly Identity[], catalogue: readonly Paper[]): MatchResult {
	const listKeys = list.map(keysOf);
	const catKeys = catalogue.map(keysOf);
	const disjoint = (l: number, c: number) => disjointKeys(listKeys[l]!, catKeys[c]!);
	const repoOf = (p: Identity) => {
		const r = githubRepo(p.code);
		return r ? [r.toLowerCase()] : [];
	};
	const listRepos = index(list, repoOf);
	const kinds: Array<{ rule: MatchRule; of: (p: Identity) => Iterable<string>; guard: boolean; unique: boolean }> = [
		{ rule: 'paper link', of: keysOf, guard: false, unique: false },
		{ rule: 'title', of: (p) => [normalizeTitle(p.title)].filter(Boolean), guard: false, unique: false },
		{ rule: 'short name', of: shortNamesOf, guard: true, unique: false },
		{ rule: 'code repository', of: repoOf, guard: true, unique: true },
	];

	// Every candidate pair with its best rule.
	const best = new Map<string, { l: number; c: number; rank: number }>();
	kinds.forEach((kind, rank) => {
		const byKey = index(catalogue, kind.of);
		list.forEach((p, l) => {
			for (const key of kind.of(p)) {
				const cs = byKey.get(key) ?? [];
				if (kind.unique && (cs.length !== 1 || (listRepos.get(key)?.length ?? 0) !== 1)) continue;
				for (const c of cs) {
					if (kind.guard && disjoint(l, c)) continue;
					const k = `${l} ${c}`;
					if (!best.has(k)) best.set(k, { l, c, rank });
				}
			}
		});
	});

	const pairs = [...best.values()].sort((a, b) => a.rank - b.rank || a.l - b.l || catalogue[a.c]!.id.localeCompare(catalogue[b.c]!.id));
	const listTaken = new Map<number, number>();
	const catTaken = new Set<number>();
	const matches: Match[] = [];
	for (const { l, c, rank } of pairs) {
		if (listTaken.has(l) || catTaken.has(c)) continue;
		listTaken.set(l, c);
		catTaken.add(c);
		matches.push({ list: l, id: catalogue[c]!.id, rule: MATCH_RULES[rank]! });
	}

	// A left-over catalogue paper that is the same paper as a matched one by link or title is a duplicate.
	const folded: MatchResult['folded'] = [];
	for (const { l, c, rank } of pairs) {
		if (rank > 1 || catTaken.has(c) || !listTaken.has(l)) continue;
		catTaken.add(c);
		folded.push({ id: catalogue[listTaken.get(l)!]!.id, folded: catalogue[c]!.id, rule: MATCH_RULES[rank]! });
	}

	matches.sort((a, b) => a.list - b.list);
	return {
		matches,
		folded,
		unmatched: list.map((_, i) => i).filter((i) => !listTaken.has(i)),
		missing: catalogue.filter((_, c) => !catTaken.has(c)).map((p) => p.id),
	};
}
