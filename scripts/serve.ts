/**
 * `npm start` / `npm run preview`: serve the built site (dist/) on http://localhost:4321 with
 * Astro's preview server, which honours BASE_PATH. `PORT` overrides the port.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

if (!existsSync('dist/index.html')) {
	console.error('dist/ has no site yet: run "npm run build" first (or "npm start", which builds).');
	process.exit(1);
}
const port = process.env.PORT || '4321';
const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const child = spawn(process.execPath, [astro, 'preview', '--port', port, '--host', '127.0.0.1'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const base = process.env.BASE_PATH || '/';
console.log(`Serving the KV Cache Atlas at http://localhost:${port}${base.startsWith('/') ? base : `/${base}`}  (Ctrl+C to stop)`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
