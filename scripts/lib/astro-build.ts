/**
 * The Astro step of `npm run build`, run by scripts/build.ts in its own process: Astro's build
 * through its JavaScript API, logging warnings and errors only. Astro's default log writes two
 * lines per page; at 10,000 pages that printing alone cost 5–7 s of a 38 s build on the 2-core
 * machine. `ATLAS_ASTRO_LOG=info` (`npm run build -- --verbose`) brings the page-by-page log back.
 */
import { build } from 'astro';

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
type Level = (typeof LEVELS)[number];
const wanted = process.env.ATLAS_ASTRO_LOG ?? 'warn';
const logLevel: Level = (LEVELS as readonly string[]).includes(wanted) ? (wanted as Level) : 'warn';

try {
	await build({ logLevel });
} catch (error) {
	// Through the API Astro leaves printing the error to its caller (its CLI does it): file, message, hint.
	console.error(error);
	process.exit(1);
}
// Astro's CLI exits once the build is done; through the API, leftover handles could keep the process up.
process.exit(0);
