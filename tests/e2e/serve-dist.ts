/**
 * A small static server for a built site, for browser tests and Lighthouse: serves `dir` under
 * `base` on 127.0.0.1 (a free port), answers folders with their index.html, unknown paths with
 * 404.html and status 404, and paths outside the base with 404. `close()` stops it; the server
 * never keeps the test process alive.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A running server. */
export interface DistServer {
	/** http://127.0.0.1:PORT */
	origin: string;
	/** origin + base, ending in a slash: where the home page is. */
	url: string;
	/** Absolute URL of a site path: `at('papers/snapkv/')`. */
	at(sitePath: string): string;
	/** Paths requested so far (site-relative, base included), for "no external request" checks. */
	requests: string[];
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.bib': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

/** Resolve a request path to a file of `dir`, or null. Never leaves `dir`. */
export function resolveFile(dir: string, base: string, pathname: string): string | null {
	const b = base.endsWith('/') ? base : `${base}/`;
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (!decoded.startsWith(b) && `${decoded}/` !== b) return null;
	const rel = decoded.slice(b.length);
	const file = path.resolve(dir, `.${path.posix.sep}${rel}`);
	if (file !== path.resolve(dir) && !file.startsWith(path.resolve(dir) + path.sep)) return null;
	if (existsSync(file) && statSync(file).isFile()) return file;
	const index = path.join(file, 'index.html');
	if (existsSync(index)) return index;
	return null;
}

/** Serve `dir` under `base` (default "/"). */
export async function serveDist(dir: string, base = '/'): Promise<DistServer> {
	const b = base.endsWith('/') ? base : `${base}/`;
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		const { pathname } = new URL(req.url ?? '/', 'http://localhost');
		requests.push(pathname);
		// A folder without its slash: redirect like GitHub Pages does.
		const file = resolveFile(dir, b, pathname);
		if (file && file.endsWith(`${path.sep}index.html`) && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
			res.writeHead(301, { Location: `${pathname}/` }).end();
			return;
		}
		const notFound = path.join(dir, '404.html');
		const target = file ?? (existsSync(notFound) ? notFound : null);
		if (!target) {
			res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
			return;
		}
		res.writeHead(file ? 200 : 404, {
			'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
			'Cache-Control': 'no-cache',
		});
		if (req.method === 'HEAD') res.end();
		else createReadStream(target).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	server.unref();
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: `${origin}${b}`,
		at: (sitePath) => `${origin}${b}${sitePath.replace(/^\/+/, '')}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
