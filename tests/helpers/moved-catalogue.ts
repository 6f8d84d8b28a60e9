/**
 * A copy of the fixture catalogue after a regrouping, for the redirect tests: the group
 * `token-level/selection` renamed `token-level/choice` (its two leaves move with it, without
 * listing their old paths), the leaf `system-level/memory-management` renamed `memory-paging`
 * and grown to two pages, a paper removed from `quantization`, and `snapkv` merged with a
 * `snapkv-short` file. MOVED lists every old URL and the new one it must lead to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAPERS_PER_PAGE } from '../../src/site/pagination.ts';
import { copyCatalogue, writeIn } from './catalogue.ts';

const PAPER_SCHEMA = '# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json\n';

/** The regrouped taxonomy, with the former paths and the removed paper recorded. */
export const MOVED_TAXONOMY = `# yaml-language-server: $schema=../../../public/schemas/taxonomy.schema.json
- slug: token-level
  title: Token-level Optimization
  children:
    - slug: choice
      title: Token Choice
      formerPaths: [token-level/selection]
      children:
        - slug: static-selection
          title: Static KV Cache Selection
        - slug: dynamic-selection
          title: Dynamic Selection
    - slug: quantization
      title: KV Cache Quantization
      formerPapers: [removed-quantizer]
- slug: system-level
  title: System-level Optimization
  children:
    - slug: memory-paging
      title: Memory Paging
      formerPaths: [system-level/memory-management]
`;

/** Papers added to the renamed leaf so that its list runs to a second page. */
export const FILLERS = PAPERS_PER_PAGE + 5;

/** Every old URL (no base) and the new one it leads to (no base). */
export const MOVED: ReadonlyArray<{ from: string; to: string; title: string }> = [
	{ from: 'token-level/selection/', to: 'token-level/choice/', title: 'Token-level Optimization › Token Choice' },
	{ from: 'token-level/selection/static-selection/', to: 'token-level/choice/static-selection/', title: 'Token-level Optimization › Token Choice › Static KV Cache Selection' },
	{ from: 'token-level/selection/dynamic-selection/', to: 'token-level/choice/dynamic-selection/', title: 'Token-level Optimization › Token Choice › Dynamic Selection' },
	{ from: 'system-level/memory-management/', to: 'system-level/memory-paging/', title: 'System-level Optimization › Memory Paging' },
	{ from: 'system-level/memory-management/page/2/', to: 'system-level/memory-paging/page/2/', title: 'System-level Optimization › Memory Paging, page 2 of 2' },
	{ from: 'papers/removed-quantizer/', to: 'token-level/quantization/', title: 'Token-level Optimization › KV Cache Quantization' },
	{ from: 'papers/snapkv-short/', to: 'papers/snapkv/', title: 'SnapKV: LLM Knows What You are Looking for Before Generation' },
];

/** Write the regrouped copy of the fixture into a temp folder; returns its path. */
export function movedCatalogue(): string {
	const dir = copyCatalogue();
	writeIn(dir, 'taxonomy.yaml', MOVED_TAXONOMY);
	const vllm = path.join('papers', 'vllm.yaml');
	writeIn(dir, vllm, readFileSync(path.join(dir, vllm), 'utf8').replace('categories: [memory-management,', 'categories: [memory-paging,'));
	writeIn(dir, 'papers/snapkv.yaml', `${readFileSync(path.join(dir, 'papers/snapkv.yaml'), 'utf8').trimEnd()}\nformerIds: [snapkv-short]\n`);
	for (let i = 1; i <= FILLERS; i++) {
		writeIn(dir, `papers/paging-study-${i}.yaml`, `${PAPER_SCHEMA}title: Paging Study Number ${i}\nyear: 2024\nvenue: arXiv\ncategories: [memory-paging]\n`);
	}
	return dir;
}
