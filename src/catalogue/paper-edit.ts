/**
 * Edit data files in place, as a person would: the YAML document is changed, not rewritten from
 * data, so the schema line, comments, key order and quoting stay as they were. A new key goes to
 * its place in `PAPER_KEYS`; a new venue goes to its alphabetical place in venues.yaml.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { PAPER_KEYS, type Venue } from './schema.ts';

/** Lists whose inline form is longer than this are written one item per line (as `npm run new` does). */
const INLINE_LIST_MAX = 100;
// Like yaml-write.ts, but without forcing double quotes: a value someone single-quoted stays single-quoted.
const TO_STRING = { lineWidth: 0, blockQuote: 'literal', flowCollectionPadding: false } as const;

/** A value enrich writes, or a list of small mappings (a paper's `benchmarks`). */
export type EditValue = string | number | string[] | Array<Record<string, string>>;

/** The text of a paper file with `changes` made; throws when the text is not a YAML mapping. */
export function editPaperYaml(text: string, changes: Readonly<Record<string, EditValue>>): string {
	const doc = parseDocument(text) as unknown as Document;
	if (doc.errors.length || !isMap(doc.contents)) throw new Error('not a YAML mapping');
	const map = doc.contents;
	for (const [key, value] of Object.entries(changes)) {
		const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
		if (pair && isScalar(pair.value) && !Array.isArray(value)) {
			// Keep the node: its comment and quoting stay.
			pair.value.value = value;
			continue;
		}
		const node = valueNode(doc, value);
		if (pair) {
			pair.value = node;
			continue;
		}
		const rank = PAPER_KEYS.indexOf(key as (typeof PAPER_KEYS)[number]);
		const at = map.items.findIndex((p) => {
			const other = PAPER_KEYS.indexOf(String(isScalar(p.key) ? p.key.value : '') as (typeof PAPER_KEYS)[number]);
			return rank >= 0 && other > rank;
		});
		const fresh = doc.createPair(key, node);
		if (at < 0) map.items.push(fresh);
		else map.items.splice(at, 0, fresh);
	}
	return doc.toString(TO_STRING);
}

function valueNode(doc: Document, value: EditValue): Node {
	const node = doc.createNode(value) as Node;
	// A list of mappings goes one item per line, as `npm run new` writes it.
	if (isSeq(node)) node.flow = (value as unknown[]).every((v) => typeof v === 'string') && (value as string[]).join(', ').length + 2 <= INLINE_LIST_MAX;
	return node;
}

/** The text of venues.yaml with `venues` added (each once), keeping the list in case-insensitive name order. */
export function addVenuesYaml(text: string, venues: readonly Venue[]): string {
	const doc = parseDocument(text) as unknown as Document;
	if (doc.errors.length || !isSeq(doc.contents)) throw new Error('not a YAML list');
	const seq = doc.contents;
	const nameOf = (item: unknown) => (isMap(item) ? String(item.get('name') ?? '') : '');
	for (const v of venues) {
		if (seq.items.some((item) => nameOf(item) === v.name)) continue;
		const entry: Record<string, unknown> = { name: v.name };
		if (v.fullName) entry.fullName = v.fullName;
		entry.kind = v.kind;
		if (v.aliases?.length) entry.aliases = v.aliases;
		if (v.slug) entry.slug = v.slug;
		const node = doc.createNode(entry);
		const aliases = isMap(node) ? node.get('aliases', true) : undefined;
		if (isSeq(aliases)) aliases.flow = true;
		const key = v.name.toLowerCase();
		const at = seq.items.findIndex((item) => nameOf(item).toLowerCase() > key);
		if (at < 0) seq.items.push(node);
		else {
			// The schema line is parsed as the first item's comment: it stays first.
			const first = seq.items[0] as Node;
			if (at === 0 && first.commentBefore) {
				(node as Node).commentBefore = first.commentBefore;
				first.commentBefore = undefined;
			}
			seq.items.splice(at, 0, node);
		}
	}
	return doc.toString(TO_STRING);
}
