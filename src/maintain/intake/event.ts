/**
 * The GitHub `issues` webhook event, as Actions writes it to `$GITHUB_EVENT_PATH`: only the
 * fields the intake reads, each checked for its type. Everything in it but the numbers is text
 * written by a stranger; it is read here and never reaches a shell.
 */
import { readFileSync } from 'node:fs';

/** What the intake needs of an issue event. */
export interface IssueEvent {
	/** `opened`, `edited`, … */
	action: string;
	number: number;
	title: string;
	/** The issue's markdown body; empty when the issue has none. */
	body: string;
	labels: string[];
	/** The author's login, as GitHub spells it. */
	author: string;
	/** The day the issue was opened, YYYY-MM-DD (UTC); null when the event lacks it. */
	opened: string | null;
}

/** Read the event file: the event, or why it cannot be used (a sentence naming the file and the fix). */
export function readIssueEvent(file: string): { event: IssueEvent } | { problem: string } {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (err) {
		return { problem: `cannot read --event ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}` };
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		return { problem: `--event ${file} is not JSON (${(err as Error).message}); pass the file GitHub Actions writes to $GITHUB_EVENT_PATH` };
	}
	return issueEventOf(json, file);
}

/** The issue event in a parsed payload, or what is missing from it. */
export function issueEventOf(json: unknown, file: string): { event: IssueEvent } | { problem: string } {
	const notIssue = (what: string) => ({ problem: `--event ${file} is not a GitHub "issues" event: ${what}. Run the intake on an issue opened or edited with the Add a paper form (the file in $GITHUB_EVENT_PATH).` });
	if (!isObject(json)) return notIssue('it is not a JSON object');
	const issue = json.issue;
	if (!isObject(issue)) return notIssue('it has no "issue"');
	if (!Number.isSafeInteger(issue.number) || (issue.number as number) < 1) return notIssue('"issue.number" is not a positive whole number');
	if (typeof issue.title !== 'string') return notIssue('"issue.title" is not text');
	if (issue.body !== null && issue.body !== undefined && typeof issue.body !== 'string') return notIssue('"issue.body" is not text');
	const user = issue.user;
	if (!isObject(user) || typeof user.login !== 'string' || !user.login) return notIssue('"issue.user.login" is missing');
	const labels = Array.isArray(issue.labels) ? issue.labels.flatMap((l) => (typeof l === 'string' ? [l] : isObject(l) && typeof l.name === 'string' ? [l.name] : [])) : [];
	const opened = typeof issue.created_at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(issue.created_at) ? issue.created_at.slice(0, 10) : null;
	return {
		event: {
			action: typeof json.action === 'string' ? json.action : '',
			number: issue.number as number,
			title: issue.title,
			body: typeof issue.body === 'string' ? issue.body : '',
			labels,
			author: user.login,
			opened,
		},
	};
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
