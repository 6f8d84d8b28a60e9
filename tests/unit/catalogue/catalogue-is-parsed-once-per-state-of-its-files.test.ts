import { renameSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError } from '../../../src/catalogue/diagnostics.ts';
import { loadCatalogueShared, shareCatalogue } from '../../../src/catalogue/cache.ts';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { copyCatalogue, readIn, writeIn } from '../../helpers/catalogue.ts';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the shared catalogue of a build', () => {
	it('is parsed once while its files stay the same', () => {
		dir = copyCatalogue();

		const first = loadCatalogueShared(dir);
		const second = loadCatalogueShared(dir);

		expect(second).toBe(first);
	});

	it('is read again when a paper is added, removed or saved by renaming, or the taxonomy changes', () => {
		dir = copyCatalogue();
		const first = loadCatalogueShared(dir);
		const later = (file: string) => utimesSync(path.join(dir, file), new Date(), new Date(Date.now() + 5_000));

		writeIn(dir, 'papers/kivi.yaml.tmp', readIn(dir, 'papers/kivi.yaml').replace(/^title: .*$/m, 'title: "KIVI, retitled"'));
		renameSync(path.join(dir, 'papers/kivi.yaml.tmp'), path.join(dir, 'papers/kivi.yaml'));
		later('papers'); // the rename's time, past the clock tick of the first load
		const saved = loadCatalogueShared(dir);
		rmSync(path.join(dir, 'papers/h2o.yaml'));
		const removed = loadCatalogueShared(dir);
		writeIn(dir, 'taxonomy.yaml', readIn(dir, 'taxonomy.yaml').replace('title: Memory Management', 'title: Memory'));
		later('taxonomy.yaml');
		const retitled = loadCatalogueShared(dir);

		expect(saved).not.toBe(first);
		expect(saved.papers.find((p) => p.id === 'kivi')?.title).toBe('KIVI, retitled');
		expect(removed.papers.map((p) => p.id)).not.toContain('h2o');
		expect(JSON.stringify(retitled.taxonomy)).toContain('"title":"Memory"');
	});

	it('is never cached when it has errors', () => {
		dir = copyCatalogue();
		writeIn(dir, 'papers/bad.yaml', 'title: Bad\n');

		expect(() => loadCatalogueShared(dir)).toThrow(CatalogueError);
		expect(() => loadCatalogueShared(dir)).toThrow(CatalogueError);
	});
});

describe('the catalogue the build checked before starting Astro', () => {
	it('is the one the loaders get, while its files stay the same', () => {
		dir = copyCatalogue();
		const checked = loadCatalogueOrThrow(dir);
		shareCatalogue(dir, checked);

		expect(loadCatalogueShared(dir)).toBe(checked);
	});

	it('is parsed again once a paper is added', () => {
		dir = copyCatalogue();
		const checked = loadCatalogueOrThrow(dir);
		shareCatalogue(dir, checked);
		writeIn(dir, 'papers/kivi-2.yaml', readIn(dir, 'papers/kivi.yaml').replace(/^title: .*$/m, 'title: "KIVI Again"').replace(/^paper: .*$/m, 'paper: https://arxiv.org/abs/2499.00001').replace(/^code: .*$/m, ''));

		const loaded = loadCatalogueShared(dir);

		expect(loaded).not.toBe(checked);
		expect(loaded.papers.map((p) => p.id)).toContain('kivi-2');
	});
});
