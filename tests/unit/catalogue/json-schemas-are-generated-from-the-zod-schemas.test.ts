import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../../src/catalogue/json-schema.ts';
import { ROOT } from '../../helpers/catalogue.ts';

describe('the committed JSON Schemas', () => {
	it.each(Object.entries(jsonSchemas()))('public/schemas/%s matches the zod schemas (run "npm run schemas" when this fails)', (name, text) => {
		const committed = readFileSync(path.join(ROOT, 'public/schemas', name), 'utf8');

		expect(committed).toBe(text);
	});

	it('describe every paper field and refuse unknown ones, so editors complete and flag typos', () => {
		const paper = JSON.parse(jsonSchemas()['paper.schema.json']!);

		expect(paper.additionalProperties).toBe(false);
		expect(paper.required).toEqual(['title', 'year', 'venue', 'categories']);
		for (const [key, field] of Object.entries<{ description?: string }>(paper.properties)) expect(field.description, key).toBeTruthy();
	});
});
