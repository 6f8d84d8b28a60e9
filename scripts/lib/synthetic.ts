/**
 * A synthetic catalogue for the benchmark: N papers over a real taxonomy and real venues, written
 * as the same YAML files contributors write (one file per paper, stars.json, site.yaml). The
 * output is a pure function of (source catalogue, N, seed), so two runs measure the same input.
 * Category sizes follow a Zipf law, so the largest leaf holds thousands of papers at N = 10,000:
 * the case pagination must handle.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildTree } from '../../src/catalogue/tree.ts';
import type { TaxonomyNode, Venue } from '../../src/catalogue/schema.ts';

/** Options of `writeSyntheticCatalogue`. */
export interface SyntheticOptions {
	/** How many papers to write. */
	papers: number;
	/** Catalogue folder whose taxonomy.yaml, venues.yaml and site.yaml are reused. */
	source: string;
	/** Folder to write into (created). */
	out: string;
	/** PRNG seed. @default 1 */
	seed?: number;
}

/** What was written. */
export interface SyntheticReport {
	papers: number;
	leaves: number;
	/** Papers in the largest leaf. */
	largestLeaf: { slug: string; papers: number };
	/** Papers with a GitHub code link (and a stars.json entry). */
	withCode: number;
}

/** The catalogue the benchmark should borrow its taxonomy and venues from: data/ when it has a taxonomy, else the test fixture. */
export function realCatalogueSource(root: string): string {
	const data = path.join(root, 'data');
	return existsSync(path.join(data, 'taxonomy.yaml')) && existsSync(path.join(data, 'venues.yaml')) ? data : path.join(root, 'tests/fixtures/catalogue');
}

/** mulberry32: a small, fast, seedable PRNG (the benchmark must not depend on Math.random). */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SYLLABLES = ['Snap', 'Pyra', 'Quest', 'Flex', 'Infi', 'Lean', 'Razor', 'Mini', 'Duo', 'Ada', 'Keyz', 'Buzz', 'Nacl', 'Scis', 'Palu', 'Zip', 'Gear', 'Kivi', 'Tova', 'Lor', 'Cake', 'Hydra', 'Orca', 'Sarathi', 'Mooncake', 'Dist', 'Infini', 'Llumn', 'Pensieve', 'Fast', 'Tetri', 'Andes', 'Splitwi', 'Vexa', 'Echo', 'Nimbus'];
const SUFFIXES = ['KV', 'Cache', 'Attn', 'Infer', 'Quant', 'Serve', 'Gen', 'LM', 'Former', 'Store'];
const ADJECTIVES = ['Adaptive', 'Efficient', 'Training-Free', 'Lossless', 'Dynamic', 'Query-Aware', 'Hierarchical', 'Low-Rank', 'Mixed-Precision', 'Streaming', 'Layer-wise', 'Head-wise', 'Outlier-Aware', 'Memory-Efficient', 'Scalable'];
const TECHNIQUES = ['KV Cache Compression', 'Token Eviction', 'Cache Merging', 'KV Quantization', 'Prefix Sharing', 'Attention Sparsity', 'Cache Offloading', 'Request Scheduling', 'Budget Allocation', 'Speculative Decoding'];
const GOALS = ['Long-Context LLM Inference', 'High-throughput Serving', 'Multimodal Generation', 'Edge Devices', 'Distributed Inference', 'Retrieval-Augmented Generation', 'Million-Token Contexts', 'Batched Decoding'];
const GIVEN = ['Wei', 'Yiming', 'Anxin', 'Haoyang', 'Lei', 'Qing', 'Nicole', 'Xuejia', 'Tianhao', 'Zhanchao', 'Maria', 'John', 'Aisha', 'Kenji', 'Sofia', 'Ravi', 'Olga', 'Pierre'];
const FAMILY = ['Li', 'Chen', 'Dong', 'Hu', 'Tang', 'Xu', 'Tian', 'Wang', 'Zhang', 'Smith', 'García', 'Müller', 'Tanaka', 'Kumar', 'Ivanova', 'Dubois', 'Okafor', 'Kim'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const q = (s: string) => JSON.stringify(s);

/** Write a synthetic catalogue of `opts.papers` papers into `opts.out`. */
export function writeSyntheticCatalogue(opts: SyntheticOptions): SyntheticReport {
	const rand = prng(opts.seed ?? 1);
	const taxonomy = parse(readFileSync(path.join(opts.source, 'taxonomy.yaml'), 'utf8')) as TaxonomyNode[];
	const venues = parse(readFileSync(path.join(opts.source, 'venues.yaml'), 'utf8')) as Venue[];
	const leaves = buildTree(taxonomy).leaves.map((l) => l.slug);
	mkdirSync(path.join(opts.out, 'papers'), { recursive: true });
	for (const f of ['taxonomy.yaml', 'venues.yaml', 'site.yaml']) {
		if (existsSync(path.join(opts.source, f))) copyFileSync(path.join(opts.source, f), path.join(opts.out, f));
	}

	// Zipf weights over a shuffled leaf order: a few leaves hold most papers, as in real surveys.
	const order = [...leaves];
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	const cumulative: number[] = [];
	let total = 0;
	order.forEach((_, i) => cumulative.push((total += 1 / (i + 1))));
	const drawLeaf = () => {
		const x = rand() * total;
		let lo = 0;
		while (cumulative[lo]! < x) lo++;
		return order[lo]!;
	};
	const preprint = venues.filter((v) => v.kind === 'preprint').map((v) => v.name);
	const published = venues.filter((v) => v.kind !== 'preprint').map((v) => v.name);

	const stars: Record<string, { stars: number; checked: string }> = {};
	const perLeaf = new Map<string, number>();
	const names = new Set<string>();
	let withCode = 0;
	for (let i = 0; i < opts.papers; i++) {
		let name = `${pick(rand, SYLLABLES)}${pick(rand, SUFFIXES)}`;
		if (names.has(name)) name = `${name}-${i.toString(36)}`;
		names.add(name);
		const year = 2019 + Math.floor(rand() * 7);
		const venue = preprint.length && (rand() < 0.4 || !published.length) ? preprint[0]! : pick(rand, published.length ? published : preprint);
		const categories = new Set<string>();
		const wanted = 1 + Math.floor(rand() * rand() * 3);
		while (categories.size < Math.min(wanted, leaves.length)) categories.add(drawLeaf());
		for (const c of categories) perLeaf.set(c, (perLeaf.get(c) ?? 0) + 1);
		const title = `${name}: ${pick(rand, ADJECTIVES)} ${pick(rand, TECHNIQUES)} for ${pick(rand, GOALS)}`;
		// Unique arXiv ids posted in the paper's year; others get a proceedings or OpenReview page.
		const yymm = `${String(year % 100).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}`;
		const link =
			rand() < 0.7 || venue === preprint[0]
				? `https://arxiv.org/abs/${yymm}.${String(10000 + i).padStart(5, '0')}`
				: rand() < 0.5
					? `https://openreview.net/forum?id=syn${i.toString(36)}X${Math.floor(rand() * 1e6).toString(36)}`
					: `https://proceedings.mlr.press/v${200 + (year - 2019)}/${name.toLowerCase().replace(/[^a-z0-9]/g, '')}${i}a.html`;
		const lines = [
			'# yaml-language-server: $schema=../../schemas/paper.schema.json',
			`title: ${q(title)}`,
			...(rand() < 0.8 ? [`aliases: [${q(name)}]`] : []),
			`year: ${year}`,
			`venue: ${q(venue)}`,
			`categories: [${[...categories].join(', ')}]`,
			`paper: ${link}`,
		];
		if (rand() < 0.5) {
			const repo = `synth-lab-${i % 97}/${name.toLowerCase().replace(/[^a-z0-9-]/g, '')}-${i}`;
			lines.push(`code: https://github.com/${repo}`);
			stars[repo] = { stars: Math.floor(rand() * rand() * 20000), checked: '2026-01-15' };
			withCode++;
		}
		const authors = Array.from({ length: 2 + Math.floor(rand() * 6) }, () => `${pick(rand, GIVEN)} ${pick(rand, FAMILY)}`);
		lines.push(`authors: [${authors.map(q).join(', ')}]`);
		if (rand() < 0.3) lines.push(`summary: ${q(`${name} applies ${pick(rand, TECHNIQUES).toLowerCase()} to ${pick(rand, GOALS).toLowerCase()}.`)}`);
		lines.push(`added: ${Math.min(year + 1, 2025)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
		writeFileSync(path.join(opts.out, 'papers', `synthetic-${String(i).padStart(6, '0')}.yaml`), lines.join('\n') + '\n');
	}
	writeFileSync(path.join(opts.out, 'stars.json'), JSON.stringify(stars, null, 1) + '\n');
	const [slug, papers] = [...perLeaf.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
	return { papers: opts.papers, leaves: leaves.length, largestLeaf: { slug, papers }, withCode };
}
