/**
 * Facts about the site itself that the layout shows on every page: its name, the licence of the
 * catalogue data, the navigation, and the build date (reproducible: SOURCE_DATE_EPOCH wins).
 */

/** The site's name, shown in the header and appended to every page title. */
export const SITE_NAME = 'KV Cache Atlas';

/** The licence of the catalogue data, named in the footer. */
export const DATA_LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The header navigation: label and site path (without the base). */
export const NAV_LINKS: ReadonlyArray<{ label: string; path: string }> = [
	{ label: 'Home', path: '' },
	{ label: 'Venues', path: 'venues/' },
	{ label: 'Stats', path: 'stats/' },
	{ label: 'About', path: 'about/' },
	{ label: 'Cite', path: 'cite/' },
	{ label: 'Contribute', path: 'contributing/' },
];

/**
 * The day of the build, YYYY-MM-DD in UTC. `SOURCE_DATE_EPOCH` (seconds) fixes it so that two
 * builds of one commit are byte-identical.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
	const epoch = Number(env.SOURCE_DATE_EPOCH);
	const date = Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
	return date.toISOString().slice(0, 10);
}

let siteBuilt: string | undefined;

/** `buildDate()` of this build, read once: every page's footer shows it (reading the environment 20,000 times cost 0.2 s). */
export function siteBuildDate(): string {
	siteBuilt ??= buildDate();
	return siteBuilt;
}
