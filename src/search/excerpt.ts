/**
 * Pagefind's excerpts are HTML: the page text with entities escaped and the matched words wrapped
 * in `<mark>`. The UI never assigns them as HTML; this reads only `<mark>`, `</mark>` and the
 * entities Pagefind writes, and returns text runs to build with `textContent`.
 */

/** A run of excerpt text; `mark` is true for the words that matched the query. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references Pagefind escapes text with; anything else stays as written. */
export function decodeEntities(html: string): string {
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[ref.toLowerCase()] ?? whole;
	});
}

/** Split an excerpt into plain and marked runs; any other tag is kept as literal text, never markup. */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	let mark = false;
	for (const piece of excerpt.split(/(<\/?mark>)/i)) {
		const tag = piece.toLowerCase();
		if (tag === '<mark>' || tag === '</mark>') {
			mark = tag === '<mark>';
			continue;
		}
		if (!piece) continue;
		const text = decodeEntities(piece);
		const last = parts.at(-1);
		if (last && last.mark === mark) last.text += text;
		else parts.push({ text, mark });
	}
	return parts;
}

/** Words of a text for matching: letters and digits, lower-cased, accents dropped. */
function words(text: string): string[] {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when every word of the query starts a word of the title, as Pagefind matches prefixes:
 * the title then already shows why the paper matched, and an excerpt would only repeat it.
 */
export function titleShowsMatch(title: string, query: string): boolean {
	const inTitle = words(title);
	const wanted = words(query);
	return wanted.length > 0 && wanted.every((w) => inTitle.some((t) => t.startsWith(w)));
}
