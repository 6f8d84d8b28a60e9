/**
 * What the fake services know about the papers of the test catalogue: the fixture's four arXiv
 * papers plus two preprints the tests add (one published at ICML a year after its preprint, one in
 * Findings of ACL). Author lists and dates of the real papers are arXiv's; their abstracts are
 * left out of the fake (not needed, and not ours to copy), so only Posted Late's made-up one is given.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { copyCatalogue, writeIn } from '../helpers/catalogue.ts';
import { arxivAnswer, s2Answer, s2Paper, startFakeService, type ArxivPaper, type FakeService, type Reply, type SeenRequest } from './enrich-fake-services.ts';

/** The preprint that becomes ICML 2025, with a comment line and an inline comment to keep. */
export const POSTED_YAML = `# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json
title: "Posted Late: A KV Cache Method Published a Year After Its Preprint"
aliases: [PostedLate] # the short name readers search for
year: 2024
venue: arXiv
# a maintainer's note, kept by enrich
categories: [static-selection]
paper: https://arxiv.org/abs/2412.01234
code: https://github.com/example/posted-late
`;

/** A preprint that Semantic Scholar places in Findings of ACL (a venue the fixture's venues.yaml lacks). */
export const FINDINGS_YAML = `# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json
title: "PyramidInfer: Pyramid KV Cache Compression for High-throughput LLM Inference"
year: 2024
venue: arXiv
categories: [quantization]
paper: https://arxiv.org/abs/2405.12532
`;

/** A copy of the fixture catalogue with the two preprints added. */
export function enrichCatalogue(): string {
	const dir = copyCatalogue();
	writeIn(dir, 'papers/posted-late.yaml', POSTED_YAML);
	writeIn(dir, 'papers/pyramidinfer.yaml', FINDINGS_YAML);
	return dir;
}

/** arXiv's records, by id. */
export const ARXIV_PAPERS = new Map<string, ArxivPaper>(
	[
		{ id: '2306.14048', version: 3, published: '2023-06-24T06:11:16Z', title: 'H$_2$O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models', authors: ['Zhenyu Zhang', 'Ying Sheng', 'Tianyi Zhou', 'Tianlong Chen', 'Lianmin Zheng', 'Ruisi Cai', 'Zhao Song', 'Yuandong Tian', 'Christopher Ré', 'Clark Barrett', 'Zhangyang Wang', 'Beidi Chen'] , summary: null },
		{ id: '2402.02750', version: 2, published: '2024-02-05T06:06:47Z', title: 'KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache', authors: ['Zirui Liu', 'Jiayi Yuan', 'Hongye Jin', 'Shaochen Zhong', 'Zhaozhuo Xu', 'Vladimir Braverman', 'Beidi Chen', 'Xia Hu'] , summary: null },
		{ id: '2404.14469', version: 2, published: '2024-04-22T17:42:58Z', title: 'SnapKV: LLM Knows What You are Looking for Before Generation', authors: ['Yuhong Li', 'Yingbing Huang', 'Bowen Yang', 'Bharat Venkitesh', 'Acyr Locatelli', 'Hanchen Ye', 'Tianle Cai', 'Patrick Lewis', 'Deming Chen'] , summary: null },
		{ id: '2309.06180', published: '2023-09-12T06:21:05Z', title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention', authors: ['Woosuk Kwon', 'Zhuohan Li', 'Siyuan Zhuang', 'Ying Sheng', 'Lianmin Zheng', 'Cody Hao Yu', 'Joseph E. Gonzalez', 'Hao Zhang', 'Ion Stoica'], doi: '10.1145/3600006.3613165', journalRef: 'SOSP 2023' , summary: null },
		{ id: '2412.01234', published: '2024-12-02T11:00:00Z', title: 'Posted Late: A KV Cache Method Published a Year After Its Preprint', authors: ['Ada Lovelace', 'Grace Hopper'], summary: 'Posted Late evicts cold tokens from the KV cache of\nlarge language models, and was published a year after its preprint.' },
		{ id: '2405.12532', version: 2, published: '2024-05-21T06:46:37Z', title: 'PyramidInfer: Pyramid KV Cache Compression for High-throughput LLM Inference', authors: ['Dongjie Yang', 'XiaoDong Han', 'Yan Gao', 'Yao Hu', 'Shilin Zhang', 'Hai Zhao'] , summary: null },
	].map((p) => [p.id, p]),
);

const neurips = { id: '3', name: 'Neural Information Processing Systems', type: 'conference', alternate_names: ['Neural Inf Process Syst', 'NeurIPS', 'NIPS'] };
const icml = { id: '4', name: 'International Conference on Machine Learning', type: 'conference', alternate_names: ['ICML', 'Int Conf Mach Learn'] };

/** Semantic Scholar's records, by the id asked. */
export const S2_PAPERS = new Map<string, unknown>([
	['ARXIV:2306.14048', s2Paper({ title: 'H2O', venue: 'Neural Information Processing Systems', year: 2023, publicationVenue: neurips, externalIds: { ArXiv: '2306.14048', CorpusId: 259263947 }, publicationDate: '2023-06-24', authors: ['Zhenyu (Allen) Zhang'], citationCount: 300 })],
	['ARXIV:2402.02750', s2Paper({ title: 'KIVI', venue: 'International Conference on Machine Learning', year: 2024, publicationVenue: icml, externalIds: { ArXiv: '2402.02750', CorpusId: 267413049 }, publicationDate: '2024-02-05', authors: ['Zirui Liu'], citationCount: 200 })],
	['ARXIV:2404.14469', s2Paper({ title: 'SnapKV', venue: 'Neural Information Processing Systems', year: 2024, publicationVenue: neurips, externalIds: { ArXiv: '2404.14469', DOI: '10.48550/arXiv.2404.14469', CorpusId: 269303164 }, publicationDate: '2024-04-22', authors: ['Yuhong Li'], citationCount: 250 })],
	['ARXIV:2309.06180', s2Paper({ title: 'vLLM', venue: 'Symposium on Operating Systems Principles', year: 2023, publicationVenue: { id: '5', name: 'Symposium on Operating Systems Principles', type: 'conference', alternate_names: ['SOSP', 'Symp Oper Syst Princ'] }, externalIds: { ArXiv: '2309.06180', DOI: '10.1145/3600006.3613165', CorpusId: 261697361 }, publicationDate: '2023-09-12', authors: ['Woosuk Kwon'], citationCount: 1500 })],
	['ARXIV:2412.01234', s2Paper({ title: 'Posted Late', venue: 'International Conference on Machine Learning', year: 2025, publicationVenue: icml, externalIds: { ArXiv: '2412.01234', CorpusId: 1 }, publicationDate: '2025-07-13', authors: ['Ada Lovelace', 'Grace Hopper'], citationCount: 12 })],
	['ARXIV:2405.12532', s2Paper({ title: 'PyramidInfer', venue: 'Findings of the Association for Computational Linguistics: ACL 2024', year: 2024, publicationVenue: null, externalIds: { ArXiv: '2405.12532', DOI: '10.18653/v1/2024.findings-acl.195', CorpusId: 269983466 }, publicationDate: '2024-05-21', authors: ['Dongjie Yang'], citationCount: 40 })],
]);

/** Both fakes, answering from the tables above. */
export async function startHealthyServices(): Promise<{ arxiv: FakeService; s2: FakeService; env: NodeJS.ProcessEnv; close(): Promise<void> }> {
	const arxiv = await startFakeService(arxivAnswer(ARXIV_PAPERS));
	const s2 = await startFakeService(s2Answer(S2_PAPERS));
	return { arxiv, s2, env: { ARXIV_API_URL: arxiv.url, SEMANTIC_SCHOLAR_API_URL: s2.url }, close: async () => void (await Promise.all([arxiv.close(), s2.close()])) };
}

/** What a test file of enrich starts; everything it started is closed or removed after each test. */
export interface EnrichTestbed {
	/** A fresh copy of the enrich catalogue (`enrichCatalogue`). */
	catalogue(): string;
	/** A fake service answering with `answer`. */
	service(answer: (req: SeenRequest, nth: number) => Reply): Promise<FakeService>;
	/** Both fakes answering from the tables above (`startHealthyServices`), and a fresh catalogue. */
	healthy(): Promise<{ dir: string; services: Awaited<ReturnType<typeof startHealthyServices>> }>;
}

/** Call once at the top of a test file: fakes and catalogue copies for its tests, gone after each one. */
export function enrichTestbed(): EnrichTestbed {
	const started: Array<{ close(): Promise<void> }> = [];
	const dirs: string[] = [];
	afterEach(async () => {
		for (const s of started.splice(0)) await s.close();
		for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
	});
	const catalogue = () => {
		const dir = enrichCatalogue();
		dirs.push(dir);
		return dir;
	};
	return {
		catalogue,
		async service(answer) {
			const fake = await startFakeService(answer);
			started.push(fake);
			return fake;
		},
		async healthy() {
			const services = await startHealthyServices();
			started.push(services);
			return { dir: catalogue(), services };
		},
	};
}

/** Every file under `dir` with its bytes, by relative path: to prove that a run changed nothing. */
export function filesOf(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (rel: string) => {
		for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
			const r = path.join(rel, e.name);
			if (e.isDirectory()) walk(r);
			else out.set(r, readFileSync(path.join(dir, r)).toString('base64'));
		}
	};
	walk('');
	return out;
}
