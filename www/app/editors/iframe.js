// An editor in a frame, as TinyMCE, CKEditor 4's classic editor and Froala's
// iframe mode build theirs: a same-origin <iframe> whose own document's body
// is the editable. The reply box is then in another document than the card,
// with its own selection, undo stack and viewport, which the coach must
// follow (see www/coach/find.js and www/coach/dom.js `frameOffset`).
//
// The frame has no src: its document is the initial about:blank one, built
// from here through the DOM (as those editors do), so it needs no script of
// its own and inherits the page's CSP (the strict route's too). Its styles
// are a constructed sheet: no inline <style> for the CSP to refuse.
import { markEditable } from './common.js';
import { plainText, setParagraphs } from './contenteditable.js';

const FRAME_CSS = `
html { height: 100%; }
body {
  margin: 0; padding: 10px 12px; min-height: calc(100% - 20px); box-sizing: content-box;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  outline: none; overflow-wrap: break-word;
}
body:empty::before { content: attr(data-placeholder); color: #8b949e; }
`;

export function mount(host, { label, placeholder }) {
  const frame = document.createElement('iframe');
  frame.className = 'hd-iframe-editor';
  frame.title = label;
  host.append(frame);
  const doc = frame.contentDocument;
  const sheet = new frame.contentWindow.CSSStyleSheet();
  sheet.replaceSync(FRAME_CSS);
  doc.adoptedStyleSheets = [sheet];
  doc.documentElement.lang = document.documentElement.lang;
  const body = doc.body;
  body.contentEditable = 'true';
  body.setAttribute('role', 'textbox');
  body.setAttribute('aria-multiline', 'true');
  body.dataset.placeholder = placeholder;
  body.spellcheck = true;
  markEditable(body, label);
  return {
    kind: 'iframe',
    editable: body,
    getText: () => plainText(body),
    setText: (text) => setParagraphs(body, text),
    focus: () => body.focus(),
    destroy: () => frame.remove(),
  };
}
