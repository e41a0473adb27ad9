// Changing the reply the way the agent's own typing would, so that Ctrl+Z
// undoes what the coach inserted and every editor keeps its state in step.
// Two input paths, because editors listen to different ones:
//
//   * `execCommand('insertText')`: the browser edits the DOM and fires
//     `input`; the edit lands on the browser's undo stack (textarea, plain
//     contenteditable) or is read back by editors that watch the DOM
//     (ProseMirror, Quill). It fires no `beforeinput`.
//   * a `beforeinput` event carrying the target range (what a keyboard or
//     an IME sends): editors that own their DOM and re-render it from their
//     model (CKEditor 5) ignore DOM edits they did not make, and apply this.

/**
 * Types `text` over the current selection with execCommand; lines after
 * the first become new paragraphs when `paragraphs` is set (a textarea takes
 * "\n" as it is). Returns false when the browser has no execCommand.
 */
export function insertAsTyped(doc, text, { paragraphs = false } = {}) {
  if (typeof doc.execCommand !== 'function') return false;
  if (!paragraphs || !text.includes('\n')) {
    return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  }
  let ok = true;
  text.split('\n').forEach((line, i) => {
    if (i > 0) ok = doc.execCommand('insertParagraph', false) && ok;
    if (line) ok = doc.execCommand('insertText', false, line) && ok;
  });
  return ok;
}

/** What an editor applies (or reverts) on its next turn: wait for it before the next step. */
export const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

function fire(el, inputType, data, range) {
  const event = new InputEvent('beforeinput', {
    inputType, data, bubbles: true, cancelable: true, composed: true,
    targetRanges: [new StaticRange({
      startContainer: range.startContainer, startOffset: range.startOffset,
      endContainer: range.endContainer, endOffset: range.endOffset,
    })],
  });
  el.dispatchEvent(event);
}

/**
 * Types `text` over `range` in `el` as `beforeinput` events, one line at a
 * time with a paragraph break between lines, each after the editor applied
 * the one before (an editor may apply a collapsed insertion on its next turn).
 */
export async function insertByInputEvents(el, range, text) {
  const doc = el.ownerDocument;
  const selection = () => doc.getSelection().getRangeAt(0);
  // Let the editor see the selection move first: an edit it takes as part
  // of the agent's last typing would be undone together with that typing.
  await new Promise((resolve) => {
    doc.addEventListener('selectionchange', resolve, { once: true });
    setTimeout(resolve, 50);
  });
  await nextTurn();
  let target = range;
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) {
      fire(el, 'insertParagraph', null, selection());
      await nextTurn();
    }
    if (line || target) {
      fire(el, line ? 'insertReplacementText' : 'deleteContent', line || null, target ?? selection());
      await nextTurn();
    }
    target = null;
  }
}
