// One adapter per reply-box kind, behind one shape (see `Field` below), so
// the session never asks what kind of box it has:
//
//   textarea / input   the value is the text; underlines through a mirror
//                      (../paint/boxes.js); edits through the field's own
//                      undo stack (execCommand, else setRangeText + input).
//   contenteditable    plain, ProseMirror, Quill and CKEditor 5 alike: the
//                      text is ../textmodel.js's model of the DOM; underlines
//                      through the Highlight API (../paint/highlights.js);
//                      edits as the editor's own input (beforeinput /
//                      execCommand), so its state and undo stack stay right.
//
// The rich editors need no text model of their own: their DOM is blocks,
// text nodes, placeholder <br>s and zero-width caret fillers, all of which the
// text model already reads. They differ only in how they take an edit (see
// editable.js): editors that render their DOM from their own model (CKEditor
// 5, Slate) take it as beforeinput events; the others through execCommand,
// with beforeinput as the fallback for an editor we do not know.
import { textField } from './textarea.js';
import { editableField } from './editable.js';

/**
 * @typedef {object} Field
 * @property {string} kind         'textarea' | 'input' | 'contenteditable' | 'prosemirror' | 'quill' | 'ckeditor' | 'slate'
 * @property {HTMLElement} element the element the agent types into
 * @property {() => string} text   the reply as the engine is sent it
 * @property {(onChange: () => void) => void} watch  calls onChange after every change of the text
 * @property {() => void} poll     checks for changes no event announced (called once per frame)
 * @property {(start: number, end: number, text: string) => void} replace  replaces a UTF-16 range as the agent's own edit
 * @property {(start: number, end: number) => void} select  selects a UTF-16 range
 * @property {(layer: Element) => object} painter  the underline painter for this kind
 * @property {() => void} destroy
 */

/**
 * The editable element for `el`: itself, or the first visible reply box
 * inside it (an editor often keeps a hidden <textarea> beside its editable).
 */
export function editableOf(el) {
  if (!el) return null;
  if (isTextControl(el) || isEditableRoot(el)) return el;
  const inner = el.querySelectorAll('textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
  return [...inner].find((c) => (isTextControl(c) || isEditableRoot(c)) && c.getClientRects().length > 0) ?? null;
}

/** A <textarea>, or an <input> that takes free text. */
export function isTextControl(el) {
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && ['text', 'search', ''].includes(el.getAttribute('type') ?? '');
}

/** The root of a contenteditable region (not an element inside one). */
export function isEditableRoot(el) {
  return el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable);
}

// Rich editors known by their editable's marks.
const EDITORS = [
  ['prosemirror', '.ProseMirror'],
  ['quill', '.ql-editor'],
  ['ckeditor', '.ck-editor__editable'],
  ['slate', '[data-slate-editor]'],
];

/**
 * The adapter for `el` (an element `editableOf` returned). `early`: the
 * engine runs on another thread, and a change is best reported as soon as
 * the text is in the DOM (see editable.js).
 */
export function fieldFor(el, { early = false } = {}) {
  if (isTextControl(el)) return textField(el, { early });
  const kind = EDITORS.find(([, selector]) => el.matches(selector))?.[0] ?? 'contenteditable';
  return editableField(el, kind, { early });
}
