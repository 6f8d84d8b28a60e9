import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StarsSchema } from '../../../../src/catalogue/schema.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../../../../src/catalogue/transaction.ts';
import { readStarsFile, starsOptionsFromEnv, starsToJson } from '../../../../src/maintain/stars/stars.ts';

const dirs: string[] = [];
const temp = () => {
	const d = mkdtempSync(path.join(tmpdir(), 'stars-unit-'));
	dirs.push(d);
	return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the star snapshot', () => {
	it('is written one repository per line in code-unit key order, and parses back under StarsSchema', () => {
		const stars = { 'vllm-project/vllm': { stars: 2, checked: '2026-01-02' }, 'FasterDecoding/SnapKV': { stars: 1, checked: '2026-01-01' }, 'a/b': { stars: 0, checked: '2026-01-03' } };

		const text = starsToJson(stars);

		expect(text).toBe('{\n  "FasterDecoding/SnapKV": { "stars": 1, "checked": "2026-01-01" },\n  "a/b": { "stars": 0, "checked": "2026-01-03" },\n  "vllm-project/vllm": { "stars": 2, "checked": "2026-01-02" }\n}\n');
		expect(StarsSchema.parse(JSON.parse(text))).toEqual(stars);
		expect(starsToJson({})).toBe('{}\n');
	});

	it('is replaced by rename, so a failed write leaves the old file and no temp file', () => {
		const dir = temp();
		const file = path.join(dir, 'stars.json');
		writeFileSync(file, 'old');
		writeFileAtomic(file, 'new');
		expect(readFileSync(file, 'utf8')).toBe('new');

		const blocked = path.join(dir, 'blocked.json');
		mkdirSync(path.join(blocked, 'inside'), { recursive: true });
		expect(() => writeFileAtomic(blocked, 'x')).toThrow();
		expect(readdirSync(dir).sort()).toEqual(['blocked.json', 'stars.json']);
	});

	it('cleans temp files left by a killed run, and reads a broken snapshot as empty with the reason', () => {
		const dir = temp();
		const file = path.join(dir, 'stars.json');
		writeFileSync(path.join(dir, '.stars.json.123.tmp'), '{');
		writeFileSync(file, '{ "x": ');

		removeStaleTempFiles(file);
		const read = readStarsFile(file);

		expect(readdirSync(dir)).toEqual(['stars.json']);
		expect(read.stars).toEqual({});
		expect(read.problem).toMatch(/JSON/);
	});

	it('takes its limits from the environment and ignores values that are not numbers', () => {
		const opts = starsOptionsFromEnv({ GITHUB_API_URL: 'http://127.0.0.1:1/', STARS_CONCURRENCY: '2', STARS_RETRY_BASE_MS: 'soon', GITHUB_TOKEN: '' }, '2026-01-01', () => {});

		expect(opts).toMatchObject({ apiUrl: 'http://127.0.0.1:1', concurrency: 2, retryBaseMs: 1000, attempts: 3, token: undefined });
	});
});
