/**
 * Text from an issue, shown in the markdown of a comment or a pull request as text and nothing
 * else. Every piece that came from the issue (or from a message that quotes it) goes into a code
 * span or a fenced block: there markdown, HTML, links, @mentions and #references are not read,
 * whatever the text holds. Our own sentences stay outside.
 */

/** Control characters other than tab and newline: never shown. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` on one line and at most `max` characters (an ellipsis says it was cut). */
export function clip(text: string, max: number): string {
	const line = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
	if (line.length <= max) return line;
	return `${line.slice(0, max - 1).trimEnd()}… (${line.length.toLocaleString('en-US')} characters in all)`;
}

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
	return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/**
 * `text` as an inline code span, on one line and clipped to `max` characters: fenced by one
 * backtick more than its longest run, padded when it starts or ends with one (CommonMark's rule).
 */
export function code(text: string, max = 300): string {
	const body = clip(text, max) || ' ';
	const fence = '`'.repeat(longestBacktickRun(body) + 1);
	const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
	return `${fence}${pad}${body}${pad}${fence}`;
}

/** `text` as a fenced code block of `lang`, whatever backticks it holds; at most `max` characters. */
export function fenced(text: string, lang = 'text', max = 20_000): string {
	let body = text.replace(CONTROL, ' ').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
	if (body.length > max) body = `${body.slice(0, max)}\n… (cut at ${max.toLocaleString('en-US')} characters)`;
	const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
	return `${fence}${lang}\n${body}\n${fence}`;
}

/**
 * A link to `url` for markdown, or the URL as code when it is not a plain http(s) URL: the
 * destination in angle brackets, so parentheses and underscores in it stay part of it.
 */
export function link(label: string, url: string): string {
	if (!/^https?:\/\/[^\s<>"`\\]+$/i.test(url) || !URL.canParse(url)) return code(url);
	return `[${label.replace(/[\\[\]`*_<>]/g, '\\$&')}](<${url}>)`;
}

/** A GitHub login as a mention when it has a login's shape, else as text. */
export function mention(login: string): string {
	return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(login) ? `@${login}` : code(login, 60);
}
