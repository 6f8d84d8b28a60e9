/**
 * Rows that name the same paper become one paper with every category. Rows are the same paper
 * when they share a paper link (`paperKey`: one arXiv id in any form, one proceedings paper under
 * two URLs), share a title, or one row's title is the short name before the ":" of another's
 * ("MatryoshkaKV" and "MatryoshkaKV: Adaptive KV Compression …"). A link that did not parse was
 * left out by the row reader, so it never merges anything.
 *
 * The merged paper takes the longest title (the full one); the other short titles and the short
 * "Name:" prefix of the title become aliases. Year, venue, paper and code come from the full-title
 * row, or the first row that has them; disagreements are reported.
 */
import { note, problem, type ImportMessage } from './report.ts';
import { isShortTitle, namePrefix } from '../catalogue/ids.ts';
import { githubRepo, normalizeTitle, paperKey } from '../catalogue/links.ts';
import type { ListRow } from './rows.ts';

/** A paper made of one or more rows. */
export interface MergedPaper {
	title: string;
	aliases: string[];
	year: number | undefined;
	/** Canonical venue name; empty when no row states one. */
	venue: string;
	categories: string[];
	paper: string | undefined;
	code: string | undefined;
	codeOfficial: boolean | undefined;
	/** The rows, in file order; `rows[rep]` gave the title. */
	rows: ListRow[];
	rep: number;
}

/** Group rows (venue already canonical, "" when unstated) into papers, in order of first appearance. */
export function mergeRows(rows: readonly ListRow[]): { papers: MergedPaper[]; messages: ImportMessage[] } {
	const messages: ImportMessage[] = [];
	const parent = rows.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
	// Why each row joined its paper, kept for the report.
	const why = new Map<number, string>();
	const keys = rows.map((r) => paperKey(r.paper));
	// The paper keys of each group, by its root.
	const keysOf = new Map(keys.map((k, i) => [i, new Set(k ? [k] : [])]));
	const join = (a: number, b: number, reason: string) => {
		const [ra, rb] = [find(a), find(b)];
		if (ra === rb) return;
		const [root, child] = [Math.min(ra, rb), Math.max(ra, rb)];
		parent[child] = root;
		for (const k of keysOf.get(child)!) keysOf.get(root)!.add(k);
		if (!why.has(a)) why.set(a, reason);
		if (!why.has(b)) why.set(b, reason);
	};

	const firstByKey = new Map<string, number>();
	keys.forEach((k, i) => {
		if (!k) return;
		const first = firstByKey.get(k);
		if (first === undefined) firstByKey.set(k, i);
		else join(first, i, k.startsWith('arxiv:') ? `same arXiv id ${k.slice(6)}` : `same paper (${k})`);
	});

	const firstByTitle = new Map<string, number>();
	rows.forEach((r, i) => {
		const t = normalizeTitle(r.title);
		const first = firstByTitle.get(t);
		if (first === undefined) return void firstByTitle.set(t, i);
		if (keys[first] && keys[i] && keys[first] !== keys[i]) {
			messages.push(problem(r.line, `same title as line ${rows[first]!.line} but another paper link (${r.paper} vs ${rows[first]!.paper}); merged as one paper — check which link is right`));
		}
		join(first, i, 'same title');
	});

	// Short names: "MatryoshkaKV" names the paper titled "MatryoshkaKV: …".
	const byPrefix = new Map<string, number[]>();
	rows.forEach((r, i) => {
		const i0 = r.title.indexOf(':');
		const prefix = i0 > 0 ? normalizeTitle(r.title.slice(0, i0)) : '';
		if (prefix) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), i]);
	});
	const groupKeys = (root: number) => keysOf.get(root) ?? new Set<string>();
	rows.forEach((r, i) => {
		if (r.title.includes(':')) return;
		const targets = [...new Set((byPrefix.get(normalizeTitle(r.title)) ?? []).map(find))].filter((g) => g !== find(i));
		if (targets.length > 1) {
			messages.push(problem(r.line, `"${r.title}" is the short name of several papers (lines ${targets.map((g) => rows[g]!.line).join(', ')}); not merged — give the row the paper's link or full title`));
			return;
		}
		const [target] = targets;
		if (target === undefined) return;
		const mine = groupKeys(find(i));
		const theirs = groupKeys(target);
		if (mine.size && theirs.size && ![...mine].some((k) => theirs.has(k))) {
			messages.push(note(r.line, `"${r.title}" looks like the short name of "${rows[target]!.title}" (line ${rows[target]!.line}) but links another paper; not merged`));
			return;
		}
		join(target, i, `"${r.title}" is the short name before its ":"`);
	});

	const groups = new Map<number, number[]>();
	rows.forEach((_, i) => {
		const root = find(i);
		const members = groups.get(root);
		if (members) members.push(i);
		else groups.set(root, [i]);
	});
	const papers = [...groups.values()].map((members) => {
		const paper = buildPaper(members.map((i) => rows[i]!), messages);
		const rep = paper.rows[paper.rep]!;
		members.forEach((i, j) => {
			if (j !== paper.rep) messages.push(note(rows[i]!.line, `merged "${rows[i]!.title}" into "${rep.title}" (line ${rep.line}): ${why.get(i) ?? 'same paper'}`));
		});
		return paper;
	});
	return { papers, messages };
}

function buildPaper(rows: ListRow[], messages: ImportMessage[]): MergedPaper {
	let rep = 0;
	rows.forEach((r, i) => {
		if (r.title.length > rows[rep]!.title.length) rep = i;
	});
	const main = rows[rep]!;
	// The full-title row's value, else the first row's that has one; disagreement is reported.
	const pick = (field: string, shown: (r: ListRow) => string | undefined, same: (r: ListRow) => string): ListRow | undefined => {
		const withValue = rows.filter((r) => shown(r) !== undefined);
		const chosen = shown(main) !== undefined ? main : withValue[0];
		if (chosen && new Set(withValue.map(same)).size > 1) {
			const listed = withValue.map((r) => `${shown(r)} (line ${r.line})`).join(', ');
			messages.push(problem(chosen.line, `merged rows disagree on ${field}: ${listed}; kept ${shown(chosen)} from line ${chosen.line}${chosen === main ? ' (the full title)' : ''}`));
		}
		return chosen;
	};
	const year = pick('year', (r) => (r.year === undefined ? undefined : String(r.year)), (r) => String(r.year))?.year;
	const venue = pick('venue', (r) => r.venue || undefined, (r) => r.venue)?.venue ?? '';
	const paper = pick('paper link', (r) => r.paper, (r) => paperKey(r.paper) ?? r.paper!)?.paper;
	const codeShown = (r: ListRow) => (r.code ? `${r.code}${r.codeOfficial === false ? ' (non-official)' : ''}` : undefined);
	const codeRow = pick('code link', codeShown, (r) => `${(githubRepo(r.code) ?? r.code!).toLowerCase()} ${r.codeOfficial ?? true}`);

	const categories: string[] = [];
	for (const r of rows) {
		if (categories.includes(r.category)) messages.push(note(r.line, `"${r.title}" is listed twice in the same category; kept once`));
		else categories.push(r.category);
	}
	const aliases: string[] = [];
	const addAlias = (a: string | undefined) => {
		if (a && normalizeTitle(a) !== normalizeTitle(main.title) && !aliases.some((x) => x.toLowerCase() === a.toLowerCase())) aliases.push(a);
	};
	addAlias(namePrefix(main.title));
	for (const r of rows) {
		if (normalizeTitle(r.title) === normalizeTitle(main.title)) continue;
		if (isShortTitle(r.title)) addAlias(r.title);
		else {
			addAlias(namePrefix(r.title));
			messages.push(problem(r.line, `title "${r.title}" differs from "${main.title}" (line ${main.line}) for the same paper; kept the longer one`));
		}
	}
	return { title: main.title, aliases, year, venue, categories, paper, code: codeRow?.code, codeOfficial: codeRow?.codeOfficial, rows, rep };
}
