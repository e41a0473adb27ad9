// The contenteditable adapter (plain, ProseMirror, Quill, CKEditor 5): the
// text is the text model of the editable's DOM (../textmodel.js), rebuilt
// lazily after each mutation.
import { TextModel } from '../textmodel.js';
import { HighlightPainter } from '../paint/highlights.js';
import { insertAsTyped, insertByInputEvents, nextTurn } from './edit.js';

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
      // CKEditor 5 renders its DOM from its own model and drops DOM edits it
      // did not make: it takes edits only as beforeinput events. So may an
      // editor we do not know: if the DOM edit did not stick, say it that way.
      if (kind !== 'ckeditor') {
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
