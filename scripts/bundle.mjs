// Bundles the browser code and assembles what is served and loaded:
//   www/gen/pkg/           the wasm engine (wasm-bindgen --target web output)
//   dist/extension/        the unpacked MV3 extension, ready for "Load unpacked"
// The sources stay plain ES modules; esbuild only joins them where a browser
// needs one file: the content script (extension/content/main.js, which
// imports the shared DOM layer www/coach/) cannot be a module, so it becomes
// one classic script, dist/extension/content.js. The service worker, the
// options page and the popup are modules and are copied as they are.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const PKG = path.join(DIST, 'pkg');

function copyDir(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (skip(a)) continue;
    if (entry.isDirectory()) copyDir(a, b, skip);
    else fs.copyFileSync(a, b);
  }
}

if (!fs.existsSync(path.join(PKG, 'handoff_coach_bg.wasm'))) {
  console.error('dist/pkg is missing: build the wasm engine first (scripts/run does)');
  process.exit(1);
}

// The demo site's copy of the engine.
const wwwGen = path.join(ROOT, 'www', 'gen');
fs.rmSync(path.join(wwwGen, 'pkg'), { recursive: true, force: true });
copyDir(PKG, path.join(wwwGen, 'pkg'));

// The extension: its own files (not the content script's sources), the
// bundled content script, and the engine.
const src = path.join(ROOT, 'extension');
const ext = path.join(DIST, 'extension');
fs.rmSync(ext, { recursive: true, force: true });
copyDir(src, ext, (p) => p === path.join(src, 'content') || p.endsWith('.md'));
copyDir(PKG, path.join(ext, 'pkg'));
await esbuild.build({
  entryPoints: [path.join(src, 'content', 'main.js')],
  outfile: path.join(ext, 'content.js'),
  bundle: true,
  format: 'iife',
  target: 'chrome120',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`bundled: ${path.relative(ROOT, path.join(wwwGen, 'pkg'))}, ${path.relative(ROOT, ext)}`);
