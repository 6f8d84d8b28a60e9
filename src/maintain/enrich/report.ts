/**
 * The report of `npm run enrich` as a maintainer reads it: per paper its file and one line per
 * change (+ fill, ~ upgrade or forced change, ! needs --force, - held back, ? unknown venue),
 * then what each service answered and what was written. `--json` prints the report object itself.
 */
import { formatDiagnostic } from '../../catalogue/diagnostics.ts';
import { showValue, type ChangeStatus, type FieldChange } from './plan.ts';
import type { EnrichReport, ServiceSummary } from './enrich.ts';

const MARK: Record<ChangeStatus, string> = { fill: '+', upgrade: '~', force: '~', conflict: '!', held: '-', 'unknown-venue': '?' };

function changeLine(c: FieldChange): string {
	const value = c.from === null ? showValue(c.to) : `${showValue(c.from)} → ${showValue(c.to)}`;
	return `  ${MARK[c.status]} ${c.field}: ${value} (${c.source})${c.reason ? `: ${c.reason}` : ''}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

function serviceLine(name: string, s: ServiceSummary): string {
	const parts = [`${s.asked} asked`, `${s.found} found`, plural(s.requests, 'request')];
	if (s.notFound.length) parts.push(`unknown to it: ${s.notFound.slice(0, 8).join(', ')}${s.notFound.length > 8 ? `, … (${s.notFound.length})` : ''}`);
	const failed = s.failed.reduce((n, f) => n + f.ids.length, 0);
	if (failed) parts.push(`${failed} not read`);
	return `${name}: ${parts.join(', ')}`;
}

/** The text report. */
export function formatEnrichText(r: EnrichReport): string {
	const lines: string[] = [];
	for (const p of r.papers) {
		lines.push(`${p.file}`);
		for (const c of p.changes) lines.push(changeLine(c));
		for (const n of p.notes) lines.push(`  note: ${n}`);
	}
	if (lines.length) lines.push('');
	if (r.services) {
		lines.push(serviceLine('arXiv', r.services.arxiv), serviceLine('Semantic Scholar', r.services.semanticScholar));
		if (r.services.notLookedUp.length) lines.push(`not looked up (no arXiv id or DOI): ${r.services.notLookedUp.join(', ')}`);
	}
	if (r.citations) lines.push(`citations: ${r.citations.updated} counted${r.apply ? '' : ' (written with --apply)'}${r.citations.kept.length ? `, ${r.citations.kept.length} kept from the last run` : ''}${r.citations.removed.length ? `, ${r.citations.removed.length} removed (no longer papers)` : ''}`);
	if (r.facts) {
		const f = r.facts;
		lines.push(`facts: ${f.entries} in ${f.file} (gathered ${f.gathered}); ${f.matchedByArxiv} matched by arXiv id, ${f.matchedByTitle} by title, ${f.unmatched.length} matched no paper${f.mismatched.length ? `, ${f.mismatched.length} not used (arXiv ids disagree)` : ''}`);
		for (const d of f.duplicates) lines.push(`  also about ${d.paper}, not used: "${d.title}"`);
		for (const m of f.mismatched) lines.push(`  not used: "${m.title}" is arXiv ${m.factArxiv}, but ${m.paper} (same title) links arXiv ${m.paperArxiv}; check that paper's link`);
		lines.push(`review: ${plural(f.review, 'medium or low fact')} for data/review.json (listed by npm run doctor)`);
	}
	const c = r.counts;
	const what = `${plural(c.papersChanged, 'paper')}, ${plural(c.fieldsChanged, 'field')}`;
	if (r.apply) lines.push(r.written.length ? `✓ enrich: ${what} written; files: ${r.written.join(', ')}` : `✓ enrich: nothing to write`);
	else lines.push(`enrich (dry run): ${what} would change${c.fieldsChanged ? '; run with --apply to write them' : ''}`);
	if (r.newVenues.length) lines.push(`venues ${r.apply && r.written.length ? 'added to' : 'to add to'} venues.yaml: ${r.newVenues.join(', ')}`);
	if (c.needForce) lines.push(`${plural(c.needForce, 'change')} to hand-set values ${c.needForce === 1 ? 'needs' : 'need'} --force (marked !)`);
	if (c.held) lines.push(`${plural(c.held, 'change')} held back by the fact's confidence (marked -)`);
	if (c.unknownVenues) lines.push(`${plural(c.unknownVenues, 'venue')} not known (marked ?): nothing was invented`);
	for (const d of r.invalid) lines.push(formatDiagnostic(d));
	for (const p of r.problems) lines.push(`✗ ${p}`);
	return `${lines.join('\n')}\n`;
}

/** The `--json` report. */
export function enrichJson(r: EnrichReport): string {
	return `${JSON.stringify(r, null, 2)}\n`;
}
