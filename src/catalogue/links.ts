/**
 * What a link or a title says about the paper it names: the arXiv id, the GitHub repository, a
 * normalised title. The importer uses these to merge rows; `checks.ts` to refuse duplicates.
 */

const ARXIV_HOSTS = /^(?:www\.|export\.)?arxiv\.org$/i;

/**
 * The arXiv identifier a URL points to, without version: `2404.14469` for
 * `https://arxiv.org/pdf/2404.14469v2.pdf`, `abs/…`, `html/…` and `www.` forms alike.
 * Old-style ids (`cs/0112017`) are kept whole. `null` when the URL is not an arXiv paper.
 */
export function arxivId(url: string | undefined): string | null {
	if (!url || !URL.canParse(url)) return null;
	const u = new URL(url);
	if (!ARXIV_HOSTS.test(u.hostname)) return null;
	const m = /^\/(?:abs|pdf|html|format)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?$/i.exec(u.pathname);
	return m ? m[1]!.toLowerCase() : null;
}

/** A paper's arXiv id: from its `paper` link when that is arXiv, else its `arxiv` field; null when neither. */
export function paperArxivId(p: { paper?: string | undefined; arxiv?: string | undefined }): string | null {
	return arxivId(p.paper) ?? p.arxiv ?? null;
}

/**
 * The month a new-style arXiv id was given, YYYY-MM (`2411.01234` → "2024-11"): its first four
 * digits are the year and month of submission. Null for no id or an old-style one (`cs/0112017`).
 */
export function arxivMonth(id: string | null | undefined): string | null {
	const m = id ? /^(\d{2})(\d{2})\./.exec(id) : null;
	return m ? `20${m[1]}-${m[2]}` : null;
}

/**
 * The GitHub repository `owner/name` a URL belongs to (`https://github.com/a/b/tree/main` → `a/b`),
 * or `null` when it is not a github.com repository URL.
 */
export function githubRepo(url: string | undefined): string | null {
	if (!url || !URL.canParse(url)) return null;
	const u = new URL(url);
	if (!/^(?:www\.)?github\.com$/i.test(u.hostname)) return null;
	const [owner, name] = u.pathname.split('/').filter(Boolean);
	if (!owner || !name) return null;
	const repo = `${owner}/${name.replace(/\.git$/, '')}`;
	return /^[\w.-]+\/[\w.-]+$/.test(repo) ? repo : null;
}

/** The GitHub repositories named by the papers' code links, deduplicated and sorted. */
export function repositoriesOf(papers: readonly { code?: string | undefined }[]): string[] {
	const repos = new Set<string>();
	for (const p of papers) {
		const repo = githubRepo(p.code);
		if (repo) repos.add(repo);
	}
	return [...repos].sort();
}

/**
 * A key that two URLs of the same paper share: the arXiv id, or host + path without the file
 * type, a trailing slash, `www.`, doubled slashes or the query (`…/sheng23a.html` and
 * `…/sheng23a/sheng23a.pdf` both become `proceedings.mlr.press/v202/sheng23a`). `null` for an
 * unparseable URL or a bare host (`https://example.org/`), so a broken or vague link never
 * merges two papers.
 */
export function paperKey(url: string | undefined): string | null {
	const id = arxivId(url);
	if (id) return `arxiv:${id}`;
	if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return null;
	const u = new URL(url);
	const host = u.hostname.toLowerCase().replace(/^www\./, '');
	let path = u.pathname.replace(/\/{2,}/g, '/').replace(/\/$/, '');
	path = path.replace(/\.(?:html?|pdf)$/i, '');
	// PMLR: /v202/sheng23a/sheng23a(.pdf) is the PDF of /v202/sheng23a(.html)
	path = path.replace(/\/([^/]+)\/\1$/, '/$1');
	// OpenReview: forum?id=X and pdf?id=X are the same paper
	if (host === 'openreview.net') {
		const id = u.searchParams.get('id');
		return id ? `openreview:${id}` : null;
	}
	// NeurIPS and similar proceedings: the /file/<hash>-Paper… and /hash/<hash>-Abstract… forms
	const hash = /\/(?:file|hash)\/([0-9a-f]{32})-/i.exec(path);
	if (hash) return `${host}:${hash[1]!.toLowerCase()}`;
	// A site's home page names no paper: two rows linking to it are not the same paper.
	if (!path) return null;
	return `${host}${path}`;
}

/** A title reduced to lower-case letters and digits, so that case, punctuation and spacing do not hide a duplicate. */
export function normalizeTitle(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/** A URL-safe slug: lower-case ASCII words joined by hyphens ("Single/Multi-GPU Design" → "single-multi-gpu-design"). */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
