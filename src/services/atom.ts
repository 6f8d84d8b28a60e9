/**
 * A small XML reader for the Atom feeds of the arXiv API: elements with their namespace URI,
 * attributes and text, entities and CDATA decoded. A document with a DTD is refused, and nothing
 * is expanded beyond the five predefined entities and character references.
 */

/** One element: its namespace URI and local name, attributes by qualified name, and content. */
export interface XmlElement {
	ns: string;
	local: string;
	attrs: Record<string, string>;
	children: Array<XmlElement | string>;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

/** Parse a document and return its root element; throws with the offset of the first problem. */
export function parseXml(text: string): XmlElement {
	let i = 0;
	const fail = (what: string): never => {
		throw new Error(`${what} at offset ${i}`);
	};
	const stack: Array<{ el: XmlElement; qname: string; scope: Map<string, string> }> = [];
	let root: XmlElement | null = null;
	let scope = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);

	while (i < text.length) {
		const lt = text.indexOf('<', i);
		const chunk = text.slice(i, lt < 0 ? text.length : lt);
		if (chunk) {
			if (stack.length) stack.at(-1)!.el.children.push(decodeEntities(chunk));
			else if (chunk.trim()) fail('text outside the root element');
		}
		if (lt < 0) break;
		i = lt;
		if (text.startsWith('<?', i)) i = skipPast(text, i, '?>', fail);
		else if (text.startsWith('<!--', i)) i = skipPast(text, i, '-->', fail);
		else if (text.startsWith('<![CDATA[', i)) {
			const end = text.indexOf(']]>', i);
			if (end < 0) fail('unclosed CDATA section');
			if (!stack.length) fail('CDATA outside the root element');
			stack.at(-1)!.el.children.push(text.slice(i + 9, end));
			i = end + 3;
		} else if (text.startsWith('<!', i)) fail('a DOCTYPE or other declaration is not accepted (an Atom feed has none)');
		else if (text.startsWith('</', i)) {
			const m = NAME.exec(text.slice(i + 2));
			const top = stack.pop();
			if (!m || !top || m[0] !== top.qname) fail(`closing tag </${m?.[0] ?? ''}> does not match <${top?.qname ?? ''}>`);
			i = text.indexOf('>', i) + 1;
			if (i === 0) fail('unclosed closing tag');
			scope = top!.scope;
		} else {
			i++;
			const m = NAME.exec(text.slice(i));
			if (!m) fail('element without a name');
			const qname = m![0];
			i += qname.length;
			const raw: Record<string, string> = {};
			for (;;) {
				const ws = /^\s*/.exec(text.slice(i))![0];
				i += ws.length;
				if (text.startsWith('/>', i) || text.startsWith('>', i)) break;
				const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(i));
				if (!a) fail(`malformed attribute in <${qname}>`);
				raw[a![1]!] = decodeEntities(a![3] ?? a![4] ?? '');
				i += a![0].length;
			}
			const selfClosing = text.startsWith('/>', i);
			i += selfClosing ? 2 : 1;
			const parentScope = scope;
			scope = new Map(scope);
			for (const [k, v] of Object.entries(raw)) {
				if (k === 'xmlns') scope.set('', v);
				else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
			}
			const [prefix, local] = qname.includes(':') ? (qname.split(':', 2) as [string, string]) : ['', qname];
			const el: XmlElement = { ns: scope.get(prefix) ?? '', local, attrs: raw, children: [] };
			if (stack.length) stack.at(-1)!.el.children.push(el);
			else if (root) fail('a second root element');
			else root = el;
			if (selfClosing) scope = parentScope;
			else stack.push({ el, qname, scope: parentScope });
		}
	}
	if (stack.length) throw new Error(`<${stack.at(-1)!.qname}> is never closed`);
	if (!root) throw new Error('no root element');
	return root;
}

function skipPast(text: string, from: number, end: string, fail: (what: string) => never): number {
	const at = text.indexOf(end, from);
	if (at < 0) fail(`unclosed "${text.slice(from, from + 4)}"`);
	return at + end.length;
}

/** Replace the predefined entities and character references; an unknown entity stays as written. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
		const lower = ref.toLowerCase();
		if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), whole);
		if (lower.startsWith('#')) return safeCodePoint(Number(lower.slice(1)), whole);
		return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
	});
}

function safeCodePoint(n: number, whole: string): string {
	return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
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
