// Bundles the rich editors the demo helpdesk offers as reply boxes
// (ProseMirror, Quill, CKEditor 5) from npm into www/gen/vendor/:
//
//   prosemirror.js + .css    quill.js + .css    ckeditor.js + .css
//
// One ES module per editor, loaded only when the page's `?editor=` asks for
// it, so a page with a plain <textarea> loads no editor at all. Each entry
// takes only the parts a helpdesk reply box uses (paragraphs, bold, italic,
// lists, undo), not the editors' "everything" builds: the Quill build without
// tables, formulas and syntax highlighting, CKEditor's classic editor with
// essentials instead of the `ckeditor5` umbrella package.
//
// Kept apart from scripts/bundle.mjs (the coach's bundle): the coach must
// work with whatever editor a helpdesk ships, so it never imports these.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'www', 'gen', 'vendor');

const ENTRIES = {
  prosemirror: {
    js: `
      export { EditorState, TextSelection } from 'prosemirror-state';
      export { EditorView } from 'prosemirror-view';
      export { Schema, DOMParser } from 'prosemirror-model';
      export { schema } from 'prosemirror-schema-basic';
      export { history, undo, redo } from 'prosemirror-history';
      export { keymap } from 'prosemirror-keymap';
      export { baseKeymap, toggleMark } from 'prosemirror-commands';
    `,
    css: `@import 'prosemirror-view/style/prosemirror.css';`,
  },
  quill: {
    js: `
      import Quill from 'quill/core';
      import Toolbar from 'quill/modules/toolbar';
      import SnowTheme from 'quill/themes/snow';
      import Bold from 'quill/formats/bold';
      import Italic from 'quill/formats/italic';
      import Link from 'quill/formats/link';
      import List from 'quill/formats/list';
      Quill.register({
        'modules/toolbar': Toolbar,
        'themes/snow': SnowTheme,
        'formats/bold': Bold,
        'formats/italic': Italic,
        'formats/link': Link,
        'formats/list': List,
      }, true);
      export default Quill;
    `,
    css: `@import 'quill/dist/quill.snow.css';`,
  },
  ckeditor: {
    js: `
      export { ClassicEditor } from '@ckeditor/ckeditor5-editor-classic';
      export { Essentials } from '@ckeditor/ckeditor5-essentials';
      export { Paragraph } from '@ckeditor/ckeditor5-paragraph';
      export { Bold, Italic } from '@ckeditor/ckeditor5-basic-styles';
    `,
    // Each package ships its own styles; these are the ones the classic
    // editor with the plugins above draws with.
    css: ['ui', 'engine', 'core', 'editor-classic', 'typing', 'clipboard', 'widget', 'basic-styles', 'paragraph', 'icons']
      .map((p) => `@import '@ckeditor/ckeditor5-${p}/dist/index.css';`)
      .join('\n'),
  },
};

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

const common = { bundle: true, minify: true, legalComments: 'eof', logLevel: 'warning', absWorkingDir: ROOT };
const sizes = [];
for (const [name, entry] of Object.entries(ENTRIES)) {
  for (const [ext, contents, loader] of [['js', entry.js, 'js'], ['css', entry.css, 'css']]) {
    const outfile = path.join(OUT, `${name}.${ext}`);
    await esbuild.build({
      ...common,
      stdin: { contents, loader, resolveDir: ROOT, sourcefile: `${name}-entry.${ext}` },
      outfile,
      format: ext === 'js' ? 'esm' : undefined,
      target: ext === 'js' ? 'es2022' : undefined,
    });
    sizes.push(`${name}.${ext} ${Math.round(fs.statSync(outfile).size / 1024)} KB`);
  }
}
console.log(`vendor: ${path.relative(ROOT, OUT)}: ${sizes.join(', ')}`);
