/**
 * The queue of papers proposed but not yet filed (`data/candidates/<id>.yaml`) and the record of
 * papers turned down (`data/rejections.yaml`). Neither is part of the catalogue: no page, no
 * count, no search entry, no export. They exist so that `npm run discover` proposes a paper once,
 * a maintainer decides it once (`npm run accept` / `npm run reject`), and a rejected paper is never
 * proposed again, whatever the source.
 */
import { z } from 'zod';
import { didYouMean, type Diagnostic } from './diagnostics.ts';
import { describeSighting, IdentityIndex, type Identity } from './identity.ts';
import { ArxivIdSchema, DateSchema, DoiSchema, SlugSchema, TextSchema, UrlSchema, type PaperData } from './schema.ts';
import type { Tree } from './tree.ts';
import type { YamlFile } from './yaml-file.ts';

/** Where a candidate was found: a paper list, an arXiv search, the survey's citers, an issue. */
export const SightingSchema = z.strictObject({
	/** The source, such as "October2001/Awesome-KV-Cache-Compression", "arXiv search" or "Semantic Scholar: cites arXiv:2412.19442". */
	source: TextSchema.describe('The source, such as "October2001/Awesome-KV-Cache-Compression", "arXiv search" or "Semantic Scholar: cites arXiv:2412.19442".'),
	/** The day it was found, YYYY-MM-DD. */
	at: DateSchema.describe('The day it was found, YYYY-MM-DD.'),
	/** Where in the source: "README.md:151", a query. */
	where: TextSchema.optional().describe('Where in the source: "README.md:151", a query.'),
	/** Why it was kept: the section of the list, the words of the abstract that made it a KV-cache paper. */
	why: TextSchema.optional().describe('Why it was kept: the section of the list, the words of the abstract that made it a KV-cache paper.'),
});
export type Sighting = z.infer<typeof SightingSchema>;

/** A suggested leaf with its score in [0, 1], best first (`npm run suggest`). */
export const SuggestionSchema = z.strictObject({
	/** A leaf slug of data/taxonomy.yaml. */
	category: SlugSchema.describe('A leaf slug of data/taxonomy.yaml.'),
	/** How likely, from 0 to 1. */
	score: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').describe('How likely, from 0 to 1.'),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** Where a candidate's abstract comes from; only arXiv's (CC0) may reach a paper file and the site. */
export const ABSTRACT_SOURCES = ['arXiv', 'Semantic Scholar'] as const;
export const AbstractSourceSchema = z.enum(ABSTRACT_SOURCES, { error: 'must be "arXiv" or "Semantic Scholar": who gave the abstract' });
export type AbstractSource = z.infer<typeof AbstractSourceSchema>;

/** The fields of a candidate, in the order they are written. */
export const CANDIDATE_KEYS = ['title', 'aliases', 'year', 'venue', 'paper', 'arxiv', 'published', 'doi', 'code', 'authors', 'date', 'abstract', 'abstractSource', 'found', 'suggestions', 'note'] as const;

/** `data/candidates/<id>.yaml`: a paper proposed for the catalogue, with its facts as the source gave them. */
export const CandidateSchema = z.strictObject({
	/** The title as the source gave it. */
	title: TextSchema.describe('The title as the source gave it.'),
	/** Short names: "SnapKV". */
	aliases: z.array(TextSchema).optional().describe('Short names: "SnapKV".'),
	/** The year the source gives, if any. */
	year: z.number({ error: 'must be a year written as a number, such as 2024' }).int('must be a whole year, such as 2024').min(1990, 'must be 1990 or later').optional().describe('The year the source gives, if any.'),
	/** The venue as the source wrote it ("Arxiv", "NeurIPS"); accept resolves it through venues.yaml. */
	venue: TextSchema.optional().describe('The venue as the source wrote it ("Arxiv", "NeurIPS"); accept resolves it through venues.yaml.'),
	/** Link to the paper. */
	paper: UrlSchema.optional().describe('Link to the paper.'),
	/** The arXiv id, 2404.14469. */
	arxiv: ArxivIdSchema.optional().describe('The arXiv id, 2404.14469.'),
	/** Link to the published version. */
	published: UrlSchema.optional().describe('Link to the published version.'),
	/** The DOI, 10.1145/…. */
	doi: DoiSchema.optional().describe('The DOI, 10.1145/….'),
	/** Link to the code. */
	code: UrlSchema.optional().describe('Link to the code.'),
	/** Authors in publication order. */
	authors: z.array(TextSchema).optional().describe('Authors in publication order.'),
	/** The first public version, YYYY-MM-DD. */
	date: DateSchema.optional().describe('The first public version, YYYY-MM-DD.'),
	/** The abstract, for the maintainer who decides and for the suggestions; published only once accepted, and only when arXiv gave it (`abstractSource`). */
	abstract: z.string().trim().min(1, 'must not be empty; leave the key out instead').optional().describe('The abstract, for the maintainer who decides and for the suggestions; published only once accepted, and only when arXiv gave it (abstractSource).'),
	/**
	 * Who gave the abstract: arXiv (CC0: `npm run accept` carries it into the paper, and the site
	 * shows it) or Semantic Scholar (it ranks and suggests, but is never published).
	 */
	abstractSource: AbstractSourceSchema.optional().describe('Who gave the abstract: "arXiv" (CC0: npm run accept carries it into the paper) or "Semantic Scholar" (used for suggestions only, never published).'),
	/** Every place the paper was found, first first. */
	found: z.array(SightingSchema).min(1, 'must say where the paper was found, such as - {source: "arXiv search", at: 2026-12-03}').describe('Every place the paper was found, first first.'),
	/** The likeliest leaves, best first (npm run suggest). */
	suggestions: z.array(SuggestionSchema).optional().describe('The likeliest leaves, best first (npm run suggest).'),
	/** A maintainer's note. */
	note: TextSchema.optional().describe('A maintainer\'s note.'),
});
export type CandidateData = z.infer<typeof CandidateSchema>;
/** A candidate with its id (the file name). */
export type Candidate = CandidateData & { id: string };

/** Why papers are turned down; `other` when none fits (the reason says it). */
export const REJECTION_KINDS = ['survey', 'prompt-compression', 'vision-tokens', 'weight-or-activation-sparsity', 'not-kv-cache', 'not-a-paper', 'other'] as const;
export const RejectionKindSchema = z.enum(REJECTION_KINDS);
export type RejectionKind = z.infer<typeof RejectionKindSchema>;

/** What each kind means, for reports and the reject command's help. */
export const REJECTION_KIND_LABELS: Record<RejectionKind, string> = {
	survey: 'a survey or review',
	'prompt-compression': 'compresses the prompt, not the KV cache',
	'vision-tokens': 'prunes or merges visual tokens without managing the KV cache',
	'weight-or-activation-sparsity': 'sparsity or quantization of weights or activations, not the cache',
	'not-kv-cache': 'its main contribution is not the KV cache',
	'not-a-paper': 'a software project or a post, not a paper',
	other: 'another reason (see the sentence)',
};

/** The fields of a rejection, in the order they are written. */
export const REJECTION_KEYS = ['title', 'paper', 'arxiv', 'doi', 'aliases', 'kind', 'reason', 'decided', 'found'] as const;

/** One paper turned down: its title and link, and why. */
export const RejectionSchema = z.strictObject({
	/** The paper's title. */
	title: TextSchema.describe('The paper\'s title.'),
	/** Link to the paper (arXiv abstract or proceedings page). */
	paper: UrlSchema.describe('Link to the paper (arXiv abstract or proceedings page).'),
	/** Its arXiv id when `paper` links elsewhere. */
	arxiv: ArxivIdSchema.optional().describe('Its arXiv id when `paper` links elsewhere.'),
	/** Its DOI. */
	doi: DoiSchema.optional().describe('Its DOI.'),
	/** Short names it goes by, so a list that names it so is recognised. */
	aliases: z.array(TextSchema).optional().describe('Short names it goes by, so a list that names it so is recognised.'),
	/** survey, prompt-compression, vision-tokens, weight-or-activation-sparsity, not-kv-cache, not-a-paper or other. */
	kind: RejectionKindSchema.describe('survey, prompt-compression, vision-tokens, weight-or-activation-sparsity, not-kv-cache, not-a-paper or other.'),
	/** Why, in a sentence. */
	reason: TextSchema.refine((s) => s.split(/\s+/).length >= 4, 'must say why in a sentence, such as "A survey of KV-cache methods, not a method."').describe('Why, in a sentence.'),
	/** The day it was decided, YYYY-MM-DD. */
	decided: DateSchema.describe('The day it was decided, YYYY-MM-DD.'),
	/** Where it was found, as the candidate said. */
	found: z.array(SightingSchema).optional().describe('Where it was found, as the candidate said.'),
});
export type Rejection = z.infer<typeof RejectionSchema>;

/** `data/rejections.yaml`: every paper turned down. */
export const RejectionsSchema = z.array(RejectionSchema);

/** A candidate file that passed its schema. */
export interface CheckedCandidate {
	id: string;
	yf: YamlFile;
	data: CandidateData;
}

/** What the queue check needs of a paper: its id, file and identity. */
export interface KnownPaper {
	id: string;
	yf: YamlFile;
	data: Pick<PaperData, 'title' | 'aliases' | 'paper' | 'arxiv' | 'doi' | 'published' | 'code'>;
}

/** What a record of the catalogue is, for messages: "data/papers/snapkv.yaml". */
type Known = { what: string; at: string };

/**
 * The queue's rules: a candidate or rejection names no paper of the catalogue; a candidate is not
 * rejected; no paper is queued or rejected twice; a candidate's id is free for the paper it would
 * become; suggested categories are leaves.
 */
export function checkQueue(candidates: readonly CheckedCandidate[], rejections: { yf: YamlFile; data: readonly Rejection[] } | null, papers: readonly KnownPaper[], tree: Tree): Diagnostic[] {
	const out: Diagnostic[] = [];
	const catalogue = new IdentityIndex<Known>();
	const paperFiles = new Map<string, string>();
	for (const p of papers) {
		catalogue.add({ what: 'the catalogue paper', at: p.yf.file }, p.data);
		paperFiles.set(p.id, p.yf.file);
	}
	const rejected = new IdentityIndex<Known>();
	if (rejections) {
		rejections.data.forEach((r, i) => {
			const here = [i, 'paper'];
			const inCatalogue = catalogue.find(r);
			if (inCatalogue) {
				out.push(rejections.yf.diagnostic(here, `names ${inCatalogue.record.what} ${inCatalogue.record.at} (${describeSighting(inCatalogue)}); a paper of the catalogue cannot be rejected: remove this entry, or delete the paper file if it should go`));
				return;
			}
			const twice = rejected.find(r);
			if (twice) {
				out.push(rejections.yf.diagnostic(here, `names the paper already rejected at ${twice.record.at} (${describeSighting(twice)}); keep one entry`));
				return;
			}
			rejected.add({ what: 'the rejection', at: `${rejections.yf.file}:${rejections.yf.locate([i]).line}` }, r);
		});
	}
	const queued = new IdentityIndex<Known>();
	for (const c of candidates) {
		// The field that names the paper: its link, else its arXiv id, else its title.
		const path = [c.data.paper !== undefined ? 'paper' : c.data.arxiv !== undefined ? 'arxiv' : 'title'];
		const taken = paperFiles.get(c.id);
		if (taken) out.push(c.yf.diagnostic([], `id "${c.id}" is taken by ${taken}; rename this file so that accepting it cannot overwrite that paper`));
		const inCatalogue = catalogue.find(c.data);
		const isRejected = rejected.find(c.data);
		const twice = queued.find(c.data);
		if (inCatalogue) out.push(c.yf.diagnostic(path, `names ${inCatalogue.record.what} ${inCatalogue.record.at} (${describeSighting(inCatalogue)}); it is filed already: delete this candidate`));
		else if (isRejected) out.push(c.yf.diagnostic(path, `names the paper rejected at ${isRejected.record.at} (${describeSighting(isRejected)}); delete this candidate, or remove the rejection to reconsider it`));
		else if (twice) out.push(c.yf.diagnostic(path, `names the paper already queued as ${twice.record.at} (${describeSighting(twice)}); keep one candidate`));
		else queued.add({ what: 'the candidate', at: c.yf.file }, c.data);
		(c.data.suggestions ?? []).forEach((s, i) => {
			const node = tree.bySlug.get(s.category);
			if (node?.isLeaf) return;
			const guess = didYouMean(s.category, tree.leaves.map((l) => l.slug));
			out.push(c.yf.diagnostic(['suggestions', i, 'category'], node ? `"${s.category}" is a group, not a category; suggest one of its leaves` : `unknown category "${s.category}"${guess ? ` — did you mean "${guess}"?` : '; suggestions name leaf slugs of data/taxonomy.yaml'}`));
		});
	}
	return out;
}

/** An identity index over everything the catalogue already knows, each record saying what it is. */
export type KnownRecord =
	| { kind: 'paper'; id: string; title: string }
	| { kind: 'candidate'; id: string; title: string }
	| { kind: 'rejection'; title: string; reason: string; rejectionKind: RejectionKind; paper: string };

/** Index the catalogue's papers, the queue and the rejections, to ask of a new record "do we know it?". */
export function knownPapers(catalogue: { papers: ReadonlyArray<Identity & { id: string }>; candidates?: readonly Candidate[] | undefined; rejections?: readonly Rejection[] | undefined }): IdentityIndex<KnownRecord> {
	const index = new IdentityIndex<KnownRecord>();
	for (const p of catalogue.papers) index.add({ kind: 'paper', id: p.id, title: p.title }, p);
	for (const r of catalogue.rejections ?? []) index.add({ kind: 'rejection', title: r.title, reason: r.reason, rejectionKind: r.kind, paper: r.paper }, r);
	for (const c of catalogue.candidates ?? []) index.add({ kind: 'candidate', id: c.id, title: c.title }, c);
	return index;
}
