/**
 * A small list from tests/fixtures/markdown, imported, with what the reader tests ask of it: the
 * line a text is on in the file, the messages as the CLI prints them, and a paper by its title.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importMarkdown } from '../../src/awesome-list/import.ts';
import { formatImportMessage } from '../../src/awesome-list/report.ts';
import { ROOT } from './catalogue.ts';

const DIR = path.join(ROOT, 'tests/fixtures/markdown');

/** Import `tests/fixtures/markdown/<name>`. */
export function loadMarkdownFixture(name: string) {
	const text = readFileSync(path.join(DIR, name), 'utf8');
	const result = importMarkdown(text, name);
	const lines = text.split('\n');
	return {
		result,
		/** 1-based line of the `nth` (0: first) line containing `needle`, leaving out the comment that names the case; 0 when none. */
		line: (needle: string, nth = 0) => lines.map((l, i) => (!l.startsWith('<!--') && l.includes(needle) ? i + 1 : 0)).filter(Boolean)[nth] ?? 0,
		/** Every message, as `npm run import` prints it. */
		messages: result.messages.map((m) => formatImportMessage(name, m)),
		/** The problems alone. */
		problems: result.messages.filter((m) => m.kind === 'problem').map((m) => formatImportMessage(name, m)),
		/** The imported paper with this title (line and rows included). */
		imported: (title: string) => result.papers.find((p) => p.data.title === title),
		/** The data of the paper with this title. */
		paper: (title: string) => result.papers.find((p) => p.data.title === title)?.data,
	};
}
