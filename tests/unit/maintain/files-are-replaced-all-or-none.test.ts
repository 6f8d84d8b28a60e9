import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFilesAtomically } from '../../../src/maintain/atomic-files.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'atlas-atomic-'));
	dirs.push(dir);
	writeFileSync(path.join(dir, 'a.yaml'), 'old a\n');
	writeFileSync(path.join(dir, 'b.yaml'), 'old b\n');
	return dir;
}

describe('writing several files', () => {
	it('replaces every file and leaves no temp file behind', () => {
		const dir = folder();

		writeFilesAtomically([
			{ file: path.join(dir, 'a.yaml'), text: 'new a\n' },
			{ file: path.join(dir, 'c.json'), text: '{}\n' },
		]);

		expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('new a\n');
		expect(readFileSync(path.join(dir, 'c.json'), 'utf8')).toBe('{}\n');
		expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml', 'c.json']);
	});

	it('puts back the files already replaced when a later one cannot be, and throws', () => {
		const dir = folder();
		// A folder where a file should go: its rename fails after a.yaml and c.json were replaced.
		mkdirSync(path.join(dir, 'blocked.json'));
		writeFileSync(path.join(dir, 'blocked.json', 'x'), '');

		expect(() =>
			writeFilesAtomically([
				{ file: path.join(dir, 'a.yaml'), text: 'new a\n' },
				{ file: path.join(dir, 'c.json'), text: '{}\n' },
				{ file: path.join(dir, 'blocked.json'), text: 'never\n' },
			]),
		).toThrow();

		expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('old a\n');
		expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml', 'blocked.json']);
	});

	it('changes nothing when a temp file cannot be written', () => {
		const dir = folder();

		expect(() =>
			writeFilesAtomically([
				{ file: path.join(dir, 'a.yaml'), text: 'new a\n' },
				{ file: path.join(dir, 'no-such-folder', 'd.yaml'), text: 'd\n' },
			]),
		).toThrow(/ENOENT/);

		expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('old a\n');
		expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
	});

	it('removes temp files a killed run left', () => {
		const dir = folder();
		writeFileSync(path.join(dir, '.a.yaml.4242.tmp'), 'half');

		removeStaleTemps(dir);

		expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
	});
});
