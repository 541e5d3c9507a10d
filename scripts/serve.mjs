// A tiny static server for web/ on 127.0.0.1 (no dependencies). The site is static files
// only; a server is needed because browsers cannot fetch a .wasm from file:// and need
// application/wasm to compile it while streaming. `node scripts/serve.mjs` serves on
// PORT (default 8080); browser tests import startServer({port: 0}) for a free port.
//
// CSP=strict sends every response with the strict Content Security Policy the site keeps to
// (STRICT_CSP below: no inline scripts or styles, no eval beyond compiling wasm), so a developer
// can see the site as a course page with that policy would; CSP='<policy>' sends that policy
// instead. Without CSP no policy is sent. startServer({csp}) does the same for tests
// (tests/browser/csp.test.mjs).
//
// Every response says X-Content-Type-Options: nosniff, so a browser keeps to the type sent;
// a redirect (a folder asked for without its final slash) goes to a path on this server built
// from the folder found inside root, never to a URL the request spelt (a path such as
// "/.//lessons" would otherwise become "//lessons/", which a browser reads as another host).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = fileURLToPath(new URL('../web/', import.meta.url));

/** The strictest policy every page and element works under (docs/embedding.md). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'";

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
};

// The file a URL path names, or null if it would leave root.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, '.' + decoded);
  return file === root || file.startsWith(root + sep) ? file : null;
}

// The path of a folder inside root as this server's URL: one leading slash, each name encoded.
const folderUrl = (root, dir) => '/' + relative(root, dir).split(sep).filter(Boolean).map((n) => encodeURIComponent(n) + '/').join('');

async function handle(root, csp, req, res) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // The path as sent, without query or fragment: read as a URL, "//lessons" would be a host.
  const pathname = req.url.replace(/[?#].*/s, '');
  let file = pathname.startsWith('/') ? resolveInside(root, pathname) : null;
  if (!file) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden\n');
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { Location: folderUrl(root, file) }).end();
      return;
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    // Any page may load the site's files (a course page with a script tag from this host; the
    // engine's worker, wasm and pictures then come from here by CORS): nothing here is private.
    'Access-Control-Allow-Origin': '*',
    ...(csp ? { 'Content-Security-Policy': csp } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * Serves root on 127.0.0.1:port (0 = any free port), with the Content-Security-Policy header csp
 * on every response when given. Resolves to {url, close}.
 */
export function startServer({ root = defaultRoot, port = 8080, csp = null } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    handle(base, csp, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE') {
        err = new Error(`port ${port} on 127.0.0.1 is already in use; set PORT to another port (e.g. PORT=8081 npm start)`);
      }
      reject(err);
    });
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolvePromise({ url, close });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a number from 0 to 65535, got "${process.env.PORT}"`);
    process.exit(1);
  }
  const csp = process.env.CSP === 'strict' ? STRICT_CSP : process.env.CSP || null;
  try {
    const { url } = await startServer({ port, csp });
    console.log(`Layerwise is being served at ${url}  (Ctrl+C to stop)${csp ? `\n  with Content-Security-Policy: ${csp}` : ''}`);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
}
