/**
 * `npm run schemas`: write the JSON Schemas generated from the zod schemas to public/schemas/: the
 * catalogue's files, data/suggest.yaml of `npm run suggest` and data/discover.yaml of `npm run discover`.
 * A test fails when the committed files differ from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemas } from '../src/catalogue/json-schema.ts';
import { discoverJsonSchemas } from '../src/maintain/discover/config.ts';
import { suggestJsonSchemas } from '../src/suggest/keywords.ts';

const out = path.resolve('public/schemas');
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries({ ...jsonSchemas(), ...suggestJsonSchemas(), ...discoverJsonSchemas() })) {
	writeFileSync(path.join(out, name), text);
	console.log(`wrote public/schemas/${name}`);
}
