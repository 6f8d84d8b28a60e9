/**
 * The keep rules of data/discover.yaml on single hits, and on a fake arXiv search of 49 hits
 * (tests/fixtures/discover/arxiv-search-hits.json, written for these tests, each hit labelled with
 * whether it is about the KV cache of language models): the numbers README.md reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCOVER_CONFIG } from '../../../../src/maintain/discover/config.ts';
import { countVerdict, emptyTally, hitFilter } from '../../../../src/maintain/discover/filter.ts';
import { ROOT } from '../../../helpers/catalogue.ts';

const filter = hitFilter(DEFAULT_DISCOVER_CONFIG.keep);
const keep = (title: string, abstract?: string) => filter.judge({ title, abstract }).keep;
type Hit = { title: string; summary: string; about: boolean; kind: string };
const hits = (JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/discover/arxiv-search-hits.json'), 'utf8')) as { hits: Hit[] }).hits;

describe('the keep rules of discover', () => {
	it('keep a hit that names the KV cache and a language model, and say which words did it', () => {
		expect(filter.judge({ title: 'Less is more', abstract: 'The key-value (KV) cache of large language models (LLMs) grows with the context.' })).toEqual({
			keep: true,
			why: 'its title or abstract names the KV cache ("key-value cache") and names a language model ("LLM")',
		});
	});

	it('read spellings alike: any case, hyphens and dashes as spaces, plurals, a short parenthesis inside the phrase', () => {
		expect(keep('KV-caches of LLaMA-3')).toBe(true);
		expect(keep('A key–value cache for Mistral')).toBe(true);
		expect(keep('KVCache pools for GPT serving')).toBe(true);
		expect(keep('kv caching in decoder-only models')).toBe(true);
		expect(keep('Key and value caches of multimodal LLMs')).toBe(true);
	});

	it('match whole words only', () => {
		expect(keep('The KV cache of GPTQ-quantized ViTs')).toBe(false);
		expect(keep('A KV cache for LLMOps dashboards')).toBe(false);
		expect(filter.judge({ title: 'Key-value caches for CDNs', abstract: 'Caching objects at the edge.' })).toEqual({ keep: false, failed: ['names a language model'] });
		expect(filter.judge({ title: 'Agents with LLMs', abstract: 'Tool use and memory.' })).toEqual({ keep: false, failed: ['names the KV cache'] });
	});

	it('on a fake search of 49 hits keep 40 and drop 9, each for naming no language model', () => {
		const tally = emptyTally(DEFAULT_DISCOVER_CONFIG.keep);
		const kept: Hit[] = [];
		for (const h of hits) {
			const v = filter.judge({ title: h.title, abstract: h.summary });
			countVerdict(tally, v);
			if (v.keep) kept.push(h);
		}

		expect(tally).toEqual({ read: 49, kept: 40, dropped: 9, failedBy: { 'names the KV cache': 0, 'names a language model': 9 } });
		// 32 of the 33 papers about the KV cache of language models are kept; the one lost says "autoregressive transformers" and no model.
		expect(kept.filter((h) => h.about)).toHaveLength(32);
		expect(hits.filter((h) => h.about && !kept.includes(h)).map((h) => h.kind)).toEqual(['false-negative']);
		// Every storage, video, speech and point-cloud hit goes, but for two that name LLMs in passing; papers that only mention the cache stay for a maintainer to reject.
		expect(hits.filter((h) => !h.about && !kept.includes(h)).map((h) => h.kind).sort()).toEqual(['pointcloud', 'speech', 'storage', 'storage', 'storage', 'storage', 'video', 'world-model']);
		expect(kept.filter((h) => !h.about).map((h) => h.kind).sort()).toEqual(['agents', 'context-extension', 'prompt-compression', 'rl-system', 'speculative', 'storage-llm-mention', 'survey', 'video-llm-mention']);
	});
});
