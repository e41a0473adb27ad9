// Bundles the browser code and assembles what is served and loaded:
//   www/gen/pkg/           the wasm engine (wasm-bindgen --target web output)
//   dist/extension/        the unpacked MV3 extension, ready for "Load unpacked"
// The sources stay plain ES modules; esbuild only joins them where a browser
// needs one file (a content script cannot be a module).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const PKG = path.join(DIST, 'pkg');

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

if (!fs.existsSync(path.join(PKG, 'handoff_coach_bg.wasm'))) {
  console.error('dist/pkg is missing: build the wasm engine first (scripts/run does)');
  process.exit(1);
}

// The demo site's copy of the engine.
const wwwGen = path.join(ROOT, 'www', 'gen');
fs.rmSync(wwwGen, { recursive: true, force: true });
copyDir(PKG, path.join(wwwGen, 'pkg'));

// The extension: its own files, plus the engine.
const ext = path.join(DIST, 'extension');
fs.rmSync(ext, { recursive: true, force: true });
if (fs.existsSync(path.join(ROOT, 'extension'))) copyDir(path.join(ROOT, 'extension'), ext);
copyDir(PKG, path.join(ext, 'pkg'));
console.log(`bundled: ${path.relative(ROOT, wwwGen)}, ${path.relative(ROOT, ext)}`);
