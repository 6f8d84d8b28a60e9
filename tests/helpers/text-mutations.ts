/**
 * Random edits of a text file for property tests (fast-check): insert noise, delete a run,
 * duplicate or swap lines, re-indent a line. The hardening tests mutate real YAML and markdown
 * files with them, so the inputs stay close to what a contributor's slip or a bad merge produces.
 */
import fc from 'fast-check';

/** One edit. Positions are taken modulo the text's length or line count, so any edit applies to any text. */
export type Mutation =
	| { op: 'insert'; at: number; text: string }
	| { op: 'delete'; at: number; len: number }
	| { op: 'duplicate-line'; at: number }
	| { op: 'swap-lines'; at: number; other: number }
	| { op: 'indent'; at: number; by: string };

/** Edits that insert pieces of `noise` (or random graphemes and bytes) among the other kinds. */
export function mutation(noise: readonly string[]): fc.Arbitrary<Mutation> {
	return fc.oneof(
		fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...noise), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })) }),
		fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
		fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
		fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
		fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '   ', '\t', '') }),
	);
}

/** `text` with the edit applied. */
export function mutate(text: string, m: Mutation): string {
	const at = m.at % (text.length + 1);
	const lines = text.split('\n');
	const line = m.at % lines.length;
	switch (m.op) {
		case 'insert':
			return text.slice(0, at) + m.text + text.slice(at);
		case 'delete':
			return text.slice(0, at) + text.slice(at + m.len);
		case 'duplicate-line':
			return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
		case 'swap-lines': {
			const j = m.other % lines.length;
			[lines[line], lines[j]] = [lines[j]!, lines[line]!];
			return lines.join('\n');
		}
		case 'indent':
			lines[line] = m.by + (lines[line] ?? '').trimStart();
			return lines.join('\n');
	}
}
