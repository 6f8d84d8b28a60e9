/**
 * A Shiki transformer that lifts Shiki's per-line tokenizing time limit (500 ms of wall-clock
 * time by default). With the limit, a line tokenized while the machine is busy (a 10,000-page
 * build, parallel CI jobs) is cut short and coloured differently, so two builds of one commit
 * differ; without it, highlighting is a pure function of the code, as reproducible builds need.
 */
import type { ShikiTransformer } from 'shiki';

/** Add to every Shiki call of the site (markdown `shikiConfig.transformers`, `codeToHtml` options). */
export const deterministicTokens: ShikiTransformer = {
	name: 'atlas:deterministic-tokens',
	preprocess(code, options) {
		// Runs before tokenizing, on the very options object the tokenizer reads; 0 means no limit.
		options.tokenizeTimeLimit = 0;
		return code;
	},
};
