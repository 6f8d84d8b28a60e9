/**
 * The catalogue's data model: zod schemas for the taxonomy, the venues, one paper, the site
 * text and the star snapshot. Plain TypeScript (no `astro:` imports) so that Astro, the CLIs in
 * `scripts/` and the tests share one definition. Cross-file rules (a category exists and is a
 * leaf, a venue is known, no two papers share an arXiv id) live in `checks.ts`.
 */
import { z } from 'zod';

/** The earliest year a paper of this field can carry (the Transformer predates it by little). */
export const MIN_YEAR = 1990;
/** Papers may be dated next year (camera-ready versions of accepted work). */
export const maxYear = (): number => new Date().getUTCFullYear() + 1;

/** Lower-case words joined by hyphens: the form of every slug and paper id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug: used in URLs and as the key that papers use to name their categories. */
export const SlugSchema = z
	.string()
	.regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens, such as "kv-cache-selection"');

/** Text shown on the site; never HTML, never empty, one line. */
export const TextSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.refine((s) => !/[\r\n]/.test(s), 'must be on one line');

/**
 * An absolute http(s) URL. Other schemes (`javascript:`, `data:`, `ftp:`) and protocol-relative
 * `//host` links are refused, so no link on the site can run code.
 */
export const UrlSchema = z
	.string()
	.trim()
	.superRefine((s, ctx) => {
		if (!/^https?:\/\//i.test(s)) ctx.addIssue({ code: 'custom', message: 'must be an absolute http:// or https:// URL' });
		else if (!URL.canParse(s) || !/^[^\s<>"]+$/.test(s)) ctx.addIssue({ code: 'custom', message: 'is not a valid URL (spaces or quotes in it?)' });
	});

/** A calendar date written YYYY-MM-DD (YAML may hand it over as a Date). */
export const DateSchema = z.preprocess(
	(v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, such as 2025-01-31')
		// The shape alone lets 2025-02-30 through; the day must come back from the calendar as written.
		.refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'is not a day of the calendar (check the month and the day)'),
);

/** One node of the taxonomy tree; a node without children is a leaf, the category papers name. */
export interface TaxonomyNode {
	slug: string;
	title: string;
	description?: string | undefined;
	children?: TaxonomyNode[] | undefined;
	formerPaths?: string[] | undefined;
	formerPapers?: string[] | undefined;
}

/** A node's former URL path: its slugs from the top-level group down, joined by "/". */
export const FormerPathSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, 'must be slugs joined by "/", such as "model-level-optimization/intra-later"');

/** A taxonomy node: inner nodes group, leaves hold papers. */
export const TaxonomyNodeSchema: z.ZodType<TaxonomyNode> = z.lazy(() =>
	z.strictObject({
		/** Unique over the whole tree; the last part of the node's URL. */
		slug: SlugSchema.describe('Unique over the whole tree; the last part of the node\'s URL.'),
		/** The heading readers see. */
		title: TextSchema.describe('The heading readers see.'),
		/** Markdown shown under the heading (links and emphasis; no HTML). */
		description: z.string().trim().min(1, 'must not be empty; leave the key out instead').optional().describe('Markdown shown under the heading (links and emphasis; no HTML).'),
		/** Sub-categories; leave out for a leaf. */
		children: z.array(TaxonomyNodeSchema).min(1, 'must list at least one node; leave the key out for a leaf').optional().describe('Sub-categories; leave out for a leaf.'),
		/** Paths this node had before a rename or move ("model-level-optimization/intra-later"); each old URL redirects here. */
		formerPaths: z.array(FormerPathSchema).min(1, 'must list at least one path; leave the key out instead').optional().describe('Paths this node had before a rename or move ("model-level-optimization/intra-later"); each old URL redirects here.'),
		/** Ids of papers removed from the list while in this category; their old URLs redirect here. */
		formerPapers: z.array(SlugSchema).min(1, 'must list at least one id; leave the key out instead').optional().describe('Ids of papers removed from the list while in this category; their old URLs redirect here.'),
	}),
);

/** `data/taxonomy.yaml`: the list of top-level groups. */
export const TaxonomySchema = z.array(TaxonomyNodeSchema).min(1, 'must hold at least one top-level group');
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** What kind of publication a venue is; decides the BibTeX entry type. */
export const VenueKindSchema = z.enum(['conference', 'journal', 'workshop', 'preprint', 'other']);
export type VenueKind = z.infer<typeof VenueKindSchema>;

/** One venue with the other spellings contributors use for it. */
export const VenueSchema = z.strictObject({
	/** The canonical short name papers use, such as "NeurIPS". */
	name: TextSchema.describe('The canonical short name papers use, such as "NeurIPS".'),
	/** The full name, such as "Conference on Neural Information Processing Systems". */
	fullName: TextSchema.optional().describe('The full name, such as "Conference on Neural Information Processing Systems".'),
	/** Conference, journal, workshop, preprint (arXiv) or other. */
	kind: VenueKindSchema.describe('Conference, journal, workshop, preprint (arXiv) or other.'),
	/** Other spellings accepted on import and pointed to by "did you mean": "NIPS", "ICLR sub.". */
	aliases: z.array(TextSchema).optional().describe('Other spellings accepted on import and pointed to by "did you mean": "NIPS", "ICLR sub.".'),
	/** Slug of the venue's page; derived from the name when left out. */
	slug: SlugSchema.optional().describe('Slug of the venue\'s page; derived from the name when left out.'),
});
export type Venue = z.infer<typeof VenueSchema>;

/** `data/venues.yaml`: every venue a paper may name. */
export const VenuesSchema = z.array(VenueSchema).min(1, 'must list at least one venue');

/** The fields of a paper, in the canonical order written by `npm run new` and the importer. */
export const PAPER_KEYS = [
	'title',
	'aliases',
	'year',
	'venue',
	'categories',
	'paper',
	'arxiv',
	'published',
	'doi',
	'code',
	'codeOfficial',
	'authors',
	'date',
	'summary',
	'abstract',
	'benchmarks',
	'bibtex',
	'added',
	'listed',
	'formerIds',
] as const;

/** A new-style arXiv identifier, such as 2404.14469 (no version suffix). */
export const ARXIV_ID_PATTERN = /^\d{4}\.\d{4,5}$/;
/** A DOI without its resolver, such as 10.1145/3600006.3613165. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** An arXiv id field: 2404.14469, no prefix, no version (papers, benchmarks, candidates and rejections alike). */
export const ArxivIdSchema = z.string().trim().regex(ARXIV_ID_PATTERN, 'must be an arXiv id such as 2404.14469 (no "arXiv:" and no version)');
/** A DOI field without its resolver. */
export const DoiSchema = z.string().trim().regex(DOI_PATTERN, 'must be a DOI such as 10.1145/3600006.3613165, without "https://doi.org/"');

/** A benchmark a paper reports results on, as the paper itself (or its abstract) says. */
export const PaperBenchmarkSchema = z.strictObject({
	/** The benchmark's id: its file name in data/benchmarks/ without `.yaml`. */
	id: SlugSchema.describe('The benchmark\'s id: its file name in data/benchmarks/ without `.yaml`.'),
	/** The page that says so: the paper or its abstract page. */
	source: UrlSchema.describe('The page that says so: the paper or its abstract page.'),
});

/** `data/papers/<id>.yaml`: one paper; the file name (without `.yaml`) is its id. */
export const PaperSchema = z.strictObject({
	/** The full title as published. */
	title: TextSchema.describe('The full title as published.'),
	/** Short names readers search for: "SnapKV", "vLLM", "PagedAttention". */
	aliases: z.array(TextSchema).optional().describe('Short names readers search for: "SnapKV", "vLLM", "PagedAttention".'),
	/** Year of publication (of the venue named, or of the preprint). */
	year: z
		.number({ error: 'must be a year written as a number, such as 2024' })
		.int('must be a whole year, such as 2024')
		.min(MIN_YEAR, `must be ${MIN_YEAR} or later`)
		.refine((y) => y <= maxYear(), { message: `must not be later than next year` }).describe('Year of publication (of the venue named, or of the preprint).'),
	/** The venue's canonical name from `data/venues.yaml` ("arXiv" for preprints). */
	venue: TextSchema.describe('The venue\'s canonical name from `data/venues.yaml` ("arXiv" for preprints).'),
	/** One or more leaf slugs of `data/taxonomy.yaml`; a paper in several categories is one file. */
	categories: z.array(SlugSchema).min(1, 'must name at least one category (a leaf slug of data/taxonomy.yaml)').describe('One or more leaf slugs of `data/taxonomy.yaml`; a paper in several categories is one file.'),
	/** Link to the paper (arXiv abstract, proceedings page or PDF). */
	paper: UrlSchema.optional().describe('Link to the paper (arXiv abstract, proceedings page or PDF).'),
	/** The paper's arXiv id (2404.14469) when `paper` links elsewhere; cited as `eprint`. */
	arxiv: ArxivIdSchema.optional().describe('The paper\'s arXiv id (2404.14469) when `paper` links elsewhere; cited as `eprint`.'),
	/** Link to the published version: proceedings, OpenReview, ACL Anthology or DOI page. */
	published: UrlSchema.optional().describe('Link to the published version: proceedings, OpenReview, ACL Anthology or DOI page.'),
	/** The DOI of the published version, such as 10.1145/3600006.3613165 (no https://doi.org/). */
	doi: DoiSchema.optional().describe('The DOI of the published version, such as 10.1145/3600006.3613165 (no https://doi.org/).'),
	/** Link to the code, such as https://github.com/owner/name. */
	code: UrlSchema.optional().describe('Link to the code, such as https://github.com/owner/name.'),
	/** `false` when the code is not by the authors (a reimplementation). */
	codeOfficial: z.boolean().optional().describe('`false` when the code is not by the authors (a reimplementation).'),
	/** Authors in publication order. */
	authors: z.array(TextSchema).optional().describe('Authors in publication order.'),
	/** The first public version (the arXiv v1 date), YYYY-MM-DD; orders "newest" and the feed. */
	date: DateSchema.optional().describe('The first public version (the arXiv v1 date), YYYY-MM-DD; orders "newest" and the feed.'),
	/** A sentence or two on the key technique (markdown, no HTML). */
	summary: z.string().trim().min(1, 'must not be empty; leave the key out instead').optional().describe('A sentence or two on the key technique (markdown, no HTML).'),
	/**
	 * The abstract as the arXiv API gives it (its `summary`; arXiv's metadata is CC0), written by
	 * `npm run enrich`. Plain text, shown on the paper page. An abstract that only Semantic Scholar
	 * gives is never written here: publishers keep the rights to those.
	 */
	abstract: z
		.string()
		.trim()
		.min(1, 'must not be empty; leave the key out instead')
		// arXiv caps abstracts at 1,920 characters; a bound keeps a pasted paper out of the page.
		.max(5000, 'is longer than 5,000 characters: keep the abstract alone')
		.optional()
		.describe('The abstract as the arXiv API gives it (arXiv\'s metadata is CC0), written by npm run enrich; plain text, shown on the paper page. Never an abstract that only Semantic Scholar gives.'),
	/** Benchmarks the paper reports results on, each with the page that says so. */
	benchmarks: z
		.array(PaperBenchmarkSchema)
		.min(1, 'must name at least one benchmark; leave the key out instead')
		.optional()
		.describe('Benchmarks the paper reports results on, each with the page that says so (the paper or its abstract): [{id: ruler, source: https://arxiv.org/abs/…}].'),
	/** A BibTeX entry to use instead of the one generated from these fields. */
	bibtex: z
		.string()
		.trim()
		.startsWith('@', 'must be one BibTeX entry starting with "@"')
		// Highlighting time grows with the square of a line's length: a bound keeps any entry cheap.
		.max(5000, 'is longer than 5,000 characters: keep one BibTeX entry with its usual fields')
		.optional()
		.describe('A BibTeX entry to use instead of the one generated from these fields.'),
	/** The day the paper was added to the list, YYYY-MM-DD (orders the feed). */
	added: DateSchema.optional().describe('The day the paper was added to the list, YYYY-MM-DD (orders the feed).'),
	/**
	 * True when the survey's own list (Awesome-KV-Cache-Management) includes the paper; written by
	 * `npm run import` and `npm run sync`. Left out (or false) for a paper the atlas added itself.
	 */
	listed: z.boolean({ error: 'must be true or false: true when the survey\'s list includes the paper (npm run sync writes it); leave it out for a paper added here' }).optional().describe('True when the survey\'s own list includes the paper (written by npm run import and npm run sync); leave it out for a paper added here.'),
	/** Ids this paper had before two entries were merged into it; each old URL redirects here. */
	formerIds: z.array(SlugSchema).min(1, 'must list at least one id; leave the key out instead').optional().describe('Ids this paper had before two entries were merged into it; each old URL redirects here.'),
});
export type PaperData = z.infer<typeof PaperSchema>;

/** A paper with its id (the file name). */
export type Paper = PaperData & { id: string };

/** `data/site.yaml`: the list's own text, kept so the exported README matches the original. */
export const SiteSchema = z.strictObject({
	/** The list's name, the README's first heading. */
	title: TextSchema.describe('The list\'s name, the README\'s first heading.'),
	/** Markdown between the title and the table of contents (intro, how to cite, news). */
	preamble: z.string().optional().describe('Markdown between the title and the table of contents (intro, how to cite, news).'),
	/** Markdown after the last section. */
	postamble: z.string().optional().describe('Markdown after the last section.'),
	/** Link text appended to each leaf heading in the README, such as "To Top👆🏻"; none when left out. */
	backToTop: z.string().optional().describe('Link text appended to each leaf heading in the README, such as "To Top👆🏻"; none when left out.'),
	/** Repository of the list, owner/name (the "Edit this paper" links and the footer). */
	repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name').optional().describe('Repository of the list, owner/name (the "Edit this paper" links and the footer).'),
});
export type Site = z.infer<typeof SiteSchema>;

/** One entry of `data/stars.json`. */
export const StarEntrySchema = z.strictObject({
	stars: z.number().int().min(0),
	checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** `data/stars.json`: written by `npm run stars`, never by hand. Keys are "owner/name". */
export const StarsSchema = z.record(z.string().regex(/^[\w.-]+\/[\w.-]+$/), StarEntrySchema);
export type Stars = z.infer<typeof StarsSchema>;

/** One entry of `data/citations.json`. */
export const CitationEntrySchema = z.strictObject({
	citations: z.number().int().min(0),
	checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** `data/citations.json`: written by `npm run enrich` from Semantic Scholar, never by hand. Keys are paper ids. */
export const CitationsSchema = z.record(z.string().regex(SLUG_PATTERN), CitationEntrySchema);
export type Citations = z.infer<typeof CitationsSchema>;

/** How sure the gatherer of a fact was: high facts are applied, medium ones applied and listed for review, low ones only listed. */
export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** A fact about a paper as gathered from public pages (one entry of a facts file such as papers.json). */
export const GatheredFactSchema = z.object({
	/** The title the fact was gathered for. */
	title: z.string().min(1),
	/** The arXiv id the list links, null when it links elsewhere. */
	listArxiv: z.string().regex(ARXIV_ID_PATTERN).nullable(),
	/** The paper's own arXiv id where known. */
	arxiv: z.string().regex(ARXIV_ID_PATTERN).nullable(),
	/** Authors in publication order. */
	authors: z.array(z.string().trim().min(1)).nullable(),
	/** False when the list of authors was cut short: it is then never written. */
	authorsComplete: z.boolean(),
	/** The first arXiv version's date, YYYY-MM-DD. */
	arxivDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
	/** The published version, null while the paper is a preprint. */
	published: z
		.object({
			venue: z.string().trim().min(1),
			year: z.number().int(),
			url: z.string().nullable(),
		})
		.nullable(),
	confidence: ConfidenceSchema,
	/** The pages the fact was read from. */
	sources: z.array(z.string()),
	/** What the gatherer noticed (title changes, author spellings, why a venue is uncertain). */
	note: z.string(),
});
export type GatheredFact = z.infer<typeof GatheredFactSchema>;

/** One paper's facts that a maintainer should confirm, in `data/review.json`. */
export const ReviewEntrySchema = z.strictObject({
	/** The facts file and the day its facts were gathered. */
	from: z.string().min(1),
	confidence: ConfidenceSchema,
	/** Fields written from the fact: confirm them. */
	applied: z.array(z.string()),
	/** Changes the fact asks for that were not made, each with its reason. */
	notApplied: z.array(z.strictObject({ field: z.string(), value: z.string(), reason: z.string() })),
	/** The fact as gathered. */
	fact: GatheredFactSchema.omit({ confidence: true, sources: true, note: true }),
	sources: z.array(z.string()),
	note: z.string(),
});
export type ReviewEntry = z.infer<typeof ReviewEntrySchema>;

/** `data/review.json`: written by `npm run enrich -- --facts FILE --apply`, listed by `npm run doctor`. Keys are paper ids. */
export const ReviewSchema = z.record(z.string().regex(SLUG_PATTERN), ReviewEntrySchema);
export type Review = z.infer<typeof ReviewSchema>;
