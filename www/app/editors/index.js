// The reply boxes the demo offers, one small adapter each, behind one shape:
//
//   const box = await mountEditor('quill', host, { label, placeholder });
//   box.kind       'quill'
//   box.editable   the element the agent types into (also marked
//                  [data-hd-reply], see ../site.js)
//   box.getText()  the reply as plain text, paragraphs joined by "\n"
//   box.setText(t) replaces the reply through the editor's own API (one undo step)
//   box.focus(), box.destroy()
//
// The adapters are what a helpdesk would ship, not what the coach needs: the
// coach finds the editable by the site profile and reads it with its own
// adapters, so a test of the coach on this page is a test on real editors.
// Each adapter is loaded only when its kind is asked for.
import { EDITORS } from '../settings.js';

const LOADERS = {
  textarea: () => import('./textarea.js'),
  contenteditable: () => import('./contenteditable.js'),
  prosemirror: () => import('./prosemirror.js'),
  quill: () => import('./quill.js'),
  ckeditor: () => import('./ckeditor.js'),
  iframe: () => import('./iframe.js'),
};

/** Mounts a reply box of `kind` in `host` (emptied first). */
export async function mountEditor(kind, host, options) {
  if (!EDITORS.includes(kind)) throw new Error(`unknown reply box kind: ${kind}`);
  const { mount } = await LOADERS[kind]();
  host.replaceChildren();
  host.dataset.editor = kind;
  return mount(host, options);
}
