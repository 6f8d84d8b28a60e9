/**
 * What the fake arXiv and Semantic Scholar know for the `npm run discover -- --arxiv --citations`
 * tests, over a copy of data/ (the real taxonomy and filing, so suggestions are the real ones):
 * two new papers (a quantization method and a prefix-caching system), one the catalogue files
 * (Apt-Serve, by the arXiv id its file names), one rejected before (a survey), and two hits the
 * keep rules drop. Titles, authors and abstracts are made up for the tests.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { copyCatalogue, ROOT, startScript, writeIn } from '../helpers/catalogue.ts';
import { arxivSearchAnswer, FAST_FAKES_ENV, fakeServices, s2CitationsAnswer, type ArxivPaper, type S2Citing } from './enrich-fake-services.ts';

/** The quantization paper: new, on arXiv and among the survey's citers. */
export const QUANT: ArxivPaper = {
	id: '2611.04321',
	published: '2026-11-20T17:59:01Z',
	title: 'LowBitKV: Per-Channel 2-bit Quantization of the KV Cache for Long-Context LLM Inference',
	authors: ['Mira Quant', 'Otto Bits', 'Lena Scale'],
	summary: 'The key-value (KV) cache of large language models grows with the context and soon dominates GPU memory. We quantize keys per channel and values per token to 2 bits, keep a small window of recent tokens in full precision, and fuse dequantization into the attention kernel. On LLaMA and Mistral models LowBitKV cuts KV cache memory by 5.8x with less than 0.3 points of accuracy loss on LongBench.',
	categories: ['cs.LG', 'cs.CL'],
};

/** The prefix-caching paper: new, on arXiv only. */
export const PREFIX: ArxivPaper = {
	id: '2611.05555',
	published: '2026-11-18T09:12:44Z',
	title: 'ShareRoot: Reusing the KV Cache of Shared Prompt Prefixes across Requests in LLM Serving',
	authors: ['Ravi Prefix', 'Tomoko Tree'],
	summary: 'Requests to an LLM service often begin with the same system prompt or few-shot examples. ShareRoot keeps the KV cache of shared prefixes in a prefix tree on GPU and host memory, matches each new request to its longest cached prefix, and evicts by reuse frequency. Prefix caching in ShareRoot raises throughput by 2.1x and cuts time to first token by 60% on chat and agent workloads.',
	categories: ['cs.DC', 'cs.LG'],
};

/** A survey rejected before (data/rejections.yaml below): on arXiv and among the citers. */
export const REJECTED: ArxivPaper = {
	id: '2611.07777',
	published: '2026-11-15T12:00:00Z',
	title: 'KV Cache Management for Large Language Models: A Review',
	authors: ['Sam Survey'],
	summary: 'We review how large language models manage their KV cache: eviction, quantization, sharing and serving systems.',
	categories: ['cs.CL'],
};

/** A storage paper that arXiv's search matches and the keep rules drop (no language model). */
export const STORAGE: ArxivPaper = {
	id: '2611.08888',
	published: '2026-11-12T08:00:00Z',
	title: 'A Persistent Key-Value Cache on CXL Memory for Microservices',
	authors: ['Kim Store'],
	summary: 'Microservices keep hot objects in a key-value cache. We place the cache in CXL-attached memory with a log-structured layout that survives restarts.',
	categories: ['cs.DC'],
};

/** An older hit, before every day the tests ask for: paging stops at it. */
export const OLD: ArxivPaper = {
	id: '2506.01010',
	published: '2025-06-01T00:00:00Z',
	title: 'An Old KV Cache Paper for LLMs',
	authors: ['Old Author'],
	summary: 'An older paper on the KV cache of LLMs.',
	categories: ['cs.CL'],
};

/** Apt-Serve, filed in data/papers/apt-serve.yaml with its arXiv id beside an ACM link. */
export const KNOWN_ARXIV = '2504.07494';

/** The arXiv search's hits. */
export const ARXIV_HITS: ArxivPaper[] = [QUANT, PREFIX, REJECTED, STORAGE, OLD];

/** The survey's citers on Semantic Scholar: the quantization paper (with Semantic Scholar's own abstract), Apt-Serve, the survey rejected, and a citer about something else. */
export const CITERS: S2Citing[] = [
	{ title: QUANT.title, abstract: 'Semantic Scholar\'s copy of the LowBitKV abstract: 2-bit quantization of the KV cache of LLMs.', venue: 'arXiv.org', year: 2026, publicationDate: '2026-11-20', externalIds: { ArXiv: QUANT.id, DOI: `10.48550/arXiv.${QUANT.id}`, CorpusId: 1 }, authors: QUANT.authors },
	{ title: 'Apt-Serve: Adaptive Request Scheduling on Hybrid Cache for Scalable LLM Inference Serving', abstract: 'Apt-Serve schedules LLM requests over a hybrid cache of KV cache and hidden states.', venue: 'Proc. ACM Manag. Data', year: 2025, publicationDate: '2025-06-17', externalIds: { ArXiv: KNOWN_ARXIV, DOI: '10.1145/3725394', CorpusId: 2 }, authors: ['Shihong Gao', 'Xin Zhang', 'Yanyan Shen', 'Lei Chen'] },
	{ title: REJECTED.title, abstract: REJECTED.summary, venue: '', year: 2026, publicationDate: '2026-11-15', externalIds: { ArXiv: REJECTED.id, CorpusId: 3 }, authors: REJECTED.authors },
	{ title: 'Agents That Remember: Long-Horizon Tool Use', abstract: 'An agent framework that keeps a structured memory of tool outputs for large language models.', venue: 'ICLR', year: 2026, publicationDate: '2026-01-20', externalIds: { CorpusId: 4 }, authors: ['Ada Agent'] },
];

/** data/rejections.yaml with the survey above, rejected by its arXiv pdf link. */
export const REJECTIONS_YAML = `# yaml-language-server: $schema=../public/schemas/rejections.schema.json
- title: "KV Cache Management for Large Language Models: A Review"
  paper: https://arxiv.org/pdf/2611.07777v2
  kind: survey
  reason: A review of KV-cache methods, not a method of its own.
  decided: 2026-11-30
`;

/** What a test file of discover starts; everything started is closed or removed after each test. */
export function discoverTestbed() {
	const serve = fakeServices();
	const dirs: string[] = [];
	afterEach(() => {
		for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
	});
	return {
		/** A copy of data/ with the rejection above. */
		catalogue(): string {
			const dir = copyCatalogue(path.join(ROOT, 'data'));
			writeIn(dir, 'rejections.yaml', REJECTIONS_YAML);
			dirs.push(dir);
			return dir;
		},
		service: serve,
		/** Both fakes, answering from the tables above. */
		async healthy() {
			const arxiv = await this.service(arxivSearchAnswer(ARXIV_HITS));
			const s2 = await this.service(s2CitationsAnswer(CITERS));
			return { arxiv, s2, env: { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url } };
		},
	};
}

/** Run `node scripts/discover.ts` against the fakes, with short delays and backoff. */
export function runDiscover(dir: string, args: string[], env: NodeJS.ProcessEnv) {
	return startScript('discover', [...args, '--data', dir], { ...FAST_FAKES_ENV, ENRICH_ATTEMPTS: '2', ...env }).done;
}
