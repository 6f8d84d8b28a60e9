/**
 * When two records name the same paper: a paper of the catalogue, a candidate of the queue, a
 * rejection, a row of a list, an arXiv hit or an issue form. Strongest evidence first:
 * 1. a shared paper key: an arXiv id in any form (abs, pdf, html, version suffix), a DOI, or a
 *    proceedings URL (two forms of one proceedings paper share a key, see `paperKey`);
 * 2. the same normalised title;
 * 3. a short name in common (a "Name:" prefix, an alias, or a short title such as "MatryoshkaKV").
 * Rule 3 never joins two records whose paper keys are known and all differ: two papers may share
 * a short name, never an arXiv id. A title is specific enough to join an arXiv preprint and its
 * proceedings page, whose keys differ.
 */
import { isShortTitle, namePrefix } from './ids.ts';
import { normalizeTitle, paperKey } from './links.ts';

/** What identifies a paper, whatever record it comes from. */
export interface Identity {
	title: string;
	aliases?: readonly string[] | undefined;
	paper?: string | undefined;
	code?: string | undefined;
	arxiv?: string | undefined;
	doi?: string | undefined;
	published?: string | undefined;
}

/** The evidence, strongest first. */
export const IDENTITY_RULES = ['paper link', 'title', 'short name'] as const;
export type IdentityRule = (typeof IDENTITY_RULES)[number];

/** The paper keys of a record: its links' keys, its arXiv id and its DOI. */
export function paperKeysOf(p: Identity): Set<string> {
	const keys = new Set<string>();
	for (const k of [paperKey(p.paper), paperKey(p.published), p.arxiv ? `arxiv:${p.arxiv.toLowerCase()}` : null, p.doi ? `doi:${p.doi.toLowerCase()}` : null]) if (k) keys.add(k);
	// A doi.org link is the DOI itself.
	for (const url of [p.paper, p.published]) {
		const doi = url && /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i.exec(url.trim());
		if (doi) keys.add(`doi:${decodeURIComponent(doi[1]!).toLowerCase()}`);
	}
	return keys;
}

/** The short names of a record: its "Name:" prefix, its aliases, its title when the title is itself a name. */
export function shortNamesOf(p: Identity): Set<string> {
	const names = new Set<string>();
	const add = (s: string | undefined) => {
		const n = s ? normalizeTitle(s) : '';
		if (n) names.add(n);
	};
	add(namePrefix(p.title));
	for (const a of p.aliases ?? []) add(a);
	if (isShortTitle(p.title)) add(p.title);
	return names;
}

/** The keys a record is found by under one rule. */
export function identityKeys(p: Identity, rule: IdentityRule): Iterable<string> {
	if (rule === 'paper link') return paperKeysOf(p);
	if (rule === 'title') return [normalizeTitle(p.title)].filter(Boolean);
	return shortNamesOf(p);
}

/** True when both records have paper keys and share none: then they are two papers, whatever their titles say. */
export function disjointKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
	return a.size > 0 && b.size > 0 && ![...a].some((k) => b.has(k));
}

/** A record found in the index, with the rule that found it. */
export interface Sighting<T> {
	record: T;
	rule: IdentityRule;
	/** The key both share ("arxiv:2404.14469", a normalised title, a short name). */
	key: string;
}

/**
 * Records indexed by every identity key, to ask "have we seen this paper?" of anything that
 * names one. Adding is linear; a lookup reads a few maps.
 */
export class IdentityIndex<T> {
	private readonly byRule = new Map<IdentityRule, Map<string, Array<{ record: T; keys: Set<string> }>>>(IDENTITY_RULES.map((r) => [r, new Map()]));

	/** Index `record` under the identity `p`. */
	add(record: T, p: Identity): void {
		const keys = paperKeysOf(p);
		for (const rule of IDENTITY_RULES) {
			const map = this.byRule.get(rule)!;
			for (const key of identityKeys(p, rule)) {
				const list = map.get(key);
				if (list) list.push({ record, keys });
				else map.set(key, [{ record, keys }]);
			}
		}
	}

	/** The first record that names the same paper as `p`, by the strongest rule; null when none does. */
	find(p: Identity): Sighting<T> | null {
		const keys = paperKeysOf(p);
		for (const rule of IDENTITY_RULES) {
			const map = this.byRule.get(rule)!;
			for (const key of identityKeys(p, rule)) {
				for (const hit of map.get(key) ?? []) {
					if (rule === 'short name' && disjointKeys(keys, hit.keys)) continue;
					return { record: hit.record, rule, key };
				}
			}
		}
		return null;
	}
}

/** How a sighting reads in a message: "arXiv 2404.14469", "the same title", "the short name SnapKV". */
export function describeSighting(s: Pick<Sighting<unknown>, 'rule' | 'key'>, shortName?: string): string {
	if (s.rule === 'paper link') {
		if (s.key.startsWith('arxiv:')) return `arXiv ${s.key.slice(6)}`;
		if (s.key.startsWith('doi:')) return `DOI ${s.key.slice(4)}`;
		return 'the same paper link';
	}
	if (s.rule === 'title') return 'the same title';
	return `the short name ${JSON.stringify(shortName ?? s.key)}`;
}
