/**
 * What `npm run discover` queues: every proposed paper that is neither in the catalogue, nor
 * rejected, nor already queued becomes a candidate; a paper proposed twice in one run (two lists,
 * a list and arXiv) is one candidate with both sightings. Pure: the catalogue and the proposals in,
 * the new candidates and the tally out; the CLI validates and writes.
 */
import { describeSighting, IdentityIndex, type Identity } from '../../catalogue/identity.ts';
import { assignIds } from '../../catalogue/ids.ts';
import { arxivId } from '../../catalogue/links.ts';
import type { Catalogue } from '../../catalogue/load.ts';
import { CandidateSchema, knownPapers, type CandidateData, type Sighting, type Suggestion } from '../../catalogue/queue.ts';
import { aliasesFor, idsInUse } from '../common/paper-draft.ts';

/** A paper as a source proposes it: what the source says, and where it said it. */
export type Proposal = Omit<CandidateData, 'found' | 'suggestions' | 'note'> & {
	/** Where this source saw it. */
	found: Sighting;
	/** For problems and reports: "lists/x.md:12". */
	where: string;
};

/** A proposal the catalogue knows already, and how. */
export interface Known {
	title: string;
	where: string;
	/** What it is in the catalogue: a paper (id), a candidate (id) or a rejection (with its reason). */
	as: 'paper' | 'candidate' | 'rejection';
	id?: string;
	reason?: string;
	/** "arXiv 2404.14469", "the same title", … */
	by: string;
}

/** The outcome of a discovery. */
export interface DiscoveryPlan {
	/** New candidates, in the order first proposed, with their ids. */
	candidates: Array<{ id: string; data: CandidateData }>;
	/** Proposals that name a catalogue paper. */
	known: Known[];
	/** Proposals that name a rejected paper (never proposed again). */
	rejected: Known[];
	/** Proposals that name a paper already in the queue. */
	queued: Known[];
	/** Proposals folded into a new candidate proposed earlier in this run. */
	repeated: Array<{ title: string; where: string; into: string; by: string }>;
	/** Proposals whose facts no candidate file may hold (a year before 1990, say): not queued, each a problem at its `where`. */
	invalid: Array<{ title: string; where: string; message: string }>;
}

/** How the plan suggests categories; none when discover runs without a suggester. */
export type Suggester = (paper: { title: string; aliases?: readonly string[] | undefined; abstract?: string | undefined }) => Suggestion[];

/** Decide each proposal against the catalogue, its queue and its rejections. */
export function planDiscovery(catalogue: Pick<Catalogue, 'papers' | 'candidates' | 'rejections' | 'taxonomy'>, proposals: readonly Proposal[], suggest?: Suggester): DiscoveryPlan {
	const known = knownPapers(catalogue);
	const fresh = new IdentityIndex<number>();
	const drafts: CandidateData[] = [];
	const plan: DiscoveryPlan = { candidates: [], known: [], rejected: [], queued: [], repeated: [], invalid: [] };

	for (const p of proposals) {
		const identity = identityOf(p);
		const hit = known.find(identity);
		if (hit) {
			const r = hit.record;
			const entry: Known = { title: p.title, where: p.where, as: r.kind, by: describeSighting(hit), ...('id' in r ? { id: r.id } : { reason: r.reason }) };
			(r.kind === 'paper' ? plan.known : r.kind === 'rejection' ? plan.rejected : plan.queued).push(entry);
			continue;
		}
		// Judged alone, as validate would judge its file: one entry a source got wrong holds back no other.
		const draft = candidateOf(p);
		const checked = CandidateSchema.safeParse(draft);
		if (!checked.success) {
			const issue = checked.error.issues[0]!;
			plan.invalid.push({ title: p.title, where: p.where, message: `${[...issue.path].join('.')} ${issue.message}` });
			continue;
		}
		const again = fresh.find(identity);
		if (again) {
			const first = drafts[again.record]!;
			drafts[again.record] = fold(first, p);
			plan.repeated.push({ title: p.title, where: p.where, into: first.title, by: describeSighting(again) });
			continue;
		}
		fresh.add(drafts.length, identity);
		drafts.push(draft);
	}

	const ids = assignIds(drafts, idsInUse(catalogue));
	plan.candidates = drafts.map((data, i) => {
		const suggestions = suggest?.({ title: data.title, aliases: data.aliases, abstract: data.abstract });
		return { id: ids[i]!, data: suggestions?.length ? { ...data, suggestions } : data };
	});
	return plan;
}

/** What identifies a proposal: its links, its arXiv id and DOI, its title and short names. */
function identityOf(p: Proposal): Identity {
	return { title: p.title, aliases: p.aliases, paper: p.paper, arxiv: p.arxiv ?? arxivId(p.paper) ?? undefined, doi: p.doi, published: p.published, code: p.code };
}

/**
 * A candidate from its first proposal: an arXiv link becomes the abstract page, the arXiv id is
 * recorded, and the "Name" of a "Name: rest of title" title is a short name, as the importer and
 * `npm run new` make it (so the candidate's id is the name readers know).
 */
function candidateOf(p: Proposal): CandidateData {
	const id = p.arxiv ?? arxivId(p.paper) ?? undefined;
	const paper = id && (!p.paper || arxivId(p.paper)) ? `https://arxiv.org/abs/${id}` : p.paper;
	const aliases = aliasesFor(p.title, p.aliases ?? []);
	return dropUndefined({
		title: p.title,
		aliases: aliases.length ? aliases : undefined,
		year: p.year,
		venue: p.venue,
		paper,
		arxiv: id,
		published: p.published,
		doi: p.doi,
		code: p.code,
		authors: p.authors?.length ? [...p.authors] : undefined,
		date: p.date,
		abstract: p.abstract,
		abstractSource: p.abstract ? p.abstractSource : undefined,
		found: [p.found],
	});
}

/**
 * A second proposal of the same paper: its sighting is added, and it fills what the first left
 * empty; but arXiv's abstract and first-version date replace Semantic Scholar's (arXiv's may be
 * published, and its date is the first version's by definition).
 */
function fold(draft: CandidateData, p: Proposal): CandidateData {
	const next = candidateOf(p);
	const aliases = [...(draft.aliases ?? [])];
	for (const a of next.aliases ?? []) if (!aliases.some((x) => x.toLowerCase() === a.toLowerCase())) aliases.push(a);
	const merged: CandidateData = { ...next, ...dropUndefined(draft), aliases: aliases.length ? aliases : undefined, found: [...draft.found, p.found] };
	if (next.abstractSource === 'arXiv' && draft.abstractSource !== 'arXiv') Object.assign(merged, { abstract: next.abstract, abstractSource: next.abstractSource, date: next.date ?? draft.date });
	return dropUndefined(merged);
}

function dropUndefined<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
