// The contenteditable adapter (plain, ProseMirror, Quill, CKEditor 5): the
// text is the text model of the editable's DOM (../textmodel.js), rebuilt
// lazily after each mutation.
import { TextModel } from '../textmodel.js';
import { HighlightPainter } from '../paint/highlights.js';
import { insertAsTyped, insertByInputEvents, nextTurn } from './edit.js';

// Editors that render their DOM from their own model and drop DOM edits they
// did not make: they take edits only as beforeinput events.
const OWNS_DOM = new Set(['ckeditor', 'slate']);

export function editableField(el, kind) {
  let model = null;
  let onChange = () => {};
  let lastText = null;
  const getModel = () => (model ??= new TextModel(el));
  const observer = new MutationObserver(() => {
    model = null;
    const text = getModel().text;
    if (text === lastText) return;
    lastText = text;
    onChange();
  });
  observer.observe(el, { childList: true, characterData: true, subtree: true });
  lastText = getModel().text;

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
    },
  };
}
