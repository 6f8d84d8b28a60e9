/**
 * The reader of Atom feeds, such as the arXiv API's answers: saxes, a strict and namespace-aware
 * XML parser, builds a small tree of elements, each with its namespace URI, local name, attributes
 * and text. A document with a DOCTYPE is refused at the DOCTYPE, so no entity can be declared
 * (no external entities, no "billion laughs"): the only entities are XML's five and character
 * references, and any other is an error. Errors name the line and column.
 * A feed also gives the OpenSearch counts that a search's pages carry.
 */
import { SaxesParser } from 'saxes';

/** The Atom namespace. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** The OpenSearch namespace of `totalResults`, `startIndex` and `itemsPerPage`. */
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

/** One element: its namespace URI and local name, attributes by qualified name, and content. */
export interface XmlElement {
	ns: string;
	local: string;
	attrs: Record<string, string>;
	children: Array<XmlElement | string>;
}

/** Parse a document and return its root element; throws with `line:column: problem` at the first problem. */
export function parseXml(text: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | null = null;
	parser.on('doctype', () => {
		throw parser.makeError('a DOCTYPE is not accepted (an Atom feed has none, and it could declare entities)');
	});
	parser.on('opentag', (tag) => {
		const el: XmlElement = { ns: tag.uri, local: tag.local, attrs: {}, children: [] };
		for (const a of Object.values(tag.attributes)) el.attrs[a.name] = a.value;
		if (stack.length) stack.at(-1)!.children.push(el);
		else root = el;
		stack.push(el);
	});
	parser.on('closetag', () => void stack.pop());
	// Outside the root, saxes allows only white space (and refuses other text itself).
	parser.on('text', (t) => void stack.at(-1)?.children.push(t));
	parser.on('cdata', (t) => void stack.at(-1)?.children.push(t));
	parser.write(text).close();
	if (!root) throw new Error('no root element');
	return root;
}

/** The child elements of `el` with this namespace URI and local name. */
export function childElements(el: XmlElement, ns: string, local: string): XmlElement[] {
	return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === ns && c.local === local);
}

/** The text of the first such child, whitespace collapsed; `null` when there is none. */
export function childText(el: XmlElement, ns: string, local: string): string | null {
	const child = childElements(el, ns, local)[0];
	return child ? textOf(child) : null;
}

/** All text inside `el`, whitespace runs collapsed to one space and trimmed. */
export function textOf(el: XmlElement): string {
	const parts: string[] = [];
	const walk = (e: XmlElement) => e.children.forEach((c) => (typeof c === 'string' ? parts.push(c) : walk(c)));
	walk(el);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/** An Atom feed: its entries, and where they sit in a search's results. */
export interface AtomFeed {
	/** The `<feed>` element. */
	feed: XmlElement;
	/** The `<entry>` elements, in order. */
	entries: XmlElement[];
	/** `opensearch:totalResults`: entries the query matches over all pages; null when absent or not a whole number. */
	totalResults: number | null;
	/** `opensearch:startIndex`: the offset of this page's first entry. */
	startIndex: number | null;
	/** `opensearch:itemsPerPage`: the page size asked for. */
	itemsPerPage: number | null;
}

/** Read an Atom feed; throws when the text is not XML or its root is not an Atom `<feed>`. */
export function parseAtomFeed(xml: string): AtomFeed {
	const feed = parseXml(xml);
	if (feed.ns !== ATOM_NS || feed.local !== 'feed') throw new Error(`expected an Atom <feed>, got <${feed.local}>`);
	return {
		feed,
		entries: childElements(feed, ATOM_NS, 'entry'),
		totalResults: wholeNumber(childText(feed, OPENSEARCH_NS, 'totalResults')),
		startIndex: wholeNumber(childText(feed, OPENSEARCH_NS, 'startIndex')),
		itemsPerPage: wholeNumber(childText(feed, OPENSEARCH_NS, 'itemsPerPage')),
	};
}

function wholeNumber(text: string | null): number | null {
	return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}
