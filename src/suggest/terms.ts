/**
 * The words a suggestion compares: a title, a short name or an abstract cut into lower-case word
 * stems, so that "quantization", "Quantized" and "KVQuant" meet, and "PagedAttention" gives
 * "paged" and "attent". Deliberately simple: a maintainer can run `terms("…")` and see why two
 * titles match. (Pairs of neighbouring words were tried too and did not file better.)
 */

/** Words that say nothing about where a paper belongs. */
const STOP = new Set(
	'a an and are as at be beyond by can do does for from get has how in into is it its more no not of on or our the their this through to towards toward using via vs what when where which while why with without you your all one two only than then there these they we'.split(' '),
);

/** Stems shorter than this are dropped (after "kv", "io" and "gpu", which are kept by name). */
const KEEP_SHORT = new Set(['kv', 'io', 'qk', 'cpu', 'gpu', 'ssd', 'rnn', 'svd', 'bit', 'mla', 'gqa', 'mqa', 'llm']);

/**
 * A light English stemmer: plural and verb endings and the -ization family, nothing clever
 * ("quantization", "quantized", "Quant" → "quant"; "caches" → "cach"; "merging" → "merg").
 */
export function stem(word: string): string {
	let w = word;
	if (/^quanti[sz]/.test(w) || w === 'quant') return 'quant';
	if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
	for (const suffix of ['isation', 'ization', 'ation', 'ition', 'ing', 'ion', 'ed', 'er', 'al', 'ity', 'ive', 'ize', 'ise', 'e', 'y']) {
		if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
			w = w.slice(0, -suffix.length);
			break;
		}
	}
	return w;
}

/** The text as words: camelCase and letter–digit joins split, I/O and "2bit" spelt one way, everything lower case. */
export function words(text: string): string[] {
	const spaced = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/\bI\/O\b/gi, ' IO ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.replace(/\b\d+-?bits?\b/gi, ' bit ')
		.replace(/([A-Za-z])(\d)/g, '$1 $2')
		.replace(/(\d)([A-Za-z])/g, '$1 $2')
		.toLowerCase();
	return spaced.split(/[^a-z0-9]+/).filter(Boolean);
}

/** The terms of a text: its content words, stemmed, in order (repeats kept: they count). */
export function terms(text: string): string[] {
	return termWords(text).map(([term]) => term);
}

/** Each term of a text with the word it was made from, for showing a maintainer why a suggestion matched. */
export function termWords(text: string): Array<[term: string, word: string]> {
	const out: Array<[string, string]> = [];
	for (const word of words(text)) {
		if (STOP.has(word) || /^\d+$/.test(word) || (word.length < 3 && !KEEP_SHORT.has(word))) continue;
		out.push([KEEP_SHORT.has(word) ? word : stem(word), word]);
	}
	return out;
}
