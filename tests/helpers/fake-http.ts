/**
 * What the fake services of the CLI tests share (GitHub for `npm run stars`, arXiv and Semantic
 * Scholar for `npm run enrich`): a server on 127.0.0.1 at a random port whose `close()` drops the
 * connections still open, so a test ends even while a reply is held back; and one way to send a
 * reply — after its delay, or as a dropped connection. Each fake keeps its own API on top.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A reply: status, headers, body (text as is, anything else as JSON), a delay, or a dropped connection. */
export interface FakeReply {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	delayMs?: number;
	destroy?: boolean;
}

/** A listening fake server. */
export interface FakeServer {
	/** `http://127.0.0.1:<port>`, without a trailing slash. */
	url: string;
	/** Stop listening and drop every open connection. */
	close(): Promise<void>;
}

/** Serve `handler` on 127.0.0.1 at a free port. */
export async function listenOnLoopback(handler: RequestListener): Promise<FakeServer> {
	const sockets = new Set<Socket>();
	const server = createServer(handler);
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}

/**
 * Send `reply` once its delay has passed; resolves when it has been sent (or the connection
 * dropped). `textType` is the content type of a text body; any other body is JSON.
 */
export function sendReply(req: IncomingMessage, res: ServerResponse, reply: FakeReply, textType = 'text/plain; charset=utf-8'): Promise<void> {
	return new Promise((resolve) => {
		const send = () => {
			if (reply.destroy) req.socket.destroy();
			else {
				const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
				res.writeHead(reply.status ?? 200, { 'content-type': typeof reply.body === 'string' ? textType : 'application/json', ...reply.headers });
				res.end(text);
			}
			resolve();
		};
		if (reply.delayMs) setTimeout(send, reply.delayMs);
		else send();
	});
}
