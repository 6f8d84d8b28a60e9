/**
 * Code highlighting is a pure function of the code: on a machine so busy that every line takes
 * "a second" to tokenize (a fake clock), the site's Shiki calls (code blocks in MDX pages) give the
 * same HTML as on an idle one. Without the transformer, Shiki's 500 ms per-line limit cuts
 * tokenizing short, which made two builds of one commit differ. (BibTeX no longer goes through
 * Shiki: its tokenizer reads no clock.)
 */
import { createHighlighter } from 'shiki';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deterministicTokens } from '../../../src/site/shiki-deterministic.ts';

const YAML = 'title: "A Paper"\nsummary: >-\n  Keeps, for each attention head, the prompt positions that an observation window attends to.\nauthors: [Hanchen Ye, Tianle Cai]\n';

/** Run `fn` while every Date.now() call is a second after the previous one. */
async function onABusyMachine<T>(fn: () => T | Promise<T>): Promise<T> {
	let now = 0;
	const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1_000));
	try {
		return await fn();
	} finally {
		clock.mockRestore();
	}
}

afterEach(() => vi.restoreAllMocks());

describe('highlighting on a busy machine', () => {
	it('gives the same markdown code HTML as on an idle one with the transformer, and not without it', async () => {
		const h = await createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['yaml'] });
		const options = { lang: 'yaml', themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false } as const;
		const idle = h.codeToHtml(YAML, { ...options, transformers: [deterministicTokens] });

		const busy = await onABusyMachine(() => h.codeToHtml(YAML, { ...options, transformers: [deterministicTokens] }));
		const busyWithoutIt = await onABusyMachine(() => h.codeToHtml(YAML, options));

		expect(busy).toBe(idle);
		expect(busyWithoutIt).not.toBe(idle);
	});
});
