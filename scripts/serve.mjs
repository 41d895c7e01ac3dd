#!/usr/bin/env node
// A static file server for dist/ on 127.0.0.1, for the demo and the browser tests.
//
//   node scripts/serve.mjs          PORT=8080 by default; when taken, the next free port
//   PORT=9000 node scripts/serve.mjs
//   PORT=0 node scripts/serve.mjs   any free port
//
// Every response carries the strict Content-Security-Policy the widget is built for (docs/WIDGET.md),
// so the demo proves it needs no inline script or style. GET and HEAD only; paths that leave
// dist/ (`..`, encoded or not, symlinks pointing out) are refused.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const HOST = '127.0.0.1';
const PORT_TRIES = 20;

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function baseHeaders() {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function sendText(req, res, status, text, extra = {}) {
  const body = `${text}\n`;
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function inside(root, path) {
  return path === root || path.startsWith(root + sep);
}

/** The file under dist/ a request path names, or null. */
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return { status: 403 };
  let path = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (!inside(root, path)) return { status: 403 };
  let info;
  try {
    info = await stat(path);
  } catch {
    return { status: 404 };
  }
  if (info.isDirectory()) {
    if (!urlPath.endsWith('/')) return { status: 301, location: `${urlPath}/` };
    path = join(path, 'index.html');
    try {
      info = await stat(path);
    } catch {
      return { status: 404 };
    }
  }
  if (!info.isFile()) return { status: 404 };
  const real = await realpath(path);
  if (!inside(root, real)) return { status: 403 };
  return { status: 200, path: real, size: info.size };
}

export function createStaticServer(root = ROOT) {
  return createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(req, res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const realRoot = await realpath(root);
      const found = await resolveFile(realRoot, url.pathname);
      if (found.status === 301) {
        sendText(req, res, 301, 'moved', { Location: found.location + url.search });
        return;
      }
      if (found.status !== 200) {
        const text = { 400: 'bad request', 403: 'forbidden', 404: 'not found' }[found.status] ?? 'error';
        sendText(req, res, found.status, text);
        return;
      }
      res.writeHead(200, {
        ...baseHeaders(),
        'Content-Type': MIME[extname(found.path).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': found.size,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.path);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) sendText(req, res, 500, 'internal error');
      else res.destroy();
    }
  });
}

/** Listens on `port`, or the next free one (up to PORT_TRIES); resolves to the bound port. */
export function listen(server, port, host = HOST) {
  return new Promise((resolvePort, reject) => {
    let attempt = 0;
    const tryPort = (p) => {
      const onError = (error) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' && port !== 0 && attempt < PORT_TRIES - 1) {
          attempt += 1;
          tryPort(p + 1);
        } else {
          reject(error);
        }
      };
      const onListening = () => {
        server.off('error', onError);
        resolvePort(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    };
    tryPort(port);
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const raw = process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    process.stderr.write(`serve: PORT must be a number from 0 to 65535, not ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  try {
    await stat(join(ROOT, 'index.html'));
  } catch {
    process.stderr.write('serve: dist/index.html is missing; build first: node scripts/build.mjs\n');
    process.exit(1);
  }
  const server = createStaticServer(ROOT);
  try {
    const bound = await listen(server, port);
    if (port !== 0 && bound !== port) process.stdout.write(`serve: port ${port} is busy, using ${bound}\n`);
    process.stdout.write(`serve: dist/ at http://${HOST}:${bound}/\n`);
  } catch (error) {
    process.stderr.write(`serve: cannot listen on ${HOST}:${port}: ${error.message}\n`);
    process.exit(1);
  }
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
