/**
 * `npm run doctor [-- --json] [--today YYYY-MM-DD] [--stale-days N]`: the data-quality report.
 * Exit 0 whatever it finds (it is a report); 1 only when the catalogue is invalid; 2 on a bad flag.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/catalogue/diagnostics.ts';
import { doctor, doctorJson, formatDoctorText } from '../src/maintain/doctor/doctor.ts';
import { catalogueDir, displayPath, loadCatalogue } from '../src/catalogue/load.ts';

const USAGE = 'Usage: npm run doctor [-- --json] [--today YYYY-MM-DD] [--stale-days N]';
let flags: { json?: boolean; today?: string; 'stale-days'?: string; help?: boolean };
try {
	flags = parseArgs({ options: { json: { type: 'boolean' }, today: { type: 'string' }, 'stale-days': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
} catch (err) {
	console.error(`npm run doctor: ${(err as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (flags.help) {
	console.log(USAGE);
	process.exit(0);
}
const today = flags.today ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
	console.error(`npm run doctor: --today "${today}" is not a date; write it as YYYY-MM-DD, such as --today 2025-01-31\n${USAGE}`);
	process.exit(2);
}
const staleDays = flags['stale-days'] === undefined ? 14 : Number(flags['stale-days']);
if (!Number.isInteger(staleDays) || staleDays < 0) {
	console.error(`npm run doctor: --stale-days "${flags['stale-days']}" is not a number of days; write it as a whole number, such as --stale-days 14\n${USAGE}`);
	process.exit(2);
}

const dir = catalogueDir();
const { catalogue, diagnostics } = loadCatalogue(dir);
if (!catalogue) {
	for (const d of diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
	console.error(`✗ ${displayPath(dir)} is not valid; the report needs a valid catalogue. Fix the errors above ("npm run validate") first.`);
	process.exit(1);
}
const findings = doctor(catalogue, { today, staleDays });
if (flags.json) process.stdout.write(doctorJson(findings, { catalogue: displayPath(dir), today, papers: catalogue.papers.length }));
else process.stdout.write(formatDoctorText(findings, `doctor: ${displayPath(dir)} (${catalogue.papers.length} papers, ${today})`));
