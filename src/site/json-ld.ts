/**
 * JSON-LD for scholar indexers: a schema.org ScholarlyArticle per paper, serialized so that no
 * value from the data can close the <script> element it sits in.
 */

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u escapes
 * (so `</script>` in a title stays text), as are the line separators U+2028/U+2029.
 */
export function serializeJsonLd(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
