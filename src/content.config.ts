/**
 * Astro collections over the catalogue. The loaders run the same validation as
 * `npm run validate` (a bad file stops the build with the same messages); the schemas are the
 * shared zod schemas of src/catalogue/.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { loadCatalogueShared } from './catalogue/cache.ts';
import { PaperSchema, VenueSchema } from './catalogue/schema.ts';

// One parse shared by both loaders and the pages (see loadCatalogueShared).
const catalogue = () => loadCatalogueShared();

const papers = defineCollection({
	loader: async () => catalogue().papers,
	schema: PaperSchema.extend({ id: z.string() }),
});

const venues = defineCollection({
	loader: async () => catalogue().venues.map((v) => ({ id: v.name, ...v })),
	schema: VenueSchema.extend({ id: z.string() }),
});

export const collections = { papers, venues };
