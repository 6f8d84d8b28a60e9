/**
 * How the CLIs that take a list README (`npm run import`, `npm run sync`) read it: the file named
 * on the command line, parsed by the importer under the file's own name. A file that cannot be
 * read ends the CLI with exit 2 and `FILE: cannot read (ENOENT)`, as a bad argument does; what a
 * list that reads but holds no catalogue (`fatal`) means is each CLI's own call.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importMarkdown, type ImportResult } from '../../src/awesome-list/import.ts';
import { displayPath } from '../../src/catalogue/load.ts';

/** The list in `input` (a path as given), with the path as messages show it. */
export function readList(input: string): { file: string; list: ImportResult } {
	const file = displayPath(path.resolve(input));
	let text: string;
	try {
		text = readFileSync(input, 'utf8');
	} catch (err) {
		console.error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
		process.exit(2);
	}
	return { file, list: importMarkdown(text, path.basename(input).replace(/\.[^.]+$/, '')) };
}
