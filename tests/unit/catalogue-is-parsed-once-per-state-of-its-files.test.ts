import { rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError } from '../../src/catalogue/diagnostics.ts';
import { loadCatalogueShared } from '../../src/catalogue/load.ts';
import { copyCatalogue, readIn, writeIn } from '../helpers/catalogue.ts';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the shared catalogue of a build', () => {
	it('is parsed once while its files stay the same', () => {
		dir = copyCatalogue();

		const first = loadCatalogueShared(dir);
		const second = loadCatalogueShared(dir);

		expect(second).toBe(first);
	});

	it('is read again when a file changes, is added or is removed', () => {
		dir = copyCatalogue();
		const first = loadCatalogueShared(dir);

		writeIn(dir, 'papers/kivi.yaml', readIn(dir, 'papers/kivi.yaml').replace(/^title: .*$/m, 'title: "KIVI, retitled"'));
		utimesSync(path.join(dir, 'papers/kivi.yaml'), new Date(), new Date(Date.now() + 5_000));
		const edited = loadCatalogueShared(dir);
		rmSync(path.join(dir, 'papers/h2o.yaml'));
		const removed = loadCatalogueShared(dir);

		expect(edited).not.toBe(first);
		expect(edited.papers.find((p) => p.id === 'kivi')?.title).toBe('KIVI, retitled');
		expect(removed.papers.map((p) => p.id)).not.toContain('h2o');
	});

	it('is never cached when it has errors', () => {
		dir = copyCatalogue();
		writeIn(dir, 'papers/bad.yaml', 'title: Bad\n');

		expect(() => loadCatalogueShared(dir)).toThrow(CatalogueError);
		expect(() => loadCatalogueShared(dir)).toThrow(CatalogueError);
	});
});
