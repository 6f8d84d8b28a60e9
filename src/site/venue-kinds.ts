/**
 * How venue kinds read on the site: a label for tables and a plural heading.
 */
import type { VenueKind } from '../catalogue/schema.ts';

/** "Conference", "Journal", … for a venue's kind. */
export const VENUE_KIND_LABEL: Record<VenueKind, string> = {
	conference: 'Conference',
	journal: 'Journal',
	workshop: 'Workshop',
	preprint: 'Preprint',
	other: 'Other',
};
