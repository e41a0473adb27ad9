// The contenteditable adapter (plain, ProseMirror, Quill, CKEditor 5): the
// text is the text model of the editable's DOM (../textmodel.js), rebuilt
// lazily after each mutation.
import { TextModel } from '../textmodel.js';
import { HighlightPainter } from '../paint/highlights.js';
import { insertAsTyped, insertByInputEvents, nextTurn } from './edit.js';
import { typedText } from './expected.js';

// Editors that render their DOM from their own model and drop DOM edits they
// did not make: they take edits only as beforeinput events.
const OWNS_DOM = new Set(['ckeditor', 'slate']);

/**
 * The field of a contenteditable `el`. `early`: also read the text at each
 * `input` event (see below), for an engine on another thread.
 */
export function editableField(el, kind, { early = false } = {}) {
  let model = null;
  let onChange = () => {};
  let lastText = null;
  const getModel = () => (model ??= new TextModel(el));
  const reread = () => {
    model = null;
    const text = getModel().text;
    if (text === lastText) return;
    lastText = text;
    onChange();
  };
  const observer = new MutationObserver(reread);
  observer.observe(el, { childList: true, characterData: true, subtree: true });
  lastText = getModel().text;
  // The browser has put a keystroke's text in the DOM when it fires `input`.
  // A rich editor then handles the key in its own mutation observer, which
  // is called before ours (it was made first) as soon as the first `input`
  // listener returns: CKEditor 5 takes 3-5 ms there. With the engine on
  // another thread (the extension's worker) the change is read from a
  // capturing `input` listener on the window as well, so that the check is
  // on its way while the editor works. With the engine in the page nothing
  // would run in parallel, and reading early would only put the check inside
  // the editor's handling of the key: the page coach reads after the editor.
  const win = el.ownerDocument.defaultView;
  const onInput = (e) => e.composedPath().includes(el) && reread();
  if (early) win.addEventListener('input', onInput, true);
  // And the text a typed character will make, from its target range (see
  // expected.js); a range the model cannot place (an element boundary, an
  // empty line) is not guessed.
  let onExpect = () => {};
  const onBefore = (e) => {
    if (!e.composedPath().includes(el)) return;
    const data = typedText(e, false);
    const [range] = data === null ? [] : e.getTargetRanges();
    if (!range) return;
    const m = getModel();
    const start = m.offsetOf(range.startContainer, range.startOffset);
    const end = range.collapsed ? start : m.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end < start) return;
    onExpect(m.text.slice(0, start) + data + m.text.slice(end));
  };
  if (early) win.addEventListener('beforeinput', onBefore, true);

  const select = (start, end) => {
    el.focus({ preventScroll: true });
    const range = getModel().range(start, end);
    const sel = el.ownerDocument.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  };

  return {
    kind,
    element: el,
    text: () => getModel().text,
    model: getModel,
    watch(cb) {
      onChange = cb;
    },
    expect(cb) {
      onExpect = cb;
    },
    poll() {},
    async replace(start, end, text) {
      const before = getModel().text;
      select(start, end);
      // An editor we do not know may own its DOM too: if the DOM edit did
      // not stick, say it as beforeinput.
      if (!OWNS_DOM.has(kind)) {
        insertAsTyped(el.ownerDocument, text, { paragraphs: true });
        await nextTurn();
        model = null;
        if (getModel().text !== before) return;
      }
      await insertByInputEvents(el, getModel().range(start, end), text);
    },
    select,
    painter: () => new HighlightPainter({ element: el, model: getModel }),
    destroy() {
      observer.disconnect();
      win.removeEventListener('input', onInput, true);
      win.removeEventListener('beforeinput', onBefore, true);
    },
  };
}
