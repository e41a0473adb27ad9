// Changing the reply the way the agent's own typing would: through
// `execCommand('insertText')`, which fires `beforeinput`/`input` and goes
// through the browser's (or the editor's) undo stack, so Ctrl+Z undoes what
// the coach inserted and every editor keeps its state in step. The selection
// must already cover what is replaced.

/**
 * Types `text` over the current selection; lines after the first start new
 * paragraphs in contenteditable (a textarea takes "\n" as it is). Returns
 * false when the browser has no execCommand for it.
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
