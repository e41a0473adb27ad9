// Serves the demo helpdesk (www/) on 127.0.0.1 only, never 0.0.0.0.
//
//   node scripts/serve.mjs [--port N]   N = 0 picks any free port
//   node scripts/serve.mjs --fixtures   also serves tests/browser/fixtures/
//                                       under /fixtures/ (the browser tests' own pages)
//
// Every page is also served under /strict/ with the CSP real helpdesks ship,
// `default-src 'self'; script-src 'self'`, which forbids WebAssembly in the
// page: there the coach can only run through the extension's service worker.
// Prints "serving http://127.0.0.1:PORT/" once listening (the browser tests
// read that line), and stops cleanly on Ctrl-C.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const FIXTURES = path.join(ROOT, 'tests', 'browser', 'fixtures');
const withFixtures = process.argv.includes('--fixtures');
const STRICT_CSP = "default-src 'self'; script-src 'self'";
// The in-page engine needs 'wasm-unsafe-eval'; nothing else is allowed either.
const DEMO_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8', '.toml': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

function parsePort(argv) {
  const i = argv.indexOf('--port');
  if (i >= 0) return Number(argv[i + 1]);
  if (process.env.PORT) return Number(process.env.PORT);
  return 8080;
}

function resolve(urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (p.endsWith('/')) p += 'index.html';
  let base = WWW;
  if (withFixtures && p.startsWith('/fixtures/')) {
    base = FIXTURES;
    p = p.slice('/fixtures'.length);
  }
  const file = path.normalize(path.join(base, p));
  if (!file.startsWith(base + path.sep)) return null; // no way out of www/ (or the fixtures)
  return file;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let pathname = url.pathname;
  let csp = DEMO_CSP;
  if (pathname === '/strict' || pathname.startsWith('/strict/')) {
    pathname = pathname.slice('/strict'.length) || '/';
    csp = STRICT_CSP;
  }
  let file = resolve(pathname);
  if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file || !fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`not found: ${url.pathname}\n`);
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  fs.createReadStream(file).pipe(res);
});

function listen(port, triesLeft) {
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && triesLeft > 0) listen(port + 1, triesLeft - 1);
    else { console.error(`cannot listen on 127.0.0.1:${port}: ${err.message}`); process.exit(1); }
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    console.log(`serving http://127.0.0.1:${actual}/`);
    console.log(`  demo helpdesk     http://127.0.0.1:${actual}/`);
    console.log(`  strict-CSP route  http://127.0.0.1:${actual}/strict/   (coach via the extension only)`);
    console.log(`  trainer           http://127.0.0.1:${actual}/trainer/`);
    console.log(`  QA                http://127.0.0.1:${actual}/qa/`);
    console.log(`  bench             http://127.0.0.1:${actual}/bench/`);
    console.log(`extension folder to load unpacked: ${path.join(ROOT, 'dist', 'extension')}`);
    console.log('Ctrl-C stops the server.');
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 500).unref();
  });
}

const port = parsePort(process.argv);
listen(port, port === 0 ? 0 : 20);
