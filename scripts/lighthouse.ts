/**
 * Lighthouse (mobile, the default config) over pages of a built site, served locally under its
 * base path by tests/e2e/serve-dist.ts and audited in the local Chromium (CHROME_PATH). A benchmark,
 * not a test: it prints the four category scores per page and exits 1 when one is under its
 * target (accessibility and SEO 100, performance and best practices 95 unless --min says otherwise).
 *
 *   node scripts/lighthouse.ts --dist .tmp/site/dist [--base /x/] [--json out.json] "" papers/snapkv/ …
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from '../tests/e2e/serve-dist.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: process.env.BASE_PATH || '/' }, json: { type: 'string' }, min: { type: 'string' } },
});
const targets: Record<string, number> = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 };
if (values.min) for (const k of Object.keys(targets)) targets[k] = Math.min(targets[k]!, Number(values.min));
const pages = positionals.length ? positionals : [''];

const server = await serveDist(values.dist!, values.base!);
const chrome = await chromeLauncher.launch({
	chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const report: Record<string, Record<string, number>> = {};
let failed = false;
try {
	for (const page of pages) {
		const url = server.at(page);
		const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(targets) });
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		const scores: Record<string, number> = {};
		for (const [id, cat] of Object.entries(result.lhr.categories)) scores[id] = Math.round((cat.score ?? 0) * 100);
		report[page || '/'] = scores;
		const low = Object.entries(targets).filter(([id, min]) => (scores[id] ?? 0) < min);
		if (low.length) failed = true;
		console.log(`${(page || '/').padEnd(60)} ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join('  ')}${low.length ? '  ✗' : ''}`);
		for (const [id] of low) {
			const refs = result.lhr.categories[id]!.auditRefs.filter((r) => r.weight > 0);
			for (const ref of refs) {
				const audit = result.lhr.audits[ref.id]!;
				if (audit.score === null || audit.score >= 1) continue;
				console.log(`    ${id}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
				const items = (audit.details as { items?: Array<{ node?: { selector?: string; snippet?: string } }> } | undefined)?.items ?? [];
				for (const item of items.slice(0, 5)) if (item.node) console.log(`      ${item.node.selector}  ${item.node.snippet?.slice(0, 100)}`);
			}
		}
	}
} finally {
	chrome.kill();
	await server.close();
}
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);
