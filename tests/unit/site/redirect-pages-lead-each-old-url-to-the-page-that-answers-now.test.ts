import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogueOrThrow } from '../../../src/catalogue/load.ts';
import { buildAtlas } from '../../../src/catalogue/queries.ts';
import { redirectPages } from '../../../src/site/redirects.ts';
import { pathClashes, rootNames } from '../../../src/site/routes.ts';
import { FIXTURE } from '../../helpers/catalogue.ts';
import { MOVED, movedCatalogue } from '../../helpers/moved-catalogue.ts';

const dir = movedCatalogue();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redirect pages', () => {
	it('lead every old URL of a regrouped catalogue to its new page, titled as the link reads, a category\'s later pages to the same page', () => {
		const atlas = buildAtlas(loadCatalogueOrThrow(dir), '/Awesome-KV-Cache-Management/');

		const pages = redirectPages(atlas).map(({ from, to, title }) => ({ from, to, title }));

		expect(pages).toEqual([...MOVED].sort((a, b) => (a.from < b.from ? -1 : 1)));
	});

	it('are none for a catalogue that never moved a URL', () => {
		expect(redirectPages(buildAtlas(loadCatalogueOrThrow(FIXTURE), '/'))).toEqual([]);
	});

	it('name a former path that would squat under a page of the site', () => {
		const taken = rootNames(['[...node].astro', '[...moved].astro', 'stats.astro', 'venues']);

		expect(pathClashes(['token-level/selection/', 'venues/old/', 'stats/'], taken)).toEqual(['venues/old/', 'stats/']);
	});
});
