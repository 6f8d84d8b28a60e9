import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFiles } from '../../../src/catalogue/transaction.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);
const contents = () => Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((f) => [f, existsSync(at(f)) && !f.endsWith('/') ? safeRead(at(f)) : null]));
const safeRead = (file: string) => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '(folder)';
	}
};

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'atlas-tx-'));
	writeFileSync(at('a.yaml'), 'a: 1\n');
	writeFileSync(at('b.yaml'), 'b: 1\n');
	writeFileSync(at('gone.yaml'), 'gone: 1\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('several files are replaced all together or not at all', () => {
	it('writes new texts, creates new files and deletes files in one change, leaving no temp file', () => {
		replaceFiles([
			{ file: at('a.yaml'), text: 'a: 2\n' },
			{ file: at('new.yaml'), text: 'new: 1\n' },
			{ file: at('gone.yaml'), text: null },
		]);

		expect(contents()).toEqual({ 'a.yaml': 'a: 2\n', 'b.yaml': 'b: 1\n', 'new.yaml': 'new: 1\n' });
	});

	it('changes nothing when a new text cannot be written (its folder is missing)', () => {
		const before = contents();

		expect(() =>
			replaceFiles([
				{ file: at('a.yaml'), text: 'a: 2\n' },
				{ file: at('gone.yaml'), text: null },
				{ file: at('missing/c.yaml'), text: 'c: 1\n' },
			]),
		).toThrow(/ENOENT/);

		expect(contents()).toEqual(before);
	});

	it('puts every file back when a rename fails half way (a folder stands where a file should go)', () => {
		mkdirSync(at('blocked.yaml'));
		writeFileSync(at('blocked.yaml/inside'), 'x');
		const before = contents();

		expect(() =>
			replaceFiles([
				{ file: at('a.yaml'), text: 'a: 2\n' },
				{ file: at('new.yaml'), text: 'new: 1\n' },
				{ file: at('gone.yaml'), text: null },
				{ file: at('blocked.yaml'), text: 'blocked: 1\n' },
			]),
		).toThrow();

		expect(contents()).toEqual(before);
	});
});
